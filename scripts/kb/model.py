"""The frozen model pages and exports are built from: records resolved into typed objects.

Built only from records that passed the schema and the rules, so lookups here cannot fail.
Computed values (the citation index, sorted timelines, counts) live here, never in YAML.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from kb import addresses
from kb.dates import PartialDate, parse
from kb.loader import Record

_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)(?<!\b\d\d\d)\. ")


@dataclass(frozen=True)
class Text:
    """Localized text; English is always present."""

    en: str
    tr: str | None = None

    @classmethod
    def of(cls, value: Any) -> Text | None:
        if value is None:
            return None
        if isinstance(value, str):
            return cls(value.strip())
        return cls(value["en"].strip(), (value.get("tr") or "").strip() or None)

    def get(self, lang: str) -> str:
        """The text in a language, falling back to English where no translation exists."""
        return (self.tr if lang == "tr" else None) or self.en

    def missing(self, lang: str) -> bool:
        """True when a page in `lang` has to show the English text in place of this one."""
        return lang == "tr" and self.tr is None

    def lead(self) -> Text:
        """The first sentence, in both languages."""
        return Text(self.first_sentence("en"), self.first_sentence("tr") if self.tr else None)

    def other(self, lang: str) -> str | None:
        """The same text in the site's other language, when the data has it: the Turkish
        beside an English page, the English beside a Turkish one."""
        if lang == "en":
            return self.tr
        return self.en if self.tr else None

    def first_sentence(self, lang: str) -> str:
        """Up to the first full stop; a stop after a short number is an ordinal, not the end
        ("10. Tanker Üs Komutanlığı", "the 10th")."""
        text = " ".join(self.get(lang).split())
        at = text.find(". ")  # most texts are one sentence: no pattern search for them
        match = None if at == -1 else _SENTENCE_END.search(text, at)
        return text if match is None else text[: match.start() + 1]


Translations = tuple[tuple[str, str], ...]
"""A quote's translations as (language, text) pairs: shown beside the quote, never for it."""


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str | None = None
    quote: str | None = None
    quote_translation: Translations = ()


@dataclass(frozen=True)
class Appearance:
    actor: str
    date: PartialDate
    source: str
    locator: str | None = None
    quote: str | None = None
    speech: str = "own"
    quote_translation: Translations = ()
    """'own' (the actor's own document), 'quoted' or 'reported' (in someone else's)."""


@dataclass(frozen=True)
class Evidence:
    source: str
    stance: str
    note: Text
    locator: str | None = None
    quote: str | None = None
    quote_translation: Translations = ()


@dataclass(frozen=True)
class Change:
    """One recorded change to a claim, fact, event, presence, host, location or name (its
    `history`): what it was before, when it changed and why, so readers can see what was
    corrected."""

    date: PartialDate
    reason: Text
    previous_status: str | None = None
    previous_text: str | None = None
    """The English wording before the change, kept as it was (never translated); None when
    only the Turkish changed."""
    previous_date: PartialDate | None = None
    previous_end: PartialDate | None = None
    field: str | None = None
    """Which field was corrected: of a presence, host, location or the names; of a claim, its
    text, summary or assessment (a claim's rewording without a field is of its text)."""
    previous_tr: str | None = None
    """The Turkish wording before the change, when the Turkish changed (kept as it was)."""

    @property
    def reworded(self) -> bool:
        """True when the change records an earlier wording, in either language."""
        return bool(self.previous_text or self.previous_tr)

    def previous_in(self, lang: str) -> tuple[str, str] | None:
        """(language, earlier wording) to show on a page in `lang`: the page's language where
        the change recorded it, else the other one (shown marked with its language)."""
        by_lang = {"en": self.previous_text, "tr": self.previous_tr}
        for code in (lang, *(c for c in by_lang if c != lang)):
            if by_lang.get(code):
                return code, str(by_lang[code])
        return None


