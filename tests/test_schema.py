"""The schemas are valid JSON Schema and document every property, so docs can be generated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kb import schema

FILES = sorted(schema.SCHEMA_DIR.glob("*.schema.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_schema_passes_the_metaschema(path: Path) -> None:
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def _objects(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            found.append((where, node))
        for key, value in node.items():
            found += _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _objects(value, f"{where}/{i}")
    return found


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


def _enums(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if "enum" in node:
            found.append((where, node))
        for k, v in node.items():
            found += _enums(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _enums(v, f"{where}/{i}")
    return found


def test_vocabularies_are_not_copied_into_code() -> None:
    """Enum values live in the schema; Python code reads them from there."""
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(schema.__file__).parent.rglob("*.py")
    )
    for value in ("partly-supported", "contradicts", "radar-station", "international-organization"):
        assert f'"{value}"' not in code, value
