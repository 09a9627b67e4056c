# migsim - build, test, bench and fuzz.  See README.md.
#
#   make            build/libmigsim.a and build/migsim
#   make test       unit tests, CLI tests, scenarios, fuzz corpora; the unit
#                   tests and CLI tests under valgrind; then all of it again
#                   under ASan+UBSan (build/asan)
#   make test-pg    ask a throwaway PostgreSQL 15 again for every recorded
#                   expectation in tests/pg (needs postgresql-15, libpq-dev)
#   make bench      timings and peak memory over ../shared/corpora
#   make fuzz       libFuzzer targets, FUZZ_TIME seconds each
#   make valgrind   unit tests and CLI tests under valgrind (leak check)

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
SAN      ?=
CORPORA  ?= ../shared/corpora
FUZZ_TIME ?= 30

PKGS     := icu-i18n icu-uc nettle uuid jansson sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS   := -std=c11 -Wall -Wextra -Werror -g $(OPT) $(SAN) -Iinclude \
            $(PKG_CFLAGS) -MMD -MP
LDFLAGS  := $(SAN)
LIBS     := -lpg_query $(PKG_LIBS) -lm

LIB_SRCS := $(wildcard src/common/*.c src/store/*.c src/migdir/*.c \
            src/ledger/*.c src/pg/*.c src/prisma/*.c src/scenario/*.c)
CLI_SRCS := $(wildcard src/cli/*.c)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/seed_scenario.o
SEED_SCENARIO := scenarios/01-seed-incident.txtar
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

LIB := $(BUILD)/libmigsim.a
BIN := $(BUILD)/migsim

.PHONY: all test test-run test-unit test-cli test-cases test-fuzz-replay test-asan test-pg \
        bench fuzz valgrind clean compile_commands.json

all: $(LIB) $(BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -c $< -o $@

# The seed scenario, compiled into the binary for `migsim replay`.
$(BUILD)/gen/seed_scenario.c: $(SEED_SCENARIO)
	@mkdir -p $(dir $@)
	{ echo '/* generated from $(SEED_SCENARIO) by the Makefile */'; \
	  echo 'const unsigned char ms_seed_scenario[] = {'; \
	  od -An -v -tx1 $< | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0 };'; \
	  echo "const unsigned long ms_seed_scenario_len = $$(wc -c < $<);"; } > $@

$(BUILD)/obj/gen/seed_scenario.o: $(BUILD)/gen/seed_scenario.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJS) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJS) $(LIB) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(LIB) $(LIBS) -lcmocka

# The plain run, valgrind and the sanitizer build share nothing but what
# `all` built, so they run side by side (a third of the wall time).
test: all
	$(MAKE) --no-print-directory -j3 --output-sync=line test-run valgrind \
	  test-asan

test-run: test-unit test-fuzz-replay test-cli test-cases

# migsim against the outcomes a real PostgreSQL 15.18 recorded.
test-cases: $(BUILD)/tests/cases
	$(BUILD)/tests/cases tests/pg/cases

# A real PostgreSQL 15 asked again for everything tests/pg records.
test-pg: $(BUILD)/tests/live $(BIN)
	sh tests/pg/live.sh $(BUILD)/tests/live $(BIN) $(abspath $(CORPORA))

$(BUILD)/tests/live: tests/pg/live.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I$(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql) \
	  -o $@ $< $(LIB) $(LIBS) -lpq

$(BUILD)/tests/cases: tests/pg/cases.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(LIB) $(LIBS)

test-unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do \
	  echo "== $$t"; MIGSIM_CORPORA=$(CORPORA) $$t; done

test-cli: $(BIN)
	MIGSIM_CORPORA=$(abspath $(CORPORA)) sh tests/cli/run.sh $(BIN)

# Every fuzz corpus (seeds and saved crashes) through its target, without
# libFuzzer.
FUZZ_TARGETS := migdir split scenario
REPLAY_BINS := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)

$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ fuzz/fuzz_$*.c fuzz/replay.c $(LIB) $(LIBS)

test-fuzz-replay: $(REPLAY_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  printf '%s: ' $$t; $(BUILD)/fuzz/replay_$$t fuzz/corpus/$$t; done

# libFuzzer, with clang: the library is rebuilt with coverage in build/fuzz.
fuzz:
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libmigsim.a
	@set -e; for t in $(FUZZ_TARGETS); do \
	  clang $(CFLAGS_FUZZ) -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
	    $(PKG_CFLAGS) -o build/fuzz/fuzz_$$t fuzz/fuzz_$$t.c build/fuzz/libmigsim.a $(LIBS); \
	  mkdir -p build/fuzz/corpus_$$t; \
	  LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp) \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -artifact_prefix=fuzz/corpus/$$t/crash- build/fuzz/corpus_$$t fuzz/corpus/$$t; \
	done

CFLAGS_FUZZ := -std=c11 -g -O1

valgrind: all $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== valgrind $$t"; \
	  valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	    --error-exitcode=1 $$t > /dev/null; done
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	  --error-exitcode=1 $(BIN) replay > /dev/null
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	  --error-exitcode=1 $(BIN) test tests/cli > /dev/null
	@echo "valgrind: no definite leaks, no memory errors"

# Every corpus, then generated histories of 1,000 / 10,000 / 100,000
# migrations (BENCH_SIZES), each against the bare parse of the same files.
BENCH_SIZES ?= 1000 10000 100000
bench: $(BUILD)/bench/bench
	@set -e; for c in $(CORPORA)/*/migrations; do \
	  $(BUILD)/bench/bench $$c 3; done
	@set -e; for n in $(BENCH_SIZES); do \
	  sh bench/gen.sh $$n $(BUILD)/bench/gen$$n; \
	  $(BUILD)/bench/bench $(BUILD)/bench/gen$$n 1; \
	  rm -rf $(BUILD)/bench/gen$$n; done

$(BUILD)/bench/bench: bench/bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(LIB) $(LIBS)

test-asan:
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp) \
	$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  all test-run

clean:
	rm -rf build

compile_commands.json:
	$(MAKE) clean
	bear -- $(MAKE) all

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d)
