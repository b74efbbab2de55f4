# Two commands set everything up: `make play` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: play test lint bench simulate dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip >/dev/null

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e ".[dev]"
	touch $@

play: $(VENV)/.installed
	$(BIN)/python -m game

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check game tests
	$(BIN)/ruff format --check game tests

bench: $(VENV)/.installed
	$(BIN)/python -m game bench

simulate: $(VENV)/.installed
	$(BIN)/python -m game simulate --games 10 --seed 7

$(VENV)/.build-tools: $(VENV)/.installed
	$(BIN)/python -m pip install -e ".[build]"
	touch $@

# A one-folder desktop bundle in dist/testament (run dist/testament/testament).
dist: $(VENV)/.build-tools
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
