"""Who speaks, and who is independent: the attribution rule and the affiliate-aware status rule,
each side with its exact message."""

from __future__ import annotations

from conftest import VALID

A = "data/bases/alpha.yaml"
APPEARANCE = "      - {actor: party, date: 2025-07-02, source: src-party}"
PAPER = """\
id: src-paper
title: A newspaper reports the party
publisher: A Newspaper
issued_by: paper
published: 2025-07-03
url: https://paper.example/report
language: en
kind: news
"""
PAPER_ACTOR = "id: paper\nname: A Newspaper\nkind: media\ncountry: TR\n"


def errors(lines: list[str]) -> list[str]:
    """The errors only: the spare fixture source is left uncited on purpose (a warning)."""
    return [line for line in lines if ": error [" in line]


def appearance(line: str, **extra: str | None) -> dict[str, str | None]:
    text = VALID["bases/alpha.yaml"]
    assert APPEARANCE in text
    return {
        "bases/alpha.yaml": text.replace(APPEARANCE, line),
        "sources/src-paper.yaml": PAPER,
        "actors/paper.yaml": PAPER_ACTOR,
        **extra,
    }


def test_own_words_from_own_document_pass(check) -> None:
    assert errors(check(appearance(APPEARANCE))) == []


def test_publication_in_its_own_voice_passes(check) -> None:
    line = "      - {actor: paper, date: 2025-07-03, source: src-paper, quote: There are 30 bases.}"
    assert errors(check(appearance(line))) == []


def test_reported_and_quoted_speech_pass(check) -> None:
    reported = (
        "      - {actor: party, date: 2025-07-03, source: src-paper, speech: reported, "
        "quote: The party said there are 30 bases.}"
    )
    quoted = (
        "      - {actor: party, date: 2025-07-03, source: src-paper, speech: quoted, "
        "quote: at least 28 bases}"
    )
    assert errors(check(appearance(reported))) == []
    assert errors(check(appearance(quoted))) == []


def test_words_from_someone_elses_document_are_refused(check) -> None:
    line = "      - {actor: party, date: 2025-07-03, source: src-paper, quote: There are 30 bases.}"
    assert errors(check(appearance(line))) == [
        f"{A}:23:10: error [attribution] credits 'party' with its own words, but source "
        "'src-paper' was issued by 'paper'; if the source quotes 'party' verbatim set "
        "'speech: quoted', if it paraphrases them set 'speech: reported', and if the words are "
        "the publication's own, credit its publisher as the actor"
    ]


def test_a_source_with_no_issuer_is_not_anyones_own_words(check) -> None:
    line = "      - {actor: party, date: 2020-01-01, source: src-one}"
    assert errors(check(appearance(line))) == [
        f"{A}:23:10: error [attribution] credits 'party' with its own words, but source "
        "'src-one' names no issuing actor; if the source quotes 'party' verbatim set "
        "'speech: quoted', if it paraphrases them set 'speech: reported', and if the words are "
        "the publication's own, credit its publisher as the actor"
    ]


def test_reported_speech_from_the_actors_own_document_is_refused(check) -> None:
    line = "      - {actor: party, date: 2025-07-02, source: src-party, speech: reported}"
    assert errors(check(appearance(line))) == [
        f"{A}:23:61: error [attribution] source 'src-party' was issued by 'party' itself, so "
        "these are its own words; remove 'speech: reported'"
    ]


def test_quoted_speech_needs_the_quote(check) -> None:
    line = "      - {actor: party, date: 2025-07-03, source: src-paper, speech: quoted}"
    assert errors(check(appearance(line))) == [
        f"{A}:23:61: error [attribution] 'speech: quoted' needs the 'quote' of 'party' that "
        "the source gives verbatim; if the source only paraphrases, use 'speech: reported'"
    ]


def test_every_claim_needs_an_assessment(check) -> None:
    text = VALID["bases/alpha.yaml"]
    assert check({"bases/alpha.yaml": text.replace("    assessment: Not yet checked.\n", "")}) == [
        f"{A}:20:5: error [schema] missing required key 'assessment' in item 1 of 'claims'"
    ]


SUPPORTED = """\
    status: supported
    assessment: Checked.
    reviewed: 2026-11-01
    evidence:
      - source: src-paper
        stance: supports
        note: The paper reports it."""


