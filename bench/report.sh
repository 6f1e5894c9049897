#!/bin/sh
# bench/report.sh RAW TMP N JSON TABLE SECONDS CPU - the benchmark's table.
#
# RAW holds "NAME VALUE" lines (bench-measure, bench-ref, bench-proc);
# TMP holds the per-key times of the sessions (keys.NAME.RUN, bench/keytime.c)
# and the labels of their keys (session.labels, short.labels). Writes
# JSON (results) and TABLE (markdown: the figures, medians and p95 over the
# runs, the reference measured in the same run, the target and whether it
# holds). Percentiles are nearest-rank.
set -eu
RAW=$1 T=$2 N=$3 JSON=$4 TABLE=$5 SECONDS_TAKEN=$6 CPU_TAKEN=${7:-?}

# "median p95 min max count" of the numbers on stdin
stats() {
	sort -g | awk '{ v[NR] = $1 }
		function rank(p,  k) { k = int(p * NR); if (k < p * NR) k++; if (k < 1) k = 1; return v[k] }
		END { if (NR == 0) { print "- - - - 0"; exit }
		      printf "%s %s %s %s %d\n", rank(0.5), rank(0.95), v[1], v[NR], NR }'
}
p99() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
		k = int(0.99 * NR); if (k < 0.99 * NR) k++; if (k < 1) k = 1; print v[k] }'
}
values() { awk -v n="$1" '$1 == n { print $2 }' "$RAW"; }
field() { echo "$1" | cut -d' ' -f"$2"; }

# per-key times in ms with their labels: "LABEL MS", every run of a session
keys() { # SESSION LABELS
	for f in "$T"/keys."$1".*; do
		[ -e "$f" ] || continue
		awk 'NR == FNR { label[NR - 1] = $1; next }
		     $1 != "start" && ($1 in label) { printf "%s %.3f\n", label[$1], $2 / 1000 }' "$2" "$f"
	done
}
keys session "$T/session.labels" >"$T/all.session.txt"
keys session10k "$T/session.labels" >"$T/all.session10k.txt"
keys busy "$T/short.labels" >"$T/all.busy.txt"
label_ms() { # FILE LABEL-REGEX
	awk -v re="^($2)\$" '$1 ~ re { print $2 }' "$1"
}
startup=$(for f in "$T"/keys.session.*; do awk '$1 == "start" { printf "%.3f\n", $2 / 1000 }' "$f"; done 2>/dev/null | grep -v '^$' | stats)

# ---- rows of the table ----

rows=$T/rows.txt
: >"$rows"
# row NAME UNIT MEDIAN P95 REFERENCE TARGET HOLDS(yes/no/-) NOTE
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a == "-" || b == "-") print "-"; else printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "-" && b != "-" && a + 0 <= b + 0) ? "yes" : "no" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "-" && b != "-" && a + 0 >= b + 0) ? "yes" : "no" }'; }
both() { [ "$1" = yes ] && [ "$2" = yes ] && echo yes || echo no; }
mb() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f", k / 1024 }'; }

# imports
for size in small large; do
	ours=$(values "import_${size}_rows_per_s" | stats)
	ref=$(values "insert_${size}_rows_per_s" | stats)
	rows_n=$(values "import_${size}_rows" | head -1)
	r=$(ratio "$(field "$ours" 1)" "$(field "$ref" 1)")
	# for a rate the bad tail is the low end: "p95" shows the 5th percentile
	low=$(values "import_${size}_rows_per_s" | sort -g | head -1)
	refrows=$(values "insert_${size}_rows" | head -1)
	refnote="plain INSERT"
	[ -n "$refrows" ] && [ "$refrows" != "$rows_n" ] && refnote="plain INSERT of the first $refrows rows"
	row "CSV import of ${rows_n:-?} intros into the desk (rows/s)" "rows/s" "$(field "$ours" 1)" \
		"${low:--}" "$(field "$ref" 1) ($refnote)" ">= 50% of the plain INSERT" \
		"$(ge "$r" 0.5)" "ratio $r; runs $(field "$ours" 5)"
