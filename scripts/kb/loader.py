"""Strict YAML loading: the only module that imports yaml.

Every data file is read as bytes, checked as UTF-8 text in NFC without control or bidi
characters, then parsed in a single pass over the parser's events that refuses what the
policy forbids (anchors, aliases, tags, second documents, deep nesting) and builds plain
Python values with every position remembered, so later checks can name `file:line:col`.
Every scalar is kept as text, and the schema step (`kb.schema.check`) converts an unquoted
scalar only where the schema asks for a number or a boolean (`true`/`false` and plain
decimals). So `no`, `on`, `1:20`, `0755`, `1.10`, `2025-07-02` and `.nan` are never
converted behind the writer's back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kb import limits
from kb.issues import Issue, Level

try:  # the C parser is faster and bounds its own recursion
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

JsonPath = tuple[str | int, ...]

KINDS = {"bases": "base", "sources": "source", "actors": "actor"}
"""Data sub-folders and the record kind each holds."""

_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls (tab, LF, CR allowed)
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


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


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"


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
    for m in _FORBIDDEN.finditer(text):
        line, col = _line_col(text, m.start())
        ch = m.group()
        kind = "invisible or bidirectional" if ord(ch) >= 0x200B else "control"
        found.append(
            Issue(
                display,
                line,
                col,
                Level.ERROR,
                "characters",
                f"{kind} character {_char_name(ch)} is not allowed; delete it",
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


def typed_scalar(value: str) -> bool | int | float | None:
    """What an unquoted scalar means where a number or boolean is expected, if anything."""
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return None


_SKIP = object()
"""A mapping frame's state while the value of a refused key is passed over."""


