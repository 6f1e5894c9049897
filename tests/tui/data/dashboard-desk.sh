#!/bin/sh
# tests/tui/data/dashboard-desk.sh BIN DB - add to the fixture desk what the
# escalation pane and the dashboard sessions need: a third pod (central,
# nine AEs, one specialist) with 27 closed deals whose close rates by score
# band make the calibration verdict "too low" (65-70 closes 1 of 11, 80+
# 5 of 12), open accepted and routed deals, rejections, a channel conflict
# left for the session to raise, a gray-zone channel conflict, an AE
# collision, a stalled deal, a partner pushback and a resolved tier
# dispute, raised at different times. Built through the batch commands
# with COSELLDESK_NOW pinned by the caller (moved back per escalation so
# the ages differ).
set -eu
BIN=$1
DB=$2
NOW=${COSELLDESK_NOW:?COSELLDESK_NOW must be pinned}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-dash.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
run() { "$BIN" --db "$DB" "$@" >/dev/null; }
# run a command as if it were `days` days ago
ago() { days=$1; shift; COSELLDESK_NOW=$((NOW - days * 86400)) "$BIN" --db "$DB" "$@" >/dev/null; }
# the handle of the only open intro whose note is exactly this text
handle() {
	"$BIN" --db "$DB" queue --format csv --search "$1" | awk -F, 'NR == 2 { print $1 }'
}

