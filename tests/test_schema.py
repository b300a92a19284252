"""The schemas are valid JSON Schema and document every property, so docs can be generated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kb import paths, schema

FILES = sorted(schema.SCHEMA_DIR.glob("*.schema.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_schema_passes_the_metaschema(path: Path) -> None:
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def _nodes(node: Any, keep, where: str = "") -> list[tuple[str, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """Every mapping in a schema document for which keep(mapping) holds, with its path."""
    found = []
    if isinstance(node, dict):
        if keep(node):
            found.append((where, node))
        for key, value in node.items():
            found += _nodes(value, keep, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _nodes(value, keep, f"{where}/{i}")
    return found


def _objects(body: Any) -> list[tuple[str, dict[str, Any]]]:
    return _nodes(body, lambda n: n.get("type") == "object" or "properties" in n)


def _enums(body: Any) -> list[tuple[str, dict[str, Any]]]:
    return _nodes(body, lambda n: "enum" in n)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_object_is_closed_and_every_property_described(path: Path) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    for where, obj in _objects(body):
        assert obj.get("additionalProperties") is False, f"{path.name}{where} is open"
        for name, prop in obj.get("properties", {}).items():
            assert prop.get("description"), f"{path.name}{where}/properties/{name} undocumented"


def test_every_enum_value_is_described() -> None:
    for path in FILES:
        for where, node in _enums(json.loads(path.read_text(encoding="utf-8"))):
            described = node.get("x-enumDescriptions", {})
            assert set(described) == set(node["enum"]), f"{path.name}{where}"


def test_vocabularies_are_not_copied_into_code() -> None:
    """Enum values live in the schema; Python code reads them from there."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in paths.TEMPLATES.parent.rglob("*.py"))
    for value in ("partly-supported", "contradicts", "radar-station", "international-organization"):
        assert f'"{value}"' not in code, value
