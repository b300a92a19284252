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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2
import jinja2.bccache
import jinja2.compiler
import jinja2.runtime
from markupsafe import Markup, escape

from kb import (
    addresses,
    cite,
    counts,
    export,
    i18n,
    languages,
    linked,
    maps,
    memo,
    paths,
    prose,
    schema,
    structured,
)
from kb.dates import PartialDate
from kb.model import Claim, Corpus, Page, Text, event_key
from kb.site import IssueForm, Site, issue_forms
from kb.stats import quality

if TYPE_CHECKING:
    from kb.i18n.language import Language
    from kb.publish import Download

# Inline Markdown syntax that could turn data into markup; '<', '>' and '&' are left to the
# HTML escape that follows, so they become entities rather than backslash sequences.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
_ID = re.compile(r"[a-z][a-z0-9-]*")
# At the start of a line, '-' and '+' open list items and '1.' an ordered list; Python-Markdown
# unescapes exactly these backslash sequences, so escaping them is invisible.
_MD_LINE_START = re.compile(r"^([-+]|\d+(?=\.))")


def md_text(value: Any, lang: str = addresses.DEFAULT_LANGUAGE) -> str | Markup:
    """A data value as inert Markdown text (before the HTML escape autoescape adds)."""
    kind = type(value)  # the two commonest first: text from data, and Markup
    if kind is str:
        return _inert(value)
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Text):
        if value.missing(lang):
            return untranslated(value.en, lang)
        value = value.get(lang)
    return _inert(str(value))


@memo.forgettable
@lru_cache(maxsize=65536)
def _inert(text: str) -> str:
    """`md_text` of a string, remembered: names, titles and labels recur on many pages."""
    text = " ".join(text.split())
    if _MD_INLINE.search(text):  # few texts have any: a search is cheaper than a substitution
        text = _MD_INLINE.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:
        text = (
            text[: match.end()] + "\\" + text[match.end() :]
            if match.group(1)[0].isdigit()
            else "\\" + text
        )
    return text


@memo.forgettable
@lru_cache(maxsize=65536)
def _escaped(text: str) -> Markup:
    """What `{{ text }}` writes for a string from data: `md_text`, then the HTML escape;
    remembered as `_inert` is."""
    return escape(_inert(text))


@memo.forgettable
@lru_cache(maxsize=65536)
def _isolated(text: str) -> Markup:
    """The `bdi` filter of a string, remembered as `_inert` is (titles and publishers recur)."""
    return prose.isolate(_inert(text), text)


