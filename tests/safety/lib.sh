# lib.sh - what the safety scripts share; sourced, not run.
#
# The caller sets BIN (the coselldesk binary) and calls safety_init NAME.
# Then:
#   $TOP        the source tree          $WORK  a scratch directory (removed at exit)
#   template_desk PATH   a desk made by the batch commands: init, then the
#                        good files of tests/data/import (aes, partners,
#                        accounts, overlaps, intros), as tests/data/bad/README.md says
#   fresh_desk PATH      a copy of that desk (made once per script)
#   desk_hash PATH       sha256 of the desk's content (sqlite3 .dump), read only
#   file_hash PATH       sha256 of the file's bytes, without opening it as a database
#   expect_lines EXPECTED ACTUAL   1 line per expected line not found: each
#                        expected line must end a line of ACTUAL, in order
#   pass / fail MESSAGE  count a check; a failure is printed and remembered
#   safety_done          print the tally, return the status
# Everything is pinned (clock, zone, locale, user, home), so runs repeat.

# scripts under tests/safety find the tree two levels up; others say where
TOP=${SAFETY_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "usage: $0 PATH/TO/coselldesk" >&2; exit 64; }

export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 COSELLDESK_NOW=1769904000 COSELLDESK_USER=tester USER=tester
unset COSELLDESK_DB COSELLDESK_CONFIG VISUAL EDITOR NO_COLOR COSELLDESK_SCRIPT COSELLDESK_NO_DISPLAY
: "${LSAN_OPTIONS:=suppressions=$TOP/tests/lsan.supp:print_suppressions=0}"
export LSAN_OPTIONS

safety_passed=0
safety_failed=0

safety_init() {
	safety_name=$1
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-$1.XXXXXX") || exit 1
	# a directory made read-only by a test must not stop the clean-up;
	# safety_exit_hook (a command) stops what a script left running
	trap '${safety_exit_hook:-:}; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
	trap 'exit 130' INT TERM
	export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
	export XDG_DATA_HOME="$WORK/home/.local/share" XDG_STATE_HOME="$WORK/home/.local/state"
	export TMPDIR="$WORK/tmp"
	mkdir -p "$HOME" "$TMPDIR"
}

pass() { safety_passed=$((safety_passed + 1)); }
fail() {
	safety_failed=$((safety_failed + 1))
	echo "FAIL $safety_name: $*"
}

# show FILE: indent a file's text under a failure
show() { sed 's/^/    /' "$1" | head -n "${2:-20}"; }

safety_done() {
	if [ "$safety_failed" -eq 0 ]; then
		echo "$safety_name: $safety_passed checks passed"
		return 0
	fi
	echo "$safety_name: $safety_failed of $((safety_passed + safety_failed)) checks FAILED"
	return 1
}

template_desk() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$BIN" --db "$1" init >/dev/null || return 1
	for k in aes partners accounts overlaps intros; do
		"$BIN" --db "$1" import "$k" "$TOP/tests/data/import/$k.csv" >/dev/null || return 1
	done
}

fresh_desk() {
	if [ ! -f "$WORK/template.db" ]; then
		template_desk "$WORK/template.db" 2>"$WORK/template.err" || {
			echo "FAIL $safety_name: the template desk could not be made:"
			show "$WORK/template.err"
			exit 1
		}
	fi
	rm -f "$1" "$1-wal" "$1-shm"
	cp "$WORK/template.db" "$1"
	[ ! -f "$WORK/template.db-wal" ] || cp "$WORK/template.db-wal" "$1-wal"
}

desk_hash() {
	{ sqlite3 -readonly "$1" .dump 2>&1 || echo "sqlite3 failed"; } | sha256sum | cut -d ' ' -f 1
}

file_hash() {
	if [ -f "$1" ]; then sha256sum <"$1" | cut -d ' ' -f 1
	elif [ -e "$1" ]; then echo "not a file"
	else echo absent; fi
}

expect_lines() {
	awk -v actual="$2" '
		BEGIN { n = 0; while ((getline l < actual) > 0) got[++n] = l; at = 1 }
		{
			want = $0; found = 0
			for (i = at; i <= n; i++) {
				g = got[i]
				if (length(g) >= length(want) &&
				    substr(g, length(g) - length(want) + 1) == want) {
					found = 1; at = i + 1; break
				}
			}
			if (!found) print "missing: " want
		}' "$1"
}
