# newsprism: `make demo` and `make test` each set up a fresh machine by themselves.
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
export NEWSPRISM_SHARED := $(abspath $(SHARED))

.PHONY: setup demo dashboard test browsers lint format eval bench models clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# The main job: ingest the team's example articles (every input format) into the default
# DuckDB file, then show what newsprism finds in the prototype article.
demo: setup
	$(VENV)/bin/newsprism ingest examples/text examples/html examples/jsonl/articles.jsonl \
		examples/feed examples/warc
	$(VENV)/bin/newsprism ingest examples/jsonl/custom_fields.jsonl \
		--field title=headline --field text=story --field date=published --field url=link
	$(VENV)/bin/newsprism analyze $(SHARED)/seed/000_b9e8d1aa8b426156.txt --date 2020-01-21
	$(VENV)/bin/newsprism index
	@echo "Now run 'make dashboard' and open http://127.0.0.1:8000/"

# The web dashboard and HTTP API over the demo store (Ctrl-C stops it).
dashboard: setup
	$(VENV)/bin/newsprism serve

test: setup browsers lint
	$(PY) -m pytest -q

# The browser tests drive Debian's chromium through chromium-driver with selenium (never a
# browser that a tool downloads itself); a fresh machine gets them here.
browsers: setup
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update && apt-get install -y chromium chromium-driver)
	$(PY) -c "import selenium" 2>/dev/null || $(PY) -m pip install -q "selenium>=4.20"

lint: setup
	$(VENV)/bin/ruff check src tests eval benchmarks training examples
	$(VENV)/bin/ruff format --check src tests eval benchmarks training examples
	$(VENV)/bin/mypy

format: setup
	$(VENV)/bin/ruff check --fix src tests eval benchmarks training examples
	$(VENV)/bin/ruff format src tests eval benchmarks training examples

# Rerun the evaluations and rewrite eval/results/*.json (CI checks the pinned floors instead).
eval: setup
	$(PY) -m eval.layout
	$(PY) -m eval.html

bench: setup
	$(PY) benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) newsprism.duckdb build *.egg-info

-include training/Makefile.models
-include training/Makefile.stance
