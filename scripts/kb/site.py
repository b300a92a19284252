"""The site's identity (name, public address, GitHub repository) and the project's issue
forms: what pages, citations, JSON-LD and the feed say about the site itself.

`mkdocs.yml` is read in one place. Under MkDocs the hook builds a `Site` from the
configuration MkDocs already loaded; commands that run without MkDocs (`kb pages`) call
`from_config`, which reads the file once, through the strict loader (no second YAML reader).
`derive_url` is the one rule that turns `extra.github_repository` into the GitHub Pages
address, so the hook and `kb pages` write the same addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from kb import loader, paths
from kb.issues import report

CONFIG = paths.ROOT / "mkdocs.yml"
_FORM_NAME = re.compile(r"^name:\s*(.+?)\s*$", re.MULTILINE)
_REPOSITORY = re.compile(r"[\w.-]+/[\w.-]+")


class ConfigError(Exception):
    """mkdocs.yml cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Site:
    """What a page, a citation or a machine-readable file says about the site itself."""

    name: str
    url: str
    """The public address, ending in '/' (or '' when unknown: addresses become relative)."""
    repository: str | None = None
    """'owner/name' on GitHub (`extra.github_repository`), or None when none is named."""

    def localized(self, lang: str) -> Site:
        """The site as `lang`'s build names it (its site name translated, as
        `kb.sitelangs` does for that build's configuration); the address stays the root."""
        from kb import sitelangs

        return replace(self, name=sitelangs.translate(self.name, lang) or self.name)

    def absolute(self, site_path: str) -> str:
        """The permanent address of a site path ('bases/incirlik/' -> 'https://…/bases/…')."""
        return self.url + site_path


@dataclass(frozen=True)
class IssueForm:
    """One GitHub issue form (.github/ISSUE_TEMPLATE/<file>), which the About page links."""

    file: str
    name: str

    @property
    def key(self) -> str:
        """The interface string that names the form on the site: 'issue-form-<file stem>'."""
        return "issue-form-" + self.file.rsplit(".", 1)[0]


def derive_url(site_url: str | None, repository: str | None) -> str:
    """`site_url` as configured, else the GitHub Pages address of `owner/name`, else ''."""
    if site_url:
        return site_url if site_url.endswith("/") else site_url + "/"
    if repository and repository.count("/") == 1:
        owner, name = repository.split("/")
        return f"https://{owner}.github.io/{name}/"
    return ""


def github_repository(value: object) -> str | None:
    """`extra.github_repository` when it has the form 'owner/name', else None."""
    return value if isinstance(value, str) and _REPOSITORY.fullmatch(value) else None


def from_config(path: Path = CONFIG) -> Site:
    """The site's name, address and repository as the MkDocs build will see them."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}:1:1: cannot read the site configuration: {e.strerror}") from None
    record, issues = loader.parse(raw, path.name, "config")
    if record is None:
        raise ConfigError(report(issues, 1))
    data = record.data
    extra = data.get("extra")
    named = extra.get("github_repository") if isinstance(extra, dict) else None
    repository = github_repository(named)
    name = str(data.get("site_name") or "")
    return Site(name, derive_url(data.get("site_url"), repository), repository)


def issue_forms(root: Path = paths.ROOT) -> list[IssueForm]:
    """The issue forms that exist (config.yml is GitHub's chooser settings, not a form).
    Their `name:` line is read as text, so only the loader imports yaml."""
    folder = root / ".github" / "ISSUE_TEMPLATE"
    forms = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        match = _FORM_NAME.search(path.read_text(encoding="utf-8"))
        if path.name != "config.yml" and match:
            forms.append(IssueForm(path.name, match.group(1).strip("'\"")))
    return forms
