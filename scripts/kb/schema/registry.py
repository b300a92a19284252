"""The schema files, their shared definitions and their vocabularies.

The schemas in data/schema/ are the single source of truth for shapes and vocabularies;
other modules read vocabularies and labels here instead of copying them.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema's registry loads only when a record needs the detailed check
    from referencing import Registry

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "data" / "schema"
SCHEMA_FILES = {
    "base": "base.schema.json",
    "overview": "overview.schema.json",
    "source": "source.schema.json",
    "actor": "actor.schema.json",
}


@lru_cache(maxsize=1)
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


@lru_cache(maxsize=1)
def _registry() -> Registry:
    from referencing import Registry, Resource

    return Registry().with_resources(
        (name, Resource.from_contents(body)) for name, body in _schemas().items()
    )


@cache
def validator(kind: str) -> Any:
    """The schema validator for a record kind; patterns must match the whole value."""
    from kb.patterns import Validator

    return Validator(_schemas()[SCHEMA_FILES[kind]], registry=_registry())


def schema(name: str) -> dict[str, Any]:
    """A schema document by file name, e.g. 'common.schema.json'."""
    return _schemas()[name]


def definition(name: str) -> dict[str, Any]:
    """A shared definition from common.schema.json, e.g. 'claim'."""
    node: dict[str, Any] = schema("common.schema.json")["$defs"][name]
    return node


@cache
def keys_of_type(name: str) -> frozenset[str]:
    """Property names (in any schema) whose value is the shared definition `name`, directly or
    as one branch of anyOf: which keys hold dates, URLs, ... is read here, not listed in rules."""
    target = f"#/$defs/{name}"
    keys: set[str] = set()
    stack: list[Any] = [schema(n) for n in (*SCHEMA_FILES.values(), "common.schema.json")]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if any(r.get("$ref", "").endswith(target) for r in [prop, *prop.get("anyOf", [])]):
                    keys.add(key)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(keys)


def vocabulary(schema_node: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    """An enum's values with their descriptions, in schema order: in English from
    `x-enumDescriptions`, in another language from `x-enumDescriptionsByLanguage.<lang>`
    where it has one (else the English)."""
    descriptions = {
        **schema_node.get("x-enumDescriptions", {}),
        **schema_node.get("x-enumDescriptionsByLanguage", {}).get(lang, {}),
    }
    return [(v, descriptions.get(v, "")) for v in schema_node["enum"]]


# Named vocabularies: where each enum lives (schema file, then the path to its node).
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "claim-status": ("common.schema.json", "$defs", "claim", "properties", "status"),
    "evidence-stance": ("common.schema.json", "$defs", "evidence", "properties", "stance"),
    "appearance-speech": ("common.schema.json", "$defs", "appearance", "properties", "speech"),
    "base-kind": ("base.schema.json", "properties", "kind"),
    "actor-kind": ("actor.schema.json", "properties", "kind"),
    "source-kind": ("source.schema.json", "properties", "kind"),
    "source-language": ("source.schema.json", "properties", "language"),
    "presence-status": ("base.schema.json", "properties", "presence", "properties", "status"),
    "presence-who": (
        "base.schema.json",
        "properties",
        "presence",
        "properties",
        "present",
        "items",
    ),
    "presence-role": ("base.schema.json", "properties", "presence", "properties", "roles", "items"),
    "presence-operator": (
        "base.schema.json",
        "properties",
        "presence",
        "properties",
        "operated_by",
        "items",
    ),
    "presence-certainty": ("base.schema.json", "properties", "presence", "properties", "certainty"),
    "correction-field": ("common.schema.json", "$defs", "correction", "properties", "field"),
    "claim-change-field": ("common.schema.json", "$defs", "claim-change", "properties", "field"),
    "count-qualifier": (
        "overview.schema.json",
        "properties",
        "counts",
        "items",
        "properties",
        "qualifier",
    ),
}


def enum_node(name: str) -> dict[str, Any]:
    """The schema node of a named vocabulary (see VOCABULARIES)."""
    file, *steps = VOCABULARIES[name]
    node = schema(file)
    for step in steps:
        node = node[step]
    return node


def labels(name: str, lang: str) -> dict[str, str]:
    """Value -> label of a named vocabulary in one language, from the enum's `x-enumLabels`
    (kept beside its `x-enumDescriptions`)."""
    return dict(enum_node(name).get("x-enumLabels", {}).get(lang, {}))


def claim_statuses(lang: str = "en") -> list[tuple[str, str]]:
    return vocabulary(enum_node("claim-status"), lang)


def evidence_stances(lang: str = "en") -> list[tuple[str, str]]:
    return vocabulary(enum_node("evidence-stance"), lang)
