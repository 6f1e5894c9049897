#!/bin/sh
# tests/tui/run.sh BIN - the console's tests.
#
# 1. Scripted sessions (as tig's test suite does): every sessions/NAME.script
#    runs with COSELLDESK_SCRIPT and COSELLDESK_NO_DISPLAY=1 in a scratch
#    directory; each file it writes with `:save-display FILE` is compared with
#    expected/NAME/FILE (a diff is printed on a mismatch). When
#    expected/NAME/history exists, the prompt history file must equal it.
#    stderr must stay empty and the exit status must be 0.
#    A script may start with header lines:
#      # size: 100x30        the off-screen terminal (default 100x30)
#      # config: FILE        a config file from tests/tui/configs/
#      # args: ARGS          more arguments for the console (--theme mono)
#      # env: NAME=VALUE     extra environment (repeatable)
#      # db: none            no --db: a new, empty desk in $XDG_DATA_HOME
#      # db: fixture         start from the desk data/setup.sh builds
#      # setup: FILE         then run sh data/FILE BIN DB to add to it
#    sessions/NAME.check, when present, runs after the session in its
#    directory (sh NAME.check BIN) to read the desk back with batch commands;
#    its output is compared with expected/NAME/check.out.
#    Handles are random, so IN-7F3A2C style handles in the saved screens are
#    replaced by IN-XXXXXX before comparing, and the scratch directory by
#    "./"; the clock is pinned (COSELLDESK_NOW) so ages and SLA states do
#    not move.
# 2. tmux smoke tests in a real terminal (tmux.sh): start, colours, resize,
#    the too-small screen, NO_COLOR, clean quit and signals restoring the
#    terminal, idle CPU.
# UPDATE=1 rewrites the expected screens from the actual ones (review the
# diff before committing them). SESSIONS="help errors" runs only the
# sessions named (and no tmux tests): with UPDATE=1, to rewrite just those.
set -u
BIN=${1:?usage: tests/tui/run.sh BIN}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-tui.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
fail=0
passed=0
export COSELLDESK_NOW=1769904000 COSELLDESK_USER=tester TZ=UTC LC_ALL=C.UTF-8

# the fixture desk, built once through the batch commands
fixture=""
if grep -q '^# db: fixture' "$HERE"/sessions/*.script 2>/dev/null; then
	if HOME="$TMP" XDG_DATA_HOME="$TMP" sh "$HERE/data/setup.sh" "$BIN" "$TMP/fixture.db" >"$TMP/setup.log" 2>&1; then
		fixture=$TMP/fixture.db
	else
		echo "FAIL the fixture desk could not be built:"
		sed 's/^/    /' "$TMP/setup.log"
		fail=1
	fi
fi

# random handles become placeholders and this checkout's path a relative
# one; nothing else changes
normalise() {
	sed -e 's/\(IN\|ES\|PA\|AC\|AE\|PD\|DS\)-[0-9A-F]\{6\}/\1-XXXXXX/g' \
		-e "s|$HERE/|tests/tui/|g" -e "s|$TMP/[^/ ]*/|./|g" "$1" >"$1.norm" && mv "$1.norm" "$1"
}

header() { # header SCRIPT KEY: the value of "# KEY: value" lines
	sed -n "s/^# $2: //p" "$1"
}