done

# cold start
cold=$(values cold_ms | stats)
shell=$(values shell_ms | stats)
twice=$(awk -v s="$(field "$shell" 1)" 'BEGIN { printf "%.1f", 2 * s }')
row "Cold start to the first painted queue (whole process)" "ms" "$(field "$cold" 1)" \
	"$(field "$cold" 2)" "$(field "$shell" 1) (sqlite3 shell, same query)" \
	"<= 2x shell ($twice) and <= 100" "$(both "$(le "$(field "$cold" 1)" "$twice")" \
	"$(le "$(field "$cold" 1)" 100)")" "console's own start to first paint $(field "$startup" 1) ms"

# key to repaint
paging=$(label_ms "$T/all.session.txt" 'move|page|jump' | stats)
paging99=$(label_ms "$T/all.session.txt" 'move|page|jump' | p99)
row "Key to repaint, paging (j/k, PgDn/PgUp, ^D/^U, g/G) in every sort and limit: p50" "ms" \
	"$(field "$paging" 1)" "$(field "$paging" 2)" "-" "p50 <= 2" "$(le "$(field "$paging" 1)" 2)" \
	"$(field "$paging" 5) keys over $(ls "$T"/keys.session.[0-9]* 2>/dev/null | wc -l) runs"
row "Key to repaint, paging: p99" "ms" "$paging99" "max $(field "$paging" 4)" "-" "p99 <= 16" \
	"$(le "$paging99" 16)" ""
all=$(awk '{ print $2 }' "$T/all.session.txt" | stats)
all99=$(awk '{ print $2 }' "$T/all.session.txt" | p99)
row "Key to repaint, every key of the session: p50 / p99" "ms" "$(field "$all" 1)" "p99 $all99" "-" \
	"-" "-" "$(field "$all" 5) keys"
for l in sort limit search next detail open back view prompt; do
	s=$(label_ms "$T/all.session.txt" "$l" | stats)
	[ "$(field "$s" 5)" -gt 0 ] || continue
	row "Key to repaint: $l" "ms" "$(field "$s" 1)" "$(field "$s" 2)" "-" "-" "-" \
		"max $(field "$s" 4), $(field "$s" 5) keys"
done

# dial and rescore
dial=$(label_ms "$T/all.session.txt" 'dial' | stats)
row "Dial move (dashboard + / -): key to the re-gated repaint" "ms" "$(field "$dial" 1)" \
	"$(field "$dial" 2)" "-" "<= 50" "$(le "$(field "$dial" 2)" 50)" \
	"store_dial_set alone $(field "$(values dial_set | stats)" 1) ms; re-gating is the query itself"
rs=$(values rescore_ms | stats)
up=$(values update_ms | stats)
r=$(ratio "$(field "$rs" 1)" "$(field "$up" 1)")
row "Rescore of every scored intro after a weight change (to completion)" "ms" "$(field "$rs" 1)" \
	"$(field "$rs" 2)" "$(field "$up" 1) (one bare UPDATE)" "<= 1.5x the bare UPDATE" \
	"$(le "$r" 1.5)" "ratio $r; rows $(values rescore_rows | head -1); first chunk committed after $(field "$(values rescore_first_chunk_ms | stats)" 1) ms"
busy=$(awk '$1 ~ /^(move|page|jump)$/ { print $2 }' "$T/all.busy.txt" | stats)
busy99=$(awk '$1 ~ /^(move|page|jump)$/ { print $2 }' "$T/all.busy.txt" | p99)
row "Console paging while the rescore runs beside it: p50 / p99" "ms" "$(field "$busy" 1)" \
	"p99 $busy99" "-" "responsive" "$(le "$busy99" 100)" "$(field "$busy" 5) keys (WAL: readers never wait)"

# dashboard and reports
d=$(values dashboard_load | stats)
row "Dashboard (pods, capacity, calibration, counts, dial previews)" "ms" "$(field "$d" 1)" \
	"$(field "$d" 2)" "-" "<= 150" "$(le "$(field "$d" 2)" 150)" ""
