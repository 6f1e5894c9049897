#!/bin/sh
# tests/tui/data/import-files.sh BIN DB - CSV files for import.script, in the
# session's directory: good.csv (three new intros of known partners) and
# bad.csv (two good rows, four bad ones: more than the console lists).
set -eu
cat >good.csv <<'CSV'
partner,account,received_at,expected_acv,contact,note,pod,owner,external_id,source
Summit Cloud Partners,Granite Works,2026-01-20T09:00:00Z,"$41,000",Contact A,Imported 1,west,desk-west,IMP-001,partner
Tern Referral Co,Cedar Valley Foods,2026-01-21T09:00:00Z,"$18,000",Contact B,Imported 2,east,desk-east,IMP-002,partner
Harbor Integration Group,Northwind Manufacturing,2026-01-22T09:00:00Z,,Contact C,Imported 3,east,desk-east,IMP-003,partner
CSV
cat >bad.csv <<'CSV'
partner,account,received_at,expected_acv,contact,note,pod,owner,external_id,source
Summit Cloud Partners,Granite Works,2026-01-23T09:00:00Z,"$12,000",Contact D,Rejected 1,west,desk-west,BAD-001,partner
Tern Referral Co,Cedar Valley Foods,2026-02-30T09:00:00Z,"$18,000",Contact E,Rejected 2,east,desk-east,BAD-002,partner
Tern Referral Co,Cedar Valley Foods,2026-01-24T09:00:00Z,-500,Contact F,Rejected 3,east,desk-east,BAD-003,partner
,Cedar Valley Foods,2026-01-25T09:00:00Z,"$9,000",Contact G,Rejected 4,east,desk-east,BAD-004,partner
Summit Cloud Partners,Granite Works,2026-01-26T09:00:00Z,"$12,000",Contact H,Rejected 5,west,desk-west,BAD-005,partner
Harbor Integration Group,,yesterday,"$5,000",Contact I,Rejected 6,east,desk-east,BAD-006,partner
CSV
