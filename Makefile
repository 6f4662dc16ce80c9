# tariffwatch: build, test, run, install. See README.md.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= config/tariffwatch.yaml

include mk/install.mk

.PHONY: deps test-deps build word-tables release release-check order-file profile test test-faults run bench bench-hostile fuzz bench-latency bench-idle bench-serve burst eval eval-own eval-heldout eval-news eval-news-tune eval-news-heldout eval-subjects eval-timeml eval-timeml-deadlines clean

# C libraries: SQLite (GRDB), linked; libsystemd (journal, sd_notify), loaded when the daemon first talks to
# systemd; libxml2 (HTML, RSS/Atom), GMime (e-mail) and poppler-glib (PDF), when the first such article
# arrives. Their -dev packages bring the libraries (the tests build stand-ins against them); ghostscript
# makes the test PDFs.
deps:
	@if ! pkg-config --exists libsystemd sqlite3 libxml-2.0 gmime-3.0 poppler-glib 2>/dev/null || ! command -v ps2pdf >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq pkg-config libsystemd-dev libsqlite3-dev \
			libxml2-dev libgmime-3.0-dev libpoppler-glib-dev ghostscript; \
	fi

build: deps
	$(SWIFT) build

# Recomputes Sources/CWordTables/word_tables.c, the engine's largest word tables (the tariff vocabulary, the
# gazetteer), from their word lists: after a change to either list, which CompiledWordTablesTests reports
# (DEVELOPERS.md, "Changing a word list"). The tables are then read from the binary, not built in every process.
word-tables: deps
	$(SWIFT) build --build-tests
	TARIFFWATCH_WRITE_WORD_TABLES=$(CURDIR)/Sources/CWordTables/word_tables.c \
		$(SWIFT) test --skip-build --filter CompiledWordTablesTests.compiledTablesAreWhatTheirWordListsBuild

# The shipped binary, built so that an idle daemon maps little (docs/performance.md, "Eighth round"):
# - the Swift runtime and Foundation linked in: no Swift toolchain needed where it is installed, and
#   the shared Foundation is not loaded (a program that only imports it holds 16.8 MB linked dynamically, 5.1 MB statically);
# - lld with packed relative relocations (the loader reads 40 kB of them instead of 2.7 MB) and no
#   exported symbol table (nothing loads the binary as a library);
# - TARIFFWATCH_STATIC_SWIFT_RUNTIME: the runtime's global-executor hook, which SwiftNIO finds with
#   dlsym in the shared runtime, is taken from the linker (Sources/CConcurrencyHook): without it Swift
#   concurrency would run on libdispatch, whose pool monitor wakes an idle daemon every second;
# - every function in its own section, placed in the order of mk/tariffwatch.order: the code that
#   start-up and a run over articles execute sits together, so the kernel maps it in a few
#   contiguous pages instead of faulting in 64 kB around each function strewn over 25 MB.
#   `make order-file` remakes the list; a function missing from it only costs a page. Functions with
#   no symbol to name there go together in a section of their own (mk/tariffwatch.ld);
# - generic types' metadata (an array's storage for each element type, most of all) reached through their
#   accessor functions, not looked up by mangled name: the runtime demangled each name on its first use, some
#   9 K instructions a type and 1.4 M of a one-article `extract` (docs/performance.md, "Twenty-first round");
# - libstdc++ (the Swift runtime's and Foundation's ICU's C++) and SQLite linked in too. Loading the shared
#   libstdc++ and binding its symbols cost every process 0.2 to 0.45 ms and 1.7 M instructions; Debian links
#   libsqlite3.so with BIND_NOW, so loading it bound 1,596 symbols (about 1 M instructions) in every process,
#   `extract` included, which never opens a database. The Swift driver asks for `-lstdc++` and GRDB's module
#   for `-lsqlite3`, so linker scripts of those names in a folder searched first (.build/static-libs) stand for
#   the archives; their symbols stay hidden, and a C++ library loaded later (poppler) binds to the shared one.
#   A library whose archive is not installed is linked shared as before. SQLite linked in is the build's: an
#   SQLite security update needs `make release` again (README, "Install as a systemd unit").
LIBSTDCXX_ARCHIVE := $(shell $(dir $(realpath $(shell command -v $(SWIFT))))clang -print-file-name=libstdc++.a 2>/dev/null)
STATIC_LIBS := $(CURDIR)/.build/static-libs
STATIC_SCRIPTS := $(if $(filter /%,$(LIBSTDCXX_ARCHIVE)),$(STATIC_LIBS)/libstdc++.so) $(STATIC_LIBS)/libsqlite3.so
RELEASE_FLAGS = --static-swift-stdlib -Xcc -DTARIFFWATCH_STATIC_SWIFT_RUNTIME \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
	-Xlinker --symbol-ordering-file=$(CURDIR)/mk/tariffwatch.order -Xlinker --no-warn-symbol-ordering \
	-Xlinker -T -Xlinker $(CURDIR)/mk/tariffwatch.ld -Xswiftc -L$(STATIC_LIBS)