run_session() {
	script=$1
	name=$(basename "$script" .script)
	dir=$TMP/$name
	mkdir -p "$dir/state" "$dir/home"
	size=$(header "$script" size | head -n 1)
	[ -n "$size" ] || size=100x30
	cols=${size%x*}
	rows=${size#*x}
	config=$(header "$script" config | head -n 1)
	db=$(header "$script" db | head -n 1)
	args=$(header "$script" args | head -n 1)
	set --
	# the config by a path that reads the same in every checkout (messages
	# quoting it are cut to the screen width before they are normalised)
	if [ -n "$config" ]; then set -- --config "tests/tui/configs/$config"; fi
	# shellcheck disable=SC2086 # the header is words
	if [ -n "$args" ]; then set -- "$@" $args; fi
	if [ "$db" != none ]; then set -- "$@" --db "$dir/desk.db"; fi
	if [ "$db" = fixture ]; then
		if [ -z "$fixture" ]; then
			echo "FAIL $name: no fixture desk"
			fail=1
			return
		fi
		cp "$fixture" "$dir/desk.db"
	fi
	# '# setup: FILE' adds to the desk before the session: sh data/FILE BIN DB
	setup=$(header "$script" setup | head -n 1)
	if [ -n "$setup" ]; then
		if ! (cd "$dir" && HOME="$dir/home" XDG_DATA_HOME="$dir/home/.local/share" \
			sh "$HERE/data/$setup" "$BIN" "$dir/desk.db") >"$dir/setup.log" 2>&1; then
			echo "FAIL $name: setup $setup failed:"
			sed 's/^/    /' "$dir/setup.log"
			fail=1
			return
		fi
	fi
	envs=$(header "$script" env)
	(
		cd "$dir" || exit 70
		mkdir -p tests && ln -sfn "$HERE" tests/tui
		unset NO_COLOR COSELLDESK_CONFIG COSELLDESK_DB VISUAL EDITOR
		export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color TZ=UTC
		export HOME="$dir/home" XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/home/.config"
		export XDG_DATA_HOME="$dir/home/.local/share"
		export COSELLDESK_SCRIPT="$script" COSELLDESK_NO_DISPLAY=1 COLUMNS=$cols LINES=$rows
		export COSELLDESK_THEMES="$HERE/../../themes"
		export PATH="$HERE:$PATH"   # stand-in editors named in '# env:' lines
		for e in $envs; do export "$e"; done
		"$BIN" "$@" >"$dir/stdout" 2>"$dir/stderr"
	)
	status=$?
	ok=1
	# sessions/NAME.check reads the desk back with the batch commands after the
	# session; its output is compared like a screen (expected/NAME/check.out)
	check=$HERE/sessions/$name.check
	if [ $status -eq 0 ] && [ -f "$check" ]; then
		(cd "$dir" && HOME="$dir/home" XDG_DATA_HOME="$dir/home/.local/share" \
			sh "$check" "$BIN") >"$dir/check.out" 2>&1 || {
			echo "FAIL $name: $name.check failed:"
			sed 's/^/    /' "$dir/check.out"
			ok=0
		}
		normalise "$dir/check.out"
	fi
	for f in "$dir"/*.screen; do
		[ -e "$f" ] && normalise "$f"
	done
	if [ $status -ne 0 ]; then
		echo "FAIL $name: exit status $status"
		ok=0
	fi
	if [ -s "$dir/stderr" ]; then
		echo "FAIL $name: stderr is not empty:"
		sed 's/^/    /' "$dir/stderr"
		ok=0
	fi
	expected_dir=$HERE/expected/$name
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$expected_dir"
		for f in "$dir"/*.screen "$dir/check.out"; do
			[ -e "$f" ] && cp "$f" "$expected_dir/"
		done
		[ -e "$dir/state/coselldesk/history" ] && [ -e "$expected_dir/history" ] &&
			cp "$dir/state/coselldesk/history" "$expected_dir/history"
	fi
	if [ ! -d "$expected_dir" ]; then
		echo "FAIL $name: no expected screens in $expected_dir"
		ok=0
	else
		for want in "$expected_dir"/*; do
			[ -e "$want" ] || continue
			f=$(basename "$want")
			if [ "$f" = history ]; then got=$dir/state/coselldesk/history; else got=$dir/$f; fi
			if [ ! -e "$got" ]; then
				echo "FAIL $name: $f was not written"
				ok=0
			elif ! diff -u "$want" "$got" >"$dir/$f.diff"; then
				echo "FAIL $name: $f differs from expected (- expected, + actual):"
				cat "$dir/$f.diff"
				ok=0
			fi
		done
	fi
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		fail=1
	fi
}

for script in "$HERE"/sessions/*.script; do
	[ -e "$script" ] || continue
	if [ -n "${SESSIONS:-}" ]; then
		case " $SESSIONS " in *" $(basename "$script" .script) "*) ;; *) continue ;; esac
	fi
	run_session "$script"
done
echo "tui: $passed scripted session(s) passed"

if [ -n "${SESSIONS:-}" ]; then
	echo "tui: SESSIONS set, tmux smoke tests skipped"
elif command -v tmux >/dev/null 2>&1; then
	sh "$HERE/tmux.sh" "$BIN" || fail=1
elif [ -n "${CI:-}" ]; then
	echo "FAIL tmux is not installed (make deps-test installs it)"
	fail=1
else
	echo "tui: tmux not installed, smoke tests skipped"
fi
[ $fail -eq 0 ] && echo "tui: ok"
exit $fail
