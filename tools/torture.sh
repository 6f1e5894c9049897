#!/bin/sh
# tools/torture.sh [--trials N] [--rows N] [--soak SECONDS] [--kinds LIST] BIN
#
# Never lose an edit: kill -9 the program at random moments and check the
# desk afterwards; then run writers side by side on one desk.
#
# Trials (N in all, taken in turn from --kinds, default all four):
#   import     a CSV of --rows new intros (each a new account): the import is
#              all or nothing: the intro and account counts are either those
#              before or those after, and "after" when it exited 0;
#   rescore    --rows scored intros, the weights changed by the config: every
#              row holds points of the old or the new weights, never a mix,
#              no row lost; a rescore run again afterwards finishes the job;
#   migration  a copy of tests/data/desk-v1.db grown to --rows intros, opened
#              by this build (which migrates it): the schema version is one
#              of the versions, no row lost, and the next open finishes;
#   edits      a stream of batch edits (score, tier, route, dial, escalate)
#              logging each command that exited 0: after the kill every
#              logged change is in the desk.
# After every trial: PRAGMA integrity_check is ok and `coselldesk check`
# passes. The moment of the kill is drawn from 0 to 1.2 times the job's
# uninterrupted duration (measured first), from a seed per trial, so a
# failing trial can be repeated (--seed S --trials 1 --kinds KIND).
#
# Soak (--soak SECONDS, 0 for none): two scripted consoles scoring intros
# of their own through the form (COSELLDESK_SCRIPT, no display, saving a
# screen after each save), two batch edit streams on other intros and a loop
# of imports, all on one desk at once: no command and no console screen may
# say "busy", every console's last scores, every logged edit and every
# imported row are in the desk. Meanwhile two more consoles run in real
# terminals (tmux) showing one probe intro, changed in turn by a batch
# command and through each console's form: each change must show in the
# other consoles within a second (tests/safety/watchers.sh).
#
# Exits non-zero when anything failed, after printing what.
set -u
trials=20 rows=10000 soak=30 kinds="import rescore migration edits" seed0=1
while [ $# -gt 1 ]; do
	case $1 in
	--trials) trials=$2 ;;
	--rows) rows=$2 ;;
	--soak) soak=$2 ;;
	--kinds) kinds=$2 ;;
	--seed) seed0=$2 ;;
	*) echo "torture: unknown option $1" >&2; exit 64 ;;
	esac
	shift 2
done
BIN=${1:-}
SAFETY_TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$SAFETY_TOP/tests/safety/lib.sh"
. "$SAFETY_TOP/tests/safety/watchers.sh"
safety_init torture
cd "$WORK" || exit 1

latest=$(sed -n 's/^#define STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$TOP/include/coselldesk/store.h")
q() { sqlite3 -readonly "$1" "$2" 2>&1; }
count() { q "$1" "SELECT count(*) FROM $2"; }

# sound DESK LABEL: integrity_check ok and `coselldesk check` passes
sound() {
	r=$(q "$1" 'PRAGMA integrity_check')
	if [ "$r" != ok ]; then
		fail "$2: integrity_check says: $(echo "$r" | head -n 3)"
		return 1
	fi
	if ! "$BIN" --db "$1" check >check.out 2>&1; then
		fail "$2: coselldesk check fails:"
		show check.out 12
		return 1
	fi
	return 0
}

# draw SEED MAX: a number of seconds in [0, MAX), the same for the same seed
draw() { awk -v s="$1" -v m="$2" 'BEGIN { srand(s); printf "%.3f", rand() * m }'; }

# now_ms: a clock for measuring
now_ms() { date +%s%3N; }

# kill_at DELAY PID: kill -9 PID after DELAY seconds; "killed" or "finished"
kill_at() {
	sleep "$1"
	if kill -9 "$2" 2>/dev/null; then echo killed; else echo finished; fi
}

# ---- fixtures, made once ----

# the import: --rows new intros, each with a new account, a few partners
awk -v n="$rows" 'BEGIN {
	print "partner,account,received_at,expected_acv,external_id,source"
	for (i = 1; i <= n; i++)
		printf "Torture Partner %d,Torture Account %d,2026-0%d-%02dT%02d:%02d:00Z,%d,T-%d,torture\n",
			i % 37, i, 1 + i % 9, 1 + i % 28, i % 24, i % 60, 1000 + i * 7, i
}' >rows.csv
fresh_desk base.db

