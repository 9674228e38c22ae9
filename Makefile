# econcheck developer loop. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-test
RUNTIME := $(VENV)/.installed-run
HOST   ?= 127.0.0.1
PORT   ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck pytest eval bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The service alone: what `make run` needs.
$(RUNTIME): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $(RUNTIME)

# The service plus every tool the tests and benchmarks use.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUNTIME)

run: $(RUNTIME) ## Start the HTTP API and web page (http://127.0.0.1:8000/; set HOST, PORT)
	$(VENV)/bin/econcheck serve --host $(HOST) --port $(PORT)

test: lint typecheck pytest ## Install everything the tests need; run ruff, mypy and pytest

lint: $(STAMP) ## ruff lint and format check
	$(VENV)/bin/ruff check service tests bench
	$(VENV)/bin/ruff format --check service tests bench

typecheck: $(STAMP) ## mypy over the package
	$(VENV)/bin/mypy

pytest: $(STAMP) ## the test suite (exit 5, no tests collected, fails too)
	$(PY) -m pytest -q

eval: $(RUNTIME) ## Score the engine on ../shared/corpus/dev (confusion matrix)
	$(PY) bench/eval_corpus.py

bench: $(STAMP) ## Benchmarks: ratios against baselines measured in the same run
	$(PY) bench/check_throughput.py
	$(PY) bench/api/run.py
	$(PY) bench/lint.py
	$(PY) bench/audit.py

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
