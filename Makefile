# quotegraph — the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test lint pytest browser java bench fuzz clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

## demo: build corpus/ into the embedded store, write the HTML view, ask who said a quote
demo: venv
	$(BIN)/quotegraph build corpus/articles
	$(BIN)/quotegraph view -o $(OUT)/graph.html
	$(BIN)/quotegraph who-said "armchair analysis by kids"
	@echo "graph view: $(OUT)/graph.html (open it in a browser; works offline)"

## test: lint, type-check and run the whole test suite (installs Chromium for browser tests)
test: venv browser java lint pytest

lint: venv
	$(BIN)/ruff check quotegraph tests benchmarks
	$(BIN)/ruff format --check quotegraph tests benchmarks
	$(BIN)/mypy

pytest: venv
	$(BIN)/python -m pytest

browser:
	sh scripts/ensure-browser.sh

java:
	sh scripts/ensure-java.sh

bench: venv
	$(BIN)/python benchmarks/run.py

fuzz: venv
	bash scripts/fuzz.sh

clean:
	rm -rf $(VENV) $(OUT) corpus/.quotegraph .pytest_cache .mypy_cache .ruff_cache
