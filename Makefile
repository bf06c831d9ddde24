# The two commands of the README work on a fresh machine with Python 3.11 and make:
#   make demo   set up .venv and run the demo on the embedded example models
#   make test   set up .venv with the dev tools and run lint, types, tests and docs
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test lint typecheck unit docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime
	$(BIN)/python -m samverkan_model demo

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs

typecheck: $(VENV)/.dev
	$(BIN)/mypy --strict src tests

unit: $(VENV)/.dev
	$(BIN)/python -W error -c "import samverkan_model"
	$(BIN)/coverage erase
	$(BIN)/coverage run -m pytest --numprocesses=auto
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

docs: $(VENV)/.dev
	$(BIN)/sphinx-build -E --fail-on-warning --keep-going --quiet -b html docs docs/_build/html
	$(BIN)/sphinx-build -E --fail-on-warning --keep-going --quiet -b doctest docs docs/_build/doctest
	$(BIN)/python -m pytest -p no:cacheprovider --quiet --nbmake docs/notebooks

test: lint typecheck unit docs

bench: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e '.[fast]' pydantic
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) docs/_build .coverage .coverage.* .mypy_cache .ruff_cache .pytest_cache
