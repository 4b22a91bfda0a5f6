# Acuback: build, test and benchmark. `make test` is what CI runs (through .ci/run).
SWIFT ?= swift
PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python

.PHONY: test build swift-test python-test system-packages serve clean bench

test: swift-test python-test

build:
	$(SWIFT) build --build-tests

# A hung test run fails after 20 minutes instead of holding CI for its whole time.
swift-test: build
	timeout --foreground 1200 $(SWIFT) test --skip-build

python-test: build system-packages $(VENV)/.installed
	ACUBACK_BIN="$$($(SWIFT) build --show-bin-path)/acuback" VENV_PY=$(VENV_PY) timeout --foreground 1800 tests/run-suites

system-packages:
	./.ci/install-system-packages

$(VENV)/.installed: tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

# Benchmarks of a release build, printed as one table (bench/run.py; wrk from Debian's packages).
# Not part of `make test`. ACUBACK_BENCH_POSTGRES_URL adds PostgreSQL rows (that database is emptied).
# ACUBACK_BENCH_PEER=gnuhealth adds GNU Health beside Acuback's bookings (bench/README.md).
bench: $(VENV)/.installed
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	$(SWIFT) build -c release --product acuback
	$(VENV_PY) bench/run.py --binary "$$($(SWIFT) build -c release --show-bin-path)/acuback"

serve:
	$(SWIFT) run acuback serve --demo

clean:
	rm -rf .build $(VENV)