class _Pass:
    """One walk over the parser's events that both enforces the strict policy and builds the
    values with their positions: parsing once instead of an event pass and a composer pass
    halves the cost of loading. Values are built only while the file has no policy problem;
    builder problems (keys) are reported only when the policy has none, as before."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.issues: list[Issue] = []  # policy and syntax problems
        self.key_issues: list[Issue] = []  # problems found while building (keys)
        self.positions: dict[JsonPath, tuple[int, int]] = {(): (1, 1)}
        self.plain: set[JsonPath] = set()
        self.root: Any = None
        self.root_event: Any = None
        self._frames: list[list[Any]] = []  # [container, path, state, first-lines]
        self._skip = 0

    def add(self, mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        self.issues.append(Issue(self.display, line, col, Level.ERROR, rule, msg))

    def key_error(self, mark: Any, rule: str, msg: str) -> None:
        line, col = _mark(mark)
        self.key_issues.append(Issue(self.display, line, col, Level.ERROR, rule, msg))

    def run(self, text: str) -> None:
        parser = _Parser(text)
        try:
            self._events(parser)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            problem = " ".join(str(p) for p in (e.context, e.problem) if p)
            if mark is not None and text[mark.index : mark.index + 1] == "\t":
                self.add(
                    mark, "yaml", "a tab character is used for indentation; indent with spaces"
                )
            elif mark is not None:
                self.add(mark, "yaml", f"YAML syntax: {problem}")
            else:
                self.issues.append(
                    Issue(self.display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {problem}")
                )
        except (yaml.YAMLError, RecursionError) as e:
            self.issues.append(Issue(self.display, 1, 1, Level.ERROR, "yaml", f"YAML syntax: {e}"))
        finally:
            parser.dispose()

    def _events(self, parser: Any) -> None:
        """The loop runs once per event of every file: it dispatches on the event's class and
        builds values inline, because at 1,000 installations this loop is most of the load."""
        depth = 0
        documents = 0
        counts: list[int] = []  # children seen so far in each open collection
        is_seq: list[bool] = []
        frames = self._frames
        positions = self.positions
        plain = self.plain
        get = parser.get_event
        max_items = limits.MAX_LIST_ITEMS
        max_chars = limits.MAX_STRING_CHARS
        while True:
            ev = get()
            cls = ev.__class__ if ev is not None else None
            if cls is None or cls is yaml.StreamEndEvent:
                return
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents == 2:
                    self.add(
                        ev.start_mark,
                        "documents",
                        "a second YAML document starts here; a data file holds exactly one "
                        "(remove the '---' line and what follows, or move it to its own file)",
                    )
                continue
            if cls is yaml.AliasEvent:
                self.add(
                    ev.start_mark,
                    "anchors",
                    f"alias '*{ev.anchor}' is not allowed; write the value out in full",
                )
                continue
            start = cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent
            if start or cls is yaml.ScalarEvent:
                if ev.anchor is not None:
                    self.add(
                        ev.start_mark,
                        "anchors",
                        f"anchor '&{ev.anchor}' is not allowed; write values out in full",
                    )
                tag = ev.tag
                if tag is not None and tag != "!":
                    self.add(
                        ev.start_mark,
                        "tags",
                        f"explicit tag '{tag}' is not allowed; remove it (values are plain "
                        "text, numbers, true or false)",
                    )
                if counts:
                    counts[-1] += 1
                    if is_seq[-1] and counts[-1] == max_items + 1:
                        self.add(
                            ev.start_mark,
                            "limits",
                            f"list has more than {max_items} entries "
                            "(MAX_LIST_ITEMS); split the data",
                        )
                if not start and len(ev.value) > max_chars:
                    self.add(
                        ev.start_mark,
                        "limits",
                        f"text of {len(ev.value)} characters is longer than "
                        f"{max_chars} (MAX_STRING_CHARS); shorten it",
                    )
                if start:
                    depth += 1
                    counts.append(0)
                    is_seq.append(cls is yaml.SequenceStartEvent)
                    if depth == limits.MAX_DEPTH + 1:
                        self.add(
                            ev.start_mark,
                            "limits",
                            f"nesting is deeper than {limits.MAX_DEPTH} levels (MAX_DEPTH); "
                            "flatten the structure",
                        )
                        return
                if self.issues or documents != 1:
                    continue
                if self._skip:
                    if start:
                        self._skip += 1
                    continue
                if not frames:
                    self._root(ev, start)
                    continue
                frame = frames[-1]
                container = frame[0]
                if container.__class__ is list:
                    mark = ev.start_mark
                    path: JsonPath = (*frame[1], len(container))
                    positions[path] = (mark.line + 1, mark.column + 1)
                elif frame[2] is None:  # a key
                    self._key(ev, frame)
                    continue
                else:
                    key = frame[2]
                    frame[2] = None
                    if key is _SKIP:
                        if start:
                            self._skip = 1
                        continue
                    path = (*frame[1], key)
                if start:
                    value: Any = {} if cls is yaml.MappingStartEvent else []
                    frames.append([value, path, None, {}])
                else:
                    value = ev.value
                    if not ev.style:  # plain (libyaml reports it as "", PyYAML as None)
                        plain.add(path)
                if container.__class__ is list:
                    container.append(value)
                else:
                    container[path[-1]] = value
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                depth -= 1
                counts.pop()
                is_seq.pop()
                if self.issues or documents != 1:
                    continue
                if self._skip:
                    self._skip -= 1
                elif frames:
                    frames.pop()

    def _root(self, ev: Any, start: bool) -> None:
        if self.root_event is not None:
            return
        self.root_event = ev
        if isinstance(ev, yaml.MappingStartEvent):
            self.root = {}
            self._frames.append([self.root, (), None, {}])
        elif start:
            self._skip = 1

    def _key(self, ev: Any, frame: list[Any]) -> None:
        """A mapping key: refused keys make the frame pass over their value."""
        if not isinstance(ev, yaml.ScalarEvent):
            self.key_error(ev.start_mark, "yaml", "a key must be plain text, not a list or mapping")
            self._skip = 1
            frame[2] = _SKIP
            return
        key = ev.value
        first = frame[3]
        if key == "<<" and not ev.style:
            self.key_error(
                ev.start_mark,
                "anchors",
                "merge key '<<' is not allowed; write the keys out in full",
            )
            frame[2] = _SKIP
        elif key in first:
            self.key_error(
                ev.start_mark,
                "duplicate-key",
                f"duplicate key '{key}' (first on line {first[key]}); keep one of them",
            )
            frame[2] = _SKIP
        else:
            line, col = _mark(ev.start_mark)
            first[key] = line
            self.positions[(*frame[1], key)] = (line, col)
            frame[2] = key


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
    walk = _Pass(display)
    walk.run(text)
    if walk.issues:
        return None, walk.issues
    if walk.root_event is None:
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
    if not isinstance(walk.root_event, yaml.MappingStartEvent):
        line, col = _mark(walk.root_event.start_mark)
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
    if walk.key_issues:
        return None, walk.key_issues
    return Record(kind, display, walk.root, walk.positions, frozenset(walk.plain)), []


@lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    """Folders resolved once: a run shows thousands of paths from a handful of folders."""
    return folder.resolve()


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as shown in messages: relative to `base` (default: the working folder)."""
    start = _resolved(base or Path.cwd())
    # The file itself is never followed: a symbolic link is shown where it is.
    plain = path.name not in ("", ".", "..")
    full = _resolved(path.parent) / path.name if plain else path.resolve()
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


def data_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every data file under a data root with its record kind, in a stable order."""
    overview = root / "overview.yaml"
    if overview.exists():
        yield overview, "overview"
    for folder, kind in KINDS.items():
        d = root / folder
        if d.is_dir():
            for p in sorted(d.iterdir()):
                yield p, kind


LoadFile = Callable[[Path, str, Path | None, str | None], tuple[Record | None, list[Issue]]]


def load_root(
    root: Path, base: Path | None = None, load: LoadFile | None = None
) -> tuple[list[Record], list[Issue], int]:
    """Load every data file under `root` with `load` (default `load_file`, which the checker
    wraps to add the schema step and a memo). Returns records, problems, and the file count."""
    load = load or load_file
    records: list[Record] = []
    issues: list[Issue] = []
    files = 0
    headers = (root / "schema").is_dir()
    for path, kind in data_files(root):
        files += 1
        if path.suffix != ".yaml" or path.name.startswith("."):
            if path.name.startswith(".") or path.is_dir():
                files -= 1
                continue
            issues.append(
                Issue(
                    display_path(path, base),
                    1,
                    1,
                    Level.ERROR,
                    "files",
                    "data files must end in '.yaml'; rename the file",
                )
            )
            continue
        header = schema_line(kind) if headers else None
        record, problems = load(path, kind, base, header)
        issues.extend(problems)
        if record is not None:
            records.append(record)
    return records, issues, files