$(STATIC_LIBS)/libstdc++.so:
	mkdir -p $(@D)
	echo 'INPUT($(LIBSTDCXX_ARCHIVE))' > $@

# (looked for once `deps` has installed libsqlite3-dev; without the archive no script is written)
$(STATIC_LIBS)/libsqlite3.so: | deps
	mkdir -p $(@D)
	archive="$$(pkg-config --variable=libdir sqlite3)/libsqlite3.a"; \
	if [ -f "$$archive" ]; then echo "INPUT($$archive)" > $@; else echo "note: no $$archive: SQLite linked shared"; fi

# Profile-guided optimisation of the engine: the compiler lays out and inlines its code by how often each
# branch ran while an instrumented build read articles (mk/tariffwatch.profdata, LLVM's indexed profile,
# remade by `make profile`; docs/performance.md, "Eleventh round"). A profile older than the code only loses the functions that
# changed since, which the compiler then compiles as if it had no profile; a toolchain that cannot read
# it (an older LLVM) builds unprofiled, with a note.
# (Checked only when a target asks for the flags: `make test` pays nothing.)
LLVM_PROFDATA = $(dir $(realpath $(shell command -v $(SWIFT))))llvm-profdata
PROFILE := mk/tariffwatch.profdata
PROFILE_READABLE = $(shell $(LLVM_PROFDATA) show $(PROFILE) >/dev/null 2>&1 && echo yes)
PROFILE_FLAGS = $(if $(PROFILE_READABLE),-Xswiftc -Xfrontend -Xswiftc -ir-profile-use=$(CURDIR)/$(PROFILE))

# SwiftPM does not know the linker reads the order and the script: relink when either is newer.
release: deps .build/profile.stamp $(STATIC_SCRIPTS)
	@[ -n "$(PROFILE_FLAGS)" ] || echo "note: $(LLVM_PROFDATA) cannot read $(PROFILE): building without the profile"
	@bin="$$($(SWIFT) build -c release --show-bin-path)/tariffwatch"; \
	if [ mk/tariffwatch.order -nt "$$bin" ] || [ mk/tariffwatch.ld -nt "$$bin" ]; then rm -f "$$bin"; fi
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(PROFILE_FLAGS)

# A new profile: the compiler regenerates no code for a file whose IR is unchanged, whatever the profile,
# so the profiled modules' objects go and are compiled again with it (only the objects: SwiftPM writes the
# rest of those folders when it plans the build, not on every build).
.build/profile.stamp: $(PROFILE)
	bin="$$($(SWIFT) build -c release --show-bin-path)"; \
	for module in TariffExtraction ArticleFormats ExtractionBenchmark; do rm -f "$$bin/$$module.build/"*.o; done
	@mkdir -p .build && touch $@

