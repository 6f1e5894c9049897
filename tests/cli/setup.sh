#!/bin/sh
# setup.sh - the fixture desk every CLI case starts from.
# Env: CD the program, DATA tests/cli/data, DB the desk to create,
#      HANDLES a file to write "NAME HANDLE" lines to (one per intro).
# Built through the batch commands themselves, so it is also a test of them.
set -eu
export COSELLDESK_DB="$DB"
run() { "$CD" "$@" >/dev/null; }

run init
for kind in partners aes accounts overlaps intros; do
	run import "$kind" "$DATA/$kind.csv"
done

# the handle of the intro of one partner on one account, by name
handle() {
	"$CD" queue --format csv --partner "$1" --search "$2" | awk -F, 'NR == 2 { print $1 }'
}
orchid=$(handle "Summit Cloud Partners" "Orchid Labs")
pebble=$(handle "Tern Referral Co" "Pebble Outfitters")
granite=$(handle "Harbor Integration Group" "Granite Works")
northwind=$(handle "Harbor Integration Group" "Northwind Manufacturing")
bluefin=$(handle "Summit Cloud Partners" "Bluefin Freight")
cedar=$(handle "Tern Referral Co" "Cedar Valley Foods")
lumen_summit=$(handle "Summit Cloud Partners" "Lumen Health Network")
lumen_harbor=$(handle "Harbor Integration Group" "Lumen Health Network")

# won last month, with attribution and AE hours
run score "$orchid" --overlap 22 --budget 16 --icp 18 --relationship 12 --competitive 8 --size 8
run tier "$orchid"
run route "$orchid" west-ae-1
run accept "$orchid"
run attribute "$orchid" --role sourcing --partner "Summit Cloud Partners"
run attribute "$orchid" --role selling --partner "Summit Cloud Partners"
run hours "$orchid" --ae west-ae-1 --hours 3.5 --activity demo
run close "$orchid" won --acv 62000

# partner-led, then lost
run score "$pebble" --overlap 10 --budget 14 --icp 16 --relationship 10 --competitive 6 --size 6
run tier "$pebble"
run route "$pebble"
run close "$pebble" lost --reason price

# a tier 1 PQL routed, awaiting acceptance
run score "$bluefin" --overlap 24 --budget 18 --icp 18 --relationship 14 --competitive 8 --size 9
run tier "$bluefin"
run route "$bluefin" east-ae-2

# scored below the bar
run score "$cedar" --overlap 8 --budget 10 --icp 12 --relationship 6 --competitive 5 --size 3

# a channel conflict under escalation
run escalate "$lumen_summit" --kind channel_conflict --note "Two partners registered the same account"

cat >"$HANDLES" <<EOT
ORCHID $orchid
PEBBLE $pebble
GRANITE $granite
NORTHWIND $northwind
BLUEFIN $bluefin
CEDAR $cedar
LUMEN_SUMMIT $lumen_summit
LUMEN_HARBOR $lumen_harbor
EOT
