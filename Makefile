# coselldesk - co-sell desk console
#   make run      install missing deps, build, open the console on a scratch copy of sample.db
#   make check    install missing deps, build with -Werror, run every test, again under ASan+UBSan
VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(PREFIX)/bin
SHAREDIR  := $(PREFIX)/share/coselldesk
MANDIR    := $(PREFIX)/share/man
BUILD     ?= build
CC        ?= cc
SAN       ?=

PKGS      := ncursesw formw menuw panelw sqlite3 libconfig
# ncursesw's .pc file defines _XOPEN_SOURCE=600; we ask for 700 ourselves.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm -pthread

WARN      := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(SAN),1)
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else
OPT       ?= -O2 -g
endif
CPPFLAGS  += -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -I$(BUILD)/gen \
             -DCOSELLDESK_VERSION='"$(VERSION)"' -DCOSELLDESK_SHAREDIR='"$(SHAREDIR)"'
CFLAGS    := $(WARN) $(OPT) $(PKG_CFLAGS) $(EXTRA_CFLAGS)
comma     := ,
LDFLAGS   += $(if $(filter 1,$(SAN)),-fsanitize=address$(comma)undefined)

# LAYERS narrows the library to some layers while others are being written.
LAYERS    ?= core conf store
LIB_SRC   := $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
CLI_SRC   := $(wildcard src/cli/*.c)
TUI_SRC   := $(wildcard src/tui/*.c)
LIB_OBJ   := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(if $(filter conf,$(LAYERS)),$(BUILD)/obj/gen/default_config.o $(BUILD)/obj/gen/default_theme.o)
APP_OBJ   := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(CLI_SRC) $(TUI_SRC) src/main.c)
LIB       := $(BUILD)/libcoselldesk.a
BIN       := $(BUILD)/coselldesk
UNIT_SRC  ?= $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
TOOLS     := $(BUILD)/gen-sample

.PHONY: all deps deps-test run check test unit-test cli-test tui-test lint san-test bench install uninstall clean
all: $(BIN)

deps:
	@sh tools/deps.sh build
deps-test:
	@sh tools/deps.sh test

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $<
$(BUILD)/gen/default_config.c: docs/coselldesk.conf $(BUILD)/embed
	@mkdir -p $(@D)
	$(BUILD)/embed coselldesk_default_config $< $@
$(BUILD)/gen/default_theme.c: themes/default.theme $(BUILD)/embed
	@mkdir -p $(@D)
	$(BUILD)/embed coselldesk_default_theme $< $@
$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<
# The share dir and the version are compiled in. This stamp is rewritten
# only when they change (make install PREFIX=/opt after a plain make), so
# exactly the objects that use them are rebuilt.
BUILD_VARS := $(BUILD)/gen/build-vars
$(BUILD_VARS): FORCE
	@mkdir -p $(@D)
	@echo 'SHAREDIR=$(SHAREDIR) VERSION=$(VERSION)' | cmp -s - $@ || \
		echo 'SHAREDIR=$(SHAREDIR) VERSION=$(VERSION)' >$@
$(BUILD)/obj/conf/theme_path.o $(BUILD)/obj/cli/version.o: $(BUILD_VARS)
.PHONY: FORCE
FORCE:
$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(PKG_LIBS)
$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(shell pkg-config --libs cmocka)
$(BUILD)/gen-sample: tools/gen_sample.c $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

# sample.db is committed; `make sample.db` regenerates it deterministically.
sample.db: $(BUILD)/gen-sample
	rm -f $@.tmp $@.tmp-wal $@.tmp-shm
	$(BUILD)/gen-sample $@.tmp
	mv $@.tmp $@

SCRATCH := $(BUILD)/scratch.db
run: deps
	@$(MAKE) --no-print-directory $(BIN)
	@cp sample.db $(SCRATCH) && rm -f $(SCRATCH)-wal $(SCRATCH)-shm
	@echo "coselldesk: opening a scratch copy of sample.db ($(SCRATCH))"
	COSELLDESK_THEMES=themes $(BIN) --db $(SCRATCH)

# After the tests and their sanitizer run, the short versions of the
# robustness checks (issue 5) and the benchmark at 10,000 intros.
check: deps-test
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory san-test
	@$(MAKE) --no-print-directory safety-test
	@$(MAKE) --no-print-directory torture-smoke
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory valgrind-smoke
	@$(MAKE) --no-print-directory bench-smoke
	@echo "coselldesk: all checks passed"

test: $(BIN) $(UNIT_BIN) lint unit-test cli-test tui-test

lint:
	@sh tools/layering-check.sh

# LeakSanitizer: only the known libconfig 1.5 leak is suppressed, by its frames.
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
unit-test: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

cli-test: $(BIN)
	@sh tests/cli/run.sh $(BIN)

tui-test: $(BIN)
	@if [ -x tests/tui/run.sh ]; then sh tests/tui/run.sh $(BIN); else echo "tui-test: none yet"; fi

# The whole test suite again, built with AddressSanitizer and UBSan.
san-test:
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 test

# The benchmark of a million intros (bench/run.sh says what it measures);
# bench-smoke is the same at 10,000 intros, for make check.
.PHONY: bench-smoke
BENCH_ENV = BUILD="$(BUILD)" CC="$(CC)" CPPFLAGS="$(CPPFLAGS)" CFLAGS="$(CFLAGS)" \
	LDFLAGS="$(LDFLAGS)" LIBS="$(PKG_LIBS)" LIB="$(LIB)" BIN="$(BIN)" APP_OBJ="$(APP_OBJ)"
bench: deps
	@$(MAKE) --no-print-directory $(BIN) $(LIB)
	@$(BENCH_ENV) sh bench/run.sh
bench-smoke:
	@$(MAKE) --no-print-directory $(BIN) $(LIB)
	@$(BENCH_ENV) BENCH_SMOKE=1 sh bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/themes $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/coselldesk
	install -m 644 themes/*.theme $(DESTDIR)$(SHAREDIR)/themes/
	install -m 644 docs/coselldesk.conf $(DESTDIR)$(SHAREDIR)/coselldesk.conf.example
	install -m 644 docs/coselldesk.1 $(DESTDIR)$(MANDIR)/man1/coselldesk.1
	install -m 644 docs/coselldesk.conf.5 $(DESTDIR)$(MANDIR)/man5/coselldesk.conf.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/coselldesk $(DESTDIR)$(MANDIR)/man1/coselldesk.1 $(DESTDIR)$(MANDIR)/man5/coselldesk.conf.5
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build

# ---- robustness (issue 5): fuzzing, bad inputs, foreign files, torture ----
# libFuzzer harnesses are built with clang into build/fuzz (core, conf and
# store only). `make fuzz` runs each FUZZ_SECONDS (default 600), `make
# fuzz-smoke` 60 s each; both first replay tests/fuzz/regressions.
FUZZ_BUILD   := build/fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 60
FUZZ_NAMES   ?= csv_import settings theme query
FUZZ_OPT     := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_BINS     = $(patsubst %,$(BUILD)/fuzz/fuzz_%,$(FUZZ_NAMES))
TORTURE_TRIALS ?= 200

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-bins fuzz-regress safety-test torture torture-smoke valgrind-smoke
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang SAN= OPT='$(FUZZ_OPT)' LAYERS='core conf store' fuzz-bins
fuzz-bins: $(FUZZ_BINS)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB) $(PKG_LIBS)
fuzz-regress: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_BUILD)/fuzz 0 $(FUZZ_NAMES)
fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_BUILD)/fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_BUILD)/fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

# Bad inputs, database files from elsewhere, terminal safety and file
# permissions, all through the batch binary.
safety-test: $(BIN)
	@sh tests/safety/run.sh $(BIN)

# kill -9 at random moments, and concurrent writers on one desk.
torture-smoke: $(BIN)
	@sh tools/torture.sh --trials 20 --rows 10000 --soak 30 $(BIN)
torture: $(BIN)
	@sh tools/torture.sh --trials $(TORTURE_TRIALS) --rows 100000 --soak 600 $(BIN)

# One scripted console session and a few batch commands under valgrind.
valgrind-smoke: $(BIN)
	@sh tests/safety/valgrind_smoke.sh $(BIN)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
