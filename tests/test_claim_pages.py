"""Claim pages, claim cards, the claims index, rating history and the corrections log
(issue 13, points 1, 2 and 8): addresses, schema and rules, model, and the rendered Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TODAY, VALID, write_root
from markupsafe import escape

from kb import addresses, build, paths, schema, site
from kb.check import check_root
from kb.model import Corpus
from kb.render import Renderer, md_text

GOLDEN = Path(__file__).parent / "golden"
ALPHA = VALID["bases/alpha.yaml"]
CLAIM_END = "            summary: Not yet checked against any source.\n".replace(
    "            ", "    "
)

OVERVIEW = """\
id: overview
title: Country-wide
summary: Country-wide facts.
claims:
  - id: {claim}
    text: A country-wide claim.
    summary: Not yet assessed.
    bases: [alpha]
    claimed_by:
      - {{actor: party, date: 2025-07-02, source: src-party}}
    status: unassessed
    assessment: Not yet checked.
"""


def _with_claim_lines(extra: str, status: str = "unassessed") -> str:
    """The fixture installation with `extra` lines added at the end of its claim."""
    text = ALPHA.replace("status: unassessed", f"status: {status}")
    if status != "unassessed":
        text = text.replace(CLAIM_END, CLAIM_END + "    reviewed: 2026-11-01\n")
    assert CLAIM_END in text
    return text.replace(CLAIM_END, CLAIM_END + extra)


def _corpus(tmp_path: Path, files: dict[str, str | bytes | None]) -> Corpus:
    root = write_root(tmp_path / "data", files)
    return build.load(root, base=tmp_path, today=TODAY).corpus


def _pages(corpus: Corpus) -> dict[str, str]:
    return {g.uri: g.body for g in Renderer(corpus).pages()}


# addresses ---------------------------------------------------------------------------------


def test_a_claim_page_is_addressed_by_the_claim_id_alone(tmp_path: Path) -> None:
    assert addresses.page("claim", "kurecik-warned-israel-2025") == (
        "claims/kurecik-warned-israel-2025.md"
    )
    assert addresses.url(addresses.claim_page("x-claim")) == "claims/x-claim/"
    assert addresses.claim_page("x-claim", "tr") == "tr/claims/x-claim.md"
    # the same claim moved from the installation's file to the overview keeps its address
    on_base = _pages(_corpus(tmp_path / "a", {}))
    moved = ALPHA.split("claims:\n")[0] + "presence:" + ALPHA.split("presence:")[1]
    on_overview = _pages(
        _corpus(
            tmp_path / "b",
            {"bases/alpha.yaml": moved, "overview.yaml": OVERVIEW.format(claim="alpha-claim")},
        )
    )
    assert "claims/alpha-claim.md" in on_base and "claims/alpha-claim.md" in on_overview


def test_a_claim_id_used_twice_in_different_files_is_refused_with_its_position(check) -> None:
    issues = check({"overview.yaml": OVERVIEW.format(claim="alpha-claim")})
    assert any(
        re.fullmatch(
            r"data/overview\.yaml:5:5: error \[ids\] id 'alpha-claim' is already used at "
            r"data/bases/alpha\.yaml:\d+; ids must be unique across all records",
            line,
        )
        for line in issues
    ), issues


# schema and rules --------------------------------------------------------------------------


def test_a_claim_needs_its_one_sentence_summary(check) -> None:
    issues = check({"bases/alpha.yaml": ALPHA.replace(CLAIM_END, "")})
    assert any(
        re.match(
            r"data/bases/alpha\.yaml:\d+:\d+: error \[schema\] missing required key 'summary'", i
        )
        for i in issues
    ), issues


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "    history:\n      - {date: 2026-01-01, previous_status: unsupported}\n",
            "missing required key 'reason'",
        ),
        ("    history:\n      - {date: 2026-01-01, reason: Because.}\n", "error [schema]"),
        (
            "    history:\n      - {date: 2026-01-01, previous_status: dubious, reason: X.}\n",
            "error [schema]",
        ),
    ],
    ids=["no reason", "no previous value", "unknown status"],
)
def test_a_history_entry_needs_a_reason_and_what_changed(check, lines: str, message: str) -> None:
    issues = check({"bases/alpha.yaml": _with_claim_lines(lines, "opinion")})
    assert any(re.match(r"data/bases/alpha\.yaml:\d+:\d+: ", i) and message in i for i in issues), (
        issues
    )


def test_history_rule_cases(check) -> None:
    out_of_order = (
        "    history:\n"
        "      - {date: 2026-03-01, previous_status: unassessed, reason: First rating.}\n"
        "      - {date: 2026-01-01, previous_text: Old words., reason: Reworded.}\n"
    )
    text = _with_claim_lines(out_of_order, "opinion")
    issues = check({"bases/alpha.yaml": text})
    line = (
        text.splitlines().index(
            "      - {date: 2026-01-01, previous_text: Old words., reason: Reworded.}"
        )
        + 1
    )
    assert (
        f"data/bases/alpha.yaml:{line}:10: error [history] history entry dated 2026-01-01 "
        "comes after one dated 2026-03-01; list history entries oldest first"
    ) in issues, issues
    same = "    history:\n      - {date: 2026-03-01, previous_status: opinion, reason: Nothing.}\n"
    issues = check({"bases/alpha.yaml": _with_claim_lines(same, "opinion")})
    assert any("[history] previous_status 'opinion' is also the status" in i for i in issues)
    fact = ALPHA.replace(
        "    citations: [{source: src-one}]\nevents:",
        "    citations: [{source: src-one}]\n"
        "    history:\n      - {date: 2026-01-01, previous_date: 1955-01-01, reason: X.}\n"
        "events:",
    )
    assert fact != ALPHA
    issues = check({"bases/alpha.yaml": fact})
    assert any("[history] a fact has no date" in i for i in issues), issues
    assert check({}) == []


def test_statuses_are_listed_in_order_of_meaning_each_with_its_own_icon() -> None:
    order = [s for s, _ in schema.claim_statuses()]
    assert order[:5] == ["supported", "partly-supported", "disputed", "unsupported", "contradicted"]
    assert order[-1] == schema.definition("claim")["properties"]["status"]["default"]
    icons = schema.enum_node("claim-status")["x-enumIcons"]
    labels = schema.labels("claim-status", "en")
    assert set(icons) == set(order) and len(set(icons.values())) == len(order)
    assert len(set(labels.values())) == len(order)
    css = (paths.ROOT / "docs/assets/stylesheets/kb.css").read_text(encoding="utf-8")
    for status in order:
        assert f".kb-status--{status} {{ background:" in css, status


# model -------------------------------------------------------------------------------------


def test_rating_history_from_the_claims_history(tmp_path: Path) -> None:
    single = _corpus(
        tmp_path / "a",
        {"bases/alpha.yaml": _with_claim_lines("    rated: 2026-10-01\n", "opinion")},
    )
    (rating,) = single.claim["alpha-claim"].ratings
    assert (rating.status, rating.date and rating.date.iso()) == ("opinion", "2026-10-01")
    changes = (
        "    rated: 2026-10-01\n"
        "    history:\n"
        "      - {date: 2026-10-20, previous_status: unsupported, reason: Evidence found.}\n"
        "      - {date: 2026-11-02, previous_text: Older words., reason: Reworded.}\n"
        "      - {date: 2026-11-03, previous_status: partly-supported, reason: Re-weighed.}\n"
    )
    corpus = _corpus(tmp_path / "b", {"bases/alpha.yaml": _with_claim_lines(changes, "opinion")})
    ratings = [
        (r.status, r.date and r.date.iso(), r.reason and r.reason.en)
        for r in corpus.claim["alpha-claim"].ratings
    ]
    assert ratings == [
        ("unsupported", "2026-10-01", None),
        ("partly-supported", "2026-10-20", "Evidence found."),
        ("opinion", "2026-11-03", "Re-weighed."),
    ]


# pages -------------------------------------------------------------------------------------


def _golden_pages() -> dict[str, str]:
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed={})
    return {g.uri: g.body for g in loaded.renderer("en").pages()}


def test_claim_page_puts_the_verdict_first_then_who_then_evidence_then_installations() -> None:
    page = _golden_pages()["claims/alpha-claim.md"]
    meaning = dict(schema.claim_statuses())["disputed"]
    verdict = page.index("{: .kb-verdict .kb-verdict--disputed }")
    order = [
        page.index("kb-status--disputed"),
        page.index(meaning),
        page.index("**An independent report contradicts it.**"),
        page.index("Last reviewed 5 January 2026."),
        verdict,
        page.index("## Claimed by {#appearances}"),
        page.index('<q class="kb-quote" lang="en">said it</q>'),
        page.index("## Evidence {#evidence}"),
        page.index("### Evidence: contradicts (1)"),
        page.index("## Installations it concerns {#installations}"),
        page.index("## Rating history"),
    ]
    assert order == sorted(order)
    assert "../methodology.md#status-disputed" in page[:verdict]


def test_claim_page_title_and_description_come_from_the_data() -> None:
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed={})
    meta = {g.uri: g.meta for g in loaded.renderer("en").pages()}["claims/alpha-claim.md"]
    meta.pop("kb_jsonld")  # the ClaimReview (tested in test_map_cite)
    assert meta == {
        "title": "Claim: Something is said about Alpha.",
        "description": "An independent report contradicts it.",
        "search": {"boost": addresses.search_boost("claim")},  # claims rank with installations
    }


def test_installation_pages_show_cards_whose_old_anchor_leads_to_the_claim() -> None:
    pages = _golden_pages()
    base = pages["bases/alpha.md"]
    assert (
        "### [Something is said about Alpha.](../claims/alpha-claim.md) "
        "{#alpha-claim .kb-claim-anchor}"
    ) in base
    assert "{#country-claim .kb-claim-anchor}" in base  # a country-wide claim about it
    assert "{#country-claim .kb-claim-anchor}" in pages["overview.md"]
    # the card is compact: status, summary, claimant and date, no appearances or evidence
    card = base.split("{#alpha-claim .kb-claim-anchor}")[1].split("###")[0]
    assert "An independent report contradicts it." in card and "2 July 2025" in card
    assert "said it" not in base and "The report says otherwise." not in base


def test_claims_index_lists_every_claim_with_its_summary_in_order_of_meaning() -> None:
    loaded = build.load(paths.DATA)
    page = {g.uri: g.body for g in loaded.renderer("en").pages()}["claims.md"]
    table = page.split("| --- | --- | --- | --- | --- |\n")[1].split("\n\n")[0].splitlines()
    claims = loaded.corpus.claims
    assert len(table) == len(claims)
    order = [s for s, _ in schema.claim_statuses()]
    shown = [order.index(re.search(r"kb-status--([a-z-]+)", row).group(1)) for row in table]  # type: ignore[union-attr]
    assert shown == sorted(shown)
    for c in claims:
        row = next(r for r in table if f"(claims/{c.id}.md)" in r)
        assert str(escape(md_text(c.summary))) in row


def test_text_from_data_stays_text_on_a_claim_page(tmp_path: Path) -> None:
    payload = "*bold* <b>x</b> [l](https://evil.example) {: .x }"
    text = ALPHA.replace("summary: Not yet checked against any source.", f"summary: '{payload}'")
    page = _pages(_corpus(tmp_path, {"bases/alpha.yaml": text}))["claims/alpha-claim.md"]
    assert r"\*bold\* &lt;b&gt;x&lt;/b&gt; \[l\](https://evil.example) \{: .x \}" in page
    assert "<b>x</b>" not in page


# corrections log and about page ------------------------------------------------------------


def _log(corpus: Corpus) -> list[str]:
    """The corrections log's lines: each day-and-reason heading, then its entries."""
    snippet = Renderer(corpus).snippet("corrections", "about.md")
    return [line for line in snippet.splitlines() if line.startswith(("**", "- "))]


