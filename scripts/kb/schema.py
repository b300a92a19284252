"""JSON Schema validation of records, with errors turned into plain `file:line:col` messages.

The schemas in data/schema/ are the single source of truth for shapes and vocabularies;
other modules read vocabularies through `vocabulary()` instead of copying them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from kb.issues import Issue
from kb.loader import JsonPath, Record, typed_scalar
from kb.suggest import closest

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"
SCHEMA_FILES = {
    "base": "base.schema.json",
    "overview": "overview.schema.json",
    "source": "source.schema.json",
    "actor": "actor.schema.json",
}
TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value)",
}


@lru_cache(maxsize=1)
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


@lru_cache(maxsize=1)
def _registry() -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(body)) for name, body in _schemas().items()
    )


@cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(_schemas()[SCHEMA_FILES[kind]], registry=_registry())


def schema(name: str) -> dict[str, Any]:
    """A schema document by file name, e.g. 'common.schema.json'."""
    return _schemas()[name]


def definition(name: str) -> dict[str, Any]:
    """A shared definition from common.schema.json, e.g. 'claim'."""
    return schema("common.schema.json")["$defs"][name]


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


def vocabulary(schema_node: dict[str, Any]) -> list[tuple[str, str]]:
    """An enum's values with their descriptions, in schema order."""
    descriptions = schema_node.get("x-enumDescriptions", {})
    return [(v, descriptions.get(v, "")) for v in schema_node["enum"]]


def claim_statuses() -> list[tuple[str, str]]:
    return vocabulary(definition("claim")["properties"]["status"])


def evidence_stances() -> list[tuple[str, str]]:
    return vocabulary(definition("evidence")["properties"]["stance"])


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _shown(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For a mapping that fails oneOf/anyOf, report the mapping branch's own errors."""
    if error.validator in ("oneOf", "anyOf") and isinstance(error.instance, dict):
        inner = [e for e in error.context or [] if e.validator not in ("type", "const")]
        if inner:
            for e in inner:
                yield from _leaf_errors(e)
            return
    yield error


def _coerce(record: Record, errors: list[ValidationError]) -> bool:
    """Give unquoted scalars a number or boolean type where, and only where, the schema wants one.

    Mutates `record.data` once, before anything else reads it. Returns whether it changed.
    """
    changed = False
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator != "type" or path not in record.plain or not path:
            continue
        wanted = (
            error.validator_value
            if isinstance(error.validator_value, list)
            else [error.validator_value]
        )
        value = typed_scalar(error.instance)
        ok = (isinstance(value, bool) and "boolean" in wanted) or (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and ("number" in wanted or ("integer" in wanted and isinstance(value, int)))
        )
        if ok:
            parent: Any = record.data
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = value
            changed = True
    return changed


def _message(error: ValidationError) -> tuple[JsonPath, str]:
    path: JsonPath = tuple(error.absolute_path)
    field = str(path[-1]) if path else "the file"
    kind = error.validator
    schema_node = error.schema if isinstance(error.schema, dict) else {}
    hint = schema_node.get("x-hint")
    if error.instance == "" and kind in ("pattern", "minLength", "enum", "oneOf", "anyOf"):
        return path, f"'{field}' is empty; fill it in (or remove the key if it is optional)"
    if kind == "additionalProperties":
        allowed = sorted(schema_node.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else "?"
        close = closest(key, allowed)
        suggestion = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(allowed)}"
        return (*path, key), f"unknown key '{key}' ({suggestion})"
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        if path and isinstance(path[-1], int):
            where = f"in item {path[-1] + 1} of '{path[-2]}'" if len(path) > 1 else "in an item"
        else:
            where = f"in '{field}'" if path else "at the top level"
        return path, f"missing required key '{missing}' {where}"
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = closest(str(error.instance), options)
        tail = f" (did you mean '{close}'?)" if close else ""
        return path, (
            f"'{field}' is {_describe(error.instance)}, not one of: {', '.join(options)}{tail}"
        )
    if kind == "const":
        return path, f"'{field}' must be '{error.validator_value}'"
    if kind == "type":
        want = error.validator_value
        wants = [TYPE_NAMES.get(w, w) for w in (want if isinstance(want, list) else [want])]
        extra = ""
        if "text" in wants and isinstance(error.instance, bool | int | float):
            extra = "; put the value in quotes so it stays text"
        elif isinstance(error.instance, str) and ("true or false" in wants):
            extra = "; write true or false in lower case without quotes"
        elif isinstance(error.instance, str) and "a number" in wants:
            extra = "; write a plain decimal number such as 37.0019"
        return path, (
            f"'{field}' should be {' or '.join(wants)}, not {_describe(error.instance)}{extra}"
        )
    if kind == "pattern":
        detail = hint or f"it must match {error.validator_value}"
        return path, f"'{field}' has an invalid value '{_shown(error.instance)}': {detail}"
    if kind == "maxLength":
        return path, f"'{field}' is longer than {error.validator_value} characters; shorten it"
    if kind == "minLength":
        return path, f"'{field}' is empty; fill it in (or remove the key if it is optional)"
    if kind == "minItems":
        return path, f"'{field}' needs at least {error.validator_value} entr" + (
            "y" if error.validator_value == 1 else "ies"
        )
    if kind == "uniqueItems":
        return path, f"'{field}' lists the same entry twice; remove the repeat"
    if kind in ("oneOf", "anyOf"):
        if hint:
            return path, f"'{field}' has an invalid value '{_shown(error.instance)}': {hint}"
        return path, (
            f"'{field}' should be text or a mapping with 'en' (and optionally 'tr'), "
            f"not {_describe(error.instance)}"
        )
    return path, f"'{field}': {error.message}"


def check(record: Record) -> list[Issue]:
    """Schema problems in one record, each at the line of the offending key."""
    check_with = validator(record.kind)
    errors = list(check_with.iter_errors(record.data))
    if errors and _coerce(record, errors):  # validate again only when a value was typed
        errors = list(check_with.iter_errors(record.data))
    found: list[Issue] = []
    seen: set[tuple[JsonPath, str]] = set()
    for error in errors:
        for leaf in _leaf_errors(error):
            path, message = _message(leaf)
            if (path, message) in seen:
                continue
            seen.add((path, message))
            found.append(record.issue(path, "schema", message))
    return found


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
    ref = node.get("$ref", "")
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
        sections.append(Section(name, name, node.get("description", ""), tuple(_fields(node))))
    return sections
