#!/bin/sh
# tests/tui/data/hold-lock.sh BIN DB [SECONDS] - another process takes the
# desk's write lock and keeps it SECONDS (default 4), as a long batch import
# does (it is one transaction), then commits. Returns once the lock is held;
# the holder goes on in the background. Uses the sqlite3 shell, which
# knows nothing of coselldesk: the console cannot ask it to hurry.
set -eu
DB=$2
HOLD=${3:-4}
held=$DB.held
rm -f "$held"
{
	echo "BEGIN IMMEDIATE;"
	echo "UPDATE meta SET value = value;"
	echo ".system touch '$held'"
	sleep "$HOLD"
	echo "COMMIT;"
} | sqlite3 "$DB" >/dev/null 2>&1 &
i=0
while [ ! -e "$held" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ]; then
		echo "hold-lock.sh: the sqlite3 shell did not take the lock on $DB" >&2
		exit 1
	fi
	sleep 0.05
done