def test_corrections_log_is_built_from_the_history_newest_first(tmp_path: Path) -> None:
    history = (
        "    rated: 2026-10-01\n"
        "    history:\n"
        "      - {date: 2026-10-20, previous_status: unsupported, reason: Evidence found.}\n"
    )
    fact = (
        "    history:\n"
        "      - {date: 2026-11-05, previous_text: A fact with a typo., reason: Typo fixed.}\n"
    )
    text = _with_claim_lines(history, "opinion").replace(
        "    text: A fact.\n    citations: [{source: src-one}]\n",
        "    text: A fact.\n    citations: [{source: src-one}]\n" + fact,
    )
    log = _log(_corpus(tmp_path / "a", {"bases/alpha.yaml": text}))
    assert log[0] == "**5 November 2026.** Typo fixed."
    assert log[1].startswith("- Fact: [A fact.](bases/alpha.md#alpha-fact)")
    assert "A fact with a typo." in log[1]
    assert log[2] == "**20 October 2026.** Evidence found."
    assert log[3].startswith("- Claim: [Something is said about Alpha.](claims/alpha-claim.md)")
    assert "was rated" in log[3] and "kb-status--unsupported" in log[3]
    assert len(log) == 4
    # a new entry in the data is a new line of the log: no template knows about it
    newer = text.replace(
        "reason: Evidence found.}\n",
        "reason: Evidence found.}\n"
        "      - {date: 2026-11-20, previous_text: Older words., reason: Reworded.}\n",
    )
    log = _log(_corpus(tmp_path / "b", {"bases/alpha.yaml": newer}))
    assert (
        log[:2]
        == [
            "**20 November 2026.** Reworded.",
            log[1],
        ]
        and log[1].startswith("- Claim:")
        and "Older words." in log[1]
    )
    assert len(log) == 6
    # one reason that corrected two records on one day is one heading over both
    both = newer.replace("reason: Typo fixed.", "reason: Reworded.").replace(
        "2026-11-05, previous_text: A fact", "2026-11-20, previous_text: A fact"
    )
    log = _log(_corpus(tmp_path / "c", {"bases/alpha.yaml": both}))
    assert log[0] == "**20 November 2026.** Reworded." and len(log) == 5
    assert log[1].startswith("- Claim:") and log[2].startswith("- Fact:")
    assert _log(_corpus(tmp_path / "d", {})) == []