v=$(label_ms "$T/all.session.txt" 'view' | stats)
for rep in pods capacity calibration partners attribution; do
	s=$(values "report_$rep" | stats)
	row "Report $rep" "ms" "$(field "$s" 1)" "$(field "$s" 2)" "-" "<= 150" \
		"$(le "$(field "$s" 2)" 150)" ""
done

# memory
rss=$(values session_rss_kb | stats)
rss10=$(values session10k_rss_kb | stats)
big=$(field "$rss" 4)
small=$(field "$rss10" 4)
diff=$(awk -v a="$big" -v b="$small" 'BEGIN { if (a == "-" || b == "-") print "-"; else print a - b }')
row "Console peak RSS over the session" "MB" "$(mb "$(field "$rss" 1)")" "max $(mb "$big")" \
	"$(mb "$small") at 10,000 intros" "<= 40 and <= 10 above 10,000" \
	"$(both "$(le "$big" 40960)" "$(le "$diff" 10240)")" "+$(mb "$diff") MB over 10,000 intros"
imp=$(values import_small_proc_rss_kb | stats)
row "Import peak RSS (N/10 rows)" "MB" "$(mb "$(field "$imp" 1)")" "max $(mb "$(field "$imp" 4)")" \
	"-" "-" "-" "page cache raised to 256 MiB while importing"
g=$(values gen_ms | stats)
row "Generating the desk (bench-gen)" "s" "$(awk -v m="$(field "$g" 1)" 'BEGIN { printf "%.0f", m / 1000 }')" \
	"-" "-" "-" "-" "whole benchmark ${SECONDS_TAKEN}s wall, ${CPU_TAKEN}s CPU"

# ---- the machine ----

cpu=$(awk -F: '/model name/ { sub(/^ +/, "", $2); print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
cores=$(nproc 2>/dev/null || echo '?')
when=$(date -u +%Y-%m-%dT%H:%MZ)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
sqlite=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1)

# ---- markdown ----

{
	echo "\`make bench\`: $N intros, medians and p95 over the runs (Notes say how many when"
	echo "fewer than the cold start's $(field "$cold" 5)), each reference measured in the same run."
	echo "Machine: $cores cores, $cpu, SQLite $sqlite, load average $load at the end; $when."
	echo
	echo "| Figure | Median | p95 | Reference | Target | Holds | Notes |"
	echo "|---|---|---|---|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s %s | %s | %s | %s | %s | %s |\n", $1, $3, $2, $4, $5, $6, $7, $8 }' "$rows"
} >"$TABLE"

# ---- JSON ----

jstr() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
jnum() { case $1 in ''|-|*[!0-9.eE+-]*) printf 'null' ;; *) printf '%s' "$1" ;; esac; }
{
	printf '{\n  "intros": %s,\n  "seconds": %s,\n  "cpu_seconds": %s,\n' "$N" "$SECONDS_TAKEN" "$(jnum "$CPU_TAKEN")"
	printf '  "machine": { "cores": %s, "cpu": "%s", "sqlite": "%s", "load": "%s", "date": "%s" },\n' \
		"$cores" "$(jstr "$cpu")" "$(jstr "$sqlite")" "$(jstr "$load")" "$when"
	printf '  "figures": [\n'
	awk -F'\t' -v q='"' '
		function num(x) { return (x ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) ? x : "null" }
		function str(x) { gsub(/\\/, "\\\\", x); gsub(/"/, "\\\"", x); return q x q }
		{ if (NR > 1) printf ",\n"
		  printf "    { \"figure\": %s, \"unit\": %s, \"median\": %s, \"p95\": %s, \"reference\": %s, \"target\": %s, \"holds\": %s, \"notes\": %s }", \
			str($1), str($2), num($3), str($4), str($5), str($6), ($7 == "yes" ? "true" : $7 == "no" ? "false" : "null"), str($8) }
		END { printf "\n" }' "$rows"
	printf '  ]\n}\n'
} >"$JSON"
