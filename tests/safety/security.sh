#!/bin/sh
# tests/safety/security.sh BIN - files are private, the editor is no shell,
# includes stay home.
#
#   - with umask 022, the desk (and its -wal and -shm), exported briefs and
#     exported tables are created 0600; the default desk's directory is not
#     open to others;
#   - the temporary file an editor gets is 0600, has an unpredictable name in
#     $TMPDIR and is gone afterwards;
#   - $EDITOR / $VISUAL is split on blanks and started with execvp: shell
#     syntax in it (; $( ) ` " |) is never interpreted, in batch `brief
#     --edit` and in the console;
#   - a config's relative @include stays inside the config's directory, an
#     absolute one is read as given, through `--config` on a batch command.
set -u
BIN=${1:-}
. "$(dirname "$0")/lib.sh"
safety_init security
cd "$WORK" || exit 1
umask 022

mode() { stat -c %a "$1"; }
# private PATH LABEL: PATH is mode 600
private() {
	if [ ! -e "$1" ]; then
		fail "$2: $1 was not created"
	elif [ "$(mode "$1")" != 600 ]; then
		fail "$2: $1 is mode $(mode "$1"), not 600"
	else
		pass
	fi
}

# ---- the desk file ----
"$BIN" --db new.db init >out 2>err || { fail "init failed"; show err; }
private new.db "the desk"
# its -wal and -shm, seen while another connection keeps them
python3 - "$BIN" <<'EOF' >wal-modes 2>err || { fail "could not hold the desk open"; show err; }
import os, sqlite3, subprocess, sys
c = sqlite3.connect("new.db")
c.execute("SELECT count(*) FROM meta").fetchall()
subprocess.run([sys.argv[1], "--db", "new.db", "dial", "65"], check=True, capture_output=True)
for f in ("new.db-wal", "new.db-shm"):
    print(f, "%o" % (os.stat(f).st_mode & 0o777) if os.path.exists(f) else "absent")
c.close()
EOF
while read -r f m; do
	if [ "$m" != 600 ]; then fail "the desk's $f is mode $m, not 600"; else pass; fi
done <wal-modes
# the default place: $XDG_DATA_HOME/coselldesk/desk.db
"$BIN" init >out 2>err || { fail "init at the default place failed"; show err; }
private "$XDG_DATA_HOME/coselldesk/desk.db" "the default desk"
d=$(mode "$XDG_DATA_HOME/coselldesk")
case $d in
*[2367]) fail "the default desk's directory is mode $d: others may write in it" ;;
*) pass ;;
esac

# ---- exports ----
fresh_desk desk.db
handle=$("$BIN" --db desk.db --format csv queue --limit 1 | sed -n '2s/,.*//p')
"$BIN" --db desk.db brief "$handle" --export md --output brief.md >out 2>err ||
	{ fail "brief --export failed"; show err; }
private brief.md "an exported brief"
"$BIN" --db desk.db export intros --output intros.csv >out 2>err ||
	{ fail "export --output failed"; show err; }
private intros.csv "an exported table"

