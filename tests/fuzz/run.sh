#!/bin/sh
# tests/fuzz/run.sh DIR SECONDS HARNESS... - replay the regression inputs,
# then fuzz each harness for SECONDS (0: replay only).
#
# DIR holds the harness binaries fuzz_<HARNESS> (make fuzz-build). For each:
#   1. every file of tests/fuzz/regressions/<HARNESS>/ runs once: findings
#      of earlier runs must stay fixed;
#   2. the seed corpus is (re)made in tests/fuzz/corpus/<HARNESS>/ from the
#      files under tests/data (and docs/, themes/, the CLI cases), and the
#      fuzzer runs SECONDS on it, at nice 19, one process (the machine is
#      shared); what it learns stays in the corpus for the next run;
#   3. a crash, a leak or a timeout fails the run; the input is left in
#      tests/fuzz/findings/<HARNESS>/: fix the bug, then move the input to
#      regressions/ so it replays for ever.
# Each run appends "harness seconds execs execs/s date" to FUZZ_STATS
# (default build/fuzz/stats.tsv) and the totals so far are printed: the
# issue asks for 10 million executions per harness.
set -u
if [ $# -lt 3 ]; then
	echo "usage: tests/fuzz/run.sh DIR SECONDS HARNESS..." >&2
	exit 64
fi
bindir=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
stats=${FUZZ_STATS:-$top/build/fuzz/stats.tsv}
: "${LSAN_OPTIONS:=suppressions=$top/tests/lsan.supp:print_suppressions=0}"
export LSAN_OPTIONS
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# ASan keeps freed memory in quarantine (256 MB by default) to catch late
# uses; SQLite's page churn then costs fresh pages on every input. 32 MB
# still catches a use of anything freed during the same input, at three
# times the speed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=32}"
cd "$top" || exit 1
mkdir -p "$(dirname "$stats")"
fail=0

# seed NAME FILE: copy FILE into the corpus under a stable name
seed() {
	cp "$2" "$corpus/seed-$1"
}

# The CSV harness reads its first byte as the import kind (bit 7: commit).
kind_byte() {
	case $1 in
	intros) echo 000 ;; partners) echo 001 ;; accounts) echo 002 ;;
	overlaps) echo 003 ;; aes) echo 004 ;; outcomes) echo 005 ;;
	*) echo 000 ;;
	esac
}
csv_seed() { # csv_seed NAME KIND FILE [COMMIT]
	b=$(kind_byte "$2")
	[ "${4:-}" = commit ] && b=$(printf '%03o' $((0$b + 128)))
	# shellcheck disable=SC2059
	{ printf "\\$b"; cat "$3"; } >"$corpus/seed-$1"
}

