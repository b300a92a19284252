"""Problems found in data files, and the one way they are printed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kb.chars import shown


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem at a place in a file. Sorted by file, then position."""

    path: str
    line: int
    col: int
    level: Level
    rule: str
    message: str

    def format(self) -> str:
        """One line for a terminal: text from data (file names, values) has every control,
        invisible or bidirectional character written as an escape, so it cannot drive the
        terminal or reorder what is shown."""
        return (
            f"{shown(self.path)}:{self.line}:{self.col}: {self.level.value} [{self.rule}] "
            f"{shown(self.message)}"
        )

    def format_github(self) -> str:
        kind = "error" if self.level is Level.ERROR else "warning"
        msg = shown(self.message).replace("%", "%25")
        path = shown(self.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{kind} file={path},line={self.line},col={self.col},title=kb {self.rule}::{msg}"


def summary(issues: Iterable[Issue], files: int) -> str:
    """The closing line of a report: 'N errors, M warnings in K files'."""
    items = list(issues)
    errors = sum(1 for i in items if i.level is Level.ERROR)
    warnings = len(items) - errors
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)}"
    )


def report(issues: Iterable[Issue], files: int) -> str:
    """Every issue on its own line, sorted, then the summary line."""
    items = sorted(issues)
    return "\n".join([*(i.format() for i in items), summary(items, files)])


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.level is Level.ERROR for i in issues)
