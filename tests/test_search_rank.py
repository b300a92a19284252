"""Search weights by page type and the claim status in search titles, without a browser."""

from __future__ import annotations

import json
from pathlib import Path

from kb import addresses, build, paths, search


def test_every_page_is_weighed_by_its_page_type() -> None:
    renderer = build.load(paths.DATA, base=paths.ROOT).renderer("en")
    boosts = {g.uri: g.meta["search"]["boost"] for g in renderer.pages()}
    assert boosts["bases/incirlik.md"] == addresses.search_boost("base")
    assert boosts["overview.md"] == addresses.search_boost("overview")
    assert boosts["sources/index.md"] == addresses.search_boost("sources")
    source = next(u for u in boosts if u.startswith("sources/") and u != "sources/index.md")
    actor = next(u for u in boosts if u.startswith("actors/") and u != "actors/index.md")
    assert boosts["bases/incirlik.md"] > boosts[actor] > boosts[source]
    assert boosts["overview.md"] > boosts[actor]
    # a claim page type, once there is one, ranks with installations
    assert addresses.search_boost("claim") == addresses.search_boost("base")


def test_claim_entries_get_their_status_before_the_title(tmp_path: Path) -> None:
    corpus = build.load(paths.DATA, base=paths.ROOT).corpus
    claim = corpus.claims[0]
    titles = search.claim_titles(corpus)
    where = addresses.url(addresses.record_page(claim.page)) + "#" + claim.id
    index = {
        "config": {},
        "docs": [
            {"location": where, "title": "Claim: x", "text": ""},
            {"location": "sources/y/", "title": "A source", "text": ""},
        ],
    }
    target = tmp_path / "search" / "search_index.json"
    target.parent.mkdir()
    target.write_text(json.dumps(index), encoding="utf-8")
    assert search.annotate(tmp_path, titles) == 1
    assert search.annotate(tmp_path, titles) == 0  # idempotent
    docs = json.loads(target.read_text(encoding="utf-8"))["docs"]
    assert docs[0]["title"] == f"{titles[where]} · Claim: x"
    assert docs[1]["title"] == "A source"


def test_installations_get_their_aliases_in_a_field_weighed_near_the_title(
    tmp_path: Path,
) -> None:
    corpus = build.load(paths.DATA, base=paths.ROOT).corpus
    aliases = search.alias_names(corpus)
    incirlik = addresses.url(addresses.page("base", "incirlik"))
    assert "Adana Air Base" in aliases[incirlik]
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": incirlik, "title": "İncirlik", "text": ""},
            {"location": incirlik + "#facts", "title": "Facts", "text": ""},
        ],
    }
    target = tmp_path / "search" / "search_index.json"
    target.parent.mkdir()
    target.write_text(json.dumps(index), encoding="utf-8")
    search.annotate(tmp_path, {}, aliases)
    assert search.annotate(tmp_path, {}, aliases) == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["config"]["fields"][search.ALIASES] == {"boost": 1000.0 * search.ALIAS_WEIGHT}
    assert written["docs"][0][search.ALIASES] == aliases[incirlik]
    assert search.ALIASES not in written["docs"][1]  # the page entry only
