#!/bin/sh
# tests/safety/run.sh BIN - the robustness checks that run against the batch
# binary: bad inputs, files from elsewhere and faults, terminal safety,
# file permissions and the editor. Each script prints what failed; this one
# fails when any of them did.
set -u
BIN=${1:?usage: tests/safety/run.sh PATH/TO/coselldesk}
here=$(dirname "$0")
status=0
for s in bad_inputs foreign_files terminal security; do
	sh "$here/$s.sh" "$BIN" || status=1
done
exit $status
