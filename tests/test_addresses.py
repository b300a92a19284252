"""One owner of the site's addresses: pages, anchors, exports and feeds, per language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb import addresses, build, paths
from kb.rules import ids

GOLDEN = Path(__file__).parent / "golden"


def test_record_and_index_pages() -> None:
    assert addresses.page("base", "incirlik") == "bases/incirlik.md"
    assert addresses.page("source", "x", lang="tr") == "tr/sources/x.md"
    assert addresses.page("claims") == "claims.md"
    assert addresses.record_page("overview") == "overview.md"
    assert addresses.record_page("konya", "tr") == "tr/bases/konya.md"
    assert addresses.hand_written("methodology") == "methodology.md"


@pytest.mark.parametrize(("name", "ident"), [("base", None), ("claims", "x"), ("nope", None)])
def test_wrong_use_is_a_clear_error(name: str, ident: str | None) -> None:
    with pytest.raises(ValueError, match=name):
        addresses.page(name, ident)


def test_exports_feed_and_urls() -> None:
    assert addresses.export("claims") == "api/v1/claims.json"
    assert addresses.export("bases", "geojson", "tr") == "tr/api/v1/bases.geojson"
    assert addresses.feed() == "feed.xml"
    assert addresses.feed("tr") == "tr/feed.xml"
    assert addresses.url("bases/incirlik.md") == "bases/incirlik/"
    assert addresses.url("bases/index.md") == "bases/"
    assert addresses.url("index.md") == ""
    assert addresses.url("api/v1/claims.json") == "api/v1/claims.json"


def test_reserved_ids_derive_from_the_scheme() -> None:
    for kind in addresses.PAGE_TYPES:
        assert kind.path.split("/")[0].removesuffix(".md") in ids.RESERVED
    for name in (*addresses.HAND_WRITTEN, *addresses.SECTION_ANCHORS, "api", "tr", "con"):
        assert name in ids.RESERVED


def test_every_generated_page_is_at_its_address() -> None:
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed={})
    uris = [g.uri for g in loaded.renderer("en").pages()]
    c = loaded.corpus
    expected = {addresses.page("base", b) for b in c.bases}
    expected |= {addresses.page("actor", a) for a in c.actors}
    expected |= {addresses.page("source", s) for s in c.sources}
    expected |= {addresses.page("claim", claim.id) for claim in c.claims}
    expected |= {addresses.page(k.name) for k in addresses.PAGE_TYPES if k.record is None}
    expected.add(addresses.page("overview"))
    assert set(uris) == expected and len(uris) == len(expected)


def test_templates_spell_no_paths_or_anchors() -> None:
    """Paths and anchors come from kb.addresses; a literal '.md' or '#src-' in a template
    would be a second copy of the scheme."""
    for template in sorted(paths.TEMPLATES.glob("*.j2")):
        text = template.read_text(encoding="utf-8")
        code = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        assert not re.search(r"(?<![A-Z])\.md[\"')]", code), template.name
        assert "src-" not in code and not re.search(r"\{: #[a-z]", code), template.name


def test_a_new_page_type_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry in PAGE_TYPES is enough for the renderer to produce the page (here with an
    existing template; a real new page brings its own)."""
    extra = addresses.PageType("map", "map.md", "timeline.md.j2")
    monkeypatch.setattr(addresses, "PAGE_TYPES", (*addresses.PAGE_TYPES, extra))
    monkeypatch.setattr(addresses, "_BY_NAME", {**addresses._BY_NAME, "map": extra})
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed={})
    pages = {g.uri: g.body for g in loaded.renderer("en").pages()}
    assert pages["map.md"] == pages["timeline.md"]
    assert "map" in addresses.reserved_ids()