# ---- the editor ----
# rec.sh records its arguments, the file's mode and place, and edits nothing
cat >rec.sh <<EOF
#!/bin/sh
for a in "\$@"; do echo "arg \$a"; done >"$WORK/editor.log"
f=\$(eval echo \\\${\$#})
echo "mode \$(stat -c %a "\$f")" >>"$WORK/editor.log"
echo "dir \$(dirname "\$f")" >>"$WORK/editor.log"
echo "\$f" >"$WORK/editor.file"
EOF
chmod 755 rec.sh
EDITOR="$WORK/rec.sh --flag two" "$BIN" --db desk.db brief "$handle" --edit >out 2>err
if [ ! -f editor.log ]; then
	fail "brief --edit: the editor did not run"
	show err
else
	if ! grep -qx 'arg --flag' editor.log || ! grep -qx 'arg two' editor.log; then
		fail "brief --edit: the editor's own arguments were not passed as words"
		show editor.log
	else
		pass
	fi
	if ! grep -qx 'mode 600' editor.log; then
		fail "brief --edit: the temporary file is not 0600"
		show editor.log
	else
		pass
	fi
	f=$(cat editor.file)
	if [ "$(dirname "$f")" != "$TMPDIR" ]; then
		fail "brief --edit: the temporary file is not in \$TMPDIR: $f"
	elif [ -e "$f" ]; then
		fail "brief --edit: the temporary file $f was left behind"
	else
		pass
	fi
	# an unpredictable name: two runs, two names
	first=$f
	EDITOR="$WORK/rec.sh" "$BIN" --db desk.db brief "$handle" --edit >out 2>err
	if [ "$(cat editor.file)" = "$first" ]; then
		fail "brief --edit: the temporary file's name repeats ($first)"
	else
		pass
	fi
fi
# shell syntax in the variable stays literal: nothing may create a marker
for spec in \
	"$WORK/rec.sh; touch $WORK/pwned1" \
	"sh -c \"touch $WORK/pwned2\"" \
	"$WORK/rec.sh \$(touch $WORK/pwned3)" \
	"$WORK/rec.sh \`touch $WORK/pwned4\`" \
	"$WORK/rec.sh | touch $WORK/pwned5" \
	"$WORK/rec.sh && touch $WORK/pwned6"; do
	rm -f editor.log
	EDITOR=$spec "$BIN" --db desk.db brief "$handle" --edit >out 2>err
	VISUAL=$spec "$BIN" --db desk.db brief "$handle" --edit >>out 2>>err
done
if ls pwned* >/dev/null 2>&1; then
	fail "brief --edit: shell syntax in \$EDITOR/\$VISUAL was run: $(ls pwned* | tr '\n' ' ')"
else
	pass
fi

# the console's editor: the brief view's `e`, scripted
fresh_desk console.db
for spec in "$WORK/rec.sh; touch $WORK/pwned-console" "$WORK/rec.sh --console"; do
	rm -f editor.log
	printf 'b\ne\n:save-display %s/console.screen\n' "$WORK" >console.script
	EDITOR=$spec COSELLDESK_SCRIPT=$WORK/console.script COSELLDESK_NO_DISPLAY=1 COLUMNS=120 \
		LINES=30 TERM=xterm-256color "$BIN" --db console.db >out 2>err
done
if [ -e pwned-console ]; then
	fail "console: shell syntax in \$EDITOR was run"
elif [ ! -f editor.log ]; then
	fail "console: the brief view's editor did not run"
	show err
elif ! grep -qx 'arg --console' editor.log || ! grep -qx 'mode 600' editor.log; then
	fail "console: the editor's arguments or the file's mode are wrong:"
	show editor.log
else
	pass
fi

# ---- @include through --config ----
mkdir -p conf/inner other
printf 'ui = { mouse = true; };\n' >other/outside.inc
printf 'ui = { mouse = true; };\n' >conf/inner/inside.inc
printf '@include "../other/outside.inc"\n' >conf/escape.conf
printf '@include "inner/../../other/outside.inc"\n' >conf/escape2.conf
printf '@include "inner/inside.inc"\n' >conf/inside.conf
printf '@include "%s/other/outside.inc"\n' "$WORK" >conf/absolute.conf
ln -sf ../other/outside.inc conf/link.inc
printf '@include "link.inc"\n' >conf/symlink.conf
for c in escape escape2; do
	fresh_desk inc.db
	before=$(desk_hash inc.db)
	"$BIN" --db inc.db --config "conf/$c.conf" dial 65 >out 2>err
	status=$?
	if [ $status -ne 78 ] || ! grep -q "conf/$c.conf:1: @include .* leaves the config's directory" err; then
		fail "@include ($c): exit $status, expected 78 and 'leaves the config's directory':"
		show err
	elif [ "$before" != "$(desk_hash inc.db)" ]; then
		fail "@include ($c): refused, but the desk changed"
	else
		pass
	fi
done
for c in inside absolute; do
	if ! "$BIN" --db inc.db --config "conf/$c.conf" check >out 2>err; then
		fail "@include ($c) refused:"
		show err
	else
		pass
	fi
done
"$BIN" --db inc.db --config conf/symlink.conf check >out 2>err
status=$?
if [ $status -eq 0 ]; then
	echo "note: a symbolic link inside the config's directory may point outside it (read as given)"
elif [ $status -ne 78 ]; then
	fail "@include (symlink): exit $status"
	show err
fi
safety_done
