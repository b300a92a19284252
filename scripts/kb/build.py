"""One build object: the checked corpus, its warnings and the files' change dates.

Every command and the MkDocs hook load data through `load`, so pages, reports and (later)
exports are made from the same checked corpus in the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kb import git, model
from kb.check import Result, check_root
from kb.issues import Issue, Level, report
from kb.loader import Record
from kb.render import Renderer
from kb.site import Site, from_config


class DataError(Exception):
    """The data has errors; the message is the validator's full report."""


@dataclass(frozen=True)
class Build:
    """A checked data root, ready to render or export."""

    root: Path
    base: Path
    corpus: model.Corpus
    warnings: tuple[Issue, ...]
    records: tuple[Record, ...] = field(repr=False)
    """The checked records with their line positions (for tools that point into files)."""
    given_changed: Mapping[str, str] | git.Dates | None = field(default=None, repr=False)
    """The dates, or git's reading of them already started (`load` starts it first)."""
    _published: dict[tuple[Site, str], Mapping[str, bytes]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _exports: dict[str, Mapping[str, bytes]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def changed(self) -> Mapping[str, str]:
        """Data file path (relative to `base`) -> date it last changed in git; read on first
        use, since only pages show it."""
        if isinstance(self.given_changed, git.Dates):
            return self.given_changed.result()
        if self.given_changed is not None:
            return self.given_changed
        return git.last_changed(self.root, self.base)

    @cached_property
    def site(self) -> Site:
        """The site as mkdocs.yml names it, read on first use and once per build object, for
        renderers not handed a site (under MkDocs the hook hands its own)."""
        return from_config()

    def published(self, site: Site, lang: str = "en") -> Mapping[str, bytes]:
        """Every non-page file one language's build publishes (downloads, citations, feed),
        made once per site address and language."""
        if (site, lang) not in self._published:
            from kb.publish import make_files  # publish reads this module's Build

            self._published[site, lang] = make_files(self, site, lang)
        return self._published[site, lang]

    def exports(self, site_url: str) -> Mapping[str, bytes]:
        """The data downloads (JSON, GeoJSON, CSV), made once per site address: they do not
        depend on the language or the site's name, so every language's build shares them."""
        if site_url not in self._exports:
            from kb import export

            self._exports[site_url] = export.files(list(self.records), site_url=site_url)
        return self._exports[site_url]

    def renderer(self, lang: str = "en", site: Site | None = None) -> Renderer:
        """The page generator for one language; `site` (default: from mkdocs.yml) gives the
        addresses citations and JSON-LD use. The downloads page of every language lists the
        downloads the default language's build publishes (they carry both languages)."""
        from kb.publish import downloads

        site = site or self.site
        return Renderer(
            self.corpus,
            dict(self.changed),
            lang=lang,
            site=site,
            downloads=tuple(downloads(self.published(site))),
        )


_shared: list[Build] = []


@contextmanager
def sharing(loaded: Build) -> Iterator[None]:
    """While the other languages' builds run inside the default language's build (kb.sitelangs),
    they render this checked data instead of checking and modelling it again: one data state,
    one check, one model, one set of downloads."""
    _shared.append(loaded)
    try:
        yield
    finally:
        _shared.pop()


def shared() -> Build | None:
    """The build handed over by `sharing`, or None outside it."""
    return _shared[-1] if _shared else None


def load(
    root: Path,
    base: Path | None = None,
    today: dt.date | None = None,
    changed: Mapping[str, str] | None = None,
) -> Build:
    """Check a data root and build the model, or raise DataError with the `file:line:col`
    report. Paths in messages are relative to `base` (default: the root's parent). Unless
    `changed` is given, git starts reading the files' dates first and reads them while the
    data is checked."""
    root = root.resolve()
    base = (base or root.parent).resolve()
    dates = git.Dates(root, base) if changed is None else changed
    result: Result = check_root(root, base, today)
    if not result.ok:
        raise DataError(report(result.issues, result.files))
    return Build(
        root,
        base,
        model.build(result.records),
        tuple(i for i in result.issues if i.level is Level.WARNING),
        tuple(result.records),
        dates,
    )
