#!/bin/sh
# tests/safety/terminal.sh BIN - text from files never drives the terminal.
#
# Partner, account, contact and note text arrive through an import with
# escape sequences in them: a window-title change (OSC 0), clear-screen and
# cursor moves (CSI), a colour, the 8-bit CSI (U+009B), a bell, a carriage
# return. Then:
#   (a) every batch command's text output, and the messages that quote user
#       input, hold no control character but newline and tab;
#   (b) a scripted console session's saved screen holds none either, and
#       shows the names with the sequences neutralised;
#   (c) the console in a real terminal (tmux): the window title stays, the
#       screen is the console's own and the cursor where it is on a desk
#       with plain names.
# JSON escapes them (\u001b) by its own rules; CSV output is data for other
# programs and keeps the bytes, so neither is judged here.
set -u
BIN=${1:-}
. "$(dirname "$0")/lib.sh"
safety_init terminal
cd "$WORK" || exit 1

ESC=$(printf '\033')
fresh_desk plain.db
cp plain.db evil.db
printf 'partner,account,received_at,note,contact\n"Evil\033]0;pwned\007 Partners","Clear\033[2J\033[H Co",2026-01-05,"note \033[31mred\033[0m and \302\2332J csi\007","bob\rX"\n' \
	>evil.csv
"$BIN" --db evil.db import intros evil.csv >out 2>err || { fail "the escape import failed"; show err; }
# the same intro with the control characters spelled '?': the same layout
LC_ALL=C tr '\000-\011\013-\037\177' '?' <evil.csv >plain.csv
"$BIN" --db plain.db import intros plain.csv >out 2>err || { fail "the plain import failed"; show err; }
handle=$("$BIN" --db evil.db --format csv queue --query 'partner~evil' 2>/dev/null | sed -n '2s/,.*//p')
[ -n "$handle" ] || { fail "the imported intro is not in the queue"; safety_done; exit 1; }

# clean FILE: no byte below 0x20 but \n and \t, no DEL, no C1 control (as UTF-8)
clean() {
	! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}

# ---- (a) batch text output ----
judge() { # judge LABEL COMMAND...: stdout and stderr of the command are clean
	label=$1
	shift
	"$@" >out 2>err </dev/null
	for f in out err; do
		if ! clean $f; then
			fail "(a) $label: control characters reach the terminal on std$f:"
			cat -v $f | grep -n '\^\[\|\^G\|\^M\|M-BM-' | head -n 3 | sed 's/^/    /'
			return
		fi
	done
	pass
}
judge "queue" "$BIN" --db evil.db queue
judge "queue --query" "$BIN" --db evil.db queue --query 'partner~evil'
judge "show" "$BIN" --db evil.db show "$handle"
judge "brief" "$BIN" --db evil.db brief "$handle"
judge "report partners" "$BIN" --db evil.db report partners
judge "export to a file, message only" "$BIN" --db evil.db export intros --output "$WORK/intros.csv"
# messages that quote what was typed or read
judge "an unknown id" "$BIN" --db evil.db show "IN-${ESC}]0;pwned$(printf '\007')"
judge "a bad query" "$BIN" --db evil.db queue --query "tier:${ESC}[2J"
judge "a bad value in a file" "$BIN" --db evil.db import intros "$TOP/tests/data/bad/escape-in-value.csv"
judge "a bad header in a file" "$BIN" --db evil.db import intros \
	"$TOP/tests/data/bad/escape-in-header.csv" --dry-run
printf 'ui = { theme = "x\033]0;pwned\007"; };\n' >evil.conf
judge "a bad config value" "$BIN" --db evil.db --config evil.conf check
judge "an unknown command" "$BIN" --db evil.db "sh${ESC}[2J"

# ---- (b) the console, scripted ----
cat >evil.script <<EOF
:save-display $WORK/queue.screen
:limit partner~evil
:save-display $WORK/limited.screen
EOF
COSELLDESK_SCRIPT=$WORK/evil.script COSELLDESK_NO_DISPLAY=1 COLUMNS=160 LINES=30 \
	TERM=xterm-256color "$BIN" --db evil.db >out 2>err
status=$?
if [ $status -ne 0 ]; then
	fail "(b) the scripted session exited $status"
	show err
else
	for s in queue limited; do
		if [ ! -f $s.screen ]; then
			fail "(b) $s.screen was not saved"
		elif ! clean $s.screen; then
			fail "(b) $s.screen holds control characters"
		elif ! grep -q 'Evil.*0;pw' $s.screen || ! grep -q 'Clear.*2J' $s.screen; then
			fail "(b) $s.screen does not show the names neutralised:"
			show $s.screen 5
		else
			pass
		fi
	done
fi

# ---- (c) a real terminal ----
if ! command -v tmux >/dev/null 2>&1; then
	fail "(c) tmux is not installed"
	safety_done
	exit
fi
SOCK=coselldesk-term-$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
t() { tmux -L "$SOCK" "$@"; }
# run DESK: the console on DESK in a fresh 120x30 tmux; leaves its screen in
# DESK.pane, its title in DESK.title, its cursor in DESK.cursor
run_in_tmux() {
	t kill-server 2>/dev/null
	cat >"$1.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" XDG_STATE_HOME="$XDG_STATE_HOME"
export TZ=UTC COSELLDESK_NOW=$COSELLDESK_NOW COSELLDESK_USER=tester
unset COSELLDESK_SCRIPT COSELLDESK_NO_DISPLAY COLUMNS LINES
exec "$BIN" --db "$WORK/$1.db"
EOS
	t -f /dev/null new-session -d -s s -x 120 -y 30 "sh $WORK/$1.sh"
	t set-option -t s set-titles on >/dev/null 2>&1
	t select-pane -t s -T "before" >/dev/null 2>&1
	i=0
	while [ $i -lt 50 ] && ! t capture-pane -p -t s 2>/dev/null | grep -q 'Queue'; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.5
	t capture-pane -p -t s >"$1.pane"
	t display-message -p -t s '#{pane_title}' >"$1.title"
	t display-message -p -t s '#{cursor_x},#{cursor_y}' >"$1.cursor"
	t send-keys -t s q
	sleep 0.3
	t kill-server 2>/dev/null
}
run_in_tmux plain
run_in_tmux evil
if grep -q pwned evil.title; then
	fail "(c) the window title was changed to '$(cat evil.title)'"
elif [ "$(cat evil.title)" != "$(cat plain.title)" ]; then
	fail "(c) the title differs from a plain desk's: '$(cat evil.title)' / '$(cat plain.title)'"
else
	pass
fi
if ! grep -q 'Queue' evil.pane || [ "$(head -n 1 evil.pane | cut -c 1-20)" != "$(head -n 1 plain.pane | cut -c 1-20)" ]; then
	fail "(c) the console's screen was disturbed:"
	show evil.pane 8
else
	pass
fi
if [ "$(cat evil.cursor)" != "$(cat plain.cursor)" ]; then
	fail "(c) the cursor moved: $(cat evil.cursor) (a plain desk: $(cat plain.cursor))"
else
	pass
fi
safety_done