cat >"$TMP/aes.csv" <<'CSV'
name,email,pod,selling_hours,active
central-ae-1,central-ae-1@desk.example,central,13,true
central-ae-2,central-ae-2@desk.example,central,13,true
central-ae-3,central-ae-3@desk.example,central,13,true
central-ae-4,central-ae-4@desk.example,central,13,true
central-ae-5,central-ae-5@desk.example,central,13,true
central-ae-6,central-ae-6@desk.example,central,13,true
central-ae-7,central-ae-7@desk.example,central,13,true
central-ae-8,central-ae-8@desk.example,central,13,true
central-ae-9,central-ae-9@desk.example,central,13,true
CSV
cat >"$TMP/accounts.csv" <<'CSV'
name,domain,region,industry,country,employees,strategic,owner
Orchid Labs,orchid.example,central,industry0,US,300,true,central-ae-1
Pelican Ports,pelican.example,central,industry1,US,340,false,central-ae-2
Quarry Metals,quarry.example,central,industry2,US,380,false,central-ae-3
Raven Media,raven.example,central,industry3,US,420,true,central-ae-4
Sable Energy,sable.example,central,industry4,US,460,false,central-ae-5
Tulip Health,tulip.example,central,industry5,US,500,false,central-ae-6
Umber Textiles,umber.example,central,industry6,US,540,true,central-ae-7
Vireo Robotics,vireo.example,central,industry7,US,580,false,central-ae-8
Willow Farms,willow.example,central,industry8,US,620,false,central-ae-9
CSV
cat >"$TMP/overlaps.csv" <<'CSV'
partner,account,our_population,partner_population,stakeholders,partner_contact,refreshed_at
Summit Cloud Partners,Cedar Valley Foods,none,prospect,1,alliances@summit.example,2026-01-15
Zürich Systemhaus 蘇黎世,Northwind Manufacturing,prospect,customer,4,alliances@zürich.example,2026-01-20
Harbor Integration Group,Orchid Labs,prospect,customer,1,alliances@x.example,2026-01-01
Summit Cloud Partners,Orchid Labs,prospect,customer,1,alliances@x.example,2026-01-01
Tern Referral Co,Orchid Labs,prospect,customer,1,alliances@x.example,2026-01-01
Harbor Integration Group,Pelican Ports,prospect,customer,2,alliances@x.example,2026-01-02
Summit Cloud Partners,Pelican Ports,prospect,customer,2,alliances@x.example,2026-01-02
Tern Referral Co,Pelican Ports,prospect,customer,2,alliances@x.example,2026-01-02
Harbor Integration Group,Quarry Metals,prospect,customer,3,alliances@x.example,2026-01-03
Summit Cloud Partners,Quarry Metals,prospect,customer,3,alliances@x.example,2026-01-03
Tern Referral Co,Quarry Metals,prospect,customer,3,alliances@x.example,2026-01-03
Harbor Integration Group,Raven Media,prospect,customer,1,alliances@x.example,2026-01-04
Summit Cloud Partners,Raven Media,prospect,customer,1,alliances@x.example,2026-01-04
Tern Referral Co,Raven Media,prospect,customer,1,alliances@x.example,2026-01-04
Harbor Integration Group,Sable Energy,prospect,customer,2,alliances@x.example,2026-01-05
Summit Cloud Partners,Sable Energy,prospect,customer,2,alliances@x.example,2026-01-05
Tern Referral Co,Sable Energy,prospect,customer,2,alliances@x.example,2026-01-05
Harbor Integration Group,Tulip Health,prospect,customer,3,alliances@x.example,2026-01-06
Summit Cloud Partners,Tulip Health,prospect,customer,3,alliances@x.example,2026-01-06
Tern Referral Co,Tulip Health,prospect,customer,3,alliances@x.example,2026-01-06
Harbor Integration Group,Umber Textiles,prospect,customer,1,alliances@x.example,2026-01-07
Summit Cloud Partners,Umber Textiles,prospect,customer,1,alliances@x.example,2026-01-07
Tern Referral Co,Umber Textiles,prospect,customer,1,alliances@x.example,2026-01-07
Harbor Integration Group,Vireo Robotics,prospect,customer,2,alliances@x.example,2026-01-08
Summit Cloud Partners,Vireo Robotics,prospect,customer,2,alliances@x.example,2026-01-08
Tern Referral Co,Vireo Robotics,prospect,customer,2,alliances@x.example,2026-01-08
Harbor Integration Group,Willow Farms,prospect,customer,3,alliances@x.example,2026-01-09
Summit Cloud Partners,Willow Farms,prospect,customer,3,alliances@x.example,2026-01-09
Tern Referral Co,Willow Farms,prospect,customer,3,alliances@x.example,2026-01-09
CSV
cat >"$TMP/intros.csv" <<'CSV'
partner,account,received_at,expected_acv,contact,note,pod,owner,external_id,source
Summit Cloud Partners,Pelican Ports,2025-10-02T09:00:00Z,"$40,000",Contact D01,Deal D01,central,desk-central,DL-01,partner
Tern Referral Co,Quarry Metals,2025-10-03T09:00:00Z,"$40,000",Contact D02,Deal D02,central,desk-central,DL-02,partner
Harbor Integration Group,Raven Media,2025-10-04T09:00:00Z,"$40,000",Contact D03,Deal D03,central,desk-central,DL-03,partner
Summit Cloud Partners,Sable Energy,2025-10-05T09:00:00Z,"$40,000",Contact D04,Deal D04,central,desk-central,DL-04,partner
Tern Referral Co,Tulip Health,2025-10-06T09:00:00Z,"$40,000",Contact D05,Deal D05,central,desk-central,DL-05,partner
Harbor Integration Group,Umber Textiles,2025-10-07T09:00:00Z,"$40,000",Contact D06,Deal D06,central,desk-central,DL-06,partner
Summit Cloud Partners,Vireo Robotics,2025-10-08T09:00:00Z,"$40,000",Contact D07,Deal D07,central,desk-central,DL-07,partner
Tern Referral Co,Willow Farms,2025-10-09T09:00:00Z,"$40,000",Contact D08,Deal D08,central,desk-central,DL-08,partner
Harbor Integration Group,Orchid Labs,2025-10-10T09:00:00Z,"$40,000",Contact D09,Deal D09,central,desk-central,DL-09,partner
Summit Cloud Partners,Pelican Ports,2025-10-11T09:00:00Z,"$40,000",Contact D10,Deal D10,central,desk-central,DL-10,partner
Tern Referral Co,Quarry Metals,2025-10-12T09:00:00Z,"$40,000",Contact D11,Deal D11,central,desk-central,DL-11,partner
Harbor Integration Group,Raven Media,2025-10-13T09:00:00Z,"$40,000",Contact D12,Deal D12,central,desk-central,DL-12,partner
Summit Cloud Partners,Sable Energy,2025-10-14T09:00:00Z,"$40,000",Contact D13,Deal D13,central,desk-central,DL-13,partner
Tern Referral Co,Tulip Health,2025-10-15T09:00:00Z,"$40,000",Contact D14,Deal D14,central,desk-central,DL-14,partner
Harbor Integration Group,Umber Textiles,2025-10-16T09:00:00Z,"$40,000",Contact D15,Deal D15,central,desk-central,DL-15,partner
Summit Cloud Partners,Vireo Robotics,2025-10-17T09:00:00Z,"$90,000",Contact D16,Deal D16,central,desk-central,DL-16,partner
Tern Referral Co,Willow Farms,2025-10-18T09:00:00Z,"$90,000",Contact D17,Deal D17,central,desk-central,DL-17,partner
Harbor Integration Group,Orchid Labs,2025-10-19T09:00:00Z,"$90,000",Contact D18,Deal D18,central,desk-central,DL-18,partner
Summit Cloud Partners,Pelican Ports,2025-10-20T09:00:00Z,"$90,000",Contact D19,Deal D19,central,desk-central,DL-19,partner
Tern Referral Co,Quarry Metals,2025-10-21T09:00:00Z,"$90,000",Contact D20,Deal D20,central,desk-central,DL-20,partner
Harbor Integration Group,Raven Media,2025-10-22T09:00:00Z,"$90,000",Contact D21,Deal D21,central,desk-central,DL-21,partner
Summit Cloud Partners,Sable Energy,2025-10-23T09:00:00Z,"$90,000",Contact D22,Deal D22,central,desk-central,DL-22,partner
Tern Referral Co,Tulip Health,2025-10-24T09:00:00Z,"$90,000",Contact D23,Deal D23,central,desk-central,DL-23,partner
Harbor Integration Group,Umber Textiles,2025-10-25T09:00:00Z,"$90,000",Contact D24,Deal D24,central,desk-central,DL-24,partner
Summit Cloud Partners,Vireo Robotics,2025-10-26T09:00:00Z,"$90,000",Contact D25,Deal D25,central,desk-central,DL-25,partner
Tern Referral Co,Willow Farms,2025-10-27T09:00:00Z,"$90,000",Contact D26,Deal D26,central,desk-central,DL-26,partner
Harbor Integration Group,Orchid Labs,2025-10-28T09:00:00Z,"$90,000",Contact D27,Deal D27,central,desk-central,DL-27,partner
Summit Cloud Partners,Pelican Ports,2025-10-29T09:00:00Z,"$90,000",Contact D28,Deal D28,central,desk-central,DL-28,partner
Tern Referral Co,Quarry Metals,2025-10-30T09:00:00Z,"$90,000",Contact D29,Deal D29,central,desk-central,DL-29,partner
Harbor Integration Group,Raven Media,2025-10-31T09:00:00Z,"$90,000",Contact D30,Deal D30,central,desk-central,DL-30,partner
Summit Cloud Partners,Sable Energy,2025-11-01T09:00:00Z,"$90,000",Contact D31,Deal D31,central,desk-central,DL-31,partner
Tern Referral Co,Tulip Health,2025-11-02T09:00:00Z,"$90,000",Contact D32,Deal D32,central,desk-central,DL-32,partner
Harbor Integration Group,Umber Textiles,2025-11-03T09:00:00Z,"$90,000",Contact D33,Deal D33,central,desk-central,DL-33,partner
Summit Cloud Partners,Vireo Robotics,2025-11-04T09:00:00Z,"$40,000",Contact D34,Deal D34,central,desk-central,DL-34,partner
Tern Referral Co,Willow Farms,2025-11-05T09:00:00Z,"$40,000",Contact D35,Deal D35,central,desk-central,DL-35,partner
Harbor Integration Group,Orchid Labs,2025-11-06T09:00:00Z,"$40,000",Contact D36,Deal D36,central,desk-central,DL-36,partner
Summit Cloud Partners,Pelican Ports,2025-11-07T09:00:00Z,"$40,000",Contact D37,Deal D37,central,desk-central,DL-37,partner
Tern Referral Co,Quarry Metals,2025-11-08T09:00:00Z,"$40,000",Contact D38,Deal D38,central,desk-central,DL-38,partner
Summit Cloud Partners,Cedar Valley Foods,2026-01-26T09:00:00Z,"$48,000",Contact X1,Conflict X1,east,desk-east,XL-01,partner
Zürich Systemhaus 蘇黎世,Northwind Manufacturing,2026-01-27T09:00:00Z,"$61,000",Contact X2,Conflict X2,east,desk-east,XL-02,partner
Summit Cloud Partners,Bluefin Freight,2026-01-28T09:00:00Z,"$52,000",Contact X3,Conflict X3,west,desk-west,XL-03,partner
Harbor Integration Group,Northwind Manufacturing,2026-01-29T09:00:00Z,"$30,000",Contact X4,Conflict X4,east,desk-east,XL-04,partner
CSV
for kind in aes accounts overlaps intros; do
	run import "$kind" "$TMP/$kind.csv"
