# Entas: `make run` starts the whole system, `make test` runs every test.
# Both install what they need first (Debian packages, with apt-get).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := librdkafka-dev libsqlite3-dev pkg-config

.PHONY: setup build test bench run clean

## setup: install librdkafka and SQLite headers when missing (no-op when present)
setup:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make setup: installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "make setup: librdkafka-dev and libsqlite3-dev are installed"; \
	fi

## build: compile every target
build: setup
	$(SWIFT) build

## test: build and run the whole test suite (embedded Kafka, real SQLite files, loopback only)
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## bench: print the benchmark figures (grows with the performance issue)
bench: setup
	$(SWIFT) build -c release
	@echo "make bench: no benchmarks yet; see docs/ and the open performance issue."

## run: the whole system on this machine: embedded Kafka, four cluster services and the
## coordinator as child processes, the Sumberjambe demo, then serve until Ctrl-C
## (ARGS="--fresh" starts over)
run: setup
	$(SWIFT) build -c release
	.build/release/entas dev $(ARGS)

clean:
	rm -rf .build .entas
