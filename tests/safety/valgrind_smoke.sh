#!/bin/sh
# tests/safety/valgrind_smoke.sh BIN - batch commands and one scripted
# console session under valgrind (memcheck): no invalid access, no use of
# uninitialised memory, no leak, no descriptor left to the editor; only the
# known libconfig 1.5 leak is suppressed (tests/valgrind.supp).
# BIN must be a build without sanitizers (valgrind cannot run ASan code).
set -u
BIN=${1:-}
. "$(dirname "$0")/lib.sh"
safety_init valgrind
cd "$WORK" || exit 1
command -v valgrind >/dev/null 2>&1 || { fail "valgrind is not installed"; safety_done; exit 1; }
if nm -an "$BIN" 2>/dev/null | grep -q __asan_init; then
	echo "valgrind-smoke: $BIN is built with AddressSanitizer; give a plain build" >&2
	exit 64
fi

n=0
# vg LABEL EXPECTED-STATUS ARGS...: the command under valgrind
vg() {
	label=$1 want=$2
	shift 2
	n=$((n + 1))
	valgrind --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible \
		--suppressions="$TOP/tests/valgrind.supp" --log-file="$WORK/vg.$n.log" \
		"$BIN" "$@" >"$WORK/out.$n" 2>"$WORK/err.$n" </dev/null
	status=$?
	if [ $status -eq 99 ] || [ -s "$WORK/vg.$n.log" ]; then
		fail "$label: valgrind found errors:"
		show "$WORK/vg.$n.log" 40
	elif [ $status -ne "$want" ]; then
		fail "$label: exit $status, expected $want"
		show "$WORK/err.$n"
	else
		pass
	fi
}

D="--db $WORK/desk.db"
# shellcheck disable=SC2086
{
vg "init" 0 $D init
for k in aes partners accounts overlaps intros; do
	vg "import $k" 0 $D import "$k" "$TOP/tests/data/import/$k.csv"
done
vg "import, bad rows" 65 $D import intros "$TOP/tests/data/bad/bad-date.csv"
vg "import, NUL byte" 65 $D import intros "$TOP/tests/data/bad/nul-byte.csv"
vg "import, unbalanced quote" 65 $D import intros "$TOP/tests/data/bad/unbalanced-quote.csv"
h=$("$BIN" $D --format csv queue --state new --limit 1 | sed -n '2s/,.*//p')
vg "queue" 0 $D queue
vg "queue json" 0 $D --format json queue --query 'score>=0 !escalated'
vg "show" 0 $D show "$h"
vg "score" 0 $D score "$h" --overlap 22 --budget 15 --icp 18 --relationship 12 --competitive 6 --size 7
vg "tier" 0 $D tier "$h"
vg "dial" 0 $D dial 65
vg "rescore" 0 $D rescore
vg "brief export" 0 $D brief "$h" --export md --output "$WORK/brief.md"
vg "export" 0 $D export intros --output "$WORK/intros.csv"
vg "report capacity" 0 $D report capacity
vg "undo" 0 $D undo
vg "check" 0 $D check
vg "bad config" 78 $D --config "$TOP/tests/data/conf/bad/syntax_unclosed_string.conf" check
vg "bad config types" 78 $D --config "$TOP/tests/data/conf/bad/wrong_types.conf" check
vg "pql" 0 pql --overlap 22 --budget 12 --icp 20 --relationship 13 --competitive 5 --size 7
}

# one console session, scripted, rendered off-screen
cat >"$WORK/session.script" <<EOF
j
j
:limit tier:1
:save-display $WORK/limit.screen
:limit
:sort score
?
:save-display $WORK/help.screen
q
b
:save-display $WORK/brief.screen
q
EOF
n=$((n + 1))
COSELLDESK_SCRIPT=$WORK/session.script COSELLDESK_NO_DISPLAY=1 COLUMNS=120 LINES=32 \
	TERM=xterm-256color valgrind --quiet --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
	--suppressions="$TOP/tests/valgrind.supp" --log-file="$WORK/vg.$n.log" \
	"$BIN" --db "$WORK/desk.db" >"$WORK/out.$n" 2>"$WORK/err.$n"
status=$?
if [ $status -eq 99 ] || [ -s "$WORK/vg.$n.log" ]; then
	fail "console session: valgrind found errors:"
	show "$WORK/vg.$n.log" 40
elif [ $status -ne 0 ]; then
	fail "console session: exit $status"
	show "$WORK/err.$n"
elif [ ! -s "$WORK/help.screen" ] || [ ! -s "$WORK/limit.screen" ]; then
	fail "console session: the screens were not saved"
else
	pass
fi
echo "valgrind runs: $n"
safety_done
