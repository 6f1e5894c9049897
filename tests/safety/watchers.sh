# watchers.sh - two consoles in real terminals (tmux) watching one intro
# during the torture soak, and how long each takes to show a change made
# elsewhere. Sourced by tools/torture.sh after lib.sh; not run.
#
#   watchers_start DESK CONF   (absolute paths) import the probe intro (account "Probe
#                              Account"), start consoles w1 and w2 on DESK
#                              (CONF: a config file or empty) showing it in
#                              the "All open" view; non-zero when they
#                              could not be brought up
#   watchers_probe             until $WORK/stop exists, change the probe's
#                              score in turn by a batch command, through
#                              w1's form and through w2's form, and time
#                              how long each other console takes to show
#                              it; appends "ROUND WRITER WATCHER MS" (or
#                              "... late" after 5 s) to $WORK/probe.log
#   watchers_report LIMIT_MS   fail when any change took longer than
#                              LIMIT_MS to show, a screen said busy, or a
#                              console did not quit cleanly; print the
#                              latencies' median, p95 and maximum
#
# The clock starts when the change is seen committed: when the batch
# command has exited 0, or when the writing console shows "scored IN-...";
# it stops when a watcher's screen shows the new score. Both are seen by
# polling every 50 ms, so a figure is good to about one step either way.
# A write to the desk's -wal file wakes a console (desk_watch.h); the rest
# is the time to read the page and repaint under the soak's load.

watch_sock=coselldesk-torture-$$
wt() { tmux -L "$watch_sock" "$@"; }
# the consoles go with the script, however it ends
watchers_kill() { wt kill-server 2>/dev/null; }

# watch_screen NAME: the console's screen as text
watch_screen() { wt capture-pane -p -t "$1" 2>/dev/null; }

# watch_until NAME PATTERN SECONDS: until the screen shows PATTERN (an ERE)
watch_until() {
	n=0
	while [ $n -lt $(($3 * 20)) ]; do
		watch_screen "$1" | grep -Eq -- "$2" && return 0
		sleep 0.05
		n=$((n + 1))
	done
	return 1
}

# probe_row_shows NAME SCORE: the probe's row shows SCORE (with its gate
# mark, + or -) in the All open view
probe_row_shows() {
	s=$(watch_screen "$1")
	case $s in *[Bb]usy* | *locked*) echo "$1: $(echo "$s" | grep -i 'busy\|locked' | head -n 1)" >>"$WORK/probe.busy" ;; esac
	echo "$s" | grep -F 'Probe Account' | grep -Eq " $2[-+ ]"
}

watchers_start() {
	if ! command -v tmux >/dev/null 2>&1; then
		fail "soak: tmux is not installed: the watcher consoles cannot run (make deps installs it)"
		return 1
	fi
	printf '%s\n%s\n' 'partner,account,received_at,expected_acv,external_id,source' \
		'Probe Partner,Probe Account,2026-01-05,90000,P-1,probe' >probe.csv
	"$BIN" --db "$1" import intros probe.csv >/dev/null 2>probe.err || {
		fail "soak: could not import the probe intro:"; show probe.err; return 1; }
	safety_exit_hook=watchers_kill
	probe=$(sqlite3 -readonly "$1" "SELECT 'IN-' || upper(substr(id, 1, 6)) FROM intros WHERE source = 'probe'")
	: >probe.log
	: >probe.busy
	if infocmp tmux-256color >/dev/null 2>&1; then
		echo 'set -g default-terminal tmux-256color' >watch.tmux.conf
	else
		echo 'set -g default-terminal screen' >watch.tmux.conf
	fi
	for w in w1 w2; do
		mkdir -p "$w"
		cat >"$w/run.sh" <<EOS
cd "$WORK/$w"
export XDG_STATE_HOME="$WORK/$w/state" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset COSELLDESK_SCRIPT COSELLDESK_NO_DISPLAY COLUMNS LINES
"$BIN" --db "$1" ${2:+--config "$2"} 2>"$WORK/$w/stderr"
echo \$? >"$WORK/$w/status"
sleep 600
EOS
		if [ "$w" = w1 ]; then
			wt -f watch.tmux.conf new-session -d -s w1 -x 100 -y 30 "sh $WORK/w1/run.sh"
		else
			wt new-session -d -s w2 -x 100 -y 30 "sh $WORK/w2/run.sh"
		fi
		if ! watch_until $w '\? help' 10; then
			fail "soak: watcher $w did not start:"
			watch_screen $w | tail -n 5 | sed 's/^/    /'
			return 1
		fi
		wt send-keys -t $w F6
		# an exact name: the desk grows by the soak's imports, and a
		# contains-match on account names walks every open intro
		wt send-keys -t $w -l ':limit account="Probe Account"'
		wt send-keys -t $w Enter
		if ! watch_until $w "$probe .*Probe Account" 10; then
			fail "soak: watcher $w does not show the probe intro:"
			watch_screen $w | sed 's/^/    /'
			return 1
		fi
	done
	return 0
}

