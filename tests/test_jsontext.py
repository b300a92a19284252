"""kb.jsontext writes what json.dumps(ensure_ascii=False, sort_keys=True, indent=2) writes."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest

from kb import export, jsontext, paths, schema
from kb.check import check_root


def _reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)


CHARS = 'aZ09 é İ ş ğ\n\r\t\x00\x1f\x7f\u2028\u2029\\"/<>&\U0001f600'
FLOATS = (0.0, -0.0, 1.5, -2.25, 1e16, 1e-7, 5e-324, 1.7976931348623157e308, 0.1 + 0.2)


def _value(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value: every type, awkward characters and numbers, nested a few deep."""
    pick = rng.randrange(10 if depth < 4 else 6)
    if pick == 0:
        return rng.choice([None, True, False])
    if pick == 1:
        return rng.choice([0, -1, 7, 2**63, -(2**70)])
    if pick == 2:
        return rng.choice(FLOATS)
    if pick < 6:
        return "".join(rng.choice(CHARS) for _ in range(rng.randrange(8)))
    if pick < 8:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {_value_key(rng): _value(rng, depth + 1) for _ in range(rng.randrange(4))}


def _value_key(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randrange(5)))


VALUES = [_value(random.Random(seed)) for seed in range(500)]


@pytest.mark.parametrize("seed", range(0, 500, 50))
def test_any_json_value_is_written_as_json_dumps_writes_it(seed: int) -> None:
    for value in VALUES[seed : seed + 50]:
        assert jsontext.dumps(value) == _reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1, 2.5, -0.0, 1e16, 5e-324, 1e-7, True, None, "x"], "b": {}, "c": []},
        {1: "int key", "s": "mixed"},  # json turns the int into a string; sorting them fails
        {2: "b", 1: "a"},
        {None: 1, True: 2},
        [math.nan, math.inf, -math.inf],
        {"nested": [{"z": 1, "a": [[], [{}]]}]},
        "top-level string\nwith a newline",
        12,
    ],
)
def test_edge_values_match_json_dumps(value: Any) -> None:
    try:
        expected = _reference(value)
    except TypeError:
        with pytest.raises(TypeError):
            jsontext.dumps(value)
        return
    assert jsontext.dumps(value) == expected


def test_unknown_types_are_refused_as_json_dumps_refuses_them() -> None:
    with pytest.raises(TypeError):
        jsontext.dumps({"a": {1, 2}})


@pytest.mark.parametrize("depth", range(4))
def test_encoded_text_lands_indented_where_its_value_would(depth: int) -> None:
    """Splicing a value's text gives what encoding the value in place gives."""
    for value in VALUES[:200]:
        wrap: Any = value
        spliced: Any = jsontext.Encoded(jsontext.dumps(value))
        for n in range(depth):
            wrap, spliced = {"k": [wrap, n]}, {"k": [spliced, n]}
        assert jsontext.dumps(spliced) == _reference(wrap)


def test_encoded_text_inside_a_value_left_to_json_dumps_is_an_error() -> None:
    with pytest.raises(TypeError, match="Encoded"):
        jsontext.dumps({1: "int key", "x": jsontext.Encoded("{}")})


def test_the_real_downloads_are_what_json_dumps_writes() -> None:
    records = check_root(paths.DATA, base=paths.ROOT).records
    files = export.json_files(records)
    for kind in ("base", "source", "actor"):
        for record in (r for r in records if r.kind == kind):
            path = export.addresses.record_json(kind, record.id)
            assert files[path].decode() == _reference(record.data) + "\n", path
    whole = files[export.addresses.export("dataset")].decode()
    assert whole == _reference(export.dataset(records)) + "\n"
    assert json.loads(whole)["bases"]
    for name in schema.SCHEMA_FILES.values():
        path = export.addresses.export(f"schema/{name.removesuffix('.json')}")
        assert files[path].decode() == _reference(schema.schema(name)) + "\n"
