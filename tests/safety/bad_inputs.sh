#!/bin/sh
# tests/safety/bad_inputs.sh BIN - every bad input of the catalogue, through
# the batch binary, against a real desk.
#
# For each case: a fresh desk (init + the good import files), its content
# hash (sqlite3 .dump), the command, then: the exit status is the expected
# one, each expected message line ends a line of stderr (in order), and the
# desk's content hash has not moved.
#
# The cases:
#   - tests/data/bad/*.expect: CSV files (format in tests/data/bad/README.md);
#     run from that directory, as `coselldesk --db DESK ARGS`;
#   - tests/safety/cases/*.expect: the same format for batch commands other
#     than import; @INTRO@ in args is an intro of the desk;
#   - tests/data/conf/bad/*.conf with their .expected: `--config FILE` on a
#     command that would write (exit 78, every message, nothing written) and
#     on `check`;
#   - tests/data/conf/bad/*.theme: through `check` (the theme named by the
#     config, exit 78), and a scripted console session that
#     must start with the default look and keep the desk as it was;
#   - inputs made here, too big or too odd to keep in the tree: a 10 MB
#     field, 10 MB of one line, a NUL in the middle of a field, a lone BOM,
#     CRLF everywhere with a bad row, a file that is a directory.
set -u
BIN=${1:-}
. "$(dirname "$0")/lib.sh"
safety_init bad-inputs
tried=0

# run_case NAME DIR EXPECT-FILE ARGS... : run ARGS in DIR on a fresh desk and
# judge it against EXPECT-FILE (exit: line, then the message lines)
run_case() {
	name=$1 dir=$2 expect=$3
	shift 3
	tried=$((tried + 1))
	desk=$WORK/desk.db
	fresh_desk "$desk"
	before=$(desk_hash "$desk")
	(cd "$dir" && "$BIN" --db "$desk" "$@") >"$WORK/out" 2>"$WORK/err" </dev/null
	status=$?
	want=$(sed -n 's/^exit: *//p' "$expect")
	sed -e '/^args:/d' -e '/^exit:/d' -e '/^#/d' "$expect" >"$WORK/want"
	ok=1
	if [ "$status" != "$want" ]; then
		fail "$name: exit $status, expected $want"
		ok=0
	fi
	expect_lines "$WORK/want" "$WORK/err" >"$WORK/missing"
	if [ -s "$WORK/missing" ]; then
		fail "$name: stderr lacks expected lines"
		show "$WORK/missing" 5
		echo "    stderr was:"
		show "$WORK/err" 10
		ok=0
	fi
	if grep -q 'ERROR: AddressSanitizer\|runtime error:\|LeakSanitizer' "$WORK/err"; then
		fail "$name: a sanitizer spoke"
		show "$WORK/err" 30
		ok=0
	fi
	after=$(desk_hash "$desk")
	if [ "$before" != "$after" ]; then
		fail "$name: the desk changed"
		ok=0
	fi
	[ $ok -eq 1 ] && pass
}

# ---- the CSV catalogue and the batch-command cases ----
for cases in "$TOP/tests/data/bad" "$TOP/tests/safety/cases"; do
	for e in "$cases"/*.expect; do
		[ -f "$e" ] || continue
		args=$(sed -n 's/^args: *//p' "$e")
		intro=""
		case $args in
		*@INTRO@*)
			fresh_desk "$WORK/probe.db"
			intro=$("$BIN" --db "$WORK/probe.db" --format csv queue --limit 1 2>/dev/null |
				sed -n '2s/,.*//p')
			[ -n "$intro" ] || { fail "$(basename "$e"): no intro to name"; continue; }
			args=$(printf '%s' "$args" | sed "s/@INTRO@/$intro/g")
			;;
		esac
		# shellcheck disable=SC2086
		run_case "$(basename "$e" .expect)" "$cases" "$e" $args
	done
done