@memo.forgettable
@lru_cache(maxsize=65536)
def relative(target: str, start: str) -> str:
    """`posixpath.relpath(target, start or ".")` for two docs paths, remembered: relpath asks
    the system for the working folder on every call, a fifth of page generation at scale, and
    the same few folders link to the same pages again and again. Two plain relative paths
    (no `.` or `..` parts) are compared part by part, without it."""
    parts = target.split("/")
    if not target or "/" in (target[0], start[:1]) or "." in start or {".", ".."} & set(parts):
        return posixpath.relpath(target, start or ".")  # not a plain docs path: the library's way
    to = [part for part in parts if part]
    here = [part for part in start.split("/") if part]
    same = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        same += 1
    return "/".join([".."] * (len(here) - same) + to[same:]) or "."


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory by name and source checksum, so each new Renderer
    (every build under `mkdocs serve`, each language) skips compiling an unchanged template."""

    def __init__(self) -> None:
        self._code: dict[str, CodeType] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # The code object itself, not its marshalled bytes: code is immutable, and loading
        # bytes again cost every renderer a marshal.loads per template.
        code = self._code.get(bucket.key + bucket.checksum)
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key + bucket.checksum] = bucket.code


class _Output(jinja2.compiler.CodeGenerator):
    """Compiles `{{ value }}` to one call, `environment.kb_output(value)`, where Jinja writes
    `escape(environment.finalize(value))`: two calls for every value written, and a copy of
    every Markup (`escape` makes a new one), some 60,000 times per language on the real data.
    `Renderer._output` gives what those two calls give. Constants are finalized when the
    template is compiled, as before; a template without autoescape is compiled as Jinja does.

    And `{{ f(x) }}` compiles to `(f)(x)`, where Jinja writes `context.call(f, x, ...)`, which
    looks up on every call whether `f` asks for the context (with the loop's variables): no
    global here does (`plain_callables` refuses one that would), and the look-ups were a
    tenth of page generation. Macros ask only for the evaluation context, which says whether
    to autoescape: autoescape is on in every template here (no `{% autoescape %}` block, which
    a test checks), so called directly they escape as they would through Jinja."""

    def _output_child_pre(
        self,
        node: jinja2.nodes.Expr,
        frame: jinja2.compiler.Frame,
        finalize: jinja2.compiler.CodeGenerator._FinalizeInfo,
    ) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            # Jinja's `_output_child_post` closes what its pre opens: `escape(` and, with a
            # finalize function, `environment.finalize(`; this opens as many brackets.
            self.write("environment.kb_output(" + ("(" if finalize.src else ""))
        else:
            super()._output_child_pre(node, frame, finalize)

    def visit_Call(
        self, node: jinja2.nodes.Call, frame: jinja2.compiler.Frame, forward_caller: bool = False
    ) -> None:
        if forward_caller:  # a {% call %} block: Jinja's way
            super().visit_Call(node, frame, forward_caller=True)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(")(*()")  # `signature` writes each argument after a comma
        self.signature(node, frame)
        self.write(")")


def plain_callables(names: dict[str, Any]) -> None:
    """Refuse a template global that asks Jinja for its context, environment or evaluation
    context (`jinja2.pass_context` and the like): templates here call functions directly
    (`_Output.visit_Call`), so such a function would get its arguments shifted."""
    for name, value in names.items():
        method = getattr(value, "__func__", None)
        call = vars(type(value)).get("__call__")  # an object whose class defines __call__
        for target in (value, method, call):
            if target is not None and hasattr(target, "jinja_pass_arg"):
                raise TypeError(
                    f"template global {name!r} asks Jinja for its {target.jinja_pass_arg.name}; "
                    "templates here call functions directly: pass it what it needs as arguments"
                )


_COMPILED = _Compiled()
THEME_CODE = _Compiled()
"""The same for the theme's templates: MkDocs makes a new Jinja environment for the theme on
every build (each language, each save under `mkdocs serve`) and would compile Material's
templates again each time. A cache of its own, since compiled code depends on the
environment's settings."""


def untranslated(english: str, lang: str) -> Markup:
    """The English text where a page in `lang` has no translation: tagged as English and
    followed by a visible marker in the page's language ("henüz çevrilmedi")."""
    marker = i18n.language(lang).string("untranslated")
    return Markup(
        '<span class="kb-untranslated" lang="en">{}</span> '
        '<span class="kb-untranslated-mark">{}</span>'
    ).format(escape(md_text(english)), marker)


def html_text(value: Any) -> Markup:
    """A data value HTML-escaped, for places Markdown does not reach (front matter values);
    Markup (an interface string whose fields are already escaped) is unescaped first, so it
    is escaped once, not twice."""
    text = value.unescape() if isinstance(value, Markup) else str(value)
    return escape(" ".join(text.split()))


def anchor(ident: str) -> Markup:
    """An attr_list id for the heading or paragraph before it; ids are validated slugs."""
    if not _ID.fullmatch(ident):
        raise ValueError(f"not an id: {ident!r}")
    return Markup("{#" + ident + "}")


def osm(lat: float, lon: float) -> Markup:
    """An OpenStreetMap link destination for a point (numbers only, so nothing to escape)."""
    return Markup(
        f"https://www.openstreetmap.org/?mlat={lat:.4f}&mlon={lon:.4f}#map=13/{lat:.4f}/{lon:.4f}"
    )


def human_date(value: PartialDate | str | None, lang: str = addresses.DEFAULT_LANGUAGE) -> str:
    """'2025-07-02' -> '2 July 2025'; '2025-07' -> 'July 2025'; '1955' stays (per language)."""
    return i18n.language(lang).date(value)


def certainty_meanings(lang: str = addresses.DEFAULT_LANGUAGE) -> dict[str, str]:
    """What each presence certainty means (its description in the schema); the labels of the
    presence vocabularies come from the `label` filter."""
    return dict(schema.vocabulary(schema.enum_node("presence-certainty"), lang))


def href(url: str) -> str:
    """A validated URL made safe inside a Markdown link destination."""
    return quote(url, safe="/:?#[]@!$&*+,;=%~-._'")


def front_matter(meta: dict[str, Any]) -> str:
    """Metadata as a YAML front matter block that no text can break: every value is written
    as JSON, which YAML reads, with everything but printable ASCII as an escape."""
    if not meta:
        return ""
    lines = [
        f"{key}: " + json.dumps(value, ensure_ascii=True).replace("\x7f", "\\u007f")
        for key, value in meta.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A template's `meta` (title, description, ...) with each text HTML-escaped, as the
    theme expects of page titles and descriptions."""
    return {
        key: page_meta(value)
        if isinstance(value, dict)
        else str(html_text(value))
        if isinstance(value, str)
        else value
        for key, value in meta.items()
    }


@dataclass(frozen=True)
class Generated:
    """One generated Markdown page, its metadata and the data file it was made from (for edit
    links). The metadata travels beside the Markdown, not in it, so the MkDocs hook hands it
    over without a YAML round trip that text from data could break."""

    uri: str
    body: str
    source: str | None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content(self) -> str:
        """The page as one Markdown file with front matter, for other engines (`kb pages`)."""
        return front_matter(self.meta) + self.body


@dataclass(frozen=True)
class _Field:
    """A field of an interface string, escaped; a format spec names a grammatical case
    ("{date:abl}" gives "1959'dan" in Turkish), added by the language's inflect function.
    Ask for a case only on plain values (dates, numbers, names): the suffix follows the
    value's last word, which for a link would be its address."""

    value: Markup
    language: Language

    def __html__(self) -> str:
        return str(self.value)

    def __html_format__(self, spec: str) -> Markup:
        if not spec:
            return self.value
        return Markup(self.language.inflected(str(self.value), spec))

    def __format__(self, spec: str) -> str:
        """The same for `str.format`, which `Renderer.t` uses (every field is escaped)."""
        return str(self.__html_format__(spec))


MACRO_MODULES = (("m", "_macros.md.j2"), ("i15", "_issue15.md.j2"), ("cm", "_claims.md.j2"))
"""The macro files, as the globals templates call them by (`m.badge(...)`): made once per
renderer. An `{% import %}` in each template made the module again for every page (or, without
context, compared the environment's globals on every page): a sixth of page generation."""


class Renderer:
    """Renders the corpus into Markdown pages in one language; one Jinja environment each."""

    def __init__(
        self,
        corpus: Corpus,
        changed: dict[str, str] | None = None,
        templates: Path = paths.TEMPLATES,
        lang: str = addresses.DEFAULT_LANGUAGE,
        site: Site | None = None,
        downloads: tuple[Download, ...] = (),
    ) -> None:
        self.corpus = corpus
        self.changed = changed or {}
        """Data file path -> date it last changed in git; empty when unknown."""
        self.lang = lang
        self.language = i18n.language(lang)
        self.site = site or Site("", "")
        """Name and public address, for citations and JSON-LD."""
        self._citables = cite.citables(corpus, self.site, self.changed, lang)
        self._plain_strings: dict[str, Markup] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            finalize=self._finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_COMPILED,
            auto_reload=False,  # one renderer per build: no stat of the template on every page
        )
        self.env.code_generator_class = _Output
        self.env.kb_output = self._output  # type: ignore[attr-defined]
        certainty = certainty_meanings(lang)
        self.env.filters.update(
            certainty_meaning=lambda v: certainty.get(v, ""),
            date=self.language.date,
            sort_date=self._sort_date,
            country=self.language.country,
            link_to=self._link_to,
            url=lambda u: Markup(href(u)),
            label=self._label,
            text=lambda t: t.get(lang),
            other=lambda t: t.other(lang),
            first_sentence=lambda t: t.first_sentence(lang),
            lead=lambda t: t.lead(),
            by_name=self._by_name,
            also_written=prose.also_written,
            distinct=prose.distinct,
            full_stop=lambda v: prose.full_stop(self._plain(v)),
            bdi=self._bdi,
            with_short=lambda name, short: prose.with_short(name, short and short.get(lang)),
            osm=lambda loc: osm(loc.lat, loc.lon),
            quality=quality,
            sort_events=lambda events: sorted(events, key=event_key),
            groupby_decade=by_decade,
        )
        self.env.tests["contains"] = lambda seq, item: item in seq
        self.env.globals.update(
            corpus=corpus,
            lang=lang,
            t=self.t,
            statuses=schema.claim_statuses(lang),
            stances=schema.evidence_stances(lang),
            reference=schema.reference,
            record_kinds=tuple(schema.SCHEMA_FILES),
            type_text=self.type_text,
            repo_file=lambda name: (paths.ROOT / name).read_text(encoding="utf-8"),
            repository=lambda: self.site.repository,
            issue_forms=issue_forms,
            form_label=self._form_label,
            anchor=anchor,
            markup=Markup,
            tallies=lambda: counts.tallies(corpus),
            statement=lambda ident: counts.statement(corpus, ident),
            counts_for=lambda ident: counts.counting(corpus, ident),
            presence_summary=lambda: counts.summary(corpus),
            # Maps, citations, downloads (issue 15): Markup built in Python, escaped there.
            country_map=lambda: maps.country(
                corpus, lambda b: self._url_to(addresses.page("base", b.id, lang)), self.language
            ),
            locator_map=lambda base: maps.locator(base, self.language),
            unmapped=lambda: maps.unlocated(corpus),
            citation=self._citation,
            citation_file=lambda kind, ident, fmt: addresses.citation(kind, ident, fmt, lang),
            claim_citation=self._claim_citation,
            # The downloads exist once, in the default language's build (both languages in
            # them): other languages' pages link there by full address, outside their build.
            record_json=lambda kind, ident: addresses.record_json(kind, ident),
            file_link=self._file_link,
            downloads=downloads,
            licence={"name": export.LICENCE, "url": export.LICENCE_URL},
            file_size=self._size,
            # Addresses: templates never spell a path or an anchor themselves.
            page=lambda name, ident=None: addresses.page(name, ident, lang),
            record_page=lambda page_id: addresses.record_page(page_id, lang),
            hand_written=lambda name: addresses.hand_written(name, lang),
            source_anchor=lambda sid: Markup(addresses.source_anchor(sid)),
            status_anchor=addresses.status_anchor,
            search_boost=addresses.search_boost,
            claim_page=lambda cid: addresses.claim_page(cid, lang),
            status_definition=addresses.status_definition,
            status_icons=schema.enum_node("claim-status").get("x-enumIcons", {}),
            status_meanings=dict(schema.claim_statuses(lang)),
            anchors={
                "summary": addresses.SUMMARY,
                "location": addresses.LOCATION,
                "presence": addresses.PRESENCE,
                "cited_sources": addresses.CITED_SOURCES,
                "cite": addresses.CITE,
            },
        )
        # The pieces of _macros.md.j2 written in Python: globals for the macros beside them,
        # and members of `m` for the templates (a template module is a plain namespace).
        python_macros = {
            "cite": self._cite,
            "cite_ids": self._cite_ids,
            "base_link": self._base_link,
            "backlink_href": self._backlink_href,
        }
        self.env.globals.update(python_macros)
        for name, template in MACRO_MODULES:  # in order: a later module uses the earlier ones
            self.env.globals[name] = self.env.get_template(template).module
        vars(self.env.globals["m"]).update(python_macros)
        plain_callables(self.env.globals)
        self._globals = dict(self.env.globals)

    # The page being rendered and its folder, for relative links; set by `render`.
    _current = "index.md"
    _folder = ""

    def _cite(self, citations: Any, numbers: dict[str, int]) -> Markup:
        """`m.cite`: the superscript numbers of a text's citations."""
        return self._cite_ids([c.source for c in citations], numbers)

    def _cite_ids(self, ids: Any, numbers: dict[str, int]) -> Markup:
        """`m.cite_ids`: the superscript numbers of sources, each linking to the source's
        entry in the page's bibliography; a source cited twice is numbered once (compared
        ignoring case, as Jinja's `unique` filter did)."""
        seen: set[str] = set()
        links = []
        for sid in ids:
            key = sid.lower()
            if key not in seen:
                seen.add(key)
                number = escape(md_text(numbers[sid], self.lang))
                links.append(f"[{number}](#{escape(addresses.source_anchor(sid))})")
        return Markup('<sup class="kb-cite">' + ",".join(links) + "</sup>")

    def _base_link(self, page_id: str, anchor: str | None = None) -> Markup:
        """`m.base_link`: a link to an installation's page, or to the overview (named
        "country-wide"), at `anchor` when one is given."""
        name = (
            self.t("country-wide")
            if page_id == "overview"
            else self.corpus.bases[page_id].name.get(self.lang)
        )
        target = self._link_to(addresses.record_page(page_id, self.lang), anchor)
        return Markup(f"[{self._output(name)}]({target})")

    def _backlink_href(self, b: Any) -> Markup:
        """`m.backlink_href`: where a "cited by" entry leads (a claim's own page, or the
        anchor on a record page)."""
        if b.kind in ("claim", "evidence"):
            return self._link_to(addresses.claim_page(b.anchor, self.lang))
        return self._link_to(addresses.record_page(b.page, self.lang), b.anchor)

    def _finalize(self, value: Any) -> str | Markup:
        """The environment's finalize: `md_text`, which Jinja applies to a template's
        constants when it compiles them; values met while rendering go through `_output`."""
        return md_text(value, self.lang)

    def _output(self, value: Any) -> Markup:
        """What `{{ value }}` writes (see `_Output`): `escape(md_text(value))`, with Markup
        passed on as it is (it is immutable; `escape` would copy it) and strings from data
        escaped once and remembered."""
        if type(value) is str:
            return _escaped(value)
        if isinstance(value, Markup):
            return value
        return escape(md_text(value, self.lang))

    def _bdi(self, value: Any) -> Markup:
        """The `bdi` filter: a data value as text, in `<bdi>` when it is right-to-left."""
        if isinstance(value, Text) and not value.missing(self.lang):
            value = value.get(self.lang)
        if type(value) is str:
            return _isolated(value)
        return prose.isolate(md_text(value, self.lang), self._plain(value))

    def _plain(self, value: Any) -> str:
        """A data value as plain text in the rendering language."""
        return value.get(self.lang) if isinstance(value, Text) else str(value or "")

    def t(self, key: str, **fields: Any) -> Markup:
        """An interface string in the rendering language, with data fields escaped as text."""
        if not fields:  # most calls pass none: the same Markup every time, made once
            plain = self._plain_strings.get(key)
            if plain is None:
                plain = self._plain_strings[key] = Markup(self.language.string(key).format())
            return plain
        safe = {
            k: _Field(v if isinstance(v, Markup) else escape(md_text(v, self.lang)), self.language)
            for k, v in fields.items()
        }
        # Every field is an escaped _Field by now, so str.format gives what Markup.format
        # would, without its escaping formatter (written in Python), at a tenth of the cost.
        return Markup(self.language.string(key).format(**safe))

    def type_text(self, words: tuple[str, ...]) -> Markup:
        """A field type in words ('list of `text`'): 'type-' keys in the rendering language,
        definition names as code (they are the same in every language), a constant after
        'type-const'."""
        out: list[Markup] = []
        rest = iter(words)
        for word in rest:
            if word == "type-const":
                value = escape(md_text(next(rest, "")))
                out.append(Markup(self.language.string(word)).format(value=value))
            elif word == "type-list":  # the rest of the words are the item's type
                item = self.type_text(tuple(rest))
                out.append(Markup(self.language.string(word)).format(item=item))
            elif word.startswith("type-"):
                out.append(Markup(self.language.string(word)))
            else:
                out.append(Markup("<code>{}</code>").format(word))
        return Markup(" ").join(out)

    def _label(self, value: str, vocabulary: str) -> str:
        """The label of a vocabulary value in the rendering language (from the schema)."""
        labels = self._labels.get(vocabulary)
        if labels is None:
            labels = self._labels[vocabulary] = schema.labels(vocabulary, self.lang)
        if value not in labels:
            raise KeyError(
                f"no {self.lang!r} label for {vocabulary} value {value!r}: add it to the "
                f"enum's x-enumLabels.{self.lang} in data/schema/"
            )
        return labels[value]

    def _sort_date(self, value: PartialDate | None) -> Markup:
        """A date in a sortable table's cell: in the page's words, marked with its ISO form,
        which tables.js sorts by ("2 Temmuz 2025" would sort by its day); no key when the
        date is unknown."""
        words = self.language.date(value)
        if value is None:
            return escape(words)
        return Markup('<time datetime="{}">{}</time>').format(value.iso(), words)

    def _form_label(self, form: IssueForm) -> str:
        """An issue form's name in the rendering language (its `issue-form-` string), or the
        name the form has on GitHub where no string names it."""
        return self.language.strings.get(form.key, form.name)

    def _url_to(self, target: str) -> str:
        """A relative URL from the built page being rendered to another page's URL, for raw
        HTML (an SVG link), which MkDocs does not rewrite as it does Markdown links."""
        here = addresses.url(self._current)
        there = addresses.url(target)
        rel = posixpath.relpath(there or ".", here.rstrip("/") or ".")
        return "./" if rel == "." else rel + ("/" if there.endswith("/") else "")

    def _citation(self, kind: str, ident: str) -> str:
        """The plain-text suggested citation of a page or claim."""
        return structured.citation_text(self._citables[kind, ident], self.language)

    def _claim_citation(self, claim: Claim) -> Markup:
        """A closed "Cite this claim" box (raw HTML: text escaped here, links made here)."""
        text = escape(self._citation("claim", claim.id))
        links = Markup(" · ").join(
            Markup('<a href="{}">{}</a>').format(
                self._file_url(addresses.citation("claim", claim.id, fmt, self.lang)), label
            )
            for fmt, label in (("bib", "BibTeX"), ("json", "CSL-JSON"))
        )
        return Markup(
            '<details class="kb-cite-this"><summary>{}</summary><p>{}<br>{}</p></details>'
        ).format(self.language.string("cite-claim"), text, links)

    def _file_url(self, target: str) -> str:
        """A relative URL from the built page being rendered to a published file."""
        here = addresses.url(self._current)
        return posixpath.relpath(target, here.rstrip("/") or ".")

    def _file_link(self, path: str) -> Markup:
        """A Markdown link destination to a download (a default-language site path)."""
        if self.lang == addresses.DEFAULT_LANGUAGE or not self.site.url:
            return self._link_to(path)
        return Markup(href(self.site.absolute(path)))

    def _size(self, size: int) -> str:
        """A file size in words of the rendering language (1 kB = 1,000 bytes)."""
        if size < 1000:
            return self.language.string("size-bytes").format(n=size)
        mark = self.language.string("decimal-mark")  # 1,5 kB in Turkish
        if size < 1_000_000:
            return self.language.string("size-kb").format(n=f"{size / 1000:.1f}".replace(".", mark))
        return self.language.string("size-mb").format(
            n=f"{size / 1_000_000:.1f}".replace(".", mark)
        )

    def _by_name(self, records: Any) -> list[Any]:
        """Records (bases, actors) in the alphabetical order of their names in the rendering
        language: Turkish order on Turkish pages, English order on English ones."""
        key = languages.sort_key(self.lang)
        return sorted(records, key=lambda r: key(r.name.get(self.lang)))

    def _link_to(self, target: str, anchor: str | None = None) -> Markup:
        """A relative Markdown link destination from the current page to a docs path."""
        rel = relative(target, self._folder)
        return Markup(rel + (f"#{anchor}" if anchor else ""))

    def render(self, template: str, uri: str, **context: Any) -> str:
        return self.render_page(template, uri, **context)[0]

    def render_page(self, template: str, uri: str, **context: Any) -> tuple[str, dict[str, Any]]:
        """A page's Markdown and the `meta` mapping its template sets (title, description)."""
        self._current, self._folder = uri, posixpath.dirname(uri)
        try:
            # shared: the page's variables are the context's parent as they are, with the
            # globals copied in from a plain dict; unshared, Jinja merges the template's
            # globals (a ChainMap, walked key by key in Python) on every page.
            variables = {**self._globals, "page_uri": uri, **context}
            module = self.env.get_template(template).make_module(variables, shared=True)
            return str(module).lstrip("\n"), page_meta(getattr(module, "meta", {}))
        finally:
            self._current, self._folder = "index.md", ""

    def pages(self) -> list[Generated]:
        """Every generated page, in the order of `addresses.PAGE_TYPES`: records, then indexes."""
        out: list[Generated] = []
        for kind in addresses.PAGE_TYPES:
            for ident, path, context in self._records(kind.record):
                uri = addresses.page(kind.name, ident if "{id}" in kind.path else None, self.lang)
                if path is not None:
                    context["changed"] = self.changed.get(path)
                body, meta = self.render_page(kind.template, uri, **context)
                record = context.get("base") or context.get("claim")
                if kind.record in ("base", "claim") and record is not None:
                    # JSON-LD for the theme's head (main.html); built and escaped in kb.linked
                    head = linked.head(self.corpus, record, self.site, self.lang)
                    meta = {**meta, "kb_jsonld": str(head)}
                if "search" not in meta:  # a template may weigh one page differently
                    meta["search"] = {"boost": addresses.search_boost(kind.name)}
                out.append(Generated(uri, body, path, meta))
        return out

    def _records(self, kind: str | None) -> list[tuple[str | None, str | None, dict[str, Any]]]:
        """(id, data file, template context) for each page of a record kind; one context-free
        entry for a single page."""
        c = self.corpus
        if kind is None:
            return [(None, None, {})]
        if kind == "base":
            return [
                (b.id, b.path, {"base": b, "numbers": self._numbers(b)}) for b in c.bases.values()
            ]
        if kind == "overview":
            ov = c.overview
            return [(ov.id, ov.path, {"overview": ov, "numbers": self._numbers(ov)})] if ov else []
        if kind == "actor":
            return [(a.id, a.path, {"actor": a}) for a in c.actors.values()]
        if kind == "source":
            return [(s.id, s.path, {"source": s}) for s in c.sources.values()]
        if kind == "claim":
            return [
                (
                    cl.id,
                    self._page_path(cl.page),
                    {
                        "claim": cl,
                        "numbers": self._claim_numbers(cl),
                        "path": self._page_path(cl.page),
                    },
                )
                for cl in c.claims
            ]
        raise ValueError(f"no pages for record kind {kind!r}")

    def _page_path(self, page_id: str) -> str:
        """The data file a base or the overview comes from (a claim page's edit link)."""
        ov = self.corpus.overview
        return ov.path if page_id == "overview" and ov else self.corpus.bases[page_id].path

    @staticmethod
    def _claim_numbers(claim: Claim) -> dict[str, int]:
        """Source id -> its citation number on a claim's page: appearances, then evidence."""
        ids = dict.fromkeys(
            [*(a.source for a in claim.claimed_by), *(e.source for e in claim.evidence)]
        )
        return {sid: i for i, sid in enumerate(ids, start=1)}

    def _numbers(self, page: Page) -> dict[str, int]:
        """Source id -> its citation number on a page, in order of first citation."""
        return {s.id: i for i, s in enumerate(self.corpus.cited_on(page, False), start=1)}

    def untranslated_notice(self) -> str:
        """The paragraph above a hand-written page shown in English on another language's
        site because its translation does not exist yet."""
        return (
            f'<span class="kb-untranslated-mark">{self.language.string("untranslated")}</span> '
            f"{self.language.string('page-untranslated')}\n{{: .kb-untranslated-page }}\n\n"
        )

    def snippet(self, name: str, uri: str) -> str:
        """A generated block for a hand-written page: `<!-- kb:NAME -->` expands to this."""
        return self.render(f"_{name}.md.j2", uri)


def by_decade(events: Any) -> list[tuple[int, list[Any]]]:
    """Events (already in timeline order) grouped by decade: [(1950, [...]), (1960, [...])]."""
    groups: dict[int, list[Any]] = {}
    for e in events:
        groups.setdefault(e.date.year // 10 * 10, []).append(e)
    return list(groups.items())


MARKER = re.compile(r"^<!-- kb:([a-z-]+) -->$", re.MULTILINE)


def expand_markers(markdown: str, uri: str, renderer: Renderer) -> str:
    """Replace each `<!-- kb:NAME -->` line of a hand-written page with generated Markdown."""
    return MARKER.sub(lambda m: renderer.snippet(m.group(1), uri), markdown)


def hand_written(markdown: str, uri: str, renderer: Renderer, untranslated: bool = False) -> str:
    """A hand-written page as a build shows it (the hook, and the benchmark's static twin):
    the notice first when the page is shown in English for want of a translation, then its
    `<!-- kb:NAME -->` blocks expanded."""
    if untranslated:
        markdown = renderer.untranslated_notice() + markdown
    return expand_markers(markdown, uri, renderer) if MARKER.search(markdown) else markdown


def write_pages(
    renderer: Renderer,
    out: Path,
    docs: Path | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> list[Path]:
    """Write every generated page (and expanded hand-written pages) in the renderer's
    language under `out`; the hand-written pages of a language other than the default are in
    `docs/<lang>/`, and land in `out/<lang>/` as their generated pages do."""
    written: list[Path] = []
    items = [(g.uri, g.content) for g in renderer.pages()]
    if docs is not None:
        folder = addresses.prefix(renderer.lang)
        own = docs / folder if folder else docs
        for md in sorted(own.rglob("*.md")):
            rel = md.relative_to(own).as_posix()
            if not folder and rel.split("/", 1)[0] in languages.LANGUAGES:
                continue  # another language's hand-written pages
            uri = folder + rel
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


__all__ = ["Generated", "Renderer", "expand_markers", "hand_written", "md_text", "write_pages"]