def unrated() -> str:
    """The status of a claim not yet weighed: the schema's default ('unassessed')."""
    from kb import schema  # the schema package is only needed here, and loads lazily

    return str(schema.definition("claim")["properties"]["status"]["default"])


def reworded_field() -> str:
    """The field a claim's rewording without a `field` changed: the schema's default (its
    text, as every entry recorded before the field existed)."""
    from kb import schema

    return str(schema.definition("claim-change")["properties"]["field"]["default"])


@dataclass(frozen=True)
class Rating:
    """One status a claim has held: from when (None if not recorded) and why it changed."""

    status: str
    date: PartialDate | None
    reason: Text | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    text: Text
    citations: tuple[Citation, ...]
    uncertain: bool = False
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    text: Text
    citations: tuple[Citation, ...]
    page: str
    """Id of the page the event belongs to: a base id or 'overview'."""
    end: PartialDate | None = None
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    text: Text
    claimed_by: tuple[Appearance, ...]
    status: str
    page: str
    bases: tuple[str, ...] = ()
    assessment: Text | None = None
    evidence: tuple[Evidence, ...] = ()
    reviewed: PartialDate | None = None
    summary: Text = Text("")
    rated: PartialDate | None = None
    """When the claim was first given a status other than 'unassessed'."""
    history: tuple[Change, ...] = ()

    @property
    def first(self) -> Appearance:
        return self.claimed_by[0]

    @property
    def concerns(self) -> tuple[str, ...]:
        """Ids of the installations the claim is about: its own page's, then any it names."""
        own = () if self.page == "overview" else (self.page,)
        return tuple(dict.fromkeys((*own, *self.bases)))

    @property
    def ratings(self) -> tuple[Rating, ...]:
        """Every status the claim has held, oldest first: the status before each recorded
        status change, then the current one. The first rating is dated by `rated` (None when
        the claim was first recorded unrated or the date is unknown)."""
        changes = [c for c in self.history if c.previous_status]
        if not changes:
            return (Rating(self.status, self.rated),)
        first = changes[0].previous_status or ""
        out = [Rating(first, None if first == unrated() else self.rated)]
        for i, change in enumerate(changes):
            after = changes[i + 1].previous_status if i + 1 < len(changes) else self.status
            out.append(Rating(after or "", change.date, change.reason))
        return tuple(out)

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor for a in self.claimed_by))

    def evidence_by_stance(self, stance: str) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.stance == stance)


@dataclass(frozen=True)
class Host:
    unit: Text
    citations: tuple[Citation, ...]
    country: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    ended: bool = False
    """True when the unit has left: `until` is a date, or 'unknown' (then `until` is None)."""
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Sourced:
    """A text with its citations (operator, established)."""

    text: Text
    citations: tuple[Citation, ...]
    date: PartialDate | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class Location:
    province: Text
    lat: float | None
    lon: float | None
    """None when no source gives a point (a pipeline network, an unlocated site)."""
    citations: tuple[Citation, ...]
    district: Text | None = None
    place: Text | None = None
    approximate: bool = False
    shares_site_with: tuple[str, ...] = ()
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Presence:
    """Who is or was there, for what, when, run by whom, and how sure the sources are."""

    status: str
    present: tuple[str, ...]
    roles: tuple[str, ...]
    operated_by: tuple[str, ...]
    since: str
    certainty: str
    citations: tuple[Citation, ...]
    until: str | None = None
    allies: tuple[str, ...] = ()
    note: Text | None = None
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Count:
    """A count of installations an actor gave, and a reading of what it counts."""

    id: str
    figure: int
    label: Text
    statement: str
    definition: Text
    includes: dict[str, Any]
    qualifier: str = "exactly"
    note: Text | None = None


