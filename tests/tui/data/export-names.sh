#!/bin/sh
# tests/tui/data/export-names.sh BIN DB - one intro whose partner name needs
# quoting in CSV and escaping in JSON (a comma, quotes), for export.script.
set -eu
BIN=$1
DB=$2
cat >quoted.csv <<'CSV'
partner,account,received_at,expected_acv,contact,note,pod,owner,external_id,source
"Quill, ""Q"" & Sons",Granite Works,2026-01-30T09:00:00Z,"$5,500",Contact Q,Quoted 1,west,desk-west,QUO-001,partner
CSV
"$BIN" --db "$DB" import intros quoted.csv >/dev/null
rm quoted.csv
