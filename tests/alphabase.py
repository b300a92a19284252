"""The fixture installation `alpha` (conftest.VALID) with history lines put into its parts,
for the tests of recorded corrections (test_field_history, test_rewordings)."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, VALID, write_root

from kb import build
from kb.model import Corpus
from kb.render import Renderer

ALPHA = VALID["bases/alpha.yaml"]
NAME = "name: {en: Alpha Air Base, tr: Alfa Hava Üssü}\n"
LOCATION_END = "  coordinates: {lat: 37.0, lon: 35.4}\n  citations: [{source: src-one}]\n"
FACT_END = "    text: A fact.\n    citations: [{source: src-one}]\n"
CLAIM_END = "    summary: Not yet checked against any source.\n"
PRESENCE_END = "  certainty: official\n  citations: [{source: src-one}]\n"
HOST = "hosts:\n  - unit: A US squadron\n    since: 1960\n{until}    citations: [{{source: src-one}}]\n"


def alpha(
    *,
    names: str = "",
    location: str = "",
    fact_text: str = "A fact.",
    fact: str = "",
    summary: str = "Not yet checked against any source.",
    claim: str = "",
    presence: str = "",
    host: str | None = None,
    until: str = "",
) -> str:
    """alpha.yaml with `names`, `location`, `fact`, `claim` and `presence` (history lines)
    added at the end of those parts, its fact's text and its claim's summary replaced.

    With `host` (history lines, or ""), a host unit "A US squadron" since 1960 follows, with
    the line `until` (e.g. "    until: unknown\\n") and those lines; with None, no host unit.
    """
    text = ALPHA
    for end, new in (
        (NAME, NAME + names),
        (LOCATION_END, LOCATION_END + location),
        (FACT_END, f"    text: {fact_text}\n    citations: [{{source: src-one}}]\n{fact}"),
        (CLAIM_END, f"    summary: {summary}\n{claim}"),
        (PRESENCE_END, PRESENCE_END + presence),
    ):
        assert end in text
        text = text.replace(end, new)
    if host is None:
        assert not until, "an end date needs the host unit"
        return text
    return text + HOST.format(until=until) + host


def history(indent: int, *entries: str) -> str:
    """A `history:` list of `entries` (flow mappings), indented by `indent` spaces."""
    pad = " " * indent
    return f"{pad}history:\n" + "".join(f"{pad}  - {e}\n" for e in entries)


def load(tmp_path: Path, text: str) -> Corpus:
    """The corpus of a data root under `tmp_path`: conftest.VALID with `text` as alpha.yaml."""
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": text})
    return build.load(root, base=tmp_path, today=TODAY).corpus


def corrections_log(corpus: Corpus, lang: str = "en") -> str:
    """The corrections log of the about page in `lang`, as Markdown."""
    uri = "about.md" if lang == "en" else f"{lang}/about.md"
    return Renderer(corpus, lang=lang).snippet("corrections", uri)
