# Two commands for a new machine (see README): `make demo` and `make test`.
# Each creates .venv on first use from the lock file of tested versions (exact versions
# with hashes) and reinstalls when the lock file or pyproject.toml changes.
#   make lock       rewrite the lock from pyproject.toml, keeping locked versions that
#                   still fit; `make lock UPGRADE=1` moves everything to the newest
#   make outdated   the test suite in a throwaway venv with the newest versions that
#                   pyproject.toml allows, then what moved against the lock (never writes it)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed-stamp
LOCK := requirements-lock.txt
EXAMPLE ?= designs/rainforest-cafe.yaml

# The locking tool lives in a throwaway venv, never in .venv.
UV_VERSION := 0.13.9
LOCK_TOOL := build/lock-tool
NEWEST := build/newest
# The lock covers every platform (markers such as colorama on Windows come through) for
# the oldest Python pyproject.toml allows, plus the build backend from [build-system],
# so installing the project itself needs nothing from outside the lock.
BUILD_REQUIRES = $(PYTHON) -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires']))"
COMPILE = pip compile pyproject.toml - --extra dev --universal --generate-hashes \
	--python-version 3.11 --no-config --custom-compile-command 'make lock' --quiet

# Translation catalogs (docs/translating.md): extract the strings of the code and merge
# them into resources/translations/*/LC_MESSAGES/*.po; then translate what is empty or fuzzy.
messages: $(STAMP)
	$(BIN)/python -m cuecraft.core.catalog_tools update
	$(BIN)/python -m cuecraft.core.catalog_tools compile
	-$(BIN)/python -m cuecraft.core.catalog_tools status

.PHONY: catalogs messages demo test lint typecheck pytest pytest-x bench briefs bundle clean lock outdated

# --clear when the lock changed: a package dropped from the lock leaves the venv too.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(if $(filter $(LOCK),$?),--clear) $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# The .mo files beside the .po catalogs (gitignored; a stale one is compiled in memory).
catalogs: $(STAMP)
	$(BIN)/python -m cuecraft.core.catalog_tools compile

demo: $(STAMP) catalogs
	$(BIN)/cuecraft $(EXAMPLE)

test: $(STAMP) catalogs lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# The whole suite, tests/xserver included: those run the workbench under Xvfb with a
# window manager, one child process per scenario (they skip with an install hint when
# Xvfb is missing, and fail instead when CI or CUECRAFT_REQUIRE_X=1 is set).
pytest: $(STAMP)
	$(BIN)/python -m pytest -q

# Only the real-X-server smoke set.
pytest-x: $(STAMP)
	$(BIN)/python -m pytest -q tests/xserver

bench: $(STAMP)
	$(BIN)/python -m bench

briefs: $(STAMP)
	mkdir -p build/briefs
	for f in $$(ls designs/*.yaml | grep -v '\.feedback\.yaml$$'); do $(BIN)/cuecraft export $$f -o build/briefs/$$(basename $$f .yaml).pdf || exit 1; done

bundle: $(STAMP) catalogs
	bash build_spec/build.sh

$(LOCK_TOOL)/bin/uv:
	rm -rf $(LOCK_TOOL)
	$(PYTHON) -m venv $(LOCK_TOOL)
	$(LOCK_TOOL)/bin/python -m pip install --quiet uv==$(UV_VERSION)

lock: $(LOCK_TOOL)/bin/uv
	$(BUILD_REQUIRES) | $(LOCK_TOOL)/bin/uv $(COMPILE) $(if $(UPGRADE),--upgrade) -o $(LOCK)
	@echo "$(LOCK) written; commit it with the change that needed it"

outdated: $(LOCK_TOOL)/bin/uv
	rm -rf $(NEWEST)
	mkdir -p $(NEWEST)
	$(BUILD_REQUIRES) | $(LOCK_TOOL)/bin/uv $(COMPILE) --upgrade -o $(NEWEST)/requirements-newest.txt
	$(PYTHON) -m venv $(NEWEST)/venv
	$(NEWEST)/venv/bin/python -m pip install --quiet --require-hashes -r $(NEWEST)/requirements-newest.txt
	$(NEWEST)/venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(NEWEST)/venv/.installed-stamp
	@status=0; \
	$(MAKE) --no-print-directory VENV=$(NEWEST)/venv lint typecheck pytest || status=$$?; \
	echo; echo "Newest versions pyproject.toml allows, against $(LOCK):"; \
	$(PYTHON) .ci/lock_moved.py $(LOCK) $(NEWEST)/requirements-newest.txt; \
	if [ $$status -eq 0 ]; then \
		echo "The suite passes with them: 'make lock UPGRADE=1' takes them into the lock."; \
	else \
		echo "The suite FAILS with them (above). What fails with the lock too ('make test')"; \
		echo "is not theirs; the rest: fix it, or cap the range in pyproject.toml."; \
	fi; \
	exit $$status

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
