"""A full-featured fixture corpus whose every text field can be replaced by a payload.

`corpus(texts)` returns data files in which each text field holds `texts[field]`, or a clean
placeholder. The clean and the hostile corpus have the same shape, so their built pages must
have the same elements and attributes; only the text may differ.
"""

from __future__ import annotations

import json

from conftest import VALID

FIELDS = (
    "base.name.en",
    "base.name.tr",
    "base.alias",
    "base.province",
    "base.place",
    "base.operator",
    "base.host",
    "base.presence_note",
    "base.established",
    "base.summary",
    "fact.text",
    "fact.quote",
    "fact.locator",
    "event.text",
    "claim.text",
    "appearance.quote",
    "appearance.locator",
    "claim.assessment",
    "claim.summary",
    "claim.history.reason",
    "claim.history.previous_text",
    "fact.history.reason",
    "fact.history.previous_text",
    "evidence.note",
    "evidence.quote",
    "source.title",
    "source.publisher",
    "source.author",
    "source.note",
    "actor.name",
    "actor.short",
    "actor.description",
    "overview.title",
    "overview.summary",
    "overview.fact",
    "overview.claim.assessment",
    "source.read_at.note",
)


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def escaped(value: str) -> str:
    """A YAML double-quoted scalar with every non-ASCII or control character as an escape,
    so characters YAML refuses in a file still reach the parsed value."""
    return json.dumps(value, ensure_ascii=True).replace("\x7f", "\\u007f")


def corpus(texts: dict[str, str] | None = None, quote=_q) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The fixture corpus with `texts[field]` in each named field, written with `quote`."""
    texts = texts or {}

    def t(field: str) -> str:
        text = texts.get(field, f"Clean text for {field}.")
        # an earlier wording differs from the current one (the history rule says so)
        return quote(f"Earlier: {text}" if field.endswith("previous_text") else text)

    return {
        "bases/alpha.yaml": f"""\
id: alpha
name: {{en: {t("base.name.en")}, tr: {t("base.name.tr")}}}
aliases: [{t("base.alias")}, Alpha AB]
kind: air-base
icao: LTZZ
location:
  province: {t("base.province")}
  district: {{en: Centre, tr: Merkez}}
  place: {t("base.place")}
  coordinates: {{lat: 37.0, lon: 35.4}}
  citations: [{{source: src-one}}]
presence:
  status: former
  present: [us, other-ally]
  allies: [ES]
  roles: [air-operations]
  operated_by: [turkey]
  since: 1955-02
  until: unknown
  certainty: reported
  note: {t("base.presence_note")}
  citations: [{{source: src-one}}]
operator:
  text: {t("base.operator")}
  citations: [{{source: src-one}}]
hosts:
  - unit: {t("base.host")}
    country: US
    since: 1955-02
    citations: [{{source: src-one}}]
established:
  date: "1951"
  text: {t("base.established")}
  citations: [{{source: src-one}}]
summary: {t("base.summary")}
citations: [{{source: src-one}}]
facts:
  - id: alpha-fact
    text: {t("fact.text")}
    uncertain: true
    citations:
      - source: src-one
        locator: {t("fact.locator")}
        quote: {t("fact.quote")}
    history:
      - date: 2026-11-01
        previous_text: {t("fact.history.previous_text")}
        reason: {t("fact.history.reason")}
events:
  - id: alpha-event
    date: 1955-02-21
    end: 1956
    text: {t("event.text")}
    citations: [{{source: src-one}}]
claims:
  - id: alpha-claim
    text: {t("claim.text")}
    summary: {t("claim.summary")}
    claimed_by:
      - actor: party
        date: 2025-07-02
        source: src-party
        locator: {t("appearance.locator")}
        quote: {t("appearance.quote")}
    status: disputed
    assessment: {t("claim.assessment")}
    reviewed: 2026-11-01
    rated: 2026-10-01
    history:
      - date: 2026-11-01
        previous_status: unsupported
        previous_text: {t("claim.history.previous_text")}
        reason: {t("claim.history.reason")}
    evidence:
      - source: src-one
        stance: contradicts
        note: {t("evidence.note")}
        quote: {t("evidence.quote")}
""",
        "overview.yaml": f"""\
id: overview
title: {t("overview.title")}
summary: {t("overview.summary")}
facts:
  - id: overview-fact
    text: {t("overview.fact")}
    citations: [{{source: src-one}}]
claims:
  - id: overview-claim
    text: A country-wide claim.
    summary: Not yet assessed.
    bases: [alpha]
    claimed_by:
      - {{actor: party, date: 2025-07-02, source: src-party}}
    status: unassessed
    assessment: {t("overview.claim.assessment")}
""",
        "sources/src-one.yaml": f"""\
id: src-one
title: {t("source.title")}
publisher: {t("source.publisher")}
author: {t("source.author")}
published: 2020-01-01
url: https://news.example/report?a=1&b=(2)
archive_url: https://web.archive.org/web/20200101000000/https://news.example/report
read_at: {{url: https://reprint.example/report, note: {t("source.read_at.note")}}}
accessed: 2026-11-01
language: tr
kind: news
note: {t("source.note")}
""",
        "sources/src-party.yaml": VALID["sources/src-party.yaml"],
        "actors/party.yaml": f"""\
id: party
name: {{en: {t("actor.name")}, tr: Bir Parti}}
short: {{en: {t("actor.short")}, tr: {t("actor.short")}}}
kind: party
country: TR
url: https://party.example/
description: {t("actor.description")}
""",
    }
