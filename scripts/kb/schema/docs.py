"""The field reference shown on the site, read from the schema files.

Its prose is localizable in the schema itself: a node's `x-descriptionByLanguage.<lang>` is
its description in that language, `x-enumDescriptionsByLanguage.<lang>` its values' meanings.
Where a translation is missing, the page shows the English with the "not yet translated"
marker (the texts are `model.Text`). Type names come from the interface strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kb.model import Text
from kb.schema.registry import SCHEMA_FILES, definition, schema, vocabulary


@dataclass(frozen=True)
class Field:
    """One row of the generated field reference."""

    name: str
    type: str
    required: bool
    description: str
    """In English (the schema's `description`)."""
    choices: tuple[tuple[str, str], ...] = ()
    text: Text | None = None
    """The description in every language the schema has it in."""
    meanings: tuple[tuple[str, Text], ...] = ()
    """`choices` with each meaning in every language."""
    type_key: tuple[str, ...] = ()
    """The type as interface-string keys and names, for pages in other languages."""


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    description: str
    fields: tuple[Field, ...]
    text: Text | None = None
    """The description in every language the schema has it in."""


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
    "claim-change",
    "correction",
    "previous-text",
)


def _shared_list(ref: str) -> dict[str, Any] | None:
    """A shared definition that is a list (`history`), read as what it lists ("list of
    correction"): its own name has no section in the reference."""
    file, _, pointer = ref.partition("#")
    steps = pointer.split("/")
    if file not in ("", "common.schema.json") or len(steps) != 3 or steps[1] != "$defs":
        return None  # another file's, or a property inside a definition (a claim's status)
    node = definition(steps[2])
    return node if node.get("type") == "array" else None


def _type(node: dict[str, Any]) -> str:
    ref: str = node.get("$ref", "")
    if ref:
        listed = _shared_list(ref)
        return _type(listed) if listed else ref.rsplit("/", 1)[-1]
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


def _text(node: dict[str, Any]) -> Text:
    """A node's description in English and, where the schema has it, in Turkish."""
    return Text(node.get("description", ""), node.get("x-descriptionByLanguage", {}).get("tr"))


def type_words(node: dict[str, Any]) -> tuple[str, ...]:
    """The type of a node as a list of words to translate: 'type-' keys of the interface
    strings, and the names of shared definitions as they are (they are anchors)."""
    ref: str = node.get("$ref", "")
    if ref:
        listed = _shared_list(ref)
        return type_words(listed) if listed else (ref.rsplit("/", 1)[-1],)
    if "enum" in node:
        return ("type-enum",)
    if "const" in node:
        return ("type-const", str(node["const"]))
    if "anyOf" in node or "oneOf" in node:
        out: list[str] = []
        for i, n in enumerate(node.get("anyOf", node.get("oneOf", []))):
            out += (["type-or"] if i else []) + list(type_words(n))
        return tuple(out)
    kind = node.get("type", "")
    if kind == "array":
        return ("type-list", *type_words(node.get("items", {})))
    known = ("string", "integer", "number", "boolean", "object")
    return (f"type-{kind}" if kind in known else "type-value",)


def _meanings(prop: dict[str, Any]) -> tuple[tuple[str, Text], ...]:
    for node in (prop, prop.get("items", {})):
        if "enum" in node:
            tr = dict(vocabulary(node, "tr"))
            en = dict(vocabulary(node))
            return tuple((v, Text(en[v], tr[v] if tr[v] != en[v] else None)) for v in en)
    return ()


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
                _text(prop),
                _meanings(prop),
                type_words(prop),
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
        sections.append(
            Section(kind, body["title"], body["description"], tuple(_fields(body)), _text(body))
        )
    for name in REFERENCE_DEFS:
        node = definition(name)
        sections.append(
            Section(name, name, node.get("description", ""), tuple(_fields(node)), _text(node))
        )
    return sections