# the rescore: one intro scored through the program, cloned --rows times
cp base.db scored.db
h=$("$BIN" --db scored.db --format csv queue --limit 1 | sed -n '2s/,.*//p')
"$BIN" --db scored.db score "$h" --overlap 22 --budget 15 --icp 18 --relationship 12 \
	--competitive 6 --size 7 >/dev/null || fail "could not score the rescore fixture"
sqlite3 scored.db "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO intros (id, partner_id, account_id, received_at, source, state, pod_id, owner_id,
	p_overlap, p_budget, p_icp, p_relationship, p_competitive, p_size, weights, score,
	sla_due, created_at, updated_at)
SELECT lower(hex(randomblob(16))), t.partner_id, t.account_id, t.received_at + n.i, 'torture',
	t.state, t.pod_id, t.owner_id, t.p_overlap, t.p_budget, t.p_icp, t.p_relationship,
	t.p_competitive, t.p_size, t.weights, t.score, t.sla_due, t.created_at, t.updated_at
FROM n, (SELECT * FROM intros WHERE score IS NOT NULL LIMIT 1) AS t;" ||
	fail "could not grow the rescore fixture"
old_w=$(q scored.db 'SELECT weights FROM intros WHERE score IS NOT NULL LIMIT 1')
cat >weights.conf <<'EOF'
pql = { weights = { overlap = 30; budget = 20; icp = 15; relationship = 15; competitive = 10; size = 10; }; };
EOF
new_w="30,20,15,15,10,10"
scored_n=$(q scored.db 'SELECT count(*) FROM intros WHERE score IS NOT NULL')

# the migration: the version-1 desk grown to --rows intros
cp "$TOP/tests/data/desk-v1.db" v1.db
chmod 600 v1.db
sqlite3 v1.db "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO intros (id, partner_id, account_id, received_at, source, state, pod_id, owner_id,
	created_at, updated_at)
SELECT lower(hex(randomblob(16))), t.partner_id, t.account_id, t.received_at + n.i, 'torture',
	'new', t.pod_id, t.owner_id, t.created_at, t.updated_at
FROM n, (SELECT * FROM intros WHERE state = 'new' LIMIT 1) AS t;" ||
	fail "could not grow the version-1 desk"
v1_intros=$(count v1.db intros)

# the edits: 24 new intros of their own
awk 'BEGIN {
	print "partner,account,received_at,expected_acv,external_id,source"
	for (i = 1; i <= 24; i++)
		printf "Edit Partner %d,Edit Account %d,2026-02-%02d,%d,E-%d,edits\n", i % 5, i, 1 + i % 28, 30000 + i * 1000, i
}' >edits.csv
cp base.db edits.db
"$BIN" --db edits.db import intros edits.csv >/dev/null 2>&1 || fail "could not import the edit intros"
sqlite3 -readonly edits.db "SELECT 'IN-' || upper(substr(id, 1, 6)) FROM intros
	WHERE source = 'edits' ORDER BY external_id" >edit-handles

