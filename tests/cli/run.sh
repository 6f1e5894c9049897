#!/bin/sh
# run.sh BIN - the batch commands, actual against expected.
#
# Each directory under tests/cli/cases/ is one case:
#   cmd     a shell snippet; $CD is the program, $DATA tests/cli/data,
#           $DIR the case's scratch directory ($TMPDIR is $DIR/tmp, $HOME
#           $DIR/home); COSELLDESK_DB points at
#           $DIR/desk.db, a fresh copy of the fixture desk (setup.sh), and
#           $NORTHWIND, $BLUEFIN... hold the handles of its intros
#   stdout  expected standard output   (missing: must be empty)
#   stderr  expected standard error    (missing: must be empty)
#   status  expected exit status       (missing: 0)
# The scratch directory reads as @DIR@ in expected files, tests/cli as @HERE@,
# a temporary file's random part (name-XXXXXX.md) as XXXXXX.
# The clock, the user, the time zone and the locale are pinned, so nothing
# depends on when or by whom the tests run.
#
# Any mismatch prints a diff and makes the run fail. UPDATE=1 writes the
# actual results as the expected ones instead (review them with git diff).
# CASES="name other" runs only those cases.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: tests/cli/run.sh PATH/TO/coselldesk" >&2
	exit 64
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-cli.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# a fixed world: 2025-01-06 09:00:00 UTC, a Monday
export TZ=UTC LC_ALL=C.UTF-8 COSELLDESK_NOW=1736154000 COSELLDESK_USER=tester USER=tester
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export TMPDIR="$work/tmp"
unset COSELLDESK_DB COSELLDESK_CONFIG VISUAL EDITOR NO_COLOR COSELLDESK_SCRIPT COSELLDESK_NO_DISPLAY
mkdir -p "$HOME" "$TMPDIR"

# the fixture desk every case starts from
if ! CD=$bin DATA="$here/data" DB="$work/fixture.db" HANDLES="$work/handles" \
	sh "$here/setup.sh" >"$work/setup.log" 2>&1; then
	echo "cli: building the fixture desk failed:" >&2
	cat "$work/setup.log" >&2
	exit 1
fi

# Ids are random: each fixture intro's handle is given to the cases as a
# variable ($NORTHWIND) and reads as @NORTHWIND@ in expected files; any
# other handle reads as @IN@ or @ES@, a full id as @ID@.
: >"$work/handles.sed"
while read -r hname hvalue; do
	[ -n "$hvalue" ] || { echo "cli: no handle for $hname" >&2; exit 1; }
	export "$hname=$hvalue"
	echo "s/$hvalue/@$hname@/g" >>"$work/handles.sed"
done <"$work/handles"
echo 's/IN-[0-9A-F]\{6\}/@IN@/g; s/ES-[0-9A-F]\{6\}/@ES@/g; s/[0-9a-f]\{32\}/@ID@/g' \
	>>"$work/handles.sed"

pass=0
fail=0
failed=""

# compare WHAT EXPECTED-FILE ACTUAL-FILE; an absent expected file means empty
check() {
	if [ "${UPDATE:-0}" = 1 ]; then
		if [ -s "$3" ]; then cp "$3" "$2"; else rm -f "$2"; fi
		return 0
	fi
	if [ -f "$2" ]; then
		expected=$2
	else
		expected=$work/empty
		: >"$expected"
	fi
	if ! cmp -s "$expected" "$3"; then
		echo "--- $name: $1 differs (expected vs actual)"
		diff -u "$expected" "$3" | sed '1,2d'
		return 1
	fi
	return 0
}

for case_dir in "$here"/cases/*/; do
	name=$(basename "$case_dir")
	if [ -n "${CASES:-}" ]; then
		case " $CASES " in *" $name "*) ;; *) continue ;; esac
	fi
	if [ ! -f "$case_dir/cmd" ]; then
		echo "--- $name: no cmd file"
		fail=$((fail + 1)); failed="$failed $name"
		continue
	fi
	dir="$work/cases/$name"
	mkdir -p "$dir/tmp" "$dir/home"
	[ -f "$work/fixture.db" ] && cp "$work/fixture.db" "$dir/desk.db"
	(
		cd "$dir" &&
		HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" \
		XDG_DATA_HOME="$dir/home/.local/share" \
		CD=$bin DATA="$here/data" DIR="$dir" COSELLDESK_DB="$dir/desk.db" TMPDIR="$dir/tmp" \
			sh "$case_dir/cmd" >"$dir/out.raw" 2>"$dir/err.raw" </dev/null
	)
	echo $? >"$dir/status.actual"
	# paths of this run read the same in every run
	for f in out err; do
		sed -e "s|$dir|@DIR@|g" -e "s|$here|@HERE@|g" -e "s|$work|@WORK@|g" \
			-e 's/-[A-Za-z0-9]\{6\}\.md/-XXXXXX.md/g' \
			-f "$work/handles.sed" "$dir/$f.raw" >"$dir/$f.actual"
	done
	ok=1
	check stdout "$case_dir/stdout" "$dir/out.actual" || ok=0
	check stderr "$case_dir/stderr" "$dir/err.actual" || ok=0
	if [ "${UPDATE:-0}" = 1 ]; then
		if [ "$(cat "$dir/status.actual")" = 0 ]; then rm -f "$case_dir/status"
		else cp "$dir/status.actual" "$case_dir/status"; fi
	else
		want=0
		[ -f "$case_dir/status" ] && want=$(cat "$case_dir/status")
		got=$(cat "$dir/status.actual")
		if [ "$want" != "$got" ]; then
			echo "--- $name: exit status $got, expected $want"
			ok=0
		fi
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $name"
	fi
done

if [ "${UPDATE:-0}" = 1 ]; then
	echo "cli: expected results written for $pass case(s); review them with git diff"
	exit 0
fi
if [ $fail -gt 0 ]; then
	echo "cli: $fail FAILED:$failed ($pass passed)"
	exit 1
fi
if [ $pass -eq 0 ]; then
	echo "cli: no cases ran" >&2
	exit 1
fi
echo "cli: all $pass cases passed"
