"""Rewordings in a history: a claim change names the field it reworded (text, summary,
assessment), an earlier wording may be English, Turkish or both, the history rule checks it
fits the text, and claim pages, the corrections log and the exports show it in both
languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from alphabase import alpha, corrections_log, history, load
from conftest import TODAY, write_root

from kb import build, export
from kb.model import Corpus
from kb.render import Renderer

BOTH = "{en: Not checked against any source., tr: Hiçbir kaynakla denetlenmedi.}"
SUMMARY_BOTH = "{en: Not yet checked against any source., tr: Henüz hiçbir kaynakla denetlenmedi.}"
FACT_BOTH = "{en: A fact., tr: Bir olgu.}"


def _valid() -> str:
    return alpha(
        summary=SUMMARY_BOTH,
        claim=history(
            4,
            f"{{date: 2026-01-01, field: summary, previous_text: {BOTH}, reason: Narrowed.}}",
            "{date: 2026-01-02, previous_text: Something was said., reason: Reworded.}",
            "{date: 2026-01-03, field: summary, previous_text: {tr: Denetlenmedi <b>hiç</b>.}, "
            "reason: {en: Turkish corrected., tr: Türkçesi düzeltildi.}}",
        ),
        fact_text=FACT_BOTH,
        fact=history(4, "{date: 2026-01-04, previous_text: {tr: Bir olgudur.}, reason: Fixed.}"),
        names=history(
            0, "{date: 2026-01-05, field: name, previous_text: {tr: Alfa Üssü}, reason: Named.}"
        ),
    )


def test_rewordings_of_each_field_in_either_language_are_accepted(check) -> None:
    assert check({"bases/alpha.yaml": _valid()}) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{date: 2026-01-01, field: summary, reason: X.}", "'previous_text' is a dependency"),
        ("{date: 2026-01-01, field: reviewed, previous_text: Old., reason: X.}", "[schema]"),
        ("{date: 2026-01-01, previous_text: {}, reason: X.}", "[schema]"),
        ("{date: 2026-01-01, previous_text: {fr: Vieux.}, reason: X.}", "[schema]"),
    ],
    ids=["field without previous text", "not a claim field", "empty", "other language"],
)
def test_claim_change_shapes_the_schema_refuses(check, entry: str, message: str) -> None:
    text = alpha(claim=history(4, entry))
    issues = check({"bases/alpha.yaml": text})
    line = text.splitlines().index("      - " + entry) + 1
    assert issues and all(i.startswith(f"data/bases/alpha.yaml:{line}:") for i in issues), issues
    assert any(message in i for i in issues), issues


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {
                "claim": history(
                    4, "{date: 2026-01-01, field: summary, previous_text: {tr: Eski.}, reason: X.}"
                )
            },
            "the summary has no Turkish text now, so this entry cannot record an earlier "
            "Turkish wording of it",
        ),
        (
            {"fact": history(4, "{date: 2026-01-01, previous_text: {tr: Eski.}, reason: X.}")},
            "the text has no Turkish text now",
        ),
        (
            {
                "presence": history(
                    2,
                    "{date: 2026-01-01, field: certainty, previous_text: {tr: haber}, reason: X.}",
                )
            },
            "'certainty' has no Turkish text, so it has no earlier Turkish wording",
        ),
        (
            {
                "claim": history(
                    4,
                    "{date: 2026-01-01, field: summary, previous_text: 'Not yet  checked "
                    "against any source.', reason: X.}",
                )
            },
            "the earlier English summary recorded here is the same as the current text",
        ),
        (
            {
                "summary": SUMMARY_BOTH,
                "claim": history(
                    4,
                    "{date: 2026-01-01, field: summary, previous_text: {tr: Eski.}, reason: X.}",
                    "{date: 2026-01-02, field: summary, previous_text: "
                    "{tr: Henüz hiçbir kaynakla denetlenmedi.}, reason: X.}",
                ),
            },
            "the earlier Turkish summary recorded here is the same as the current text",
        ),
    ],
    ids=[
        "Turkish earlier summary, no Turkish summary",
        "Turkish earlier fact, no Turkish fact",
        "Turkish earlier value of a vocabulary field",
        "English earlier summary the same but for spacing",
        "last Turkish earlier summary the same",
    ],
)
def test_rewording_rule_cases(check, files: dict[str, str], message: str) -> None:
    text = alpha(**files)
    issues = check({"bases/alpha.yaml": text})
    assert len(issues) == 1, issues
    assert re.match(r"data/bases/alpha\.yaml:\d+:\d+: error \[history\] ", issues[0]), issues
    assert message in issues[0], issues
    line = int(issues[0].split(":")[1])
    assert "previous_text" in text.splitlines()[line - 1]


# rendering and exports ------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return load(tmp_path, _valid())


def _page(corpus: Corpus, lang: str, uri: str) -> str:
    return next(g.body for g in Renderer(corpus, lang=lang).pages() if g.uri == uri)


def test_claim_page_names_the_field_and_shows_the_wording_in_its_language(
    corpus: Corpus,
) -> None:
    en = _page(corpus, "en", "claims/alpha-claim.md")
    assert (
        "- Until 1 January 2026, the summary read: "
        '<q class="kb-quote" lang="en">Not checked against any source.</q> Narrowed.' in en
    )
    assert '1 January 2026, the claim text read: <q class="kb-quote" lang="en">Something' not in en
    assert (
        "- Until 2 January 2026, the claim text read: "
        '<q class="kb-quote" lang="en">Something was said.</q> Reworded.' in en
    )
    # only the Turkish changed: shown in Turkish on the English page, marked as Turkish
    assert (
        "- Until 3 January 2026, the summary read: "
        '<q class="kb-quote" lang="tr">Denetlenmedi &lt;b&gt;hiç&lt;/b&gt;.</q> '
        '<span class="kb-meta">(in Turkish)</span> Turkish corrected.' in en
    )
    tr = _page(corpus, "tr", "tr/claims/alpha-claim.md")
    assert (
        "- 1 Ocak 2026'ya kadar özet şöyleydi: "
        '<q class="kb-quote" lang="tr">Hiçbir kaynakla denetlenmedi.</q>' in tr
    )
    assert (
        "- 2 Ocak 2026'ya kadar iddia metni şöyleydi: "
        '<q class="kb-quote" lang="en">Something was said.</q> '
        '<span class="kb-meta">(İngilizce)</span>' in tr
    )
    assert '<q class="kb-quote" lang="tr">Denetlenmedi &lt;b&gt;hiç&lt;/b&gt;.</q> Türkçesi' in tr


def test_corrections_log_names_the_field_and_the_language(corpus: Corpus) -> None:
    en = corrections_log(corpus, "en")
    assert (
        '; summary reworded <details class="kb-before"><summary>earlier Turkish text</summary>'
        '<q class="kb-quote" lang="tr">Denetlenmedi &lt;b&gt;hiç&lt;/b&gt;.</q></details>' in en
    )
    assert (
        '; summary reworded <details class="kb-before"><summary>earlier text</summary>'
        '<q class="kb-quote" lang="en">Not checked against any source.</q></details>' in en
    )
    assert (
        "- Fact: [A fact.](bases/alpha.md#alpha-fact) ([Alpha Air Base](bases/alpha.md)) "
        '<details class="kb-before"><summary>earlier Turkish text</summary>'
        '<q class="kb-quote" lang="tr">Bir olgudur.</q></details>' in en
    )
    assert (
        'name corrected. <details class="kb-before"><summary>earlier Turkish text</summary>'
        '<q class="kb-quote" lang="tr">Alfa Üssü</q></details>' in en
    )
    tr = corrections_log(corpus, "tr")
    assert (
        '; özet yeniden ifade edildi <details class="kb-before"><summary>önceki metin</summary>'
        '<q class="kb-quote" lang="tr">Hiçbir kaynakla denetlenmedi.</q></details>' in tr
    )
    assert (
        '; iddia metni yeniden ifade edildi <details class="kb-before"><summary>önceki İngilizce'
        ' metin</summary><q class="kb-quote" lang="en">Something was said.</q></details>' in tr
    )
    assert '<summary>önceki metin</summary><q class="kb-quote" lang="tr">Alfa Üssü</q>' in tr


def test_exports_carry_the_field_and_the_earlier_wording_in_each_language(
    tmp_path: Path,
) -> None:
    root = write_root(tmp_path / "data", {"bases/alpha.yaml": _valid()})
    loaded = build.load(root, base=tmp_path, today=TODAY)
    files = export.json_files(list(loaded.records))
    data = json.loads(next(v for k, v in files.items() if k.endswith("dataset.json")))
    claim = data["bases"][0]["claims"][0]
    assert claim["history"][0] == {
        "date": "2026-01-01",
        "field": "summary",
        "previous_text": {
            "en": "Not checked against any source.",
            "tr": "Hiçbir kaynakla denetlenmedi.",
        },
        "reason": "Narrowed.",
    }
    assert claim["history"][2]["previous_text"] == {"tr": "Denetlenmedi <b>hiç</b>."}
    assert data["bases"][0]["history"][0]["previous_text"] == {"tr": "Alfa Üssü"}
