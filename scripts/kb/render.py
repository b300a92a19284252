"""Markdown pages from the model, through Jinja templates. No MkDocs import here.

Text from data is text, never markup: every `{{ value }}` in a template goes through
`md_text` (whitespace collapsed, Markdown syntax backslash-escaped) and then Jinja's HTML
autoescape, unless the value is `Markup` built by a filter or macro in this module. Links are
made only by the `link_to` and `href` filters, from validated ids and URL fields.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from kb import counts, paths, schema
from kb.fold import also_written
from kb.model import Corpus, Page, Text, event_key
from kb.stats import quality

# Inline Markdown syntax that could turn data into markup; '<', '>' and '&' are left to the
# HTML escape that follows, so they become entities rather than backslash sequences.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
_SPACE = re.compile(r"\s+")
# At the start of a line, '-' and '+' open list items and '1.' an ordered list; Python-Markdown
# unescapes exactly these backslash sequences, so escaping them is invisible.
_MD_LINE_START = re.compile(r"^([-+]|\d+(?=\.))")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# How an actor's own document of each source kind is named in "TKP, statement of 2 July 2025".
OWN_DOCUMENT = {
    "news": "article",
    "statement": "statement",
    "official": "publication",
    "reference": "entry",
    "research": "publication",
    "data": "data set",
}


def md_text(value: Any, lang: str = "en") -> str | Markup:
    """A data value as inert Markdown text (before the HTML escape autoescape adds)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Text):
        value = value.get(lang)
    text = _SPACE.sub(" ", str(value)).strip()
    text = _MD_INLINE.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:
        text = (
            text[: match.end()] + "\\" + text[match.end() :]
            if match.group(1)[0].isdigit()
            else "\\" + text
        )
    return text


def html_text(value: Any) -> Markup:
    """A data value HTML-escaped, for places Markdown does not reach (front matter values)."""
    return escape(" ".join(str(value).split()))