# edit_stream DESK HANDLES LOG [dial] [forever]: edit each intro of HANDLES
# in turn: the first pass scores, tiers and routes it (with "dial": moves
# the dial and escalates it too); later passes (with "forever") override its
# tier and log AE hours on it. Every command that exits 0 appends
# "CMD HANDLE VALUE" to LOG; every command's stderr goes to LOG.err.
edit_stream() {
	k=0 pass=0
	while :; do
		pass=$((pass + 1))
		while read -r eh; do
			[ ! -e "$WORK/stop" ] || return 0
			k=$((k + 1))
			if [ $pass -eq 1 ]; then
				o=$((15 + k % 10)) b=$((12 + k % 8))
				s=$((o + b + 18 + 12 + 6 + 7))
				echo "score $eh $s" >"$3.intent"
				"$BIN" --db "$1" score "$eh" --overlap $o --budget $b --icp 18 --relationship 12 \
					--competitive 6 --size 7 >/dev/null 2>>"$3.err" && echo "score $eh $s" >>"$3"
				echo "tier $eh -" >"$3.intent"
				"$BIN" --db "$1" tier "$eh" >/dev/null 2>>"$3.err" && echo "tier $eh -" >>"$3"
				echo "route $eh -" >"$3.intent"
				"$BIN" --db "$1" route "$eh" >/dev/null 2>>"$3.err" && echo "route $eh -" >>"$3"
			else
				v=$((1 + k % 3))
				echo "tierset $eh $v" >"$3.intent"
				"$BIN" --db "$1" tier "$eh" $v --reason "pass $pass" >/dev/null 2>>"$3.err" &&
					echo "tierset $eh $v" >>"$3"
				ae=$(q "$1" "SELECT a.name FROM intros i JOIN aes a ON a.id = i.ae_id
					WHERE 'IN-' || upper(substr(i.id, 1, 6)) = '$eh'")
				case $ae in
				*' '* | '') ;;  # no AE, or a message from a busy read: skip
				*) echo "hours $eh -" >"$3.intent"
				   "$BIN" --db "$1" hours "$eh" --ae "$ae" --hours 0.25 --activity soak \
					>/dev/null 2>>"$3.err" && echo "hours $eh -" >>"$3" ;;
				esac
			fi
			if [ "${4:-}" = dial ]; then
				d=$((60 + k % 20))
				echo "dial - $d" >"$3.intent"
				"$BIN" --db "$1" dial $d >/dev/null 2>>"$3.err" && echo "dial - $d" >>"$3"
				if [ $pass -eq 1 ]; then
					echo "escalate $eh -" >"$3.intent"
					"$BIN" --db "$1" escalate "$eh" --kind stalled_deal --note "stream $k" \
						>/dev/null 2>>"$3.err" && echo "escalate $eh -" >>"$3"
				fi
			fi
		done <"$2"
		[ "${5:-}" = forever ] || return 0
	done
}

# logged_present DESK LOG LABEL [INTENT]: every change LOG records is in
# DESK. INTENT is the command started last ("dial - 67"): killed with it, or
# between its end and its log line, its change may be there or not.
logged_present() {
	missing=0
	sqlite3 -readonly "$1" "SELECT 'IN-' || upper(substr(id, 1, 6)), ifnull(score, ''),
		ifnull(tier, ''), state, ifnull(ae_id, '') FROM intros" >state.now
	last_dial=""
	while read -r cmd eh val; do
		case $cmd in
		score) line=$(grep "^$eh|" state.now); [ "$(echo "$line" | cut -d'|' -f2)" = "$val" ] ||
			{ echo "    lost: score $eh $val (desk: $line)"; missing=$((missing + 1)); } ;;
		tier) line=$(grep "^$eh|" state.now); [ -n "$(echo "$line" | cut -d'|' -f3)" ] ||
			{ echo "    lost: tier $eh (desk: $line)"; missing=$((missing + 1)); } ;;
		route) line=$(grep "^$eh|" state.now); [ -n "$(echo "$line" | cut -d'|' -f5)" ] ||
			{ echo "    lost: route $eh (desk: $line)"; missing=$((missing + 1)); } ;;
		escalate) n=$(q "$1" "SELECT count(*) FROM escalations e JOIN intros i ON i.id = e.intro_id
			WHERE 'IN-' || upper(substr(i.id, 1, 6)) = '$eh'")
			[ "$n" -ge 1 ] || { echo "    lost: escalate $eh"; missing=$((missing + 1)); } ;;
		dial) last_dial=$val ;;
		esac
	done <"$2"
	# a tier set later wins; hours add up
	awk '$1 == "tierset" { last[$2] = $3 } END { for (h in last) print h, last[h] }' "$2" |
	while read -r eh val; do
		line=$(grep "^$eh|" state.now)
		t=$(echo "$line" | cut -d'|' -f3)
		[ "$t" = "$val" ] || [ "${4:-}" = "tierset $eh $t" ] ||
			echo "    lost: tier $eh $val (desk: $line)"
	done >lost.tier
	awk '$1 == "hours" { n[$2]++ } END { for (h in n) print h, n[h] }' "$2" |
	while read -r eh val; do
		got=$(q "$1" "SELECT count(*) FROM ae_hours_log l JOIN intros i ON i.id = l.intro_id
			WHERE 'IN-' || upper(substr(i.id, 1, 6)) = '$eh' AND l.activity = 'soak'")
		if [ "$got" -lt "$val" ] || { [ "$got" -gt "$val" ] &&
		   { [ "$got" -gt $((val + 1)) ] || [ "${4:-}" != "hours $eh -" ]; }; }; then
			echo "    lost: hours $eh: $val logged, $got in the desk"
		fi
	done >>lost.tier
	if [ -s lost.tier ]; then
		cat lost.tier
		missing=$((missing + $(wc -l <lost.tier)))
	fi
	if [ -n "$last_dial" ]; then
		now=$("$BIN" --db "$1" --format json dial | sed -n 's/.*"threshold": *\([0-9]*\).*/\1/p')
		# the command started last may have been a later dial
		if [ "$now" != "$last_dial" ] && [ "${4:-}" != "dial - $now" ]; then
			echo "    lost: dial $last_dial (desk: $now)"
			missing=$((missing + 1))
		fi
	fi
	if [ $missing -gt 0 ]; then
		fail "$3: $missing logged changes are not in the desk"
		return 1
	fi
	return 0
}