# The shipped build against the debug build the tests ran: the same extraction on every fixture, and a
# daemon that starts, alerts, keeps Swift concurrency on SwiftNIO's loops and stops; then, where root can
# boot systemd in namespaces, the installed unit end to end (DEVELOPERS.md) with this binary. CI runs it.
release-check: release build
	scripts/release-check.sh "$$($(SWIFT) build -c release --show-bin-path)/tariffwatch" "$$($(SWIFT) build --show-bin-path)/tariffwatch"
	@if [ "$$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v nsenter >/dev/null && [ -x /lib/systemd/systemd ]; then \
		log=$$(mktemp /tmp/tariffwatch-e2e.XXXXXX); \
		if ! Tests/Support/systemd-e2e.sh "$$($(SWIFT) build -c release --show-bin-path)/tariffwatch" Tests/Fixtures/e2e Tests/Fixtures/formats >"$$log" 2>&1; \
		then cat "$$log"; rm -f "$$log"; exit 1; fi; tail -n 1 "$$log"; rm -f "$$log"; \
	else echo "skipped: the unit end to end needs root, unshare, nsenter and /lib/systemd/systemd (see DEVELOPERS.md)"; fi

# Remakes mk/tariffwatch.order from callgrind runs of the release build (needs valgrind), then relinks
# with it: after changes that move much code between start-up and the rest. The functions already listed
# keep their places and new ones join them; ORDER_FRESH=1 writes the list anew (scripts/order-file.sh).
order-file: release
	RELEASE_FLAGS='$(RELEASE_FLAGS) $(PROFILE_FLAGS)' scripts/order-file.sh
	$(MAKE) release

# Remakes mk/tariffwatch.profdata from an instrumented build reading our own articles (scripts/profile.sh),
# then rebuilds with it: after changes to the engine, whose changed functions the old profile no longer covers.
profile: deps $(STATIC_SCRIPTS)
	RELEASE_FLAGS='$(RELEASE_FLAGS)' scripts/profile.sh
	$(MAKE) release

# The whole test suite: unit tests, then the integration tests that drive the built binary.
# What the end-to-end tests use besides the build: curl (the HTTP server), Debian's python3-icalendar
# (a real calendar parser for /deadlines.ics), systemd-journal-remote (upload → remote on loopback) and libfaketime
# (the unit on a faked wall clock, for a reminder its timer raises).
# feedparser-rs (PyPI; Debian's python3-feedparser 6.0 reads no JSON Feed) parses the feed in the checks:
# installed with pip into .build/test-python for the system Python, nothing outside the build folder.
TEST_PYTHON := .build/test-python
test-deps:
	@if ! command -v curl >/dev/null || ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null \
		|| [ ! -x /lib/systemd/systemd-journal-remote ] || ! /usr/bin/python3 -m pip --version >/dev/null 2>&1 \
		|| ! ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1; then \
		apt-get update -qq && apt-get install -y -qq curl python3-icalendar python3-pip systemd-journal-remote libfaketime; \
	fi
	@if ! PYTHONPATH=$(TEST_PYTHON) /usr/bin/python3 -c 'import feedparser_rs' 2>/dev/null; then \
		/usr/bin/python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --target $(TEST_PYTHON) feedparser-rs==0.7.1 \
			|| echo "feedparser-rs not installed: the feed checks fall back to the JSON Feed 1.1 rules alone"; \
	fi

test: deps test-deps
	$(SWIFT) build --build-tests
	@# Serial: many suites run the daemon or wait on child processes, and on a 2-core machine the
	@# cooperative pool has two threads; in parallel they starve each other into timeouts, and serial
	@# is no slower here (77 s against 83 s, both under load).
	TARIFFWATCH_BIN="$$($(SWIFT) build --show-bin-path)/tariffwatch" $(SWIFT) test --skip-build --no-parallel
	@# The libsystemd wrapper's round trips need a journald: run them again against a private one.
	@if [ "$$(id -u)" = 0 ] && command -v unshare >/dev/null && [ -x /lib/systemd/systemd-journald ]; then \
		unshare --mount --propagation private Tests/Support/with-private-journald.sh "$$(mktemp /tmp/tariffwatch-journal.XXXXXX)" -- \
			$(SWIFT) test --skip-build --filter SystemdTests; \
	else echo "skipped: journald round-trip tests need root, unshare and systemd-journald (see DEVELOPERS.md)"; fi

# Quick start: the daemon in the foreground on ./inbox with the default configuration.
run: deps
	mkdir -p inbox
	$(SWIFT) run tariffwatch run --config $(CONFIG)

# Extraction throughput (MB/s, documents/s), release build, single core: the engine alone on generated
# text and on the real-news articles ($(NEWS)/articles, skipped with a message when absent), then the
# whole `extract --json` process on both.
bench: release
	TARIFFWATCH_NEWS_DIR="$(NEWS)/articles" "$$($(SWIFT) build -c release --show-bin-path)/extraction-benchmark"
	bin="$$($(SWIFT) build -c release --show-bin-path)"; scripts/process-benchmark.sh "$$bin/tariffwatch" "$$bin/extraction-benchmark" "$(NEWS)/articles"

# Time and peak memory of `extract` on each pathological pattern, 64 KiB to 4 MiB, with the growth
# per doubling (scripts/hostile-text.py writes the patterns).
bench-hostile: release
	scripts/hostile-benchmark.sh "$$($(SWIFT) build -c release --show-bin-path)/tariffwatch" 65536 4194304

# libFuzzer on the extractor (Tests/Fuzz/extractor): FUZZ_RUNS inputs, no crash and none over budget.
FUZZ_RUNS ?= 1000000
FUZZ_TARGET ?= extractor
fuzz:
	scripts/fuzz.sh $(FUZZ_TARGET) $(FUZZ_RUNS)

# Drop → journal and drop → feed latency at 1, 20 and 200 files/s, beside the disk's fsync+rename floor.
bench-latency: release
	scripts/bench-latency.py --seconds $${SECONDS_PER_RATE:-60}

# RSS and wake-ups of an idle daemon over 60 s.
bench-idle: release
	scripts/bench-idle.sh 60

# `tariffwatch serve` on a state of 3,000 deadlines (1,000 upcoming): latency and server CPU per request of the
# calendar (in full, 304, after a change), the health check and the feed.
bench-serve: release
	scripts/bench-serve.py

# 20,000 files dropped at once into a running daemon: files/s and peak RSS.
burst: release
	scripts/burst-benchmark.sh 20000

SEEDS ?= ../shared/seeds
GOLD ?= ../shared/eval/seeds.gold.json

# Extraction quality on the seed articles, with the gold file's reference dates.
eval: build
	@if [ -f "$(GOLD)" ]; then SCORER=$(dir $(GOLD))score.py scripts/eval-articles.sh "$(SEEDS)" "$(GOLD)"; \
	else echo "skipped: no $(GOLD) (the seed articles live outside the repository)"; fi

# The same scorer on our own articles (Tests/Fixtures/eval), written without looking at the engine.
eval-own: build
	scripts/eval-articles.sh Tests/Fixtures/eval Tests/Fixtures/eval/gold.json

# Six more of our articles kept out of rule writing: how the engine does on text it was not tuned on.
eval-heldout: build
	scripts/eval-articles.sh Tests/Fixtures/heldout Tests/Fixtures/heldout/gold.json

NEWS ?= ../shared/eval/news-dev
NEWS_HELDOUT ?= scripts/news-heldout.txt

# Real trade articles nobody here wrote (44, People's Daily / Xinhua): all of them, the 33 rules are
# written from, and the 11 kept out (scripts/news-heldout.txt: read their scores only).
eval-news: build
	@if [ -f "$(NEWS)/gold.json" ]; then SCORER=$(dir $(GOLD))score.py scripts/eval-articles.sh "$(NEWS)/articles" "$(NEWS)/gold.json" $(EVAL_FLAGS); \
	else echo "skipped: no $(NEWS)/gold.json (the real-news set lives outside the repository)"; fi

eval-news-tune eval-news-heldout: build
	@if [ -f "$(NEWS)/gold.json" ]; then \
		gold=$$(mktemp /tmp/tariffwatch-gold.XXXXXX.json); trap 'rm -f "$$gold"' EXIT; \
		scripts/gold-subset.py "$(NEWS)/gold.json" $(NEWS_HELDOUT) $(if $(filter eval-news-tune,$@),out,in) > "$$gold"; \
		SCORER=$(dir $(GOLD))score.py scripts/eval-articles.sh "$(NEWS)/articles" "$$gold" $(EVAL_FLAGS) \
			$(if $(filter eval-news-heldout,$@),| tail -n 1,); \
	else echo "skipped: no $(NEWS)/gold.json (the real-news set lives outside the repository)"; fi

# How many deadline subjects name an actor (scripts/subject-actors.py), on every set present.
eval-subjects: build
	@if [ -f "$(GOLD)" ]; then printf 'seeds: '; SCORER=scripts/subject-actors.py scripts/eval-articles.sh "$(SEEDS)" "$(GOLD)"; fi
	@printf 'own: '; SCORER=scripts/subject-actors.py scripts/eval-articles.sh Tests/Fixtures/eval Tests/Fixtures/eval/gold.json
	@printf 'own held-out: '; SCORER=scripts/subject-actors.py scripts/eval-articles.sh Tests/Fixtures/heldout Tests/Fixtures/heldout/gold.json
	@if [ -f "$(NEWS)/gold.json" ]; then \
		gold=$$(mktemp /tmp/tariffwatch-gold.XXXXXX.json); trap 'rm -f "$$gold"' EXIT; \
		scripts/gold-subset.py "$(NEWS)/gold.json" $(NEWS_HELDOUT) out > "$$gold"; \
		printf 'news tuning: '; SCORER=scripts/subject-actors.py scripts/eval-articles.sh "$(NEWS)/articles" "$$gold"; \
		printf 'news all: '; SCORER=scripts/subject-actors.py scripts/eval-articles.sh "$(NEWS)/articles" "$(NEWS)/gold.json"; \
	fi

# TempEval-3 style timex scores on ../shared/eval/timeml. TIMEML_FLAGS="--split tune --kinds" for the
# documents rules are written from with their errors grouped; "--split heldout" for the score lines of the rest.
TIMEML ?= ../shared/eval/timeml
eval-timeml: build
	@if [ -d "$(TIMEML)" ]; then python3 scripts/eval_timeml.py --timeml $(TIMEML) $(TIMEML_FLAGS) -- "$$($(SWIFT) build --show-bin-path)/tariffwatch" extract --timex; \
	else echo "skipped: no $(TIMEML) (TimeBank and AQUAINT live outside the repository)"; fi

# Deadline precision on TimeBank + AQUAINT (no deadline gold): every alert with the hand judgement kept in
# scripts/timeml-deadlines-judged.tsv (true/false/unsure), new alerts listed as unjudged with their sentence.
# TIMEML_DEADLINE_FLAGS="--split heldout" for the quarter eval_timeml.py holds out, "--list" for every alert.
eval-timeml-deadlines: build
	@if [ -d "$(TIMEML)" ]; then python3 scripts/timeml-deadlines.py --timeml $(TIMEML) $(TIMEML_DEADLINE_FLAGS) -- "$$($(SWIFT) build --show-bin-path)/tariffwatch" extract --json; \
	else echo "skipped: no $(TIMEML) (TimeBank and AQUAINT live outside the repository)"; fi

clean:
	rm -rf .build

# Fault injection (Tests/Faults): hostile files, pathological text, journald and disk faults, crashes.
test-faults: deps test-deps
	$(SWIFT) build
	Tests/Faults/run.sh "$$($(SWIFT) build --show-bin-path)/tariffwatch"
