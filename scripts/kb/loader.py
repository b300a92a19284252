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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kb import chars, datatree, limits
from kb.datatree import KINDS
from kb.issues import Issue, Level

try:  # the C parser is faster and bounds its own recursion
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

JsonPath = tuple[str | int, ...]


_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_NULLS = frozenset({"null", "Null", "NULL", "~"})
"""Plain scalars YAML reads as 'no value'."""
_COMMENT_AFTER = re.compile(r"[ \t]+#")


@dataclass(frozen=True)
class Record:
    """One data file: its kind, display path, values and where each value sits."""

    kind: str
    path: str
    data: dict[str, Any]
    positions: dict[JsonPath, tuple[int, int]] = field(repr=False)
    plain: frozenset[JsonPath] = field(default=frozenset(), repr=False)
    """Paths of unquoted scalars: the only values the schema step may type as number/bool."""

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    def locate(self, path: JsonPath) -> tuple[int, int]:
        """Line and column of a value, or of its nearest ancestor that has a position."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:end]))
            if pos:
                return pos
        return (1, 1)

    def issue(self, path: JsonPath, rule: str, message: str, level: Level = Level.ERROR) -> Issue:
        line, col = self.locate(path)
        return Issue(self.path, line, col, level, rule, message)


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


def _check_events(text: str, display: str) -> list[Issue]:
    """Walk the parser's events; refuse what the strict policy forbids before anything is built."""
    found: list[Issue] = []

    def add(mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        found.append(Issue(display, line, col, Level.ERROR, rule, msg))

    depth = 0
    documents = 0
    counts: list[int] = []  # children seen so far in each open collection
    is_seq: list[bool] = []
    try:
        for ev in yaml.parse(text, Loader=_Parser):
            if isinstance(ev, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    add(
                        ev.start_mark,
                        "documents",
                        "a second YAML document starts here; a data file holds exactly one "
                        "(remove the '---' line and what follows, or move it to its own file)",
                    )
            if isinstance(ev, yaml.AliasEvent):
                add(
                    ev.start_mark,
                    "anchors",
                    f"alias '*{ev.anchor}' is not allowed; write the value out in full",
                )
                continue
            if isinstance(ev, yaml.NodeEvent) and ev.anchor is not None:
                add(
                    ev.start_mark,
                    "anchors",
                    f"anchor '&{ev.anchor}' is not allowed; write values out in full",
                )
            tag = getattr(ev, "tag", None)
            if isinstance(ev, yaml.NodeEvent) and tag is not None and tag != "!":
                add(
                    ev.start_mark,
                    "tags",
                    f"explicit tag '{tag}' is not allowed; remove it (values are plain text, "
                    "numbers, true or false)",
                )
            if isinstance(ev, yaml.NodeEvent) and counts:
                counts[-1] += 1
                if is_seq[-1] and counts[-1] == limits.MAX_LIST_ITEMS + 1:
                    add(
                        ev.start_mark,
                        "limits",
                        f"list has more than {limits.MAX_LIST_ITEMS} entries "
                        "(MAX_LIST_ITEMS); split the data",
                    )
            if isinstance(ev, yaml.ScalarEvent) and len(ev.value) > limits.MAX_STRING_CHARS:
                add(
                    ev.start_mark,
                    "limits",
                    f"text of {len(ev.value)} characters is longer than "
                    f"{limits.MAX_STRING_CHARS} (MAX_STRING_CHARS); shorten it",
                )
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                counts.append(0)
                is_seq.append(isinstance(ev, yaml.SequenceStartEvent))
                if depth == limits.MAX_DEPTH + 1:
                    add(
                        ev.start_mark,
                        "limits",
                        f"nesting is deeper than {limits.MAX_DEPTH} levels (MAX_DEPTH); "
                        "flatten the structure",
                    )
                    return found
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
                counts.pop()
                is_seq.pop()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = " ".join(str(p) for p in (e.context, e.problem) if p)
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            add(mark, "yaml", "a tab character is used for indentation; indent with spaces")
        elif mark is not None:
            add(mark, "yaml", f"YAML syntax: {problem}")
        else:
            found.append(Issue(display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {problem}"))
    except (yaml.YAMLError, RecursionError) as e:
        found.append(Issue(display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {e}"))
    return found


def typed_scalar(value: str) -> bool | int | float | None:
    """What an unquoted scalar means where a number or boolean is expected, if anything."""
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return None


def _field(path: JsonPath) -> str:
    """How messages name the value at `path`: its key, or 'an entry of KEY' in a list."""
    keys = [p for p in path if isinstance(p, str)]
    if not keys:
        return "an entry"
    return f"'{keys[-1]}'" if isinstance(path[-1], str) else f"an entry of '{keys[-1]}'"


class _Builder:
    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.text = text
        self.positions: dict[JsonPath, tuple[int, int]] = {(): (1, 1)}
        self.issues: list[Issue] = []
        self.plain: set[JsonPath] = set()

    def error(self, mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        self.issues.append(Issue(self.display, line, col, Level.ERROR, rule, msg))

    def scalar(self, node: yaml.ScalarNode, field: str) -> bool:
        """Apply the character policy to a decoded key or value; False when it is refused."""
        value = node.value
        for _, ch, kind in chars.forbidden(value):
            self.error(
                node.start_mark,
                "characters",
                f"{chars.describe(ch, kind)} in {field} is not allowed (written as "
                "an escape in quotes); delete it",
            )
            return False
        if not unicodedata.is_normalized("NFC", value):
            self.error(
                node.start_mark,
                "unicode",
                f"{field} is not in Unicode NFC form (a letter followed by a separate "
                "combining accent, written as an escape); write the accented letter itself",
            )
            return False
        if not node.style:
            after = self.text[node.end_mark.index : node.end_mark.index + 200]
            rest = after.split("\n", 1)[0].strip() if _COMMENT_AFTER.match(after) else ""
            # '#1' or a comment after prose is probably text; 'kind: news  # one of: ...' is not
            if value and rest and (not rest[1:2].isspace() or " " in value):
                line, col = _mark(node.end_mark)
                self.issues.append(
                    Issue(
                        self.display,
                        line,
                        col + after.index("#"),
                        Level.WARNING,
                        "comment",
                        f"{field} stops before '{chars.shown(rest[:40])}': in YAML ' #' starts "
                        "a comment, so the rest of the line is not part of the value; put the "
                        "whole value in quotes if the '#' belongs to it",
                    )
                )
        return True

    def build(self, node: yaml.Node, path: JsonPath) -> Any:
        if isinstance(node, yaml.ScalarNode):
            field = _field(path)
            if not node.style:  # plain (libyaml reports it as "", PyYAML as None)
                self.plain.add(path)
                if node.value in _NULLS:
                    self.error(
                        node.start_mark,
                        "null",
                        f"{field} is {node.value}, which YAML reads as 'no value'; write the "
                        "value, delete the line if the field is optional, or put it in quotes "
                        f"('\"{node.value}\"') if you mean the word",
                    )
            self.scalar(node, field)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self.positions[(*path, i)] = _mark(child.start_mark)
                items.append(self.build(child, (*path, i)))
            return items
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(
                    key_node.start_mark, "yaml", "a key must be plain text, not a list or mapping"
                )
                continue
            key = key_node.value
            if not self.scalar(key_node, "a key"):
                continue
            if key == "<<" and not key_node.style:
                self.error(
                    key_node.start_mark,
                    "anchors",
                    "merge key '<<' is not allowed; write the keys out in full",
                )
                continue
            if key in first:
                self.error(
                    key_node.start_mark,
                    "duplicate-key",
                    f"duplicate key '{key}' (first on line {first[key]}); keep one of them",
                )
                continue
            first[key] = key_node.start_mark.line + 1
            self.positions[(*path, key)] = _mark(key_node.start_mark)
            result[key] = self.build(value_node, (*path, key))
        return result


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
    issues = _check_events(text, display)
    if issues:
        return None, issues
    loader = _Parser(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as e:  # already caught by the event pass; kept as a safety net
        return None, [Issue(display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {e}")]
    finally:
        loader.dispose()
    if node is None:
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
    if not isinstance(node, yaml.MappingNode):
        line, col = _mark(node.start_mark)
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
    builder = _Builder(display, text)
    data = builder.build(node, ())
    if any(i.level is Level.ERROR for i in builder.issues):
        return None, builder.issues
    record = Record(kind, display, data, builder.positions, frozenset(builder.plain))
    return record, builder.issues


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


def load_root(
    root: Path, base: Path | None = None, load: LoadFile | None = None
) -> tuple[list[Record], list[Issue], int]:
    """Load every data file under `root` with `load` (default `load_file`, which the checker
    wraps to add the schema step and a memo). Returns records, problems, and the count of files
    and other entries looked at; anything in the folder that is not read is a problem."""
    load = load or load_file
    records: list[Record] = []
    files, unexpected = datatree.walk(root)
    issues = [
        Issue(display_path(u.path, base), 1, 1, Level.ERROR, "files", u.message) for u in unexpected
    ]
    header_for = {kind: schema_line(kind) for kind in (*KINDS.values(), "overview")}
    checked_header = (root / "schema").is_dir()
    for path, kind in files:
        record, problems = load(path, kind, base, header_for[kind] if checked_header else None)
        issues.extend(problems)
        if record is not None:
            records.append(record)
    return records, issues, len(files) + len(unexpected)