done

# points per score band: 66 (band 65-70), 74 (71-79), 84 (80+)
score() { # score HANDLE TOTAL
	case $2 in
	66) run score "$1" --overlap 18 --budget 12 --icp 14 --relationship 10 --competitive 6 --size 6 ;;
	74) run score "$1" --overlap 20 --budget 14 --icp 16 --relationship 11 --competitive 7 --size 6 ;;
	84) run score "$1" --overlap 22 --budget 16 --icp 18 --relationship 13 --competitive 8 --size 7 ;;
	esac
}
# to the AE: scored, tiered, routed to the suggested AE (the territory owner)
route() { # route HANDLE TOTAL [AE]
	score "$1" "$2"
	run tier "$1"
	if [ $# -gt 2 ]; then run route "$1" "$3"; else run route "$1"; fi
}
won() { # won HANDLE
	run accept "$1"
	run attribute "$1" --role sourcing --partner "$2"
	run attribute "$1" --role selling --partner "$2"
	run close "$1" won
}
lost() {
	run accept "$1"
	run attribute "$1" --role sourcing --partner "$2"
	run attribute "$1" --role selling --partner "$2"
	run close "$1" lost --reason no_decision
}
partner_of() { # the partner of deal N, as in the intros above
	case $(($1 % 3)) in
	0) echo "Harbor Integration Group" ;;
	1) echo "Summit Cloud Partners" ;;
	*) echo "Tern Referral Co" ;;
	esac
}

