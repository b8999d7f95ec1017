# Two commands for a new machine (see README): `make demo` and `make test`.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE ?= designs/rainforest-cafe.yaml

.PHONY: demo test lint typecheck pytest bench briefs bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cuecraft $(EXAMPLE)

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench

briefs: $(STAMP)
	mkdir -p build/briefs
	for f in $$(ls designs/*.yaml | grep -v '\.feedback\.yaml$$'); do $(BIN)/cuecraft export $$f -o build/briefs/$$(basename $$f .yaml).pdf || exit 1; done

bundle: $(STAMP)
	bash build_spec/build.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
