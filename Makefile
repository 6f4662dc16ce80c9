# tariffwatch: build, test, run, install. See README.md.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= config/tariffwatch.yaml

.PHONY: deps build release test run install uninstall bench eval eval-timeml clean

# C libraries the package links: libsystemd (journal, sd_notify) and SQLite (GRDB).
deps:
	@if ! pkg-config --exists libsystemd sqlite3 2>/dev/null; then \
		apt-get update -qq && apt-get install -y -qq pkg-config libsystemd-dev libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The whole test suite: unit tests, then the integration tests that drive the built binary.
test: deps
	$(SWIFT) build --build-tests
	TARIFFWATCH_BIN="$$($(SWIFT) build --show-bin-path)/tariffwatch" $(SWIFT) test --skip-build

clean:
	rm -rf .build