# ---- calibration: how long each job takes uninterrupted ----
declare_duration() { eval "dur_$1=$2"; }
for kind in $kinds; do
	t0=$(now_ms)
	case $kind in
	import) cp base.db cal.db; "$BIN" --db cal.db import intros rows.csv >cal.out 2>&1 ;;
	rescore) cp scored.db cal.db; "$BIN" --db cal.db --config weights.conf rescore >cal.out 2>&1 ;;
	migration) cp v1.db cal.db; "$BIN" --db cal.db check >cal.out 2>&1 ;;
	edits) cp edits.db cal.db; : >cal.log; edit_stream cal.db edit-handles cal.log dial >cal.out 2>&1 ;;
	*) echo "torture: unknown kind $kind" >&2; exit 64 ;;
	esac
	rc=$?
	t1=$(now_ms)
	[ $rc -eq 0 ] || { fail "calibration: $kind failed uninterrupted (exit $rc)"; show cal.out; }
	sound cal.db "calibration $kind" || true
	declare_duration "$kind" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 * 1.2 }')"
	rm -f cal.db cal.db-wal cal.db-shm
done

# ---- the trials ----
set -- $kinds
nk=$#
i=0 killed=0 finished=0 survived=0
while [ $i -lt "$trials" ]; do
	i=$((i + 1))
	idx=$(( (i - 1) % nk + 1 ))
	eval "kind=\${$idx}"
	eval "max=\$dur_$kind"
	seed=$((seed0 * 100000 + i))
	delay=$(draw "$seed" "$max")
	label="trial $i ($kind, kill at ${delay}s, seed $seed)"
	rm -f t.db t.db-wal t.db-shm t.log t.log.err t.log.intent
	before_fail=$safety_failed
	case $kind in
	import)
		cp base.db t.db
		i0=$(count t.db intros) a0=$(count t.db accounts)
		"$BIN" --db t.db import intros rows.csv >t.out 2>&1 &
		pid=$!
		how=$(kill_at "$delay" $pid)
		wait $pid 2>/dev/null
		rc=$?
		if sound t.db "$label"; then
			n=$(count t.db intros) a=$(count t.db accounts)
			if [ "$n" != "$i0" ] && [ "$n" != $((i0 + rows)) ]; then
				fail "$label: half an import: $n intros (before $i0, after $((i0 + rows)))"
			elif [ "$a" != "$a0" ] && [ "$a" != $((a0 + rows)) ]; then
				fail "$label: half an import: $a accounts (before $a0)"
			elif [ $rc -eq 0 ] && [ "$n" != $((i0 + rows)) ]; then
				fail "$label: the import said it was done, but $n intros are there"
			elif [ "$n" = "$i0" ] && [ "$a" != "$a0" ] || [ "$n" != "$i0" ] && [ "$a" = "$a0" ]; then
				fail "$label: intros and accounts disagree ($n intros, $a accounts)"
			fi
		fi
		;;
	rescore)
		cp scored.db t.db
		"$BIN" --db t.db --config weights.conf rescore >t.out 2>&1 &
		pid=$!
		how=$(kill_at "$delay" $pid)
		wait $pid 2>/dev/null
		rc=$?
		if sound t.db "$label"; then
			odd=$(q t.db "SELECT count(*) FROM intros WHERE score IS NOT NULL
				AND weights NOT IN ('$old_w', '$new_w')")
			n=$(q t.db 'SELECT count(*) FROM intros WHERE score IS NOT NULL')
			left=$(q t.db "SELECT count(*) FROM intros WHERE weights = '$old_w'")
			if [ "$odd" != 0 ]; then
				fail "$label: $odd rows hold points of neither weights"
			elif [ "$n" != "$scored_n" ]; then
				fail "$label: $n scored intros, was $scored_n"
			elif [ $rc -eq 0 ] && [ "$left" != 0 ]; then
				fail "$label: the rescore said it was done, but $left rows hold the old weights"
			elif ! "$BIN" --db t.db --config weights.conf rescore >t.out 2>&1; then
				fail "$label: the rescore run again fails:"
				show t.out
			elif [ "$(q t.db "SELECT count(*) FROM intros WHERE weights = '$old_w'")" != 0 ]; then
				fail "$label: a second rescore leaves rows with the old weights"
			fi
		fi
		;;
	migration)
		cp v1.db t.db
		"$BIN" --db t.db check >t.out 2>&1 &
		pid=$!
		how=$(kill_at "$delay" $pid)
		wait $pid 2>/dev/null
		rc=$?
		r=$(q t.db 'PRAGMA integrity_check')
		v=$(q t.db 'PRAGMA user_version')
		n=$(count t.db intros)
		v_at_kill=$v
		if [ "$r" != ok ]; then
			fail "$label: integrity_check says: $r"
		elif [ "$v" -lt 1 ] || [ "$v" -gt "$latest" ]; then
			fail "$label: schema version $v"
		elif [ "$n" != "$v1_intros" ]; then
			fail "$label: $n intros after an interrupted migration, was $v1_intros"
		elif sound t.db "$label (opened again)"; then
			v=$(q t.db 'PRAGMA user_version')
			n=$(count t.db intros)
			[ "$v" = "$latest" ] || fail "$label: opened again, still at version $v"
			[ "$n" = "$v1_intros" ] || fail "$label: $n intros after the migration, was $v1_intros"
		fi
		;;
	edits)
		cp edits.db t.db
		: >t.log
		edit_stream t.db edit-handles t.log dial >/dev/null 2>&1 &
		spid=$!
		sleep "$delay"
		# stop the stream (it starts nothing more), kill its command in
		# flight, then the stream
		if kill -STOP $spid 2>/dev/null; then
			how=killed
			for cpid in $(pgrep -P $spid); do kill -9 "$cpid" 2>/dev/null; done
			kill -9 $spid 2>/dev/null
		else
			how=finished
		fi
		wait $spid 2>/dev/null
		sleep 0.1
		inflight=$(cat t.log.intent 2>/dev/null)
		if sound t.db "$label"; then
			logged_present t.db t.log "$label" "$inflight"
		fi
		;;
	esac
	case $how in killed) killed=$((killed + 1)) ;; *) finished=$((finished + 1)) ;; esac
	eval "n_$kind=\$((\${n_$kind:-0} + 1))"
	[ "$how" = killed ] && eval "k_$kind=\$((\${k_$kind:-0} + 1))"
	if [ "$safety_failed" -eq "$before_fail" ]; then
		survived=$((survived + 1))
		eval "s_$kind=\$((\${s_$kind:-0} + 1))"
	fi
	if [ -n "${TORTURE_VERBOSE:-}" ]; then
		case $kind in
		import) detail="$(count t.db intros) intros" ;;
		rescore) detail="$left of $scored_n rows left with the old weights at the kill" ;;
		migration) detail="found at schema version $v_at_kill after the kill" ;;
		edits) detail="$(cat t.log 2>/dev/null | wc -l) edits logged, in flight: ${inflight:-none}" ;;
		esac
		echo "$label: $how; $detail"
	fi
	pass
