#!/bin/sh
# Extract the seeds with the rules backend and score them against the gold set.
cd "$(dirname "$0")/.." && .venv/bin/python -c "
from extractor.pipeline import extract_paths
from schemas import claim_to_jsonl, Extraction
with open('/tmp/rules_out.jsonl', 'w') as f:
    for r in extract_paths(['seeds']):
        if isinstance(r, Extraction):
            for c in r.claims: f.write(claim_to_jsonl(c) + '\n')
        else: print('PROBLEM', r)
" && python3 ../shared/gold/score.py ../shared/gold/seeds.jsonl /tmp/rules_out.jsonl "$@"
