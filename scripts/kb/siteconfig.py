"""What the About page needs from the project around the data: the GitHub repository named
in mkdocs.yml (`extra.github_repository`, the one place it is named) and the issue forms in
.github/ISSUE_TEMPLATE/. Read as text, so only the loader imports yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kb import paths

_REPOSITORY = re.compile(r"^\s+github_repository:\s*([\w.-]+/[\w.-]+)\s*$", re.MULTILINE)
_NAME = re.compile(r"^name:\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class IssueForm:
    file: str
    name: str


def repository(root: Path = paths.ROOT) -> str | None:
    """'owner/name' from mkdocs.yml, or None when it names none."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return None
    match = _REPOSITORY.search(config.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def issue_forms(root: Path = paths.ROOT) -> list[IssueForm]:
    """The issue forms that exist (config.yml is GitHub's chooser settings, not a form)."""
    folder = root / ".github" / "ISSUE_TEMPLATE"
    forms = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        match = _NAME.search(path.read_text(encoding="utf-8"))
        if path.name != "config.yml" and match:
            forms.append(IssueForm(path.name, match.group(1).strip("'\"")))
    return forms
