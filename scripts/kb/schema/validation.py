"""JSON Schema validation of records, with errors turned into plain `file:line:col` messages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kb.issues import Issue
from kb.loader import JsonPath, Record, typed_scalar
from kb.schema.registry import validator
from kb.suggest import closest

if TYPE_CHECKING:  # jsonschema itself loads only when a record fails the compiled check
    from jsonschema import ValidationError

TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value)",
}


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
        instance: Any = error.instance  # jsonschema types these as Any | Unset
        expected: Any = error.validator_value
        if error.validator != "type" or path not in record.plain or not path:
            continue
        wanted = expected if isinstance(expected, list) else [expected]
        value = typed_scalar(instance)
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
    instance: Any = error.instance  # jsonschema types these as Any | Unset
    expected: Any = error.validator_value
    field = str(path[-1]) if path else "the file"
    kind = error.validator
    schema_node = error.schema if isinstance(error.schema, dict) else {}
    hint = schema_node.get("x-hint")
    if instance == "" and kind in ("pattern", "minLength", "enum", "oneOf", "anyOf"):
        return path, f"'{field}' is empty; fill it in (or remove the key if it is optional)"
    if kind == "additionalProperties":
        allowed = sorted(schema_node.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
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
        options = [str(o) for o in expected]
        close = closest(str(instance), options)
        tail = f" (did you mean '{close}'?)" if close else ""
        return path, (f"'{field}' is {_describe(instance)}, not one of: {', '.join(options)}{tail}")
    if kind == "const":
        return path, f"'{field}' must be '{expected}'"
    if kind == "type":
        want = expected
        wants = [str(TYPE_NAMES.get(w, w)) for w in (want if isinstance(want, list) else [want])]
        advice = ""
        if "text" in wants and isinstance(instance, bool | int | float):
            advice = "; put the value in quotes so it stays text"
        elif isinstance(instance, str) and ("true or false" in wants):
            advice = "; write true or false in lower case without quotes"
        elif isinstance(instance, str) and "a number" in wants:
            advice = "; write a plain decimal number such as 37.0019"
        return path, (
            f"'{field}' should be {' or '.join(wants)}, not {_describe(instance)}{advice}"
        )
    if kind == "pattern":
        detail = hint or f"it must match {expected}"
        return path, f"'{field}' has an invalid value '{_shown(instance)}': {detail}"
    if kind == "maxLength":
        return path, f"'{field}' is longer than {expected} characters; shorten it"
    if kind == "minLength":
        return path, f"'{field}' is empty; fill it in (or remove the key if it is optional)"
    if kind == "minItems":
        return path, f"'{field}' needs at least {expected} entr" + ("y" if expected == 1 else "ies")
    if kind == "uniqueItems":
        return path, f"'{field}' lists the same entry twice; remove the repeat"
    if kind in ("oneOf", "anyOf"):
        if hint:
            return path, f"'{field}' has an invalid value '{_shown(instance)}': {hint}"
        return path, (
            f"'{field}' should be text or a mapping with 'en' (and optionally 'tr'), "
            f"not {_describe(instance)}"
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
