"""Strict YAML loading: the only module that imports yaml.

Every data file is read as bytes, checked as UTF-8 text in NFC without control or bidi
characters, parsed event by event (no anchors, aliases, tags, second documents or deep
nesting), then built into plain Python values with every position remembered, so later
checks can name `file:line:col`. Plain scalars stay strings except `true`/`false` and plain
numbers: every scalar is kept as text, and the schema step (`kb.schema.check`) converts an
unquoted scalar only where the schema asks for a number or a boolean. So `no`, `on`, `1:20`,
`0755`, `1.10`, `2025-07-02` and `.nan` are never converted behind the writer's back.

The character policy (`kb.chars`) applies twice: to the file text, and to every key and value
after YAML escapes are decoded, so `"\u202e"` or `"\x7f"` written as an escape is refused
like the character itself. A plain `null` or `~` is refused (it would silently mean "no value"),
and a comment that seems to cut a plain value short (`note: Türkiye #1 ülke`, or any comment
after a plain value of several words) gets a warning.

Most files give no message at all, so they are first read by a quicker walk that builds the
values without positions and gives up at anything the policy looks at more closely; a file it
gives up on is read again by the detailed walk, which says why. A record's positions are
worked out from its bytes by the detailed walk the first time a message needs one.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kb import chars, datatree, hyphens, limits
from kb.datatree import KINDS
from kb.issues import Issue, Level

try:  # the C parser is faster and bounds its own recursion
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

JsonPath = tuple[str | int, ...]
KeyIndex = dict[str, list[tuple[JsonPath, dict[str, Any]]]]
"""Each key used in a record -> (path, mapping) for every mapping holding it, parents first."""


_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_NULLS = frozenset({"null", "Null", "NULL", "~"})
"""Plain scalars YAML reads as 'no value'."""
_COMMENT_AFTER = re.compile(r"[ \t]+#")


@dataclass(frozen=True)
class Record:
    """One data file: its kind, display path, values, and (worked out on first use) where
    each value sits."""

    kind: str
    path: str
    data: dict[str, Any]
    plain: frozenset[JsonPath] = field(default=frozenset(), repr=False)
    """Paths of unquoted scalars that `typed_scalar` would type: the only values the schema
    step may turn into a number or a boolean."""
    source: bytes = field(default=b"", repr=False, compare=False)
    """The file's bytes, parsed again for positions when a message first needs one."""
    known: dict[JsonPath, tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    """Positions the loader already has (a file read by the detailed walk), else None."""
    keys: KeyIndex | None = field(default=None, repr=False, compare=False)
    """Each key -> the mappings that hold it, with their paths, when the quick walk built
    them on its way (`kb.rules.context.keyed` builds the same for any other record)."""
    _cache: list[dict[JsonPath, tuple[int, int]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def positions(self) -> dict[JsonPath, tuple[int, int]]:
        """Line and column of every key and list entry. Most files never need them (only a
        message does), so a clean file is parsed once without them and again on first use."""
        if self.known is not None:
            return self.known
        if not self._cache:
            self._cache.append(_positions(self.source, self.path))
        return self._cache[0]

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    def locate(self, path: JsonPath) -> tuple[int, int]:
        """Line and column of a value, or of its nearest ancestor that has a position."""
        positions = self.positions
        for end in range(len(path), -1, -1):
            pos = positions.get(tuple(path[:end]))
            if pos:
                return pos
        return (1, 1)

    def issue(self, path: JsonPath, rule: str, message: str, level: Level = Level.ERROR) -> Issue:
        line, col = self.locate(path)
        return Issue(self.path, line, col, level, rule, message)


def _positions(raw: bytes, display: str) -> dict[JsonPath, tuple[int, int]]:
    """The detailed walk's positions for bytes that loaded cleanly before."""
    text, _ = _decode(raw, display)
    walk = _Pass(display, text or "")
    parser = _Parser(text or "")
    try:
        walk.run(parser)
    finally:
        parser.dispose()
    return walk.positions


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Issue]]:
    """Bytes to text, allowing only UTF-8 (with or without a BOM)."""

    def err(line: int, col: int, rule: str, msg: str) -> list[Issue]:
        return [Issue(display, line, col, Level.ERROR, rule, msg)]

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:4]):
        return None, err(1, 1, "encoding", "file is UTF-16 or UTF-32; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as e:
        good = raw[: e.start].decode("utf-8", errors="replace")
        line, col = _line_col(good, len(good))
        return None, err(
            line,
            col,
            "encoding",
            f"invalid UTF-8 byte 0x{raw[e.start]:02x}; save the file as UTF-8",
        )


def _check_text(text: str, display: str) -> list[Issue]:
    """Characters that must not appear, and text that is not NFC."""
    found: list[Issue] = []
    for index, ch, kind in chars.forbidden(text):
        if ch == "\r":  # Windows line ends are fine in the file; YAML reads them as line ends
            continue
        line, col = _line_col(text, index)
        found.append(
            Issue(
                display,
                line,
                col,
                Level.ERROR,
                "characters",
                f"{chars.describe(ch, kind)} is not allowed; delete it",
            )
        )
    if not unicodedata.is_normalized("NFC", text):
        for n, line_text in enumerate(text.split("\n"), start=1):
            if not unicodedata.is_normalized("NFC", line_text):
                col = next((i + 1 for i, c in enumerate(line_text) if unicodedata.combining(c)), 1)
                found.append(
                    Issue(
                        display,
                        n,
                        col,
                        Level.ERROR,
                        "unicode",
                        "text is not in Unicode NFC form (a letter followed by a separate "
                        "combining accent); retype the letter or save the file normalised to NFC",
                    )
                )
                break
    return found


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?").fullmatch
_NUMBER_START = frozenset("-0123456789")
_BOOLEANS = ("true", "false")


def _typable(value: str) -> bool:
    """Whether `typed_scalar` gives a value for an unquoted scalar (its quick form)."""
    return (
        value == "true"
        or value == "false"
        or (value[:1] in _NUMBER_START and _NUMBER(value) is not None)
    )


def typed_scalar(value: str) -> bool | int | float | None:
    """What an unquoted scalar means where a number or boolean is expected, if anything."""
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return None


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _SEQ_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAP_END, _SEQ_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent


def _field(path: JsonPath) -> str:
    """How messages name the value at `path`: its key, or 'an entry of KEY' in a list."""
    keys = [p for p in path if isinstance(p, str)]
    if not keys:
        return "an entry"
    return f"'{keys[-1]}'" if isinstance(path[-1], str) else f"an entry of '{keys[-1]}'"


class _Frame:
    """An open mapping or list while its events arrive."""

    __slots__ = ("key", "mapping", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: JsonPath) -> None:
        self.value = value
        self.path = path
        self.mapping = isinstance(value, dict)
        self.key: str | None = None
        """In a mapping: the accepted key whose value comes next."""


class _Pass:
    """One walk over the parser's events that both applies the strict policy and builds the
    values with their positions: YAML is parsed once per file.

    `policy` holds what the policy refuses (anchors, tags, documents, limits, syntax); when it
    is not empty the file is refused with those alone. Otherwise `issues` holds the problems
    found while building (null, escaped characters, duplicate and merge keys, cut comments).
    """

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.text = text
        self.policy: list[Issue] = []
        self.issues: list[Issue] = []
        self.positions: dict[JsonPath, tuple[int, int]] = {(): (1, 1)}
        self.plain: set[JsonPath] = set()
        self.root: dict[str, Any] | None = None
        self.top: Any = None
        """Start mark of the top-level node, when there is one."""

    def refuse(self, mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        self.policy.append(Issue(self.display, line, col, Level.ERROR, rule, msg))

    def error(self, mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        self.issues.append(Issue(self.display, line, col, Level.ERROR, rule, msg))

    def run(self, parser: Any) -> None:
        """Read every event from `parser`; a syntax error ends the walk with a located issue."""
        try:
            self._events(parser)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            problem = " ".join(str(p) for p in (e.context, e.problem) if p)
            if mark is not None and self.text[mark.index : mark.index + 1] == "\t":
                self.refuse(
                    mark, "yaml", "a tab character is used for indentation; indent with spaces"
                )
            elif mark is not None:
                self.refuse(mark, "yaml", f"YAML syntax: {problem}")
            else:
                self.policy.append(
                    Issue(self.display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {problem}")
                )
        except (yaml.YAMLError, RecursionError) as e:
            self.policy.append(Issue(self.display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {e}"))

    def _marked(self, ev: Any, cls: type) -> None:
        """Refuse an alias, an anchor or an explicit tag."""
        if cls is _ALIAS:
            self.refuse(
                ev.start_mark,
                "anchors",
                f"alias '*{ev.anchor}' is not allowed; write the value out in full",
            )
            return
        if ev.anchor is not None:
            self.refuse(
                ev.start_mark,
                "anchors",
                f"anchor '&{ev.anchor}' is not allowed; write values out in full",
            )
        tag = ev.tag
        if tag is not None and tag != "!":
            self.refuse(
                ev.start_mark,
                "tags",
                f"explicit tag '{tag}' is not allowed; remove it (values are plain text, "
                "numbers, true or false)",
            )

    def _events(self, parser: Any) -> None:
        depth = documents = 0
        counts: list[int] = []  # children seen so far in each open collection
        is_seq: list[bool] = []
        stack: list[_Frame] = []
        skip_depth = 0  # > 0 inside a node that is not built (a refused key or its value)
        skip_nodes = 0  # whole nodes still to pass over without building
        built = False  # the first document's top-level node has been seen
        get_event = parser.get_event
        positions, plain, text = self.positions, self.plain, self.text
        comment = _COMMENT_AFTER.match
        max_items, max_chars = limits.MAX_LIST_ITEMS + 1, limits.MAX_STRING_CHARS
        while True:
            ev = get_event()
            cls = ev.__class__
            start = cls is _MAP_START or cls is _SEQ_START
            if cls is _SCALAR or start or cls is _ALIAS:
                # -- the policy, on every node whether it is built or not
                if ev.anchor is not None or (cls is not _ALIAS and ev.tag is not None):
                    self._marked(ev, cls)
                if counts:
                    counts[-1] += 1
                    if counts[-1] == max_items and is_seq[-1]:
                        self.refuse(
                            ev.start_mark,
                            "limits",
                            f"list has more than {limits.MAX_LIST_ITEMS} entries "
                            "(MAX_LIST_ITEMS); split the data",
                        )
                if cls is _SCALAR and len(ev.value) > max_chars:
                    self.refuse(
                        ev.start_mark,
                        "limits",
                        f"text of {len(ev.value)} characters is longer than "
                        f"{limits.MAX_STRING_CHARS} (MAX_STRING_CHARS); shorten it",
                    )
                if start:
                    depth += 1
                    counts.append(0)
                    is_seq.append(cls is _SEQ_START)
                    if depth == limits.MAX_DEPTH + 1:
                        self.refuse(
                            ev.start_mark,
                            "limits",
                            f"nesting is deeper than {limits.MAX_DEPTH} levels (MAX_DEPTH); "
                            "flatten the structure",
                        )
                        return
                # -- building
                if skip_depth:
                    skip_depth += start
                    continue
                if skip_nodes:
                    skip_nodes -= 1
                    skip_depth = int(start)
                    continue
                if not stack:
                    if built:  # a later document: refused above, nothing to build
                        skip_depth = int(start)
                        continue
                    built = True
                    self.top = ev.start_mark
                    if cls is _MAP_START:
                        self.root = {}
                        stack.append(_Frame(self.root, ()))
                    else:
                        skip_depth = int(start)
                    continue
                frame = stack[-1]
                parent: Any = frame.value
                if frame.mapping:
                    key = frame.key
                    if key is None:  # this node is a key
                        if cls is not _SCALAR:
                            if start:
                                self.error(
                                    ev.start_mark,
                                    "yaml",
                                    "a key must be plain text, not a list or mapping",
                                )
                            skip_depth, skip_nodes = int(start), 1
                        else:
                            # the common case inline: a key that needs no second look
                            key, style = ev.value, ev.style
                            end = ev.end_mark.index
                            if (
                                (style == '"' or (not style and comment(text, end, end + 200)))
                                and not self._text(ev, "a key")
                            ) or not self._key(ev, key, style, frame):
                                skip_nodes = 1
                            else:
                                frame.key = key
                        continue
                    frame.key = None
                    path: JsonPath = (*frame.path, key)
                else:
                    key = None
                    path = (*frame.path, len(parent))
                    mark = ev.start_mark
                    positions[path] = (mark.line + 1, mark.column + 1)
                if cls is _SCALAR:
                    value: Any = ev.value
                    style = ev.style
                    if not style:  # plain (libyaml reports it as "", PyYAML as None)
                        if _typable(value):
                            plain.add(path)
                        if value in _NULLS:
                            self._null(ev, path)
                        end = ev.end_mark.index
                        if comment(text, end, end + 200):
                            self._text(ev, path)
                    elif style == '"':
                        self._text(ev, path)
                elif cls is _ALIAS:
                    value = None
                else:
                    value = {} if cls is _MAP_START else []
                    stack.append(_Frame(value, path))
                if key is None:
                    parent.append(value)
                else:
                    parent[key] = value
            elif cls is _MAP_END or cls is _SEQ_END:
                depth -= 1
                counts.pop()
                is_seq.pop()
                if skip_depth:
                    skip_depth -= 1
                elif stack:
                    stack.pop()
            elif cls is _DOC_START:
                documents += 1
                if documents == 2:
                    self.refuse(
                        ev.start_mark,
                        "documents",
                        "a second YAML document starts here; a data file holds exactly one "
                        "(remove the '---' line and what follows, or move it to its own file)",
                    )
            elif cls is _STREAM_END:
                return

    def _key(self, ev: Any, key: str, style: str | None, frame: _Frame) -> bool:
        """Whether a key is accepted (its position is then recorded): not a merge key, and not
        one the mapping already has."""
        if key == "<<" and not style:
            self.error(
                ev.start_mark,
                "anchors",
                "merge key '<<' is not allowed; write the keys out in full",
            )
            return False
        path = (*frame.path, key)
        if key in frame.value:  # every accepted key gets a value (None for a refused alias)
            self.error(
                ev.start_mark,
                "duplicate-key",
                f"duplicate key '{key}' (first on line {self.positions[path][0]}); "
                "keep one of them",
            )
            return False
        mark = ev.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        return True

    def _null(self, ev: Any, path: JsonPath) -> None:
        self.error(
            ev.start_mark,
            "null",
            f"{_field(path)} is {ev.value}, which YAML reads as 'no value'; write the "
            "value, delete the line if the field is optional, or put it in quotes "
            f"('\"{ev.value}\"') if you mean the word",
        )

    def _text(self, ev: Any, where: JsonPath | str) -> bool:
        """The character policy on a decoded key or value; False when it is refused.

        The file's text has passed the policy already, and only an escape in a double-quoted
        scalar can make a character that is not in it; so only those are checked again."""
        value: str = ev.value
        if ev.style == '"':
            for _, ch, kind in chars.forbidden(value):
                self.error(
                    ev.start_mark,
                    "characters",
                    f"{chars.describe(ch, kind)} in {_name(where)} is not allowed (written as "
                    "an escape in quotes); delete it",
                )
                return False
            if not unicodedata.is_normalized("NFC", value):
                self.error(
                    ev.start_mark,
                    "unicode",
                    f"{_name(where)} is not in Unicode NFC form (a letter followed by a separate "
                    "combining accent, written as an escape); write the accented letter itself",
                )
                return False
        elif not ev.style:
            end = ev.end_mark.index
            after = self.text[end : end + 200]
            rest = after.split("\n", 1)[0].strip()
            # '#1' or a comment after prose is probably text; 'kind: news  # one of: ...' is not
            if value and rest and (not rest[1:2].isspace() or " " in value):
                line, col = _mark(ev.end_mark)
                self.issues.append(
                    Issue(
                        self.display,
                        line,
                        col + after.index("#"),
                        Level.WARNING,
                        "comment",
                        f"{_name(where)} stops before '{chars.shown(rest[:40])}': in YAML ' #' "
                        "starts a comment, so the rest of the line is not part of the value; put "
                        "the whole value in quotes if the '#' belongs to it",
                    )
                )
        return True


_DOC_END = yaml.DocumentEndEvent


def _any_comment_after(text: str) -> bool:
    """Whether a '#' follows a space or tab anywhere (a '#' search runs at memory speed)."""
    at = text.find("#", 1)
    while at != -1:
        if text[at - 1] in " \t":
            return True
        at = text.find("#", at + 1)
    return False


def _plainly_clean(text: str) -> tuple[dict[str, Any], set[JsonPath], KeyIndex] | None:
    """The values, typable plain scalars and key index of a file the detailed walk would
    accept without a single message, or None for any other file (then `_Pass` reads it and
    says why). The rules read values through the key index; built here, on the way, it costs
    a third of what a walk over the finished values does.

    Most files are clean: this walk builds their values without positions and gives up at
    the first thing the policy looks at more closely (anchors, aliases, tags, null, a quoted
    escape that needs checking, a comment after a value, a repeated or merge key, a key that
    is not text, a second document, a limit, a syntax error). Giving up costs a second parse
    of that file, never a different verdict; `tests/test_fastload.py` compares the two."""
    parser = _Parser(text)
    try:
        return _clean_walk(parser, text)
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        parser.dispose()


def _clean_walk(parser: Any, text: str) -> tuple[dict[str, Any], set[JsonPath], KeyIndex] | None:
    get_event = parser.get_event
    get_event()  # StreamStart
    if get_event().__class__ is not _DOC_START:
        return None
    ev = get_event()
    if ev.__class__ is not _MAP_START or ev.anchor is not None or ev.tag is not None:
        return None
    comments = _any_comment_after(text)
    comment = _COMMENT_AFTER.match
    marked = "&" in text or "!" in text or "*" in text  # else no anchor, alias or tag
    max_chars, max_items, max_open = (
        limits.MAX_STRING_CHARS,
        limits.MAX_LIST_ITEMS,
        limits.MAX_DEPTH - 1,
    )
    root: dict[str, Any] = {}
    here: Any = root  # the open mapping or list
    in_map = True
    path: JsonPath = ()
    key: str | None = None  # in a mapping: the key whose value comes next
    stack: list[tuple[Any, bool, JsonPath, Any]] = []
    plain: set[JsonPath] = set()
    index: KeyIndex = {}
    entry: Any = ((), root)  # the open mapping's index entry (path, mapping)
    while True:
        ev = get_event()
        cls = ev.__class__
        if cls is _SCALAR:
            value, style = ev.value, ev.style
            if len(value) > max_chars or (marked and (ev.anchor is not None or ev.tag is not None)):
                return None
            if style:
                if style == '"' and not _clean_quoted(value):
                    return None
            elif comments and comment(text, ev.end_mark.index, ev.end_mark.index + 200):
                return None
            if key is None and in_map:
                if (value == "<<" and not style) or value in here:
                    return None
                key = value
                holders = index.get(value)
                if holders is None:
                    index[value] = [entry]
                else:
                    holders.append(entry)
                continue
            if not style:
                if len(value) < 6 and value in _NULLS:  # no hashing of long texts
                    return None
                if (value[:1] in _NUMBER_START or value in _BOOLEANS) and _typable(value):
                    plain.add((*path, len(here)) if key is None else (*path, key))
            if in_map:
                here[key] = value
                key = None
            else:
                here.append(value)
        elif cls is _MAP_START or cls is _SEQ_START:
            if ev.anchor is not None or ev.tag is not None or len(stack) == max_open:
                return None
            child: Any = {} if cls is _MAP_START else []
            if in_map:
                if key is None:
                    return None
                here[key] = child
                inner: JsonPath = (*path, key)
                key = None
            else:
                inner = (*path, len(here))
                here.append(child)
            stack.append((here, in_map, path, entry))
            here, in_map, path = child, cls is _MAP_START, inner
            if in_map:
                entry = (inner, child)
        elif cls is _MAP_END or cls is _SEQ_END:
            if not in_map and len(here) > max_items:
                return None
            if not stack:
                break
            here, in_map, path, entry = stack.pop()
        else:  # an alias, or anything else the detailed walk looks at
            return None
    if get_event().__class__ is not _DOC_END or get_event().__class__ is not _STREAM_END:
        return None
    return root, plain, index


def _clean_quoted(value: str) -> bool:
    """A double-quoted scalar's decoded text passes the character policy (`_Pass._text`)."""
    for _ in chars.forbidden(value):
        return False
    return unicodedata.is_normalized("NFC", value)


def _name(where: JsonPath | str) -> str:
    return where if isinstance(where, str) else _field(where)


def schema_line(kind: str) -> str:
    """The first line every data file carries, so editors validate it as it is typed."""
    folder = "schema/" if kind == "overview" else "../schema/"
    return f"# yaml-language-server: $schema={folder}{kind}.schema.json"


def parse(
    raw: bytes, display: str, kind: str, header: str | None = None
) -> tuple[Record | None, list[Issue]]:
    """Strictly parse one file's bytes. Returns the record, or None and the reasons.

    With `header`, the file's first line must be exactly that line.
    """
    if len(raw) > limits.MAX_FILE_BYTES:
        return None, [
            Issue(
                display,
                1,
                1,
                Level.ERROR,
                "limits",
                f"file is larger than {limits.MAX_FILE_BYTES} bytes "
                "(MAX_FILE_BYTES); split it into smaller files",
            )
        ]
    text, issues = _decode(raw, display)
    if text is None:
        return None, issues
    issues = _check_text(text, display)
    if header is not None and text.split("\n", 1)[0].rstrip("\r") != header:
        issues.append(
            Issue(
                display,
                1,
                1,
                Level.ERROR,
                "editor",
                f"the first line must be '{header}' so editors check the file "
                "against its schema as you type",
            )
        )
    if issues:
        return None, issues
    quick = _plainly_clean(text)
    split = hyphens.split_words(text, display, lambda: yaml.parse(text, _Parser))
    if quick is not None:
        return Record(kind, display, quick[0], frozenset(quick[1]), raw, keys=quick[2]), split
    walk = _Pass(display, text)
    parser = _Parser(text)
    try:
        walk.run(parser)
    finally:
        parser.dispose()
    if walk.policy:
        return None, walk.policy
    if walk.top is None:
        return None, [
            Issue(
                display,
                1,
                1,
                Level.ERROR,
                "yaml",
                "file is empty; it must hold a mapping that starts with 'id:'",
            )
        ]
    if walk.root is None:
        line, col = _mark(walk.top)
        return None, [
            Issue(
                display,
                line,
                col,
                Level.ERROR,
                "yaml",
                "the top level must be a mapping of keys to values (key: value), "
                "not a list or a single value",
            )
        ]
    if any(i.level is Level.ERROR for i in walk.issues):
        return None, walk.issues
    walk.issues += split
    data = walk.root
    record = Record(kind, display, data, frozenset(walk.plain), raw, walk.positions)
    return record, walk.issues


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as shown in messages: relative to `base` (default: the working folder)."""
    start = (base or Path.cwd()).resolve()
    full = path.resolve() if not path.is_symlink() else path.parent.resolve() / path.name
    return full.relative_to(start).as_posix() if full.is_relative_to(start) else full.as_posix()


def load_file(
    path: Path, kind: str, base: Path | None = None, header: str | None = None
) -> tuple[Record | None, list[Issue]]:
    display = display_path(path, base)
    if path.is_symlink():
        return None, [
            Issue(
                display,
                1,
                1,
                Level.ERROR,
                "files",
                "symbolic links are not allowed in the data folder; copy the file instead",
            )
        ]
    try:
        with path.open("rb") as fh:
            raw = fh.read(limits.MAX_FILE_BYTES + 1)
    except OSError as e:
        return None, [Issue(display, 1, 1, Level.ERROR, "files", f"cannot read file: {e.strerror}")]
    return load_raw(raw, display, kind, header)


def load_raw(
    raw: bytes, display: str, kind: str, header: str | None = None
) -> tuple[Record | None, list[Issue]]:
    """`parse`, with at most MAX_ISSUES_PER_FILE problems shown for one file."""
    record, issues = parse(raw, display, kind, header)
    if len(issues) > limits.MAX_ISSUES_PER_FILE:
        hidden = len(issues) - limits.MAX_ISSUES_PER_FILE
        issues = [
            *issues[: limits.MAX_ISSUES_PER_FILE],
            Issue(
                display,
                1,
                1,
                Level.ERROR,
                "limits",
                f"{hidden} more problems in this file are not shown "
                f"(MAX_ISSUES_PER_FILE); fix these first",
            ),
        ]
    return record, issues


def data_files(root: Path) -> list[tuple[Path, str]]:
    """Every data file under a data root with its record kind, in a stable order."""
    return datatree.walk(root)[0]


LoadFile = Callable[[Path, str, Path | None, str | None], tuple[Record | None, list[Issue]]]
"""How one file is loaded (and, in the checker, validated and memoized)."""


@dataclass(frozen=True)
class DataFile:
    """One file to read under a data root: its kind, its name in messages, its first line."""

    path: Path
    kind: str
    display: str
    header: str | None


def root_files(root: Path, base: Path | None = None) -> tuple[list[DataFile], list[Issue]]:
    """Every data file under `root` in a stable order, and a problem for each other entry.

    Names in messages are `display_path`'s; they are worked out from the resolved root, since
    the walk refuses symbolic links inside it (resolving each of thousands of files costs)."""
    files, unexpected = datatree.walk(root)
    issues = [
        Issue(display_path(u.path, base), 1, 1, Level.ERROR, "files", u.message) for u in unexpected
    ]
    header_for = {kind: schema_line(kind) for kind in (*KINDS.values(), "overview")}
    checked_header = (root / "schema").is_dir()
    real_root = root.resolve()
    start = (base or Path.cwd()).resolve()
    if real_root.is_relative_to(start) or not start.is_relative_to(real_root):
        # the usual cases, one prefix for every file: inside the working folder, or outside
        prefix = (
            real_root.relative_to(start).as_posix() + "/"
            if real_root.is_relative_to(start)
            else real_root.as_posix().rstrip("/") + "/"
        )
        prefix = "" if prefix == "./" else prefix
        skip = 0 if str(root) == "." else len(str(root)) + 1  # Path(".") / "x" is "x"
        shown = [prefix + str(path)[skip:].replace(os.sep, "/") for path, _ in files]
    else:
        shown = []
        for path, _ in files:
            full = real_root / path.relative_to(root)
            rel = full.is_relative_to(start)
            shown.append(full.relative_to(start).as_posix() if rel else full.as_posix())
    header = {kind: header_for[kind] if checked_header else None for kind in header_for}
    return [
        DataFile(path, kind, name, header[kind])
        for (path, kind), name in zip(files, shown, strict=True)
    ], issues


def load_root(
    root: Path, base: Path | None = None, load: LoadFile | None = None
) -> tuple[list[Record], list[Issue], int]:
    """Load every data file under `root` with `load` (default `load_file`). Returns records,
    problems, and the count of files and other entries looked at; anything in the folder that
    is not read is a problem."""
    load = load or load_file
    records: list[Record] = []
    files, issues = root_files(root, base)
    looked_at = len(files) + len(issues)
    for f in files:
        record, problems = load(f.path, f.kind, base, f.header)
        issues.extend(problems)
        if record is not None:
            records.append(record)
    return records, issues, looked_at
