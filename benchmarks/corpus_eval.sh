#!/bin/sh
# Score the rules extractor on every evaluation corpus in benchmarks/corpus/ (see its README).
cd "$(dirname "$0")/.." || exit 1
for dir in benchmarks/corpus/*/; do
  [ -f "$dir/expected.jsonl" ] || continue
  echo "== $dir"
  .venv/bin/benchclaims eval "$dir/expected.jsonl" "$dir" "$@"
done