def test_about_page_names_the_repository_and_links_every_issue_form(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra:\n  github_repository: someone/some-kb\n", encoding="utf-8"
    )
    forms = tmp_path / ".github" / "ISSUE_TEMPLATE"
    forms.mkdir(parents=True)
    (forms / "config.yml").write_text("blank_issues_enabled: true\n", encoding="utf-8")
    (forms / "bug.yml").write_text("name: Report a bug\nbody: []\n", encoding="utf-8")
    assert site.from_config(tmp_path / "mkdocs.yml").repository == "someone/some-kb"
    assert site.issue_forms(tmp_path) == [site.IssueForm("bug.yml", "Report a bug")]
    assert site.issue_forms(tmp_path / "nowhere") == []
    # the real site: the repository the Site names, and a link for each form that exists
    corpus = build.load(GOLDEN / "data", base=GOLDEN).corpus
    here = site.from_config()
    repo = here.repository
    snippet = Renderer(corpus, site=here).snippet("maintainers", "about.md")
    assert repo and f"[{repo}](https://github.com/{repo})" in snippet
    real = sorted((paths.ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    for form in (f for f in real if f.name != "config.yml"):
        assert f"(https://github.com/{repo}/issues/new?template={form.name})" in snippet
    # the repository comes from the Site the page is rendered for, not from a file
    other = Renderer(corpus, site=site.Site("X", "", "another/kb")).snippet(
        "maintainers", "about.md"
    )
    assert "[another/kb](https://github.com/another/kb)" in other and repo not in other
    assert Renderer(corpus, site=site.Site("X", "")).snippet("maintainers", "about.md") == ""
    about = (paths.ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert "<!-- kb:maintainers -->" in about and "<!-- kb:corrections -->" in about


def test_real_history_is_recorded_and_shown() -> None:
    loaded = build.load(paths.DATA)
    corpus = loaded.corpus
    assert corpus.corrections, "the corrections made in git are recorded in the data"
    konya = corpus.claim["konya-used-to-monitor-iran"]
    assert [r.status for r in konya.ratings] == ["unassessed", "unsupported", "partly-supported"]
    page = {g.uri: g.body for g in loaded.renderer("en").pages()}[
        "claims/konya-used-to-monitor-iran.md"
    ]
    assert "changed to" in page.split("## Rating history")[1]
    assert check_root(paths.DATA, paths.ROOT).ok


def test_the_feed_and_claim_reviews_point_at_the_claim_page() -> None:
    from kb import linked
    from kb.site import Site

    corpus = build.load(GOLDEN / "data", base=GOLDEN).corpus
    claim = corpus.claim["country-claim"]
    site = Site("X", "https://x.example/")
    assert linked.claim_url(site, claim, "en") == "https://x.example/claims/country-claim/"
    review = linked.review(corpus, claim, site, "en")
    assert review.url == "https://x.example/claims/country-claim/"


def test_claim_page_titles_are_escaped_once_and_hold_no_markdown_escapes() -> None:
    """A title is HTML for the theme, not Markdown: 'NATO's' must reach the page as
    NATO&#39;s (shown as an apostrophe), not NATO&amp;#39;s, and '*' without a backslash."""
    import html

    from kb.i18n import language

    loaded = build.load(paths.DATA)
    claims = {c.id: c for c in loaded.corpus.claims}
    apostrophes = 0
    for lang in ("en", "tr"):
        prefix = language(lang).string("claim-title").split("{")[0]
        for g in loaded.renderer(lang).pages():
            if not g.uri.startswith(f"{'tr/' if lang == 'tr' else ''}claims/"):
                continue
            claim = claims.get(g.uri.rsplit("/", 1)[-1].removesuffix(".md"))
            if claim is None:
                continue
            title = g.meta["title"]
            assert "&amp;" not in title and "\\" not in title, title
            assert html.unescape(title) == prefix + " ".join(claim.text.get(lang).split())
            apostrophes += "'" in claim.text.get(lang)
    assert apostrophes  # the real data has titles with an apostrophe: the case is covered
