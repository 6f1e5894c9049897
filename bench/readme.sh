#!/bin/sh
# bench/readme.sh README TABLE - put TABLE in README between the markers
# <!-- bench:start --> and <!-- bench:end --> (added at the end when
# missing); nothing else of README changes.
set -eu
README=$1 TABLE=$2
START='<!-- bench:start -->'
END='<!-- bench:end -->'
if ! grep -qF "$START" "$README" || ! grep -qF "$END" "$README"; then
	printf '\n## Speed at a million intros\n\n`make bench` measures it (bench/run.sh); the latest run:\n\n%s\n%s\n' \
		"$START" "$END" >>"$README"
fi
tmp=$README.bench.$$
awk -v start="$START" -v end="$END" -v table="$TABLE" '
	$0 == start { print; while ((getline line < table) > 0) print line; skip = 1; next }
	$0 == end { skip = 0 }
	!skip { print }' "$README" >"$tmp"
cat "$tmp" >"$README"
rm -f "$tmp"
