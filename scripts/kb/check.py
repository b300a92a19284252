"""The validation pipeline: strict loading, then the schema, then the cross-reference rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kb import rules, schema
from kb.issues import Issue, Level, has_errors
from kb.loader import Record, load_root
from kb.rules import placeholders


@dataclass(frozen=True)
class Result:
    records: list[Record]
    issues: list[Issue]
    files: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.issues)


def check_root(root: Path, base: Path | None = None, today: dt.date | None = None) -> Result:
    """Load and check every file under a data root, collecting every problem.

    Rules run only on records that passed the schema, so one typo does not cascade into
    false reference errors elsewhere.
    """
    records, issues, files = load_root(root, base)
    valid: list[Record] = []
    for record in records:
        left = placeholders.scan(record)
        problems = left + [
            i for i in schema.check(record) if not (left and placeholders.PLACEHOLDER in i.message)
        ]
        issues.extend(problems)
        if not problems:
            valid.append(record)
    # Ids of files that failed to load or validate: references to them are not reported
    # again, and corpus-wide checks (orphans) wait until every file is readable.
    failed = {Path(i.path).stem for i in issues if i.level is Level.ERROR}
    issues.extend(rules.run(valid, today, failed))
    return Result(valid, sorted(issues), files)
