"""The claim schema enforces claims-spec.md: kinds, required fields, units, spans."""

import json

import pytest
from pydantic import ValidationError

from schemas import ClaimList, ComparisonClaim, ScoreClaim, claim_json_schema, claim_to_jsonl, parse_claim

PROV = {"source": "a.txt", "start": 0, "end": 5, "quote": "hello"}


def test_score_claim_needs_a_value() -> None:
    with pytest.raises(ValidationError):
        parse_claim({"kind": "score", "model": "m", "benchmark": "b", **PROV})


def test_relation_only_on_comparisons() -> None:
    with pytest.raises(ValidationError):
        parse_claim({"kind": "score", "model": "m", "benchmark": "b", "value": 1, "relation": "outperforms", **PROV})
    c = parse_claim({"kind": "comparison", "model": "m", "baseline": "x", "relation": "matches", **PROV})
    assert isinstance(c, ComparisonClaim)


def test_unit_from_the_spec_set() -> None:
    ok = parse_claim({"kind": "score", "model": "m", "benchmark": "b", "value": 1, "unit": "%", **PROV})
    assert ok.unit == "%"
    with pytest.raises(ValidationError):
        parse_claim({"kind": "score", "model": "m", "benchmark": "b", "value": 1, "unit": "percent", **PROV})


def test_comparison_needs_baseline_and_known_relation() -> None:
    with pytest.raises(ValidationError):
        parse_claim({"kind": "comparison", "model": "m", "relation": "outperforms", **PROV})
    with pytest.raises(ValidationError):
        parse_claim({"kind": "comparison", "model": "m", "baseline": "x", "relation": "crushes", **PROV})


def test_span_must_fit_the_quote() -> None:
    with pytest.raises(ValidationError):
        parse_claim({"kind": "score", "model": "m", "benchmark": "b", "value": 1,
                     "source": "a.txt", "start": 0, "end": 3, "quote": "hello"})


def test_range_is_ordered() -> None:
    with pytest.raises(ValidationError):
        parse_claim({"kind": "score", "model": "m", "benchmark": "b", "value": 93, "value_high": 74, **PROV})


def test_jsonl_round_trip_keeps_every_interface_field() -> None:
    c = ScoreClaim(model="o3", benchmark="AIME 2024", value=96.7, unit="%", **PROV)
    line = claim_to_jsonl(c)
    data = json.loads(line)
    for field in ("kind", "model", "benchmark", "metric", "value", "value_high", "unit", "setting", "baseline",
                  "relation", "delta", "quote", "source", "section", "start", "end", "extractor"):
        assert field in data
    assert parse_claim(line) == c


def test_exported_json_schema_is_a_discriminated_list() -> None:
    schema = claim_json_schema()
    assert schema["properties"]["claims"]["type"] == "array"
    text = json.dumps(schema)
    assert "ScoreFacts" in text and "ComparisonFacts" in text
    parsed = ClaimList.model_validate({"claims": [{"kind": "score", "model": "m", "benchmark": "b", "value": 2, "quote": "q"}]})
    assert parsed.claims[0].kind == "score"