done
echo "torture: $i trials ($killed killed mid-way, $finished done before the kill), $survived survived"
for kind in $kinds; do
	eval "echo \"  $kind: \${n_$kind:-0} trials, \${k_$kind:-0} killed mid-way, \${s_$kind:-0} survived\""
done

# console_script FIRST LAST ROUND: a console session scoring the intros
# Console C<FIRST>..C<LAST> through the form (each picked by a :limit),
# values drawn from ROUND, and saving the screen after each save. Prints the
# script; "ACCOUNT|SCORE" for each intro goes to fd 3.
console_script() {
	c=$1
	while [ "$c" -le "$2" ]; do
		name=$(printf 'Console C%02d' "$c")
		o=$((10 + (c + $3 * 3) % 16)) b=$((5 + (c + $3) % 16))
		printf ':limit account:"%s"\n<Enter>\n' "$name"
		printf '<C-u>%d<Tab><C-u>%d<Tab><C-u>19<Tab><C-u>13<Tab><C-u>5<Tab><C-u>7\n' $o $b
		printf '<Enter>\n:save-display r%d-c%02d.screen\nq\n' "$3" "$c"
		echo "$name|$((o + b + 44))" >&3
		c=$((c + 1))
	done
	echo ':save-display queue.screen'
}

# screens_show_own DIR FIRST LAST ROUND: the screen saved after each save
# shows the brief of the intro the session asked for
screens_show_own() {
	c=$2
	while [ "$c" -le "$3" ]; do
		name=$(printf 'Console C%02d' "$c")
		head -n 1 "$1/r$4-$(printf 'c%02d' "$c").screen" 2>/dev/null | grep -qF "$name" || return 1
		c=$((c + 1))
	done
}

