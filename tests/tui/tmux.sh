#!/bin/sh
# tests/tui/tmux.sh BIN - the console in a real terminal, driven by tmux.
# Start, colours, resize to the too-small screen and back, NO_COLOR, idle
# CPU, and the terminal restored after a clean quit, SIGTERM and a crash
# signal (SIGSEGV). Each check prints FAIL with what it saw.
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
# records its exit status and the terminal modes left behind.
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
sh -c 'echo \$\$ > "$TMP/$name.pid"; exec "$BIN" --db "$TMP/\${DESK:-desk}.db"'
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
# poll interval or two, without a key being pressed
DATA=$HERE/data
if "$BIN" --db "$TMP/live.db" init >/dev/null &&
	for kind in partners aes accounts overlaps; do
		"$BIN" --db "$TMP/live.db" import $kind "$DATA/$kind.csv" >/dev/null || exit 1
	done; then
	start live "export DESK=live"
	if wait_for '0/0 open' 5; then
		"$BIN" --db "$TMP/live.db" import intros "$DATA/intros.csv" >/dev/null
		if wait_for '40/40 open' 3 && wait_for '40 new' 1; then good; else
			bad "live refresh: the import did not show up"; t capture-pane -p -t s | tail -3; fi
	else
		bad "live refresh: the console did not start on the desk"
	fi
	t send-keys -t s q
	restored live 0
else
	bad "live refresh: could not prepare the desk"
fi

echo "tui: $passed tmux check(s) passed"
exit $fail
