"""Synthetic data roots for the benchmark: N installations shaped and sized like the real ones.

Each installation has 10 facts, 12 events, `claims` assessed claims (two appearances, three
pieces of evidence), 6 sources and 2 actors of its own. Text lengths follow data/bases/*.yaml
(facts ~130 characters, claims ~80, assessments ~230, quotes ~100), with Turkish letters, so
page weight and parse cost are realistic. Deterministic: the same N gives the same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kb import paths
from kb.loader import schema_line

_WORDS = (
    "the",
    "base",
    "air",
    "force",
    "radar",
    "runway",
    "agreement",
    "ministry",
    "said",
    "report",
    "officials",
    "according",
    "İncirlik",
    "Kürecik",
    "Çiğli",
    "Konya",
    "Adana",
    "Malatya",
    "İzmir",
    "hava",
    "üssü",
    "NATO",
    "alliance",
    "early",
    "warning",
    "squadron",
    "tanker",
    "cargo",
    "logistics",
    "parliament",
    "statement",
    "denied",
    "confirmed",
    "personnel",
    "aircraft",
    "deployment",
    "since",
    "until",
    "operations",
    "weapons",
    "training",
    "exercise",
    "Türkiye",
    "government",
)

SOURCES_PER_BASE = 6
ACTORS_PER_BASE = 2


def _text(seed: int, chars: int) -> str:
    """Deterministic words of about `chars` characters, ending with a full stop."""
    out: list[str] = []
    size = 0
    i = seed
    while size < chars:
        word = _WORDS[(i * 7 + size) % len(_WORDS)]
        out.append(word)
        size += len(word) + 1
        i += 1
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def _base(n: int, claims: int) -> str:
    b = f"b{n:05d}"
    cite = f"[{{source: {b}-s0}}, {{source: {b}-s1, locator: p. {n % 40 + 1}}}]"
    facts = "".join(
        f"  - id: {b}-f{i}\n    text: {_text(n + i, 130)}\n    citations: {cite}\n"
        for i in range(10)
    )
    events = "".join(
        f"  - id: {b}-e{i}\n    date: {1950 + i * 6}-{1 + i % 12:02d}\n"
        f"    text: {_text(n + 3 * i, 110)}\n    citations: [{{source: {b}-s2}}]\n"
        for i in range(12)
    )
    claim_text = "".join(
        f"""  - id: {b}-c{i}
    text: {_text(n + 5 * i, 80)}
    summary: {_text(n + 7 * i, 120)}
    claimed_by:
      - actor: {b}-a0
        date: 2025-07-{1 + i % 28:02d}
        source: {b}-s5
        quote: {_text(n + i, 100)}
      - {{actor: {b}-a1, date: 2025-08-{1 + i % 28:02d}, source: {b}-s4, speech: reported}}
    status: disputed
    assessment: {_text(n + 11 * i, 230)}
    reviewed: 2026-11-01
    evidence:
      - {{source: {b}-s1, stance: contradicts, note: {_text(i, 90)}}}
      - {{source: {b}-s2, stance: context, note: {_text(i + 1, 90)}}}
      - {{source: {b}-s3, stance: context, note: {_text(i + 2, 90)}}}
"""
        for i in range(claims)
    )
    return f"""{schema_line("base")}
id: {b}
name: {{en: Installation {n} Air Base, tr: Tesis {n} Hava Üssü}}
aliases: [Tesis {n}, Installation {n} AB]
kind: air-base
location:
  province: {{en: Konya, tr: Konya}}
  district: Selçuklu
  place: {_text(n, 90)}
  coordinates: {{lat: {36 + (n % 60) / 10}, lon: {27 + (n % 170) / 10}}}
  citations: {cite}
presence:
  status: active
  present: [nato]
  roles: [radar]
  operated_by: [turkey]
  since: "2000"
  certainty: reported
  citations: {cite}
operator:
  text: {_text(n + 1, 100)}
  citations: [{{source: {b}-s0}}]
summary:
  en: >-
    {_text(n + 2, 400)}
  tr: >-
    {_text(n + 4, 400)}
citations: {cite}
facts:
{facts}events:
{events}claims:
{claim_text}"""


def _source(b: str, n: int, i: int) -> str:
    issued = f"issued_by: {b}-a0\n" if i == SOURCES_PER_BASE - 1 else ""
    return (
        f"{schema_line('source')}\nid: {b}-s{i}\ntitle: {_text(n + i, 70)}\n"
        f"publisher: Publisher {i}\npublished: 2020-01-{1 + i:02d}\n"
        f"url: https://news.example/{b}/{i}\naccessed: 2026-11-01\nlanguage: en\nkind: news\n"
        + issued
    )


def _actor(b: str, n: int, i: int) -> str:
    return (
        f"{schema_line('actor')}\nid: {b}-a{i}\nname: Actor {i} of installation {n}\n"
        f"short: A{i}-{n}\nkind: party\ncountry: TR\n"
    )


def write(root: Path, count: int, claims: int = 10) -> Path:
    """Write a data root of `count` installations under `root`; returns `root`."""
    for folder in ("bases", "sources", "actors"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copytree(paths.DATA / "schema", root / "schema")  # the data folder refuses symlinks
    for n in range(count):
        b = f"b{n:05d}"
        (root / "bases" / f"{b}.yaml").write_text(_base(n, claims), encoding="utf-8")
        for i in range(SOURCES_PER_BASE):
            (root / "sources" / f"{b}-s{i}.yaml").write_text(_source(b, n, i), encoding="utf-8")
        for i in range(ACTORS_PER_BASE):
            (root / "actors" / f"{b}-a{i}.yaml").write_text(_actor(b, n, i), encoding="utf-8")
    return root
