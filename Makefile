# econcheck developer loop. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck pytest eval bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) ## Start the HTTP API and web page on http://$(HOST):$(PORT)/
	$(VENV)/bin/econcheck serve --host $(HOST) --port $(PORT)

test: lint typecheck pytest ## Install everything the tests need; run ruff, mypy and pytest

lint: $(STAMP) ## ruff lint and format check
	$(VENV)/bin/ruff check service tests bench
	$(VENV)/bin/ruff format --check service tests bench

typecheck: $(STAMP) ## mypy over the package
	$(VENV)/bin/mypy

pytest: $(STAMP) ## the test suite (exit 5, no tests collected, fails too)
	$(PY) -m pytest -q

eval: $(STAMP) ## Score the engine on ../shared/corpus/dev (confusion matrix)
	$(PY) bench/eval_corpus.py

bench: $(STAMP) ## Benchmarks: ratios against baselines measured in the same run
	$(PY) bench/check_throughput.py
	$(PY) bench/api/run.py
	$(PY) bench/lint.py
	$(PY) bench/audit.py

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