# console_loop NAME FIRST LAST: run scripted consoles on soak.db one after
# another until the stop file appears. A run that exits 0 with nothing on
# stderr and no screen saying busy appends its scores to NAME.log (the
# last run's scores are what the desk must hold); anything else goes to
# NAME.err.
console_loop() {
	r=0
	mkdir -p "$1"
	while [ ! -e "$WORK/stop" ]; do
		r=$((r + 1))
		rm -f "$1"/*.screen
		console_script "$2" "$3" $r >"$1/session.script" 3>"$1/scores"
		(
			cd "$1" || exit 70
			export COSELLDESK_SCRIPT="$WORK/$1/session.script" COSELLDESK_NO_DISPLAY=1
			export COLUMNS=100 LINES=30 TERM=xterm-256color XDG_STATE_HOME="$WORK/$1/state"
			exec "$BIN" --db "$WORK/soak.db" ${console_conf:+--config "$console_conf"}
		) >"$1/stdout" 2>"$1/stderr"
		st=$?
		if [ $st -ne 0 ] || [ -s "$1/stderr" ]; then
			{ echo "console $1 run $r: exit $st"; cat "$1/stderr"; } >>"$1.err"
		elif grep -il 'busy\|locked' "$1"/*.screen >/dev/null 2>&1; then
			{ echo "console $1 run $r: a screen says busy:"
			  grep -ih 'busy\|locked' "$1"/*.screen; } >>"$1.err"
		elif ! screens_show_own "$1" "$2" "$3" $r; then
			echo "console $1 run $r: a save went to another intro than asked" >>"$1.err"
		else
			sed "s/^/$r|/" "$1/scores" >>"$1.log"
		fi
	done
}

# consoles_present DESK NAME...: the scores of each console's last good run
# are in the desk
consoles_present() {
	d=$1
	shift
	sqlite3 -readonly "$d" "SELECT a.name, i.score FROM intros i JOIN accounts a
		ON a.id = i.account_id WHERE i.source = 'console'" >console.now
	for c in "$@"; do
		if [ -s "$c.err" ]; then
			fail "soak: console $c: $(grep -c '^console' "$c.err") runs failed:"
			show "$c.err" 12
		fi
		if [ ! -s "$c.log" ]; then
			fail "soak: console $c finished no run"
			continue
		fi
		last=$(tail -n 1 "$c.log" | cut -d'|' -f1)
		grep "^$last|" "$c.log" | cut -d'|' -f2- | while IFS='|' read -r name score; do
			grep -qx "$name|$score" console.now || echo "    lost: $c $name $score (desk: $(grep "^$name|" console.now))"
		done >console.lost
		if [ -s console.lost ]; then
			fail "soak: console $c: $(wc -l <console.lost) saved scores are not in the desk"
			cat console.lost
		fi
	done
}

# ---- the soak ----
if [ "$soak" -gt 0 ]; then
	cp edits.db soak.db
	# twelve intros for the consoles, six each
	awk 'BEGIN {
		print "partner,account,received_at,expected_acv,external_id,source"
		for (i = 1; i <= 12; i++)
			printf "Console Partner %d,Console C%02d,2026-02-%02d,%d,C-%d,console\n", i % 3, i, 1 + i, 40000 + i * 500, i
	}' >console.csv
	"$BIN" --db soak.db import intros console.csv >/dev/null 2>&1 || fail "could not import the console intros"
	# TORTURE_CONSOLE_CONF: a config for the consoles (a longer busy timeout)
	console_conf=${TORTURE_CONSOLE_CONF:-}
	split -n l/2 edit-handles half.
	: >a.log
	: >b.log
	: >imports.log
	: >imports.err
	rm -f "$WORK/stop"
	pw=
	if watchers_start "$WORK/soak.db" "$console_conf"; then
		watchers_probe &
		pw=$!
	fi
	i0=$(count soak.db intros)
	edit_stream soak.db half.aa a.log dial forever &
	pa=$!
	edit_stream soak.db half.ab b.log nodial forever &
	pb=$!
	console_loop console-a 1 6 &
	pca=$!
	console_loop console-b 7 12 &
	pcb=$!
	( sleep "$soak"; touch "$WORK/stop" ) &
	pt=$!
	(
		k=0
		while [ ! -e "$WORK/stop" ]; do
			k=$((k + 1))
			awk -v k=$k 'BEGIN {
				print "partner,account,received_at,external_id,source"
				for (i = 1; i <= 500; i++)
					printf "Soak Partner %d,Soak %d-%d,2026-03-%02d,S-%d-%d,soak\n", i % 7, k, i, 1 + i % 28, k, i
			}' >soak-$k.csv
			if "$BIN" --db soak.db import intros soak-$k.csv >/dev/null 2>>imports.err; then
				echo "$k 500" >>imports.log
			else
				echo "import $k: exit $?" >>imports.err
			fi
		done
	) &
	pi=$!
	# stopped early (SIGTERM): the loops wait for a stop file that would
	# never come, in a directory the clean-up removes
	soak_stop() { kill $pa $pb $pi $pca $pcb $pw $pt 2>/dev/null; watchers_kill; }
	safety_exit_hook=soak_stop
	wait $pa $pb $pi $pca $pcb $pw
	safety_exit_hook=watchers_kill
	[ -z "$pw" ] || watchers_report 1000
	if grep -qi 'busy\|locked' a.log.err b.log.err imports.err 2>/dev/null; then
		fail "soak: a command met a busy desk ($(cat a.log.err b.log.err imports.err |
			grep -ci 'busy\|locked') times; by command below):"
		cat a.log.err b.log.err imports.err | grep -i 'busy\|locked' |
			sed 's/: [^:]*:.*//' | sort | uniq -c | sed 's/^/    /'
		grep -hi 'busy\|locked' a.log.err b.log.err imports.err | head -n 3 | sed 's/^/    /'
	fi
	if grep -q 'exit 75' imports.err; then
		fail "soak: an import exited 75 (busy)"
	fi
	sound soak.db "soak" && {
		logged_present soak.db a.log "soak, stream A" dial
		logged_present soak.db b.log "soak, stream B"
		consoles_present soak.db console-a console-b
		added=$(awk '{ n += $2 } END { print n + 0 }' imports.log)
		n=$(count soak.db intros)
		[ "$n" = $((i0 + added)) ] ||
			fail "soak: $n intros, expected $i0 + $added imported"
	}
	edits=$(cat a.log b.log | wc -l)
	echo "soak: ${soak}s, $edits edits logged by two streams, $(wc -l <imports.log) imports of 500 rows," \
		"$(cat console-a.log console-b.log 2>/dev/null | wc -l) form saves by two consoles"
	pass
fi
safety_done
