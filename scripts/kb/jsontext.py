"""Indented JSON, byte for byte as `json.dumps(value, ensure_ascii=False, sort_keys=True,
indent=2)` writes it, in half the time, and able to take in text already encoded.

Why: the downloads are indented for people to read, and with `indent` the standard library
encodes in pure Python, one generator step per token (its C encoder only writes compact
JSON). Here one recursive function appends to a list, escaping strings with the standard
library's own C function; each record is encoded once and its text is spliced, indented,
into the dataset that holds every record. Anything it does not handle itself (a key that is
not a string, a number that is not finite, another type) goes to `json.dumps`, which then
writes or refuses it as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any


@dataclass(frozen=True)
class Encoded:
    """A value already encoded by `dumps` (at the top level); spliced in as it is, indented
    to where it lands. Its lines break only between tokens: a newline inside a string is
    always written as the escape `\\n`."""

    text: str


class _Unhandled(Exception):
    """A value this encoder leaves to `json.dumps`."""


def dumps(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)`."""
    parts: list[str] = []
    try:
        _encode(value, "", parts.append)
    except _Unhandled:
        if _holds_encoded(value):
            raise TypeError("an Encoded value inside a value json.dumps must write") from None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)
    return "".join(parts)


def _encode(value: Any, pad: str, add: Callable[[str], None]) -> None:
    kind = type(value)
    if kind is str:
        add(encode_basestring(value))
    elif kind is dict:
        if not value:
            add("{}")
            return
        if any(type(key) is not str for key in value):
            raise _Unhandled
        inner = pad + "  "
        lead = "{\n" + inner
        for key in sorted(value):
            add(lead + encode_basestring(key) + ": ")
            _encode(value[key], inner, add)
            lead = ",\n" + inner
        add("\n" + pad + "}")
    elif kind is list or kind is tuple:
        if not value:
            add("[]")
            return
        inner = pad + "  "
        lead = "[\n" + inner
        for item in value:
            add(lead)
            _encode(item, inner, add)
            lead = ",\n" + inner
        add("\n" + pad + "]")
    elif value is None:
        add("null")
    elif value is True:
        add("true")
    elif value is False:
        add("false")
    elif kind is int:
        add(int.__repr__(value))
    elif kind is float and value - value == 0:  # finite: NaN and infinities are json's to write
        add(float.__repr__(value))
    elif kind is Encoded:
        add(value.text.replace("\n", "\n" + pad) if pad else value.text)
    else:
        raise _Unhandled


def _holds_encoded(value: Any) -> bool:
    if isinstance(value, Encoded):
        return True
    if isinstance(value, dict):
        return any(_holds_encoded(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_encoded(v) for v in value)
    return False
