"""JSON Schema `pattern` with whole-string semantics.

The schemas use ECMA-262 patterns anchored as `^...$`, which editors check as meant: in
JavaScript `$` matches only at the very end. Python's `re.search` lets `$` match before a
trailing newline too, so `id: "x\\n"` would pass. The validator therefore applies every
pattern with `re.fullmatch`: the whole value must match, whatever the anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def matches(pattern: str, value: str) -> bool:
    """Whether all of `value` matches `pattern`."""
    return compiled(pattern).fullmatch(value) is not None


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]
"""Draft 2020-12 with whole-string `pattern`; use it for every data check."""
