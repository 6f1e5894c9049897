#!/bin/sh
# tests/safety/foreign_files.sh BIN - desk files from elsewhere, and I/O
# failing underneath, through the batch binary.
#
# Each refused file gets one line on stderr naming the file and the problem,
# the sysexits code of the problem, and its bytes (and its -wal's) are the
# same afterwards: a file that is not ours is never written to. Damage is
# reported by `check` (quick_check). I/O failures (read-only file or
# directory, disk full, the directory removed during a write) give a clear
# message, exit 74, and leave no partial state.
set -u
BIN=${1:-}
. "$(dirname "$0")/lib.sh"
safety_init foreign-files
cd "$WORK" || exit 1
tried=0

# refuse NAME FILE EXIT PROBLEM COMMAND...: COMMAND on FILE exits EXIT with
# exactly one stderr line naming FILE and containing PROBLEM; FILE and
# FILE-wal keep their bytes, and no -wal appears that was not there.
refuse() {
	name=$1 file=$2 want=$3 problem=$4
	shift 4
	tried=$((tried + 1))
	h=$(file_hash "$file") hw=$(file_hash "$file-wal")
	"$BIN" --db "$file" "$@" >out 2>err </dev/null
	status=$?
	ok=1
	if [ "$status" != "$want" ]; then
		fail "$name ($*): exit $status, expected $want"
		ok=0
	fi
	if [ "$(wc -l <err)" -ne 1 ] || ! grep -qF "$file" err || ! grep -qF "$problem" err; then
		fail "$name ($*): expected one line naming $file and '$problem', got:"
		show err
		ok=0
	fi
	if [ "$h" != "$(file_hash "$file")" ] || [ "$hw" != "$(file_hash "$file-wal")" ]; then
		fail "$name ($*): the file was written to"
		ok=0
	fi
	[ $ok -eq 1 ] && pass
}

fresh_desk good.db

# ---- not a desk at all ----
printf 'partner,account\nnot,a database\n' >text.db
for cmd in queue "dial 65" check init; do
	# shellcheck disable=SC2086
	refuse not-a-database text.db 65 "not a SQLite database" $cmd
done
head -c 50 good.db >trunc-header.db
refuse truncated-header trunc-header.db 65 "not a SQLite database" queue
head -c 8192 good.db >trunc-pages.db
for cmd in queue "dial 65" check; do
	# shellcheck disable=SC2086
	refuse truncated-pages trunc-pages.db 65 "damaged" $cmd
done
: >empty.db
refuse empty-file empty.db 65 "empty file" queue
mkdir -p a-directory.db
refuse directory a-directory.db 65 "is a directory" queue
refuse missing no-such.db 66 "no desk at" queue
[ ! -e no-such.db ] || fail "missing: a read created the file"

# ---- SQLite files that are not our desks ----
sqlite3 other-app.db 'PRAGMA application_id = 305419896; CREATE TABLE t(x); INSERT INTO t VALUES (1);'
for cmd in queue "dial 65" check init; do
	# shellcheck disable=SC2086
	refuse other-application other-app.db 65 "another application's SQLite database" $cmd
done
sqlite3 plain.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
for cmd in queue init; do
	# shellcheck disable=SC2086
	refuse no-application-id plain.db 65 "not a coselldesk desk" $cmd
done
cp good.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 99;'
for cmd in queue "dial 65" check init; do
	# shellcheck disable=SC2086
	refuse newer-schema newer.db 69 "written by a newer coselldesk" $cmd
done

# ---- leftover WAL files ----
# another application's database whose last commits sit in its WAL: the
# header cannot be judged before SQLite reads the WAL; refusing it must not
# checkpoint that WAL into the file
python3 - <<'EOF' || fail "could not make the WAL fixtures"
import shutil, sqlite3
def with_wal(name, sql):
    c = sqlite3.connect("src-" + name)
    c.execute("PRAGMA journal_mode=WAL")
    c.executescript(sql)
    c.commit()
    shutil.copy("src-" + name, name)
    shutil.copy("src-" + name + "-wal", name + "-wal")
    c.close()