make_corpus_csv_import() {
	for f in tests/data/import/*.csv; do
		n=$(basename "$f" .csv)
		k=${n%%_*}
		csv_seed "$n" "$k" "$f"
		csv_seed "$n-commit" "$k" "$f" commit
	done
	for e in tests/data/bad/*.expect; do
		n=$(basename "$e" .expect)
		set -- $(sed -n 's/^args: import \([a-z]*\) .*/\1/p' "$e")
		[ $# -eq 1 ] && [ -f "tests/data/bad/$n.csv" ] || continue
		csv_seed "bad-$n" "$1" "tests/data/bad/$n.csv"
	done
}
make_corpus_settings() {
	seed default docs/coselldesk.conf
	for f in tests/data/conf/bad/*.conf tests/data/conf/good/*.conf \
		tests/data/conf/*/*.inc tests/tui/configs/*.conf; do
		[ -f "$f" ] && seed "$(basename "$(dirname "$f")")-$(basename "$f")" "$f"
	done
}
make_corpus_theme() {
	for f in themes/*.theme tests/data/conf/*/*.theme; do
		[ -f "$f" ] && seed "$(basename "$(dirname "$f")")-$(basename "$f")" "$f"
	done
}
make_corpus_query() {
	i=0
	{
		cat tests/fuzz/seeds/query.txt
		sed -n 's/^[[:space:]]*limit = "\(.*\)";.*/\1/p' docs/coselldesk.conf \
			tests/data/conf/*/*.conf
		sed -n "s/.*--query '\\([^']*\\)'.*/\\1/p" tests/cli/cases/*/cmd 2>/dev/null
		sed -n 's/^:limit //p' tests/tui/sessions/*.script 2>/dev/null
	} | while IFS= read -r q; do
		i=$((i + 1))
		printf '%s' "$q" >"$corpus/seed-$i"
	done
}

# libconfig 1.5 leaks a token on some syntax errors (tests/lsan.supp). The
# leak is suppressed, but libFuzzer still runs a whole LeakSanitizer pass
# after every input that leaked, which makes the config and theme harnesses
# ten times slower. Those two fuzz without the per-input leak check, then
# every input of the corpus they built (one per path found) is run again
# with it, so any leak of ours on any path found still fails the run.
leaks_per_input() {
	case $1 in settings | theme) echo 0 ;; *) echo 1 ;; esac
}

max_len() {
	case $1 in
	# CSV: room for a note over its 4000-byte limit; longer inputs only
	# repeat rows (the 64 KiB field limit has its own bad input)
	csv_import) echo 5000 ;; settings | theme) echo 16384 ;; *) echo 1024 ;;
	esac
}

total_of() { # total executions recorded for a harness
	awk -v h="$1" '$1 == h { n += $3 } END { printf "%.0f", n }' "$stats" 2>/dev/null
}

for h in "$@"; do
	bin=$bindir/fuzz_$h
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is missing (make fuzz-build)" >&2
		fail=1
		continue
	fi
	regress=tests/fuzz/regressions/$h
	if [ -d "$regress" ] && [ -n "$(ls -A "$regress" 2>/dev/null | grep -v '^README')" ]; then
		n=$(ls -A "$regress" | grep -vc '^README')
		if "$bin" $(ls -A "$regress" | grep -v '^README' | sed "s|^|$regress/|") \
			>"build/fuzz/$h-regress.log" 2>&1; then
			echo "fuzz $h: $n regression inputs replayed, all fine"
		else
			echo "FAIL fuzz $h: a regression input fails again:"
			tail -n 40 "build/fuzz/$h-regress.log" | sed 's/^/    /'
			fail=1
			continue
		fi
	else
		echo "fuzz $h: no regression inputs yet"
	fi
	[ "$seconds" -gt 0 ] 2>/dev/null || continue

	corpus=tests/fuzz/corpus/$h
	findings=tests/fuzz/findings/$h
	mkdir -p "$corpus" "$findings"
	"make_corpus_$h"
	log=build/fuzz/$h.log
	nice -n 19 "$bin" "$corpus" -max_total_time="$seconds" -max_len="$(max_len "$h")" \
		-dict="tests/fuzz/dict/$h.dict" -timeout=10 -rss_limit_mb=2048 \
		-detect_leaks="$(leaks_per_input "$h")" \
		-print_final_stats=1 -artifact_prefix="$findings/" -close_fd_mask=1 \
		>"$log" 2>&1
	rc=$?
	leakpass=""
	if [ $rc -eq 0 ] && [ "$(leaks_per_input "$h")" = 0 ]; then
		# -runs=0: run the corpus once, leak check after each input
		nice -n 19 "$bin" "$corpus" -runs=0 -max_len="$(max_len "$h")" -detect_leaks=1 \
			-timeout=10 -artifact_prefix="$findings/" -close_fd_mask=1 \
			>"$log.leaks" 2>&1
		rc=$?
		cat "$log.leaks" >>"$log"
		leakpass=" (leak check on all $(ls "$corpus" | wc -l) corpus inputs)"
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)
	printf '%s\t%s\t%s\t%s\t%s\n' "$h" "$seconds" "${execs:-0}" "${rate:-0}" \
		"$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$stats"
	if [ $rc -ne 0 ]; then
		echo "FAIL fuzz $h: exit $rc after ${execs:-?} executions; input kept in $findings/"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" |
			sed 's/^/    /'
		tail -n 30 "$log" | sed 's/^/    /'
		fail=1
		continue
	fi
	echo "fuzz $h: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), no crash, no leak$leakpass;" \
		"$(total_of "$h") in all runs so far"
done
exit $fail
