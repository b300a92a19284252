"""Load, check and model the data in one call, for the hook and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kb import git, model
from kb.check import Result, check_root
from kb.issues import Issue, Level, report
from kb.loader import Record
from kb.render import Renderer


class DataError(Exception):
    """The data has errors; the message is the validator's full report."""


@dataclass(frozen=True)
class Loaded:
    corpus: model.Corpus
    warnings: list[Issue]
    records: list[Record]
    """The checked records, as the YAML says them: what the exports publish."""


def load(root: Path, base: Path | None = None, today: dt.date | None = None) -> Loaded:
    """The checked corpus, or DataError with the `file:line:col` report."""
    result: Result = check_root(root, base, today)
    if not result.ok:
        raise DataError(report(result.issues, result.files))
    return Loaded(
        model.build(result.records),
        [i for i in result.issues if i.level is Level.WARNING],
        result.records,
    )


def renderer(root: Path) -> tuple[Renderer, list[Issue], Loaded]:
    """The page generator for a data root and the data's warnings: one set-up shared by the
    MkDocs hook and `kb pages`, so both produce the same Markdown. Raises DataError."""
    loaded = load(root, base=root.parent)
    return Renderer(loaded.corpus, git.last_changed(root, root.parent)), loaded.warnings, loaded
