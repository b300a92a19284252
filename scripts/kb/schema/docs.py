"""The field reference shown on the site, read from the schema files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kb.schema.registry import SCHEMA_FILES, definition, schema, vocabulary


@dataclass(frozen=True)
class Field:
    """One row of the generated field reference."""

    name: str
    type: str
    required: bool
    description: str
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    description: str
    fields: tuple[Field, ...]


REFERENCE_DEFS = (
    "text",
    "id",
    "date",
    "url",
    "citation",
    "fact",
    "event",
    "claim",
    "appearance",
    "evidence",
)


def _type(node: dict[str, Any]) -> str:
    ref: str = node.get("$ref", "")
    if ref:
        return ref.rsplit("/", 1)[-1]
    if "enum" in node:
        return "one of the values below"
    if "const" in node:
        return f"always '{node['const']}'"
    if "anyOf" in node or "oneOf" in node:
        return " or ".join(_type(n) for n in node.get("anyOf", node.get("oneOf", [])))
    kind = node.get("type", "")
    if kind == "array":
        return f"list of {_type(node.get('items', {}))}"
    return {
        "string": "text",
        "number": "number",
        "boolean": "true or false",
        "object": "mapping (see below)",
    }.get(kind, kind or "value")


def _values(prop: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The vocabulary of an enum field, or of a list of enum values (presence roles, ...)."""
    for node in (prop, prop.get("items", {})):
        if "enum" in node:
            return tuple(vocabulary(node))
    return ()


def _fields(node: dict[str, Any], prefix: str = "") -> list[Field]:
    out: list[Field] = []
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        out.append(
            Field(
                prefix + name,
                _type(prop),
                name in required,
                prop.get("description", ""),
                _values(prop),
            )
        )
        if prop.get("type") == "object" and "properties" in prop:
            out.extend(_fields(prop, f"{prefix}{name}."))
        items = prop.get("items", {})
        if prop.get("type") == "array" and items.get("type") == "object":
            out.extend(_fields(items, f"{prefix}{name}[]."))
    return out


def reference() -> list[Section]:
    """The field reference, read from the schema files, for docs/reference.md."""
    sections = []
    for kind, name in SCHEMA_FILES.items():
        body = schema(name)
        sections.append(Section(kind, body["title"], body["description"], tuple(_fields(body))))
    for name in REFERENCE_DEFS:
        node = definition(name)
        # The heading is the definition's `title`, as people write it ("URL", "ID"), never
        # the key title-cased.
        sections.append(
            Section(name, node["title"], node.get("description", ""), tuple(_fields(node)))
        )
    return sections
