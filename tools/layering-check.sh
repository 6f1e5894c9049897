#!/bin/sh
# Enforce the layers of the design: only src/tui includes curses, only
# src/store holds SQL text or sqlite3 calls, only src/conf includes libconfig,
# and src/core does no I/O.
set -u
fail=0
bad() { echo "layering: $1" >&2; fail=1; }

for f in $(grep -lE '#include *[<"](n?cursesw?|ncursesw/[a-z]*|form|menu|panel)\.h' src/core src/conf src/store src/cli src/main.c -r 2>/dev/null); do
	bad "$f includes curses; only src/tui may"
done
# SQL text lives in string literals: look for SQL keywords inside quotes.
sql='"[^"]*\b(SELECT|INSERT[[:space:]]+(OR[[:space:]]+[A-Z]+[[:space:]]+)?INTO|UPDATE[[:space:]]+[a-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|CREATE[[:space:]]+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA|BEGIN[[:space:]]+IMMEDIATE)\b'
for f in $(grep -rlE "$sql|sqlite3_[a-z_]+\(" src --include='*.c' --include='*.h' | grep -v '^src/store/'); do
	bad "$f holds SQL text or calls SQLite; only src/store may"
done
for f in $(grep -rl '#include *<sqlite3.h>' src include | grep -vE '^(src/store/|include/coselldesk/store)'); do
	bad "$f includes sqlite3.h; only src/store may"
done
for f in $(grep -rl '#include *<libconfig.h>' src include | grep -v '^src/conf/'); do
	bad "$f includes libconfig.h; only src/conf may"
done
for f in $(grep -rlE '\b(fopen|printf|fprintf|puts|time\(|getenv|malloc_stats|sqlite3)' src/core 2>/dev/null); do
	bad "$f does I/O or reads the clock; src/core must stay pure"
done
# user text never becomes SQL: no printf-built statements in the store
for f in $(grep -rlE 'sqlite3_mprintf|snprintf\([^;]*(SELECT|UPDATE|INSERT|DELETE)' src/store 2>/dev/null); do
	bad "$f builds SQL text with printf; bind parameters instead"
done
[ $fail -eq 0 ] && echo "layering: ok"
exit $fail
