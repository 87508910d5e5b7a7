# netral: `make demo` serves the app with demo data; `make test` runs the whole suite.
# Both need only Python 3.11 and the package registries.

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
REGISTER_SIZE ?= 20000
PYTEST_WORKERS ?= 2

.PHONY: install demo serve test test-browser lint format bench messages clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# ECharts (analytics charts and map) from npm when npm exists; without it the pages show tables only.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: charts and maps stay off (tables only); install Node.js + npm, then make install"; fi

install: $(STAMP) node_modules/.package-lock.json

demo: install
	$(BIN)/netral setup
	$(BIN)/netral demo all --register-size $(REGISTER_SIZE)
	@echo "Serving netral at http://$(HOST)/  (Ctrl+C to stop)"
	$(BIN)/netral runserver $(HOST) --noreload

serve: install
	$(BIN)/netral runserver $(HOST)

test: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile

test-browser: install
	NETRAL_REQUIRE_BROWSER=1 $(BIN)/pytest -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy netral tests benchmarks netral_gen

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/netral setup
	$(BIN)/netral bench all

clean:
	rm -rf $(VENV) var test-output .mypy_cache .ruff_cache
