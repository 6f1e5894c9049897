#!/bin/sh
# tests/tui/tmux.sh BIN - the console in a real terminal, driven by tmux.
# Start, colours, resize to the too-small screen and back, NO_COLOR and the
# mono theme, idle CPU, and the terminal restored after a clean quit,
# SIGTERM and a crash signal (SIGSEGV); live refresh; the mouse (off by
# default, then wheel, click, double click); a 20,000-row import in the
# background while the queue pages, an export of all of it, and an import
# stopped with Esc; a save waiting while another process holds the desk.
# Each check prints FAIL with what it saw.
set -u
BIN=${1:?usage: tests/tui/tmux.sh BIN}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-tmux.XXXXXX")
SOCK=coselldesk-test-$$
fail=0
passed=0

cur=none
cleanup() {
	tmux -L "$SOCK-$cur" kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
# a 256-colour terminal inside tmux when its description is installed
if infocmp tmux-256color >/dev/null 2>&1; then
	echo 'set -g default-terminal tmux-256color' >"$TMP/tmux.conf"
else
	echo 'set -g default-terminal screen' >"$TMP/tmux.conf"
fi

t() { tmux -L "$SOCK-$cur" "$@"; }
bad() { echo "FAIL tmux: $1"; fail=1; }
good() { passed=$((passed + 1)); }

# wait_for PATTERN [SECONDS]: until the pane shows PATTERN.
wait_for() {
	i=0
	limit=$(( ${2:-5} * 10 ))
	while [ $i -lt $limit ]; do
		if t capture-pane -p -t s 2>/dev/null | grep -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_file FILE: until FILE exists (the session's shell wrote it).
wait_file() {
	i=0
	while [ $i -lt 50 ] && [ ! -s "$1" ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$1" ]
}

# start NAME [ENV...]: a 100x30 session whose shell runs the console, then
# records its exit status and the terminal modes left behind. ENV may set
# DESK (the desk file's name in $TMP) and ARGS (more console arguments).
start() {
	name=$1
	shift
	rm -f "$TMP/$name".*
	cat >"$TMP/$name.sh" <<EOS
cd "$TMP"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMP/home" XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share"
unset NO_COLOR COSELLDESK_SCRIPT COSELLDESK_NO_DISPLAY COSELLDESK_CONFIG COLUMNS LINES
$*
stty -g > "$TMP/$name.before"
sh -c 'echo \$\$ > "$TMP/$name.pid"; exec "$BIN" --db "$TMP/\${DESK:-desk}.db" \${ARGS:-}'
echo \$? > "$TMP/$name.status"
stty -g > "$TMP/$name.after"
stty -a > "$TMP/$name.modes"
sleep 30
EOS
	t kill-server 2>/dev/null
	cur=$name
	t -f "$TMP/tmux.conf" new-session -d -s s -x 100 -y 30 "sh $TMP/$name.sh"
}

# restored NAME EXPECTED_STATUS: the console ended and left the tty as it found it.
restored() {
	if ! wait_file "$TMP/$1.status"; then
		bad "$1: the console did not exit"
		return
	fi
	st=$(cat "$TMP/$1.status")
	if [ "$st" != "$2" ]; then
		bad "$1: exit status $st, expected $2"
	elif ! wait_file "$TMP/$1.after" || ! cmp -s "$TMP/$1.before" "$TMP/$1.after"; then
		bad "$1: terminal modes not restored:"
		sed 's/^/    /' "$TMP/$1.modes"
	elif t capture-pane -p -t s | grep -q '\[Help\]\|\[Queue\]'; then
		bad "$1: the console's screen is still shown (alternate screen not left)"
	else
		good
	fi
}

# 1. start, colours, resize, clean quit
start basic
if wait_for '? help' 5; then good; else bad "start: no status bar after 5 s"; t capture-pane -p -t s; fi
if t capture-pane -p -e -t s | grep -q "$(printf '\033')\[[0-9;]*4[0-9]m\|48;5;"; then good; else
	bad "colours: no background colour in the status bar"; fi
t resize-window -t s -x 40 -y 10
if wait_for 'needs at least 80x20' 3 && wait_for 'terminal is 40x10' 1; then good; else
	bad "resize 40x10: no too-small screen"; t capture-pane -p -t s; fi
t resize-window -t s -x 100 -y 30
if wait_for '? help' 3; then good; else bad "resize back: the view did not come back"; fi
t send-keys -t s q
restored basic 0

# 2. NO_COLOR: attributes only, no colour
start nocolor "export NO_COLOR=1"
if wait_for '? help' 5; then
	if t capture-pane -p -e -t s | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|$(printf '\033')\[[0-9;]*4[0-7]m\|38;5;\|48;5;"; then
		bad "NO_COLOR: colour escape sequences still drawn"
	else
		good
	fi
	if t capture-pane -p -e -t s | grep -q "$(printf '\033')\[[0-9;]*7m"; then good; else
		bad "NO_COLOR: the status bar is not drawn in reverse"; fi
else
	bad "NO_COLOR: no status bar"
fi
t send-keys -t s q
restored nocolor 0

# 3. idle costs ~0% CPU: under 0.2 s of CPU over 3 s
start idle
if wait_for '? help' 5 && wait_file "$TMP/idle.pid"; then
	pid=$(cat "$TMP/idle.pid")
	before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
	sleep 3
	after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
	ticks=$((after - before))
	if [ "$ticks" -le 20 ]; then good; else bad "idle: $ticks clock ticks of CPU in 3 s"; fi
fi
t send-keys -t s q
restored idle 0

# 4. SIGTERM: leaves through the normal exit path
start term
if wait_for '? help' 5 && wait_file "$TMP/term.pid"; then
	kill -TERM "$(cat "$TMP/term.pid")"
	restored term 143
fi

# 5. SIGSEGV: the crash handler resets the terminal, then dies of the signal
start segv
if wait_for '? help' 5 && wait_file "$TMP/segv.pid"; then
	kill -SEGV "$(cat "$TMP/segv.pid")"
	restored segv 139
fi

# 6. live refresh: another process imports; the console shows it within a
# second, without a key being pressed (a write to the desk's -wal file wakes
# it, :doctor says so)
DATA=$HERE/data
if "$BIN" --db "$TMP/live.db" init >/dev/null &&
	for kind in partners aes accounts overlaps; do
		"$BIN" --db "$TMP/live.db" import $kind "$DATA/$kind.csv" >/dev/null || exit 1
	done; then
	start live "export DESK=live"
	if wait_for '0/0 open' 5; then
		"$BIN" --db "$TMP/live.db" import intros "$DATA/intros.csv" >/dev/null
		if wait_for '40/40 open' 1 && wait_for '40 new' 1; then good; else
			bad "live refresh: the import did not show up within a second"
			t capture-pane -p -t s | tail -3
		fi
		t send-keys -t s -l ':doctor'
		t send-keys -t s Enter
		if wait_for 'refresh .*when another process writes' 3; then good; else
			bad "live refresh: :doctor does not say the desk is watched"
			t capture-pane -p -t s | grep -i 'refresh\|desk'
		fi
		t send-keys -t s q
	else
		bad "live refresh: the console did not start on the desk"
	fi
	t send-keys -t s q
	restored live 0
else
	bad "live refresh: could not prepare the desk"
fi

# 7. the mono theme draws no colour either (attributes only)
start mono "export ARGS='--theme mono' COSELLDESK_THEMES='$HERE/../../themes'"
if wait_for '? help' 5; then
	if t capture-pane -p -e -t s | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|$(printf '\033')\[[0-9;]*4[0-7]m\|38;5;\|48;5;\|38;2;\|48;2;"; then
		bad "--theme mono: colour escape sequences drawn"
	else
		good
	fi
	if t capture-pane -p -e -t s | grep -q "$(printf '\033')\[[0-9;]*7m"; then good; else
		bad "--theme mono: the status bar is not drawn in reverse"; fi
else
	bad "--theme mono: no status bar"; t capture-pane -p -t s | tail -3
fi
t send-keys -t s q
restored mono 0

# mouse_flag: whether the pane's program asked for mouse reports.
mouse_flag() { t display -p -t s '#{mouse_any_flag}'; }
# mouse BUTTON COL ROW: an xterm (X10) mouse report, 1-based cell; BUTTON is
# the report's character: ' ' press, '#' release, 'a' wheel down, '`' up.
mouse() {
	t send-keys -t s -l "$(printf '\033[M%s' "$1")$(printf "\\$(printf '%03o' $((32 + $2)))")$(printf "\\$(printf '%03o' $((32 + $3)))")"
}
# cursor_row: the screen line (1-based) holding the queue's cursor '>'.
cursor_row() { t capture-pane -p -t s | grep -n '^>' | head -n 1 | cut -d: -f1; }

# 8. the mouse: off by default (no reports asked for); :mouse on; a click
# selects a row, the wheel moves three, a double click opens the form;
# :mouse off gives the terminal its selection back
start mouse "export DESK=live"
if wait_for '40/40 open' 5; then
	if [ "$(mouse_flag)" = 0 ]; then good; else bad "mouse: reports asked for by default"; fi
	t send-keys -t s ':mouse on' Enter
	if wait_for 'mouse on' 2 && [ "$(mouse_flag)" = 1 ]; then good; else
		bad "mouse: :mouse on did not turn reports on"; fi
	mouse ' ' 20 6
	mouse '#' 20 6
	sleep 0.5
	if [ "$(cursor_row)" = 6 ]; then good; else bad "mouse: a click on line 6 left the cursor on line $(cursor_row)"; fi
	mouse a 20 6
	sleep 0.3
	if [ "$(cursor_row)" = 9 ]; then good; else bad "mouse: the wheel left the cursor on line $(cursor_row), not 9"; fi
	mouse ' ' 20 4
	mouse '#' 20 4
	mouse ' ' 20 4
	mouse '#' 20 4
	if wait_for '\[Form\]' 2; then good; else bad "mouse: a double click did not open the form"; t capture-pane -p -t s | tail -2; fi
	t send-keys -t s q
	t send-keys -t s ':mouse off' Enter
	if wait_for 'mouse off' 2 && [ "$(mouse_flag)" = 0 ]; then good; else
		bad "mouse: :mouse off did not turn reports off"; fi
else
	bad "mouse: the console did not start on the desk"
fi
t send-keys -t s q
restored mouse 0

# 9. a 20,000-row import runs in the background: the status bar shows its
# progress while the queue still pages, then the rows are there; an export
# writes all of them, a page of the store's cursor at a time
awk 'BEGIN {
	print "partner,account,received_at,expected_acv,contact,note,pod,owner,external_id,source"
	for (i = 0; i < 20000; i++)
		printf "Bulk Partner %d,Bulk Account %d,2026-01-%02dT08:00:00Z,$%d,Contact %d,Bulk %d,east,desk-east,BULK-%05d,partner\n",
			i % 50, i % 2000, 1 + i % 28, 1000 + i, i, i, i
}' >"$TMP/rows20k.csv"
start bulk "export DESK=live"
if wait_for '40/40 open' 5; then
	t send-keys -t s ":import intros $TMP/rows20k.csv" Enter
	if wait_for 'import [0-9]*% (' 5; then
		good
		before=$(cursor_row)
		t send-keys -t s C-d
		sleep 0.3
		screen=$(t capture-pane -p -t s)
		after=$(cursor_row)
		if [ "$after" != "$before" ] && echo "$screen" | grep -q 'import [0-9]*% ('; then good; else
			bad "import: the queue did not page while the import ran (cursor line $before -> $after)"
			echo "$screen" | tail -3
		fi
	else
		bad "import: no progress in the status bar"; t capture-pane -p -t s | tail -3
	fi
	if wait_for 'rows20k.csv: 20000 rows: 20000 added' 60 && wait_for '20040/20040 open' 3; then good; else
		bad "import: the rows did not arrive"; t capture-pane -p -t s | tail -3; fi
	t send-keys -t s ":export csv $TMP/all.csv" Enter
	if wait_for 'exported 20,040 rows' 30 && [ "$(wc -l <"$TMP/all.csv")" -eq 20041 ]; then good; else
		bad "export: all.csv is not every row"; t capture-pane -p -t s | tail -1; fi
else
	bad "import: the console did not start on the desk"
fi
t send-keys -t s q
restored bulk 0

# 10. Esc stops an import: nothing of it stays; quitting while one runs
# asks, then stops it the same way
sed 's/BULK-/MORE-/' "$TMP/rows20k.csv" >"$TMP/more20k.csv"
start stop "export DESK=live"
if wait_for '20040/20040 open' 5; then
	t send-keys -t s ":import intros $TMP/more20k.csv" Enter
	if wait_for 'import [0-9]*% (' 5; then
		t send-keys -t s Escape
		if wait_for 'more20k.csv stopped: nothing imported' 10 && wait_for '20040/20040 open' 1; then good; else
			bad "stop: Esc did not stop the import"; t capture-pane -p -t s | tail -3; fi
	else
		bad "stop: the import did not start"
	fi
	t send-keys -t s ":import intros $TMP/more20k.csv" Enter
	if wait_for 'import [0-9]*% (' 5; then
		t send-keys -t s q
		if wait_for 'still running: stop it and quit? (y/n)' 3; then good; else
			bad "stop: q did not ask while the import ran"; fi
		t send-keys -t s y
	else
		bad "stop: the second import did not start"
		t send-keys -t s q
	fi
else
	bad "stop: the console did not start on the desk"
	t send-keys -t s q
fi
restored stop 0
n=$("$BIN" --db "$TMP/live.db" queue --format csv --limit 100000 | awk 'NR > 1' | wc -l)
if [ "$n" -eq 20040 ]; then good; else bad "stop: the desk holds $n open intros, not 20040"; fi

# 11. a busy desk: another process holds the write lock for seconds (a long
# import elsewhere is one transaction); the console's save waits and says
# so, then lands, with no "busy" shown. Esc stops a wait: that save fails,
# the points stay in the form, and saving again once the lock is free lands.
start busy "export DESK=live"
if wait_for '? help' 5; then
	sh "$DATA/hold-lock.sh" "$BIN" "$TMP/live.db" 4
	t send-keys -t s s
	wait_for '\[Form\]' 3
	t send-keys -t s 22 Tab 12 Tab 20 Tab 13 Tab 5 Tab 7 C-s
	if wait_for 'waiting for the desk: another process is writing' 3; then good; else
		bad "busy: no word of the wait on the message line"; t capture-pane -p -t s | tail -2; fi
	if wait_for 'scored IN-[0-9A-F]*: 79' 8; then
		handle=$(t capture-pane -p -t s | grep -o 'scored IN-[0-9A-F]*' | cut -d' ' -f2)
		if t capture-pane -p -t s | grep -qi busy; then
			bad "busy: 'busy' still on screen after the save"
		elif "$BIN" --db "$TMP/live.db" show "$handle" --format json | grep -q '"score": 79'; then
			good
		else
			bad "busy: the score of $handle is not in the desk"
			"$BIN" --db "$TMP/live.db" show "$handle" --format json | head -5
		fi
	else
		bad "busy: the save did not land after the lock was let go"; t capture-pane -p -t s | tail -2
	fi
	t send-keys -t s q j
	sleep 0.3
	sh "$DATA/hold-lock.sh" "$BIN" "$TMP/live.db" 3
	t send-keys -t s s
	wait_for '\[Form\]' 3
	t send-keys -t s 20 Tab 10 Tab 10 Tab 10 Tab 5 Tab 5 C-s
	if wait_for 'waiting for the desk' 3; then
		t send-keys -t s Escape
		if wait_for 'the desk is busy' 2 && wait_for '\[Form\]' 1 && wait_for 'total *60 / 100' 1; then good; else
			bad "busy: Esc did not stop the wait with the points kept"; t capture-pane -p -t s | tail -4; fi
		sleep 3.5
		t send-keys -t s C-s
		if wait_for 'scored IN-[0-9A-F]*: 60' 5; then good; else
			bad "busy: saving again after Esc did not land"; t capture-pane -p -t s | tail -2; fi
	else
		bad "busy: the second wait was not shown"; t capture-pane -p -t s | tail -3
	fi
else
	bad "busy: the console did not start on the desk"
fi
t send-keys -t s q q
restored busy 0

echo "tui: $passed tmux check(s) passed"
exit $fail
