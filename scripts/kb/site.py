"""The site's identity (name and public address), derived once from `mkdocs.yml`.

Citations, JSON-LD and the feed need absolute addresses. The MkDocs hook and `kb pages` must
write the same ones, so both take them from here: `derive_url` is the one rule that turns
`extra.github_repository` into the GitHub Pages address, and `from_config` reads the file
through the strict loader (no second YAML reader) for commands that run without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb import loader, paths
from kb.issues import report

CONFIG = paths.ROOT / "mkdocs.yml"


class ConfigError(Exception):
    """mkdocs.yml cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Site:
    """What a citation or a machine-readable file says about the site itself."""

    name: str
    url: str
    """The public address, ending in '/' (or '' when unknown: addresses become relative)."""

    def localized(self, lang: str) -> Site:
        """The site as `lang`'s build names it (its site name translated, as
        `kb.sitelangs` does for that build's configuration); the address stays the root."""
        from kb import sitelangs

        return Site(sitelangs.translate(self.name, lang) or self.name, self.url)

    def absolute(self, site_path: str) -> str:
        """The permanent address of a site path ('bases/incirlik/' -> 'https://…/bases/…')."""
        return self.url + site_path


def derive_url(site_url: str | None, repository: str | None) -> str:
    """`site_url` as configured, else the GitHub Pages address of `owner/name`, else ''."""
    if site_url:
        return site_url if site_url.endswith("/") else site_url + "/"
    if repository and repository.count("/") == 1:
        owner, name = repository.split("/")
        return f"https://{owner}.github.io/{name}/"
    return ""


def from_config(path: Path = CONFIG) -> Site:
    """The site's name and address as the MkDocs build will see them."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}:1:1: cannot read the site configuration: {e.strerror}") from None
    record, issues = loader.parse(raw, path.name, "config")
    if record is None:
        raise ConfigError(report(issues, 1))
    data = record.data
    extra = data.get("extra") or {}
    name = str(data.get("site_name") or "")
    return Site(name, derive_url(data.get("site_url"), extra.get("github_repository")))
