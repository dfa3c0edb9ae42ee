# Set-up is part of every target: on a fresh machine `make run` or `make test` installs what they need
# (Python packages into .venv; Redis from Debian and the OpenSearch jars are fetched on first start).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test test-unit lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	# camel-tools' light modules (normalisation, tokenisation) need no torch: install without its heavy deps
	$(BIN)/pip install -q --no-deps "camel-tools==1.6.0"
	touch $(STAMP)

## The main job: ingest seeds/ through the real stack and show the result.
run: install
	$(BIN)/naba run seeds/

## The whole test suite: unit tests, then integration tests on a real Redis, OpenSearch node and workers.
test: install
	$(BIN)/ruff check services tests bench
	$(BIN)/pytest -q -p no:cacheprovider

test-unit: install
	$(BIN)/pytest -q -m "not integration"

lint: install
	$(BIN)/ruff check services tests bench

clean:
	-$(BIN)/naba stack down
	rm -rf var
