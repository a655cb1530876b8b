#!/usr/bin/env bash
# benchclaims quick start.
#   ./run.sh          set up .venv, ingest seeds/ into warehouse/benchclaims.duckdb, serve http://127.0.0.1:8000
#   ./run.sh test     set up .venv (with the [dev] extra) and run the test suite
#   ./run.sh setup    only set up .venv
# Needs only Python 3.11+, pip and gcc. Re-running is cheap: installs are skipped when up to date.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv

setup() {
  local extras="$1" stamp="$VENV/.installed-$1"
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
  fi
  # setup.py: the optional mypyc build of the rules' hot modules (extractor/_accel.py); a rule edited since is
  # imported from its source, so re-installing is only needed for the speed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
    echo "installing benchclaims[$extras] into $VENV ..." >&2
    "$VENV/bin/python" -m pip install -q -e ".[$extras]"
    touch "$stamp"
  fi
  # An editable install leaves our modules without bytecode, and where PYTHONDONTWRITEBYTECODE is set Python then
  # compiles every one of them at each start (~0.05 s of a CLI run: benchmarks/README.md, seventeenth session).
  # compileall writes what is missing or stale; a module edited later is compiled in memory until the next run.
  "$VENV/bin/python" -m compileall -q api schemas extractor vocabulary warehouse >/dev/null || true
}

case "${1:-serve}" in
  serve)
    setup dev
    "$VENV/bin/benchclaims" ingest seeds/ --db warehouse/benchclaims.duckdb
    exec "$VENV/bin/benchclaims" serve --db warehouse/benchclaims.duckdb --host 127.0.0.1 --port "${PORT:-8000}"
    ;;
  test)
    setup dev
    shift || true
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  setup)
    setup dev
    ;;
  *)
    echo "usage: ./run.sh [serve|test|setup]" >&2
    exit 2
    ;;
esac