@dataclass(frozen=True)
class Page:
    """What bases and the overview share: facts, events and claims on one page."""

    id: str
    path: str
    facts: tuple[Fact, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Base(Page):
    name: Text = Text("")
    kind: str = ""
    summary: Text = Text("")
    location: Location | None = None
    presence: Presence | None = None
    citations: tuple[Citation, ...] = ()
    aliases: tuple[str, ...] = ()
    icao: str | None = None
    iata: str | None = None
    operator: Sourced | None = None
    hosts: tuple[Host, ...] = ()
    established: Sourced | None = None
    history: tuple[Change, ...] = ()
    """Corrections of the name and other spellings."""


@dataclass(frozen=True)
class Overview(Page):
    title: Text = Text("")
    summary: Text = Text("")
    counts: tuple[Count, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    path: str
    name: Text
    kind: str
    country: str
    short: Text | None = None
    """Short name or abbreviation, per language like `name` ("US officials", "ABD'li
    yetkililer")."""
    url: str | None = None
    description: Text | None = None


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    title: str
    publisher: str
    published: PartialDate | None
    """None when the document shows no date ('unknown' in the data)."""
    url: str
    language: str
    kind: str
    issued_by: str | None = None
    author: str | None = None
    archive_url: str | None = None
    accessed: PartialDate | None = None
    note: Text | None = None
    read_at: ReadAt | None = None


@dataclass(frozen=True)
class ReadAt:
    """Where a source's text was actually read, when not at its original address."""

    url: str
    note: Text
    publisher: str | None = None


@dataclass(frozen=True)
class Backlink:
    """One place that cites a source: the page, the anchor on it and what it is."""

    page: str
    anchor: str
    kind: str
    label: Text


def _date(value: str) -> PartialDate:
    """A required date; the schema and the dates rule have made sure it parses."""
    date = parse(value)
    if date is None:
        raise ValueError(f"not a checked date: {value!r}")
    return date


def _translations(item: dict[str, Any]) -> Translations:
    return tuple(sorted((item.get("quote_translation") or {}).items()))


def _citations(items: list[dict[str, Any]] | None) -> tuple[Citation, ...]:
    return tuple(
        Citation(c["source"], c.get("locator"), c.get("quote"), _translations(c))
        for c in items or []
    )


def _sourced(d: dict[str, Any] | None) -> Sourced | None:
    if not d:
        return None
    return Sourced(
        Text.of(d["text"]) or Text(""),
        _citations(d["citations"]),
        parse(d.get("date")),
        bool(d.get("uncertain")),
    )


def _previous(value: Any) -> tuple[str | None, str | None]:
    """(English, Turkish) of a `previous_text`: a string is English; a mapping gives the
    languages that changed."""
    if value is None or isinstance(value, str):
        return value, None
    return value.get("en"), value.get("tr")


def _history(
    items: list[dict[str, Any]] | None, default_field: str | None = None
) -> tuple[Change, ...]:
    """The changes of a `history` list; `default_field` is the field a rewording without one
    changed (a claim's text)."""
    out = []
    for h in items or []:
        en, tr = _previous(h.get("previous_text"))
        field = h.get("field") or (default_field if en or tr else None)
        out.append(
            Change(
                _date(h["date"]),
                Text.of(h["reason"]) or Text(""),
                h.get("previous_status"),
                en,
                parse(h.get("previous_date")),
                parse(h.get("previous_end")),
                field,
                tr,
            )
        )
    return tuple(out)


def _page_parts(data: dict[str, Any], page: str) -> dict[str, Any]:
    facts = tuple(
        Fact(
            f["id"],
            Text.of(f["text"]) or Text(""),
            _citations(f["citations"]),
            bool(f.get("uncertain")),
            _history(f.get("history")),
        )
        for f in data.get("facts", [])
    )
    events = tuple(
        Event(
            e["id"],
            _date(e["date"]),
            Text.of(e["text"]) or Text(""),
            _citations(e["citations"]),
            page,
            parse(e.get("end")),
            _history(e.get("history")),
        )
        for e in data.get("events", [])
    )
    claims = tuple(
        Claim(
            id=c["id"],
            text=Text.of(c["text"]) or Text(""),
            claimed_by=tuple(
                Appearance(
                    a["actor"],
                    _date(a["date"]),
                    a["source"],
                    a.get("locator"),
                    a.get("quote"),
                    a.get("speech", "own"),
                    _translations(a),
                )
                for a in c["claimed_by"]
            ),
            status=c["status"],
            page=page,
            bases=tuple(c.get("bases", [])),
            assessment=Text.of(c.get("assessment")),
            evidence=tuple(
                Evidence(
                    e["source"],
                    e["stance"],
                    Text.of(e["note"]) or Text(""),
                    e.get("locator"),
                    e.get("quote"),
                    _translations(e),
                )
                for e in c.get("evidence", [])
            ),
            reviewed=parse(c.get("reviewed")),
            summary=Text.of(c["summary"]) or Text(""),
            rated=parse(c.get("rated")),
            history=_history(c.get("history"), reworded_field()),
        )
        for c in data.get("claims", [])
    )
    return {"facts": facts, "events": events, "claims": claims}


def _presence(d: dict[str, Any]) -> Presence:
    return Presence(
        status=d["status"],
        present=tuple(d["present"]),
        roles=tuple(d["roles"]),
        operated_by=tuple(d["operated_by"]),
        since=d["since"],
        certainty=d["certainty"],
        citations=_citations(d["citations"]),
        until=d.get("until"),
        allies=tuple(d.get("allies", [])),
        note=Text.of(d.get("note")),
        history=_history(d.get("history")),
    )


def _count(d: dict[str, Any]) -> Count:
    return Count(
        id=d["id"],
        figure=int(d["figure"]),
        label=Text.of(d["label"]) or Text(""),
        statement=d["statement"],
        definition=Text.of(d["definition"]) or Text(""),
        includes=dict(d["includes"]),
        qualifier=d.get("qualifier", "exactly"),
        note=Text.of(d.get("note")),
    )


def _base(r: Record) -> Base:
    d = r.data
    loc = d["location"]
    coords = loc.get("coordinates") or {}
    return Base(
        id=r.id,
        path=r.path,
        **_page_parts(d, r.id),
        name=Text.of(d["name"]) or Text(""),
        kind=d["kind"],
        summary=Text.of(d["summary"]) or Text(""),
        location=Location(
            province=Text.of(loc["province"]) or Text(""),
            lat=float(coords["lat"]) if coords else None,
            lon=float(coords["lon"]) if coords else None,
            citations=_citations(loc["citations"]),
            district=Text.of(loc.get("district")),
            place=Text.of(loc.get("place")),
            approximate=bool(coords.get("approximate")),
            shares_site_with=tuple(loc.get("shares_site_with", [])),
            history=_history(loc.get("history")),
        ),
        presence=_presence(d["presence"]) if d.get("presence") else None,
        citations=_citations(d["citations"]),
        aliases=tuple(d.get("aliases", [])),
        icao=d.get("icao"),
        iata=d.get("iata"),
        operator=_sourced(d.get("operator")),
        hosts=tuple(
            Host(
                Text.of(h["unit"]) or Text(""),
                _citations(h["citations"]),
                h.get("country"),
                parse(h.get("since")),
                parse(h.get("until")),
                "until" in h,
                _history(h.get("history")),
            )
            for h in d.get("hosts", [])
        ),
        established=_sourced(d.get("established")),
        history=_history(d.get("history")),
    )


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log: which record changed, on which page, and how."""

    kind: str
    """'claim', 'fact', 'event', 'name', 'location', 'presence' or 'host'."""
    page: str
    id: str
    """The claim's id, or the anchor of the corrected part on its page."""
    text: Text
    """The record's current text (a host's unit; the installation's name for the others)."""
    change: Change


def _base_parts(base: Base) -> list[tuple[str, str, Text, tuple[Change, ...]]]:
    """An installation's corrected parts besides its records: (kind, anchor on its page,
    text naming it, history), in page order."""
    out = [("name", "title", base.name, base.history)]
    if base.location:
        out.append(("location", addresses.LOCATION, base.name, base.location.history))
    if base.presence:
        out.append(("presence", addresses.PRESENCE, base.name, base.presence.history))
    out += [("host", addresses.LOCATION, h.unit, h.history) for h in base.hosts]
    return out


def _neg(date: PartialDate) -> tuple[int, ...]:
    """A sort key that puts later dates first."""
    return tuple(-n for n in date.sort_key())


def event_key(event: Event) -> tuple[tuple[int, int, int, int], str]:
    """Order of events on every timeline: by (partial) date, ties by id."""
    return (event.date.sort_key(), event.id)


@dataclass(frozen=True)
class Corpus:
    """Everything the site shows, keyed by id, in a stable order."""

    bases: dict[str, Base]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    overview: Overview | None = None

    @property
    def pages(self) -> tuple[Page, ...]:
        """Bases first (by id), then the overview."""
        return (*self.bases.values(), *((self.overview,) if self.overview else ()))

    @cached_property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for p in self.pages for c in p.claims)

    @cached_property
    def events(self) -> tuple[Event, ...]:
        """Every dated event, in timeline order."""
        return tuple(sorted((e for p in self.pages for e in p.events), key=event_key))

    @cached_property
    def claim(self) -> dict[str, Claim]:
        """Claim id -> claim (ids are unique across the corpus)."""
        return {c.id: c for c in self.claims}

    @cached_property
    def corrections(self) -> tuple[Correction, ...]:
        """Every recorded change to a claim, fact, event, or an installation's name,
        location, presence or host units, newest first (ties in page and record order), for
        the corrections log."""
        out: list[tuple[int, Correction]] = []
        for p in self.pages:
            parts = _base_parts(p) if isinstance(p, Base) else []
            records: list[tuple[str, Fact | Event | Claim]] = [
                *(("claim", c) for c in p.claims),
                *(("fact", f) for f in p.facts),
                *(("event", e) for e in p.events),
            ]
            parts += [(kind, r.id, r.text, r.history) for kind, r in records]
            for kind, anchor, text, history in parts:
                for change in history:
                    out.append((len(out), Correction(kind, p.id, anchor, text, change)))
        out.sort(key=lambda pair: (_neg(pair[1].change.date), pair[0]))
        return tuple(item for _, item in out)

    @cached_property
    def correction_groups(self) -> tuple[tuple[PartialDate, Text, tuple[Correction, ...]], ...]:
        """The corrections log grouped by day and reason (one change often corrects many
        records for one reason), newest day first, groups in the order they first appear."""
        groups: dict[tuple[tuple[int, ...], Text], list[Correction]] = {}
        for item in self.corrections:
            groups.setdefault((item.change.date.sort_key(), item.change.reason), []).append(item)
        return tuple(
            (items[0].change.date, reason, tuple(items)) for (_, reason), items in groups.items()
        )

    @cached_property
    def status_counts(self) -> Counter[str]:
        return Counter(c.status for c in self.claims)

    @cached_property
    def claims_by_actor(self) -> dict[str, tuple[Claim, ...]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            for a in c.actors:
                out[a].append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def sources_by_actor(self) -> dict[str, tuple[Source, ...]]:
        out: dict[str, list[Source]] = defaultdict(list)
        for s in self.sources.values():
            if s.issued_by:
                out[s.issued_by].append(s)
        return {k: tuple(v) for k, v in out.items()}

    def page_title(self, page: str) -> Text:
        if page == "overview" and self.overview:
            return self.overview.title
        return self.bases[page].name

    @staticmethod
    def _citing(page: Page) -> list[tuple[str, Backlink]]:
        """Every (source id, place citing it) on a page, in the order the page shows them."""
        out: list[tuple[str, Backlink]] = []

        def add(ids: Iterable[str], anchor: str, kind: str, label: Text) -> None:
            out.extend((sid, Backlink(page.id, anchor, kind, label)) for sid in ids)

        if isinstance(page, Base):
            title = page.name
            box = addresses.LOCATION
            add((c.source for c in page.citations), addresses.SUMMARY, "summary", title)
            if page.location:
                add((c.source for c in page.location.citations), box, "location", title)
            for kind, part in (("operator", page.operator), ("established", page.established)):
                if part:
                    add((c.source for c in part.citations), box, kind, title)
            for h in page.hosts:
                add((c.source for c in h.citations), box, "hosted unit", h.unit)
            if page.presence:
                add(
                    (c.source for c in page.presence.citations),
                    addresses.PRESENCE,
                    "presence",
                    title,
                )
        for f in page.facts:
            add((c.source for c in f.citations), f.id, "fact", f.text)
        for e in page.events:
            add((c.source for c in e.citations), e.id, "event", e.text)
        for c in page.claims:
            add((a.source for a in c.claimed_by), c.id, "claim", c.text)
            add((e.source for e in c.evidence), c.id, "evidence", c.text)
        return out

    @cached_property
    def _citations_by_page(self) -> dict[str, list[tuple[str, Backlink]]]:
        return {p.id: self._citing(p) for p in self.pages}

    @cached_property
    def backlinks(self) -> dict[str, tuple[Backlink, ...]]:
        """Source id -> every fact, event, claim and box entry that cites it, without repeats."""
        out: dict[str, dict[Backlink, None]] = defaultdict(dict)
        # Fact-box entries (summary, location, operator, units) of every page come first.
        for in_box in (True, False):
            for citing in self._citations_by_page.values():
                for sid, link in citing:
                    if (
                        link.anchor in (addresses.SUMMARY, addresses.LOCATION, addresses.PRESENCE)
                    ) == in_box:
                        out[sid].setdefault(link)
        return {k: tuple(v) for k, v in out.items()}

    def cited_on(self, page: Page, claims: bool = True) -> tuple[Source, ...]:
        """The sources a page's records cite, in order of first citation; without `claims`,
        only those its own text cites (claims cite theirs on their own pages)."""
        ids = dict.fromkeys(
            sid
            for sid, link in self._citations_by_page[page.id]
            if claims or link.kind not in ("claim", "evidence")
        )
        return tuple(self.sources[s] for s in ids)


def _read_at(value: dict[str, Any] | None) -> ReadAt | None:
    if value is None:
        return None
    return ReadAt(value["url"], Text.of(value["note"]) or Text(""), value.get("publisher"))


def build(records: list[Record]) -> Corpus:
    """Turn checked records into the model. Records are assumed valid."""
    bases: dict[str, Base] = {}
    actors: dict[str, Actor] = {}
    sources: dict[str, Source] = {}
    overview: Overview | None = None
    for r in sorted(records, key=lambda r: (r.kind, r.id)):
        d = r.data
        if r.kind == "base":
            bases[r.id] = _base(r)
        elif r.kind == "actor":
            actors[r.id] = Actor(
                r.id,
                r.path,
                Text.of(d["name"]) or Text(""),
                d["kind"],
                d["country"],
                Text.of(d.get("short")),
                d.get("url"),
                Text.of(d.get("description")),
            )
        elif r.kind == "source":
            sources[r.id] = Source(
                r.id,
                r.path,
                d["title"],
                d["publisher"],
                parse(d["published"]),
                d["url"],
                d["language"],
                d["kind"],
                d.get("issued_by"),
                d.get("author"),
                d.get("archive_url"),
                parse(d.get("accessed")),
                Text.of(d.get("note")),
                _read_at(d.get("read_at")),
            )
        elif r.kind == "overview":
            overview = Overview(
                id="overview",
                path=r.path,
                **_page_parts(d, "overview"),
                title=Text.of(d["title"]) or Text(""),
                summary=Text.of(d["summary"]) or Text(""),
                counts=tuple(_count(c) for c in d.get("counts", [])),
            )
    return Corpus(bases, actors, sources, overview)