# the bar was 65 last quarter: deals scored 66 went to AEs then
run dial 65
n=1
while [ $n -le 38 ]; do
	d=$(printf 'Deal D%02d' $n)
	h=$(handle "$d")
	p=$(partner_of $n)
	if [ $n -le 11 ]; then total=66; elif [ $n -le 15 ]; then total=74; else total=84; fi
	route "$h" $total
	case $n in
	1|12|13|16|17|18|19|20) won "$h" "$p" ;;
	2|3|4|5|6|7|8|9|10|11|14|15|21|22|23|24|25|26|27) lost "$h" "$p" ;;
	28|29|30|31|32|33) run accept "$h" ;;          # open, accepted: AE hours in use
	34|35) ;;                                      # routed, awaiting acceptance
	36|37|38) run reject "$h" --reason no_capacity ;;
	esac
	n=$((n + 1))
done
run dial 70

# east: one intro routed and rejected (acceptance 0 of 1)
h=$(handle "Conflict X4")
route "$h" 84
run reject "$h" --reason outside_territory

# escalations, oldest first
h=$(handle "Deal D28")
ago 9 escalate "$h" --kind stalled_deal --note "No reply from the customer for three weeks"
h=$(handle "Note 16")
ago 6 escalate "$h" --kind tier_dispute --note "Partner wants tier 1 for a tier 2 deal"
es=$("$BIN" --db "$DB" show "$h" | awk '$1 ~ /^ES-/ { print $1; exit }')
ago 4 resolve "$es" --note "Tier holds: the claim is above the partner's history"
h=$(handle "Conflict X3")
route "$h" 74 west-ae-2
ago 3 escalate "$h" --kind ae_collision --note "west-ae-2 worked the account before the territory moved"
h=$(handle "Conflict X2")
ago 2 escalate "$h" --kind channel_conflict --note "Harbor registered first, Zürich maps deeper"
h=$(handle "Note 14")
ago 1 escalate "$h" --kind partner_pushback --note "Partner disputes the budget points"
