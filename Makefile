# econcheck developer loop. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-test
RUNTIME := $(VENV)/.installed-run
COMPILED := $(VENV)/.compiled-engine
ENGINE_SOURCES := $(shell find service/engine -name '*.py')
HOST   ?= 127.0.0.1
PORT   ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck pytest eval bench compile pure clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The service alone: what `make run` needs (and mypyc, to compile the engine).
$(RUNTIME): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[compile]'
	touch $(RUNTIME)

# The service plus every tool the tests and benchmarks use.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUNTIME)

# The engine as C extensions (about 2x faster); rebuilt when an engine source changes. Without a
# C compiler it prints why and the engine runs from source, with the same results.
$(COMPILED): $(ENGINE_SOURCES) tools/compile_engine.py | $(RUNTIME)
	$(PY) tools/compile_engine.py
	touch $(COMPILED)

compile: $(COMPILED) ## Build the engine with mypyc (done by run, test, eval and bench)

pure: ## Remove the compiled engine (until the next run, test or compile)
	$(PY) tools/compile_engine.py --clean
	rm -f $(COMPILED)

run: $(RUNTIME) $(COMPILED) ## Start the HTTP API and web page (http://127.0.0.1:8000/; set HOST, PORT)
	$(VENV)/bin/econcheck serve --host $(HOST) --port $(PORT)

test: lint typecheck pytest ## Install everything the tests need; run ruff, mypy and pytest

lint: $(STAMP) ## ruff lint and format check
	$(VENV)/bin/ruff check service tests bench tools hatch_build.py
	$(VENV)/bin/ruff format --check service tests bench tools hatch_build.py

typecheck: $(STAMP) ## mypy over the package and its tools
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy tools hatch_build.py

pytest: $(STAMP) $(COMPILED) ## the test suite (exit 5, no tests collected, fails too)
	$(PY) -m pytest -q

eval: $(RUNTIME) $(COMPILED) ## Score the engine on ../shared/corpus/dev (confusion matrix)
	$(PY) bench/eval_corpus.py

bench: $(STAMP) $(COMPILED) ## Benchmarks: ratios against baselines measured in the same run
	$(PY) bench/check_throughput.py
	$(PY) bench/api/run.py
	$(PY) bench/lint.py
	$(PY) bench/audit.py

clean: ## Remove the virtualenv, the compiled engine and caches
	find service -name '*.so' -delete
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
