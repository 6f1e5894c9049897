#!/bin/sh
# Make sure the build and test dependencies are present; install what is
# missing with the system package manager. Run by `make run` and `make check`.
# Usage: tools/deps.sh [build|test]   (test adds cmocka, tmux, clang with its
# libFuzzer runtime, valgrind and python3)
set -u
want=${1:-build}
missing_deb=""

have_pc() { pkg-config --exists "$1" 2>/dev/null; }
need() { # need DEBIAN-PACKAGE: remember a package to install
	case " $missing_deb " in *" $1 "*) ;; *) missing_deb="$missing_deb $1" ;; esac
}

command -v cc >/dev/null 2>&1 || need gcc
command -v make >/dev/null 2>&1 || need make
command -v pkg-config >/dev/null 2>&1 || need pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	for pc in ncursesw formw menuw panelw; do have_pc $pc || need libncurses-dev; done
	have_pc sqlite3 || need libsqlite3-dev
	have_pc libconfig || need libconfig-dev
	if [ "$want" = test ]; then have_pc cmocka || need libcmocka-dev; fi
else
	need libncurses-dev; need libsqlite3-dev; need libconfig-dev
	[ "$want" = test ] && need libcmocka-dev
fi
# libcsv ships no .pc file: probe for its header.
printf '#include <stdio.h>\n#include <csv.h>\n' | cc -E -x c - >/dev/null 2>&1 || need libcsv-dev
command -v sqlite3 >/dev/null 2>&1 || need sqlite3
if [ "$want" = test ]; then
	command -v tmux >/dev/null 2>&1 || need tmux
	# (libclang-rt-dev: the runtimes of Debian's default clang, which
	# --no-install-recommends would leave out)
	command -v clang >/dev/null 2>&1 || { need clang; need libclang-rt-dev; }
	# libFuzzer and the sanitizer runtimes for clang are packaged apart
	# (make fuzz-smoke): probe by linking a harness, name the package by
	# clang's major version
	if command -v clang >/dev/null 2>&1; then
		probe=$(mktemp -d "${TMPDIR:-/tmp}/coselldesk-deps.XXXXXX")
		printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
			'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
			'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
			>"$probe/probe.c"
		if ! clang -fsanitize=fuzzer,address,undefined -o "$probe/probe" "$probe/probe.c" \
			>/dev/null 2>&1; then
			major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
			need "libclang-rt-${major:-14}-dev"
		fi
		rm -rf "$probe"
	fi
	command -v valgrind >/dev/null 2>&1 || need valgrind
	command -v python3 >/dev/null 2>&1 || need python3
	# the terminal descriptions the tmux tests use
	[ -e /usr/share/terminfo/t/tmux-256color ] || [ -e /lib/terminfo/t/tmux-256color ] || need ncurses-term
fi

[ -z "$missing_deb" ] && exit 0

echo "coselldesk: missing build dependencies:$missing_deb" >&2
if command -v apt-get >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
		echo "coselldesk: run as root: apt-get install -y$missing_deb" >&2; exit 69
	fi
	echo "coselldesk: installing with apt-get:$missing_deb" >&2
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get install -y --no-install-recommends $missing_deb >&2 ||
	{ $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends $missing_deb >&2; } || {
		echo "coselldesk: apt-get failed; install by hand: apt-get install$missing_deb" >&2; exit 69; }
	exit 0
fi
# Other systems: print the exact command, do not guess further.
if command -v dnf >/dev/null 2>&1; then
	echo "coselldesk: run: sudo dnf install gcc make pkgconf-pkg-config ncurses-devel sqlite-devel libconfig-devel libcsv-devel libcmocka-devel tmux clang valgrind" >&2
elif command -v pacman >/dev/null 2>&1; then
	echo "coselldesk: run: sudo pacman -S --needed base-devel ncurses sqlite libconfig libcsv cmocka tmux clang valgrind" >&2
elif command -v brew >/dev/null 2>&1; then
	echo "coselldesk: run: brew install pkg-config ncurses sqlite libconfig libcsv cmocka tmux llvm" >&2
else
	echo "coselldesk: install the Debian equivalents of:$missing_deb" >&2
fi
exit 69