def _supported_by_paper(party_actor: str, paper_actor: str) -> dict[str, str | None]:
    text = VALID["bases/alpha.yaml"]
    old = "    status: unassessed\n    assessment: Not yet checked."
    assert old in text
    return {
        "bases/alpha.yaml": text.replace(old, SUPPORTED),
        "sources/src-paper.yaml": PAPER,
        "actors/paper.yaml": paper_actor,
        "actors/party.yaml": party_actor,
    }


PARTY = "id: party\nname: A Party\nkind: party\ncountry: TR\n"


def test_evidence_from_an_unrelated_outlet_is_independent(check) -> None:
    assert check(_supported_by_paper(PARTY, PAPER_ACTOR)) == []


def test_evidence_from_the_claimants_own_outlet_is_not_independent(check) -> None:
    expected = [
        f"{A}:24:5: error [status] status 'supported' needs at least one 'supports' evidence "
        "from a source issued neither by the claim's actors nor by their affiliates"
    ]
    # the party names the paper as its outlet ...
    assert check(_supported_by_paper(PARTY + "affiliates: [paper]\n", PAPER_ACTOR)) == expected
    # ... or the paper names the party as its owner: either direction counts
    assert check(_supported_by_paper(PARTY, PAPER_ACTOR + "affiliates: [party]\n")) == expected


def test_pages_say_who_speaks(tmp_path) -> None:
    """Each kind of speech reads differently on the installation page."""
    from conftest import write_root

    from kb.build import load
    from kb.render import Renderer

    text = VALID["bases/alpha.yaml"]
    lines = "\n".join(
        [
            APPEARANCE,
            "      - {actor: party, date: 2025-07-02, source: src-paper, speech: reported}",
            "      - {actor: party, date: 2025-07-03, source: src-paper, speech: quoted, "
            "quote: at least 28 bases}",
        ]
    )
    files = {
        "bases/alpha.yaml": text.replace(APPEARANCE, lines),
        "sources/src-paper.yaml": PAPER,
        "actors/paper.yaml": PAPER_ACTOR,
    }
    root = write_root(tmp_path / "data", files)
    page = next(
        p
        for p in Renderer(load(root, base=tmp_path).corpus).pages()
        if p.uri == "claims/alpha-claim.md"
    )
    claimed = page.content.split("## Claimed by")[1].split("## Assessment")[0]
    items = [line for line in claimed.splitlines() if line.startswith("- ")]
    assert items[0].startswith("- [A Party](../actors/party.md), statement of 2 July 2025, in ")
    assert items[1].startswith(
        "- [A Newspaper](../actors/paper.md), reporting [A Party](../actors/party.md), "
        "3 July 2025 (said 2 July 2025), in "
    )
    assert items[2].startswith(
        "- [A Party](../actors/party.md), quoted by [A Newspaper](../actors/paper.md), "
        "3 July 2025, in "
    )
    assert "## Assessment {#assessment}\n\nNot yet checked." in page.content


SRC = "data/sources/src-one.yaml"
SOURCE = VALID["sources/src-one.yaml"]


def test_encyclopedias_mirrors_and_staging_servers_are_refused(check) -> None:
    for url, host, why in [
        (
            "https://en.wikipedia.org/wiki/Incirlik_Air_Base",
            "wikipedia.org",
            "Wikipedia is an encyclopedia: cite the original sources it cites, not the article",
        ),
        (
            "http://www.thefullwiki.org/Incirlik_AB",
            "thefullwiki.org",
            "a copy of Wikipedia: cite the original sources the article cites",
        ),
        (
            "https://digital-staging.thehill.com/homenews/1",
            "digital-staging.thehill.com",
            "a news site's staging server, not the published article: cite the article's "
            "public address",
        ),
    ]:
        text = SOURCE.replace("url: https://news.example/report", f"url: {url}")
        assert check({"sources/src-one.yaml": text}) == [
            f"{SRC}:5:1: error [urls] 'url' points to {host}, which is not cited as a source: {why}"
        ]


def test_a_copy_may_be_named_where_the_text_was_read(check) -> None:
    """`read_at` records where a text was read (a reprint, an archive), so any host may be named
    there; the original `url` is still checked."""
    text = SOURCE + "read_at: {url: 'https://reprint.example/report', note: A reprint.}\n"
    assert check({"sources/src-one.yaml": text}) == []
    lookalike = SOURCE.replace("news.example", "notwikipedia.org")
    assert check({"sources/src-one.yaml": lookalike}) == []  # only the host and its subdomains