with_wal("other-wal.db", "PRAGMA application_id=305419896; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
with_wal("newer-wal.db", "PRAGMA application_id=1129530443; PRAGMA user_version=99; CREATE TABLE t(x);")
EOF
for cmd in queue "dial 65" init; do
	# shellcheck disable=SC2086
	refuse other-app-with-wal other-wal.db 65 "another application's SQLite database" $cmd
	# shellcheck disable=SC2086
	refuse newer-schema-with-wal newer-wal.db 69 "newer coselldesk" $cmd
done
# our own desk left with committed changes in its WAL (a writer killed
# before its checkpoint): it opens, and the changes are there
tried=$((tried + 1))
cp good.db own-wal.db
python3 - <<'EOF' || fail "could not make the leftover WAL"
import shutil, sqlite3
c = sqlite3.connect("own-wal.db")
c.execute("INSERT INTO meta(key, value) VALUES ('left_in_wal', 'yes')")
c.commit()
shutil.copy("own-wal.db", "left.db"); shutil.copy("own-wal.db-wal", "left.db-wal")
c.close()
EOF
if ! "$BIN" --db left.db check >out 2>err; then
	fail "own-desk-with-wal: check failed"
	show out
	show err
elif [ "$(sqlite3 -readonly left.db "SELECT value FROM meta WHERE key = 'left_in_wal'")" != yes ]; then
	fail "own-desk-with-wal: the committed change in the WAL was lost"
else
	pass
fi

# ---- damaged pages: `check` finds them, nothing writes ----
pages=$(sqlite3 -readonly good.db 'PRAGMA page_count')
for pg in 3 $((pages / 2)) $((pages - 1)); do
	tried=$((tried + 1))
	cp good.db damaged.db
	python3 -c "
import sys
with open('damaged.db', 'r+b') as f:
    f.seek(4096 * ($pg - 1)); f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))"
	h=$(file_hash damaged.db)
	"$BIN" --db damaged.db check >out 2>err
	status=$?
	if [ $status -ne 65 ]; then
		fail "damaged page $pg: check exit $status, expected 65"
		show out
		show err
	elif ! grep -q "damaged.db" out err || ! grep -qi "integrity\|damaged\|malformed" out err; then
		fail "damaged page $pg: check does not name the file and the damage"
		show out
		show err
	else
		pass
	fi
	# reading may succeed (the damage elsewhere) or fail naming the file
	"$BIN" --db damaged.db queue >out 2>err
	status=$?
	if [ $status -ne 0 ] && { [ $status -ne 65 ] || ! grep -qF damaged.db err; }; then
		fail "damaged page $pg: queue exit $status without naming the file"
		show err
	fi
	[ "$h" = "$(file_hash damaged.db)" ] || fail "damaged page $pg: the file was written to"
done

# ---- I/O failing underneath ----
# as_other CMD...: run as a user the file permissions apply to (root ignores
# them): nobody when we are root, else ourselves
as_other() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}
chmod 755 "$WORK"
mkdir -p ro-file ro-dir
# a read-only file in a directory the user may write in
cp good.db ro-file/desk.db
chmod 444 ro-file/desk.db
chmod 777 ro-file
# a writable file in a read-only directory (no room for its -wal)
cp good.db ro-dir/desk.db
chmod 666 ro-dir/desk.db
chmod 555 ro-dir
for d in ro-file ro-dir; do
	tried=$((tried + 1))
	h=$(file_hash "$d/desk.db")
	as_other "$BIN" --db "$d/desk.db" dial 65 >out 2>err
	status=$?
	if [ $status -ne 74 ] || [ "$(wc -l <err)" -ne 1 ] || ! grep -qF "$d/desk.db" err ||
	   ! grep -qi "read-only\|readonly\|permission\|cannot" err; then
		fail "$d: a write exits $status (expected 74 and one line naming the file and why):"
		show err
	elif [ "$h" != "$(file_hash "$d/desk.db")" ]; then
		fail "$d: the file was written to"
	else
		pass
	fi
	# reading a read-only file still works; in a read-only directory SQLite
	# cannot make the -wal and -shm a read needs: then a clear refusal
	tried=$((tried + 1))
	as_other "$BIN" --db "$d/desk.db" queue >out 2>err
	status=$?
	if [ $status -ne 0 ] && { [ $d = ro-file ] || [ $status -ne 74 ] ||
	   ! grep -qF "$d/desk.db" err || ! grep -qF "directory is not writable" err; }; then
		fail "$d: a read exits $status:"
		show err
	elif [ "$h" != "$(file_hash "$d/desk.db")" ]; then
		fail "$d: a read wrote to the file"
	else
		pass
	fi