def anchor(ident: str) -> Markup:
    """An attr_list id for the heading or paragraph before it; ids are validated slugs."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", ident):
        raise ValueError(f"not an id: {ident!r}")
    return Markup("{#" + ident + "}")


def osm(lat: float, lon: float) -> Markup:
    """An OpenStreetMap link destination for a point (numbers only, so nothing to escape)."""
    return Markup(
        f"https://www.openstreetmap.org/?mlat={lat:.4f}&mlon={lon:.4f}#map=13/{lat:.4f}/{lon:.4f}"
    )


def human_date(value: str | None) -> str:
    """'2025-07-02' -> '2 July 2025'; '2025-07' -> 'July 2025'; '1955' stays."""
    if not value or value == "unknown":
        return "date unknown"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def presence_vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """Labels for who is present or operates, and what each certainty means, from the schema."""
    props = schema.schema("base.schema.json")["properties"]["presence"]["properties"]
    labels: dict[str, str] = {}
    for key in ("present", "operated_by"):
        labels.update(props[key]["items"].get("x-enumLabels", {}))
    return labels, dict(schema.vocabulary(props["certainty"]))


def href(url: str) -> str:
    """A validated URL made safe inside a Markdown link destination."""
    return quote(url, safe="/:?#[]@!$&*+,;=%~-._'")


@dataclass(frozen=True)
class Generated:
    """One generated Markdown page and the data file it was made from (for edit links)."""

    uri: str
    content: str
    source: str | None


class Renderer:
    """Renders the corpus into Markdown pages; one Jinja environment per build."""

    def __init__(
        self,
        corpus: Corpus,
        changed: dict[str, str] | None = None,
        templates: Path = paths.TEMPLATES,
    ) -> None:
        self.corpus = corpus
        self.changed = changed or {}
        """Data file path -> date it last changed in git; empty when unknown."""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            finalize=md_text,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        labels, certainty = presence_vocabulary()
        self.env.filters.update(
            presence_label=lambda v: labels.get(v, v),
            certainty_meaning=lambda v: certainty.get(v, ""),
            date=human_date,
            link_to=self._link_to,
            url=lambda u: Markup(href(u)),
            json=lambda v: Markup(json.dumps(str(html_text(v)), ensure_ascii=False)),
            label=lambda v: str(v).replace("-", " ").capitalize(),
            also_written=also_written,
            osm=lambda loc: osm(loc.lat, loc.lon),
            quality=quality,
            sort_events=lambda events: sorted(events, key=event_key),
        )
        self.env.tests["contains"] = lambda seq, item: item in seq
        self.env.globals.update(
            corpus=corpus,
            statuses=schema.claim_statuses(),
            stances=schema.evidence_stances(),
            reference=schema.reference,
            repo_file=lambda name: (paths.ROOT / name).read_text(encoding="utf-8"),
            anchor=anchor,
            markup=Markup,
            own_document=OWN_DOCUMENT,
            tallies=lambda: counts.tallies(corpus),
            statement=lambda ident: counts.statement(corpus, ident),
            counts_for=lambda ident: counts.counting(corpus, ident),
            presence_summary=lambda: counts.summary(corpus),
        )

    # The page being rendered, for relative links; set by `render`.
    _current = "index.md"

    def _link_to(self, target: str, anchor: str | None = None) -> Markup:
        """A relative Markdown link destination from the current page to a docs path."""
        rel = posixpath.relpath(target, posixpath.dirname(self._current) or ".")
        return Markup(rel + (f"#{anchor}" if anchor else ""))

    def render(self, template: str, uri: str, **context: Any) -> str:
        self._current = uri
        try:
            return self.env.get_template(template).render(page_uri=uri, **context)
        finally:
            self._current = "index.md"

    def pages(self) -> list[Generated]:
        """Every generated page, in a stable order: records first, then the index pages."""
        c = self.corpus
        records: list[tuple[str, str, str, dict[str, Any]]] = [
            (f"bases/{b.id}.md", "base.md.j2", b.path, {"base": b, "numbers": self._numbers(b)})
            for b in c.bases.values()
        ]
        if c.overview:
            ov = c.overview
            records.append(
                (
                    "overview.md",
                    "overview.md.j2",
                    ov.path,
                    {"overview": ov, "numbers": self._numbers(ov)},
                )
            )
        records += [
            (f"actors/{a.id}.md", "actor.md.j2", a.path, {"actor": a}) for a in c.actors.values()
        ]
        records += [
            (f"sources/{s.id}.md", "source.md.j2", s.path, {"source": s})
            for s in c.sources.values()
        ]
        out = [
            Generated(uri, self.render(template, uri, changed=self.changed.get(path), **ctx), path)
            for uri, template, path, ctx in records
        ]
        for uri, template in (
            ("bases/index.md", "bases.md.j2"),
            ("claims.md", "claims.md.j2"),
            ("actors/index.md", "actors.md.j2"),
            ("sources/index.md", "sources.md.j2"),
            ("timeline.md", "timeline.md.j2"),
            ("counts.md", "counts.md.j2"),
            ("quality.md", "quality.md.j2"),
        ):
            out.append(Generated(uri, self.render(template, uri), None))
        return out

    def _numbers(self, page: Page) -> dict[str, int]:
        """Source id -> its citation number on a page, in order of first citation."""
        return {s.id: i for i, s in enumerate(self.corpus.cited_on(page), start=1)}

    def snippet(self, name: str, uri: str) -> str:
        """A generated block for a hand-written page: `<!-- kb:NAME -->` expands to this."""
        return self.render(f"_{name}.md.j2", uri)


MARKER = re.compile(r"^<!-- kb:([a-z-]+) -->$", re.MULTILINE)


def expand_markers(markdown: str, uri: str, renderer: Renderer) -> str:
    """Replace each `<!-- kb:NAME -->` line of a hand-written page with generated Markdown."""
    return MARKER.sub(lambda m: renderer.snippet(m.group(1), uri), markdown)


def write_pages(
    renderer: Renderer,
    out: Path,
    docs: Path | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> list[Path]:
    """Write every generated page (and expanded hand-written pages) under `out`."""
    written: list[Path] = []
    items = [(g.uri, g.content) for g in renderer.pages()]
    if docs is not None:
        for md in sorted(docs.rglob("*.md")):
            uri = md.relative_to(docs).as_posix()
            text = md.read_text(encoding="utf-8")
            if MARKER.search(text):
                items.append((uri, expand_markers(text, uri, renderer)))
    root = out.resolve()
    for uri, content in items:
        target = (root / uri).resolve()
        if not target.is_relative_to(root):  # ids are validated; this is a second lock
            raise ValueError(f"refusing to write outside {root}: {uri}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
        log(uri)
    return written


__all__ = ["Generated", "Renderer", "expand_markers", "md_text", "write_pages"]
