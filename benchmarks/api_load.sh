#!/usr/bin/env bash
# Load figures for the REST API: requests/s and latency percentiles of a leaderboard query
# beside the health check, measured with wrk on loopback against `benchclaims serve`.
#
#   benchmarks/api_load.sh                 10 s per endpoint, 32 connections
#   DURATION=30s CONNECTIONS=64 benchmarks/api_load.sh
#   CLAIMS=1000000 benchmarks/api_load.sh  size of the synthetic warehouse of the last run (default 100000)
#
# The last run asks for a different benchmark on every request (wrk cycles through every benchmark
# of a synthetic warehouse built by benchmarks/warehouse.py, popular ones included) on a server
# whose answer cache is off: each request reads a board, nothing is answered from memory.
#
# Needs wrk (apt-get install -y wrk). Builds its own warehouse from seeds/ in a temp folder,
# starts the server on a free 127.0.0.1 port and stops it (by its pid) when done.
# Target on a 2-core machine: >= 1,000 req/s with p99 <= 50 ms for the leaderboard.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CLAIMS=${CLAIMS:-100000}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}   # one wrk thread leaves the other core to the server
PY=${PY:-.venv/bin/python}

command -v wrk >/dev/null || { echo "api_load.sh: wrk not found (apt-get install -y wrk)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$PY" -m api.cli ingest seeds/ --db "$work/bench.duckdb" 2>"$work/ingest.log" || { cat "$work/ingest.log" >&2; exit 1; }

start_server() {  # start_server [ENV=VALUE...]: serve a copy of $db (default: the seeds) on a free port, set $base
  cp "${db:-$work/bench.duckdb}" "$work/served.duckdb"
  port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  env "$@" "$PY" -m api.cli serve --db "$work/served.duckdb" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 100); do
    curl -fsS "$base/api/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -fsS "$base/api/healthz" >/dev/null
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

leaderboard="/api/leaderboard?benchmark=AIME%202024"

echo "wrk: ${DURATION} per endpoint, ${CONNECTIONS} connections, ${THREADS} thread(s), loopback; $(nproc) cores"
printf '%-52s %10s %9s %9s %9s %9s %8s\n' endpoint "req/s" p50 p75 p90 p99 errors
# The answer cache is keyed on the known parameters only (junk parameters are a 400), so the
# cost of a real query is measured on a server whose cache holds nothing (CACHE_MAX_BYTES=0).
for path in "/api/healthz" "$leaderboard" "$leaderboard (uncached)"; do
  if [[ $path == *"(uncached)" ]]; then
    start_server BENCHCLAIMS_CACHE_MAX_BYTES=0
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$leaderboard")
  else
    start_server
    curl -fsS "$base$path" >/dev/null   # the first answer is computed; the rest come from the cache
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$path")
  fi
  stop_server
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  pct() { awk -v p="$1" '$1 == p {print $2}' <<<"$out"; }
  errors=$(awk '/Non-2xx|Socket errors/ {sub(/^[ \t]+/, ""); printf "%s; ", $0}' <<<"$out")
  printf '%-52s %10s %9s %9s %9s %9s %8s\n' "$path" "$rps" "$(pct 50%)" "$(pct 75%)" "$(pct 90%)" "$(pct 99%)" "${errors:-0}"
done

# Uncached boards, a different benchmark per request (the benchmarks of a synthetic warehouse, in turn).
"$PY" benchmarks/warehouse.py --claims "$CLAIMS" --queries 0 --db "$work/synthetic.duckdb" >"$work/synthetic.log"
"$PY" - "$work/synthetic.duckdb" "$work/paths.lua" <<'PY'
import json, sys, urllib.parse
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
names = [n for (n,) in con.execute("SELECT e.name FROM entities e WHERE e.kind = 'benchmark' AND e.id IN "
                                   "(SELECT benchmark_id FROM claims) ORDER BY e.id").fetchall()]
paths = ["/api/leaderboard?" + urllib.parse.urlencode({"benchmark": n}) for n in names]
with open(sys.argv[2], "w") as fh:
    fh.write("paths = " + json.dumps(paths).replace("[", "{").replace("]", "}") + "\n")
    fh.write("i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n")
print(f"{len(paths)} benchmarks", file=sys.stderr)
PY
db="$work/synthetic.duckdb" start_server BENCHCLAIMS_CACHE_MAX_BYTES=0
curl -fsS "$base/api/leaderboard?benchmark=MMLU" >/dev/null   # opens the boards once
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/paths.lua" "$base")
stop_server
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
pct() { awk -v p="$1" '$1 == p {print $2}' <<<"$out"; }
errors=$(awk '/Non-2xx|Socket errors/ {sub(/^[ \t]+/, ""); printf "%s; ", $0}' <<<"$out")
printf '%-52s %10s %9s %9s %9s %9s %8s\n' "leaderboard, distinct benchmarks, ${CLAIMS} claims (uncached)" \
  "$rps" "$(pct 50%)" "$(pct 75%)" "$(pct 90%)" "$(pct 99%)" "${errors:-0}"
