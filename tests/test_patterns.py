"""Every pattern in the schemas constrains the whole value, in the validator as in editors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kb import patterns, schema

EXAMPLES = {
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "incirlik-2016-coup",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "2025-07-02",
    "^https?://[^\\s\"'<>`]+$": "https://news.example/report?a=1",
    "^([A-Z]{2}|INT)$": "TR",
    "^([A-Z]{2}|NATO)$": "NATO",
    "^[A-Z]{4}$": "LTAG",
    "^[A-Z]{3}$": "UAB",
    "^[A-Z]{2}$": "DE",
    "^[0-9]{4}$": "1987",
}
"""One valid value per pattern; a new pattern in a schema needs an example here."""


def _patterns(node: Any, where: str = "") -> list[tuple[str, str]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.append((where, value))
            elif key in ("patternProperties", "propertyNames", "format"):
                found.append((f"{where}/{key}", f"unsupported keyword {key}"))
            else:
                found += _patterns(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _patterns(value, f"{where}/{i}")
    return found


PATTERNS = sorted(
    {
        (f"{path.name}#{where}", pattern)
        for path in sorted(schema.SCHEMA_DIR.glob("*.schema.json"))
        for where, pattern in _patterns(json.loads(path.read_text(encoding="utf-8")))
    }
)


def test_the_schemas_have_patterns() -> None:
    assert len(PATTERNS) >= len(EXAMPLES)


@pytest.mark.parametrize(("where", "pattern"), PATTERNS, ids=[w for w, _ in PATTERNS])
def test_pattern_is_anchored_and_has_an_example(where: str, pattern: str) -> None:
    # ^...$ is what an editor's ECMA-262 engine needs to check the whole value
    assert pattern.startswith("^") and pattern.endswith("$"), where
    assert pattern in EXAMPLES, f"{where}: add a valid example for {pattern} to EXAMPLES"


@pytest.mark.parametrize("pattern", sorted(EXAMPLES))
def test_pattern_matches_only_the_whole_value(pattern: str) -> None:
    example = EXAMPLES[pattern]
    check = patterns.Validator({"pattern": pattern})
    assert check.is_valid(example)
    for bad in (example + "\n", "\n" + example, example + "\nx", "x\n" + example):
        assert not check.is_valid(bad), repr(bad)


@pytest.mark.parametrize("kind", sorted(schema.SCHEMA_FILES))
def test_every_record_kind_is_checked_with_whole_value_patterns(kind: str) -> None:
    assert isinstance(schema.validator(kind), patterns.Validator)