# probe_wait ROUND WRITER SCORE T0 WATCHER...: time each WATCHER until its
# row shows SCORE
probe_wait() {
	r=$1 writer=$2 sc=$3 t0=$4
	shift 4
	pending=$*
	while [ -n "$pending" ]; do
		still=
		for pw in $pending; do
			if probe_row_shows $pw "$sc"; then
				echo "$r $writer $pw $(($(now_ms) - t0))" >>probe.log
			elif [ $(($(now_ms) - t0)) -ge 5000 ]; then
				echo "$r $writer $pw late" >>probe.log
				watch_screen $pw >"probe-late-$r-$pw.screen"
			else
				still="$still $pw"
			fi
		done
		pending=$still
		[ -z "$pending" ] || sleep 0.05
	done
}

# probe_form_save WATCHER OVERLAP: score the probe through the console's form
# (its row is the only one, so it is selected), back to the queue after
probe_form_save() {
	wt send-keys -t "$1" Enter
	watch_until "$1" 'overlap depth' 10 || return 1
	wt send-keys -t "$1" C-u "$2" Tab C-u 10 Tab C-u 18 Tab C-u 12 Tab C-u 6 Tab C-u 7 Enter
}

watchers_probe() {
	k=0
	while [ ! -e "$WORK/stop" ]; do
		k=$((k + 1))
		o=$((5 + k % 20))
		sc=$((o + 10 + 18 + 12 + 6 + 7))
		case $((k % 3)) in
		1)
			if "$BIN" --db soak.db score "$probe" --overlap $o --budget 10 --icp 18 \
				--relationship 12 --competitive 6 --size 7 >/dev/null 2>>probe.err; then
				probe_wait $k batch $sc "$(now_ms)" w1 w2
			else
				echo "$k batch: exit $?" >>probe.err
			fi ;;
		*)
			if [ $((k % 3)) = 2 ]; then w=w1 other=w2; else w=w2 other=w1; fi
			if probe_form_save $w $o && watch_until $w "scored $probe: $sc" 10; then
				probe_wait $k $w $sc "$(now_ms)" $other
			else
				echo "$k $w: the form save did not report 'scored $probe: $sc':" >>probe.err
				watch_screen $w >>probe.err
			fi
			wt send-keys -t $w q
			watch_until $w "$probe .*Probe Account" 10 ||
				echo "$k $w: did not come back to the queue" >>probe.err ;;
		esac
		sleep 0.5
	done
}

watchers_report() {
	for w in w1 w2; do
		wt send-keys -t $w q 2>/dev/null
	done
	for w in w1 w2; do
		n=0
		while [ $n -lt 100 ] && [ ! -s $w/status ]; do sleep 0.1; n=$((n + 1)); done
		if [ "$(cat $w/status 2>/dev/null)" != 0 ] || [ -s $w/stderr ]; then
			fail "soak: watcher $w did not quit cleanly (exit $(cat $w/status 2>/dev/null || echo none))"
			show $w/stderr
		fi
	done
	wt kill-server 2>/dev/null
	if [ -s probe.err ]; then
		fail "soak: the probe's edits failed:"
		show probe.err
	fi
	if [ -s probe.busy ]; then
		fail "soak: a watcher's screen said busy:"
		sort -u probe.busy | show /dev/stdin 5
	fi
	late=$(awk -v lim="$1" '$4 == "late" || $4 > lim' probe.log | wc -l)
	if [ "$late" -gt 0 ]; then
		fail "soak: $late of $(wc -l <probe.log) changes took over $1 ms to show in another console:"
		awk -v lim="$1" '$4 == "late" || $4 > lim' probe.log | show /dev/stdin 10
	fi
	awk '$4 != "late" { print $4 }' probe.log | sort -n | awk -v rounds="$(cut -d' ' -f1 probe.log | sort -u | wc -l)" '
		{ v[NR] = $1 }
		END {
			if (NR == 0) { print "soak: watchers: no change was timed"; exit }
			p95 = v[int((NR * 95 + 99) / 100)]
			printf "soak: watchers: %d changes (batch, console w1, console w2) shown %d times in another console: median %d ms, p95 %d ms, max %d ms\n",
				rounds, NR, v[int((NR + 1) / 2)], p95, v[NR]
		}'
	[ -s probe.log ] || fail "soak: the watchers timed no change"
	pass
}