# ---- config fixtures: on a write and on check ----
for conf in "$TOP"/tests/data/conf/bad/*.conf; do
	n=$(basename "$conf" .conf)
	exp=${conf%.conf}.expected
	[ -f "$exp" ] || continue
	{ echo "exit: 78"; cat "$exp"; } >"$WORK/conf.expect"
	# messages name the file as given: run from the top with a relative path
	run_case "conf $n (dial 65)" "$TOP" "$WORK/conf.expect" \
		--config "tests/data/conf/bad/$n.conf" dial 65
	run_case "conf $n (check)" "$TOP" "$WORK/conf.expect" \
		--config "tests/data/conf/bad/$n.conf" check
done

# ---- theme fixtures ----
# A config naming a bad theme: `check` reports the theme's problems (exit 78);
# the console starts anyway, in the default look, and names the problem.
# Either way the desk is untouched.
for theme in "$TOP"/tests/data/conf/bad/*.theme; do
	n=$(basename "$theme" .theme)
	exp=${theme%.theme}.expected
	tried=$((tried + 1))
	printf 'ui = { theme = "%s"; };\n' "$theme" >"$WORK/theme.conf"
	desk=$WORK/desk.db
	fresh_desk "$desk"
	before=$(desk_hash "$desk")
	(cd "$TOP" && "$BIN" --db "$desk" --config "$WORK/theme.conf" check) \
		>"$WORK/out" 2>"$WORK/err"
	status=$?
	if [ $status -eq 78 ]; then
		sed "s|^tests/data/conf/bad/|$TOP/tests/data/conf/bad/|" "$exp" >"$WORK/want"
		expect_lines "$WORK/want" "$WORK/err" >"$WORK/missing"
		if [ -s "$WORK/missing" ]; then
			fail "theme $n (check): stderr lacks expected lines"
			show "$WORK/missing" 5
			show "$WORK/err" 10
		fi
	else
		fail "theme $n (check): exit $status (expected 78)"
		show "$WORK/err"
	fi
	# the console: a scripted session that saves its screen and quits
	printf ':save-display %s\n' "$WORK/theme.screen" >"$WORK/theme.script"
	rm -f "$WORK/theme.screen"
	(cd "$WORK" && COSELLDESK_SCRIPT="$WORK/theme.script" COSELLDESK_NO_DISPLAY=1 \
		COLUMNS=200 LINES=30 TERM=xterm-256color "$BIN" --db "$desk" --theme "$theme") \
		>"$WORK/out" 2>"$WORK/err"
	status=$?
	first=$(sed -n '1s/^[^:]*:[0-9]*: //p' "$exp" | cut -c 1-40)
	if [ $status -ne 0 ]; then
		fail "theme $n (console): exit $status"
		show "$WORK/err"
	elif [ ! -f "$WORK/theme.screen" ]; then
		fail "theme $n (console): no screen saved"
	elif ! grep -qF "$first" "$WORK/theme.screen"; then
		fail "theme $n (console): the screen does not name the problem ('$first')"
		show "$WORK/theme.screen" 40
	fi
	if [ "$before" != "$(desk_hash "$desk")" ]; then
		fail "theme $n: the desk changed"
	else
		pass
	fi
done

# ---- inputs made here ----
gen=$WORK/gen
mkdir -p "$gen"
# expect_file NAME EXIT LINE...: an .expect file for a generated input
expect_file() {
	f=$gen/$1.expect
	echo "exit: $2" >"$f"
	shift 2
	for l in "$@"; do echo "$l" >>"$f"; done
}
head10m() { head -c 10485760 /dev/zero | tr '\0' "$1"; }

{ printf 'partner,account,received_at,note\nAcme,Beta,2026-01-01,"'; head10m x
  printf '"\n'; } >"$gen/field-10mb.csv"
expect_file field-10mb 65 \
	'field-10mb.csv:2: note: field longer than 65536 bytes (an unbalanced quote?); reading stopped here'
run_case field-10mb "$gen" "$gen/field-10mb.expect" import intros field-10mb.csv

{ printf 'partner,account,received_at\n'; head10m y; } >"$gen/line-10mb.csv"
expect_file line-10mb 65 \
	'line-10mb.csv:2: partner: field longer than 65536 bytes (an unbalanced quote?); reading stopped here'
run_case line-10mb "$gen" "$gen/line-10mb.expect" import intros line-10mb.csv

printf 'partner,account,received_at\nAcme,Be\000ta,2026-01-01\n' >"$gen/nul-mid.csv"
expect_file nul-mid 65 'nul-mid.csv:2: NUL byte: not a text file'
run_case nul-mid "$gen" "$gen/nul-mid.expect" import intros nul-mid.csv

printf '\357\273\277' >"$gen/bom-only.csv"
expect_file bom-only 65 'bom-only.csv: empty file: no header row'
run_case bom-only "$gen" "$gen/bom-only.expect" import intros bom-only.csv

printf 'partner,account,received_at,expected_acv\r\nAcme,Beta,2026-01-01,5\r\nAcme,Gamma,2026-01-02,-5\r\n' \
	>"$gen/crlf-negative.csv"
expect_file crlf-negative 65 'crlf-negative.csv:3: expected_acv: negative amount "-5"'
run_case crlf-negative "$gen" "$gen/crlf-negative.expect" import intros crlf-negative.csv

mkdir -p "$gen/a-directory.csv"
expect_file a-directory 66 'a-directory.csv: cannot read: is a directory'
run_case a-directory "$gen" "$gen/a-directory.expect" import intros a-directory.csv

expect_file no-such-file 66 'no-such-file.csv: cannot read: No such file or directory'
run_case no-such-file "$gen" "$gen/no-such-file.expect" import intros no-such-file.csv

echo "bad inputs tried: $tried"
safety_done
