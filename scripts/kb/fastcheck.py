"""A compiled schema check in front of the detailed one: same verdicts, a fraction of the time.

`kb.schema.check` (jsonschema) gives readable `file:line:col` messages but spends most of its
time resolving `$ref`s; at 1,000 installations it takes tens of seconds. Here the same schema
files are compiled once by jsonschema-rs. A record it accepts has no schema problems; a record
it rejects is restored and handed, untouched, to the detailed validator, which writes the
messages. So the fast path can only decide "valid", and only the detailed validator reports.

Unquoted scalars are typed as numbers or booleans where the schema asks for one, exactly as
`kb.schema.check` does: at the paths of the top-level type errors the validator reports.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema_rs

from kb import schema
from kb.issues import Issue
from kb.loader import JsonPath, Record, typed_scalar

_Undo = list[tuple[Any, str | int, Any]]


@cache
def _validator(kind: str) -> Any:
    """The compiled validator for a record kind; `$ref`s resolve against the schema files."""
    documents = {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(schema.SCHEMA_DIR.glob("*.schema.json"))
    }
    registry = jsonschema_rs.Registry(list(documents.items()))
    return jsonschema_rs.validator_for(documents[schema.SCHEMA_FILES[kind]], registry=registry)


def _wants(value: Any, wanted: list[str]) -> bool:
    """Whether a typed scalar satisfies one of the JSON types the schema asked for."""
    if isinstance(value, bool):
        return "boolean" in wanted
    if isinstance(value, int | float):
        return "number" in wanted or ("integer" in wanted and isinstance(value, int))
    return False


def _coerce(record: Record, errors: list[Any], undo: _Undo) -> bool:
    """Type the plain scalars at type errors, recording each change in `undo`."""
    changed = False
    for error in errors:
        if not isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Type):
            continue
        path: JsonPath = tuple(error.instance_path)
        if not path or path not in record.plain or not isinstance(error.instance, str):
            continue
        value = typed_scalar(error.instance)
        if value is None or not _wants(value, list(error.kind.types)):
            continue
        parent: Any = record.data
        for step in path[:-1]:
            parent = parent[step]
        undo.append((parent, path[-1], parent[path[-1]]))
        parent[path[-1]] = value
        changed = True
    return changed


def passes(record: Record) -> bool:
    """True when the record is schema-valid (its scalars typed); False leaves it unchanged."""
    check_with = _validator(record.kind)
    errors = list(check_with.iter_errors(record.data))
    if not errors:
        return True
    undo: _Undo = []
    if _coerce(record, errors, undo) and check_with.is_valid(record.data):
        return True
    for parent, key, old in reversed(undo):
        parent[key] = old
    return False


def check(record: Record) -> list[Issue]:
    """Schema problems in one record: none when the compiled check passes, else the detailed
    validator's messages (the only place messages come from)."""
    return [] if passes(record) else schema.check(record)