done
chmod 755 ro-dir

# disk full: a 1 MiB tmpfs when we may mount one, else a file size limit
python3 - <<'EOF' >rows.csv
print("partner,account,received_at,expected_acv")
for i in range(20000):
    print(f"Partner {i % 40},Account {i},2026-01-{1 + i % 28:02d},{1000 + i}")
EOF
tried=$((tried + 1))
mkdir -p small
how=""
# (SAFETY_NO_MOUNT=1 takes the second way even as root)
if [ "$(id -u)" -eq 0 ] && [ -z "${SAFETY_NO_MOUNT:-}" ] &&
   mount -t tmpfs -o size=1m coselldesk-full small 2>/dev/null; then
	how="a 1 MiB tmpfs"
	trap 'umount "$WORK/small" 2>/dev/null; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
	cp good.db small/desk.db
	before=$(desk_hash small/desk.db)
	"$BIN" --db small/desk.db import intros rows.csv >out 2>err
	status=$?
else
	how="a 1 MiB file size limit"
	cp good.db small/desk.db
	before=$(desk_hash small/desk.db)
	# SIGXFSZ ignored: the write fails with EFBIG instead of killing us
	sh -c 'trap "" XFSZ; ulimit -f 2048; exec "$@"' sh \
		"$BIN" --db small/desk.db import intros rows.csv >out 2>err
	status=$?
fi
if [ $status -ne 74 ] || [ "$(wc -l <err)" -ne 1 ] || ! grep -qF small/desk.db err ||
   ! grep -qi "full\|too large\|I/O\|disk" err; then
	fail "disk full ($how): exit $status, expected 74 and one line naming the desk and the problem:"
	show err
elif [ "$before" != "$(desk_hash small/desk.db)" ]; then
	fail "disk full ($how): the desk changed (a partial import?)"
elif ! "$BIN" --db small/desk.db check >out 2>&1; then
	fail "disk full ($how): the desk does not check clean afterwards"
	show out
else
	pass
fi
umount small 2>/dev/null

# the desk removed or replaced while a write runs: SQLite would commit into
# the unlinked file and the rows would be gone with it. The rows come
# through a FIFO, so the import is surely inside its transaction when the
# file goes: half the rows, then the removal, then the rest.
python3 - <<'EOF2' >many.csv
print("partner,account,received_at,expected_acv")
for i in range(4000):
    print(f"Partner {i % 40},Account {i},2026-01-{1 + i % 28:02d},{1000 + i}")
EOF2
head -n 2001 many.csv >first-half.csv
tail -n +2002 many.csv >second-half.csv
# underneath NAME ACTION: import through the FIFO, ACTION between the halves
underneath() {
	tried=$((tried + 1))
	rm -rf doomed rows.fifo
	mkdir -p doomed
	cp good.db doomed/desk.db
	mkfifo rows.fifo
	"$BIN" --db doomed/desk.db import intros rows.fifo >out 2>err &
	pid=$!
	exec 3>rows.fifo
	cat first-half.csv >&3
	n=0
	while [ ! -e doomed/desk.db-wal ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
	eval "$2"
	cat second-half.csv >&3
	exec 3>&-
	wait $pid
	status=$?
	if [ $status -eq 0 ]; then
		fail "$1: the import exited 0 and its rows are lost with the old file"
		show out 3
	elif [ $status -ne 74 ] || [ "$(wc -l <err)" -ne 1 ] || ! grep -qF doomed/desk.db err ||
	     ! grep -qF "removed or replaced while writing; nothing was saved" err; then
		fail "$1: exit $status, expected 74 and one line naming the desk:"
		show err
	else
		pass
	fi
}
underneath "directory removed underneath" 'rm -rf doomed'
# a copy put in its place (a restore from backup while an import runs):
# the copy must come out unchanged, not half-merged
underneath "desk replaced underneath" \
	'cp good.db replacement.db && mv replacement.db doomed/desk.db && before=$(desk_hash doomed/desk.db)'
if [ -e doomed/desk.db ] && [ "$before" != "$(desk_hash doomed/desk.db)" ]; then
	fail "desk replaced underneath: the copy put in place changed"
fi
rm -rf doomed rows.fifo

echo "foreign files and faults tried: $tried"
safety_done
