#!/bin/sh
# tests/tui/data/setup.sh BIN DB - the desk the queue sessions start from:
# 40 intros over 20 accounts and 4 partners (one with a CJK and accented
# name, for display widths), some scored, tiered, routed, declined and
# escalated. Built through the batch commands, with COSELLDESK_NOW pinned
# by the caller so ages and SLA states are the same on every run.
set -eu
BIN=$1
DB=$2
DATA=$(cd "$(dirname "$0")" && pwd)
run() { "$BIN" --db "$DB" "$@" >/dev/null; }

run init
for kind in partners aes accounts overlaps intros; do
	run import "$kind" "$DATA/$kind.csv"
done

# the handle of the intro whose note is "Note N" (two digits: unique)
handle() {
	"$BIN" --db "$DB" queue --format csv --search "Note $1" | awk -F, 'NR == 2 { print $1 }'
}

# scored: distinct totals, so sorting by score has no ties
score() { # score N overlap budget icp relationship competitive size
	h=$(handle "$1")
	run score "$h" --overlap "$2" --budget "$3" --icp "$4" --relationship "$5" --competitive "$6" --size "$7"
}
score 10 22 12 20 13 5 7   # 79
score 11 24 18 18 14 8 9   # 91
score 12 10 10 12 6 5 3    # 46
score 13 20 15 16 10 6 6   # 73
score 14 15 12 10 8 4 5    # 54
score 15 25 20 19 15 9 10  # 98
score 16 18 14 15 9 7 5    # 68
score 17 12 8 9 5 3 2      # 39

# tiered and routed
run tier "$(handle 11)"
run route "$(handle 11)"
run tier "$(handle 15)"

# declined: leaves the open queue
run decline "$(handle 12)" --reason no_overlap

# escalated
run escalate "$(handle 13)" --kind channel_conflict --note "Two partners registered the same account"
