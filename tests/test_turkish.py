"""The Turkish site (issue 16): strings, dates, order, markers, twins, the switch, sitemaps,
search indexes and exports in both languages."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from kb import addresses, export, i18n, languages, material, paths, search, sitelangs, sitemap
from kb.i18n.en import EN
from kb.i18n.tr import TR
from kb.model import Text
from kb.render import md_text


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_english_string_has_a_turkish_one_and_the_other_way_round() -> None:
    assert set(EN.strings) == set(TR.strings)
    for key, english in EN.strings.items():
        assert _fields(english) == _fields(TR.strings[key]), key
    assert set(i18n.LANGUAGES) == set(languages.LANGUAGES)


def test_turkish_dates_full_and_partial() -> None:
    assert TR.date("2025-07-02") == "2 Temmuz 2025"
    assert TR.date("2025-07") == "Temmuz 2025"
    assert TR.date("1955") == "1955"
    assert TR.date("2016-08-31") == "31 Ağustos 2016"
    assert TR.date(None) == "tarihi bilinmiyor"
    assert EN.date("2025-07-02") == "2 July 2025"


def test_turkish_alphabetical_order() -> None:
    names = [
        "Şile",
        "Sinop",
        "Çiğli",
        "Cizre",
        "İzmir",
        "Incirlik",
        "Iğdır",
        "Ünye",
        "Urla",
        "Ordu",
        "Ödemiş",
        "Gaziantep",
        "Gölcük",
        "Ğ",
        "Hatay",
        "Diyarbakır",
    ]
    ordered = sorted(names, key=languages.turkish_key)
    assert ordered == [
        "Cizre",
        "Çiğli",
        "Diyarbakır",
        "Gaziantep",
        "Gölcük",
        "Ğ",
        "Hatay",
        "Iğdır",
        "Incirlik",
        "İzmir",
        "Ordu",
        "Ödemiş",
        "Sinop",
        "Şile",
        "Urla",
        "Ünye",
    ]
    # lower case, dotted and dotless i, and marks that are not letters of their own
    assert sorted(["ıslak", "ilik", "ırmak"], key=languages.turkish_key) == [
        "ırmak",
        "ıslak",
        "ilik",
    ]
    assert sorted(["Kâzım", "Kaya", "Kazan"], key=languages.turkish_key) == [
        "Kaya",
        "Kazan",
        "Kâzım",
    ]


def test_english_order_ignores_turkish_marks() -> None:
    names = ["Şile", "Sinop", "Çiğli", "Cizre", "İzmir", "Incirlik", "Urla", "Ünye"]
    assert sorted(names, key=languages.english_key) == [
        "Çiğli",
        "Cizre",
        "Incirlik",
        "İzmir",
        "Şile",
        "Sinop",
        "Ünye",
        "Urla",
    ]


def test_numbers_sort_by_value_in_both_languages() -> None:
    names = ["14. İnsansız Uçak", "9. Ana Jet", "Adana", "10. Tanker"]
    expected = ["9. Ana Jet", "10. Tanker", "14. İnsansız Uçak", "Adana"]
    assert sorted(names, key=languages.turkish_key) == expected
    assert sorted(names, key=languages.english_key) == expected


def test_sort_key_follows_the_language() -> None:
    assert languages.sort_key("tr") is languages.turkish_key
    assert languages.sort_key("en") is languages.english_key


def test_a_missing_translation_shows_the_english_marked() -> None:
    english_only = Text("A US wing <b>")
    out = str(md_text(english_only, "tr"))
    assert '<span class="kb-untranslated" lang="en">A US wing &lt;b&gt;</span>' in out
    assert '<span class="kb-untranslated-mark">henüz çevrilmedi</span>' in out
    assert md_text(Text("A US wing", "Bir ABD kanadı"), "tr") == "Bir ABD kanadı"
    assert md_text(english_only, "en") == "A US wing <b>"


def test_alternates_link_each_page_to_its_twin_both_ways() -> None:
    en = {a.lang: a for a in languages.alternates("bases/incirlik/", "en")}
    tr = {a.lang: a for a in languages.alternates("bases/incirlik/", "tr")}
    assert en["tr"].href == "../../tr/bases/incirlik/" and en["en"].current
    assert tr["en"].href == "../../../bases/incirlik/" and tr["tr"].current
    assert tr["x-default"].href == tr["en"].href and en["x-default"].href == "./"
    home = {a.lang: a.href for a in languages.alternates("", "tr")}
    assert home == {"en": "../", "tr": "./", "x-default": "../"}
    assert {a.lang: a.href for a in languages.alternates("", "en")}["tr"] == "tr/"


def test_sitemap_gets_every_pages_alternates() -> None:
    root = "https://kb.example/"
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"    <url>\n         <loc>{root}tr/claims/</loc>\n    </url>\n</urlset>"
    )
    out = sitemap.with_alternates(text, root + "tr/", "tr", root)
    assert f'hreflang="en" href="{root}claims/"' in out
    assert f'hreflang="tr" href="{root}tr/claims/"' in out
    assert f'hreflang="x-default" href="{root}claims/"' in out
    assert out.count("<loc>") == 1
    assert sitemap.with_alternates(out, root + "tr/", "tr", root) == out


def test_nav_labels_are_translated_and_unknown_pages_keep_their_own_title() -> None:
    nav = [
        {"Home": "index.md"},
        {"Downloads, new": "downloads.md"},
        {"Contributing": ["contributing.md", {"Field reference": "reference.md"}]},
    ]
    assert sitelangs.localized_nav(nav, "tr") == [
        {"Ana sayfa": "index.md"},
        "downloads.md",
        {"Katkıda bulunun": ["contributing.md", {"Alan başvurusu": "reference.md"}]},
    ]


def test_every_label_in_mkdocs_yml_has_a_turkish_text() -> None:
    from mkdocs.utils.yaml import yaml_load

    raw = yaml_load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    labels: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for label, target in node.items():
                labels.append(label)
                walk(target)

    walk(raw["nav"])
    toggles = [s["toggle"]["name"] for s in raw["theme"]["palette"]]
    for text in [*labels, *toggles, raw["site_name"], raw["copyright"]]:
        assert sitelangs.translate(text, "tr"), text


def test_material_bundle_patch_is_exact_and_idempotent(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    bundle = folder / "bundle.abc.min.js"
    bundle.write_text('x;M("link[rel=alternate]").pipe()', encoding="utf-8")
    assert material.patch_bundle(tmp_path) == [bundle]
    assert 'M("link[rel=alternate]:not([hreflang])")' in bundle.read_text(encoding="utf-8")
    assert material.patch_bundle(tmp_path) == []
    bundle.write_text("nothing to patch", encoding="utf-8")
    with pytest.raises(material.BundleChanged, match=r"update kb/material\.py"):
        material.patch_bundle(tmp_path)


# The built site (conftest's `built_site`: `mkdocs build --strict` of the real data)


def _pages(site: Path) -> list[str]:
    """Every English page's URL (directory URLs), without the other languages' folders."""
    out = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        if url.split("/", 1)[0] not in languages.LANGUAGES:
            out.append(url)
    return sorted(out)


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_english_page_has_a_turkish_twin_linked_both_ways(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 100
    for url in pages:
        twin = "tr/" + url
        assert (built_site / twin / "index.html").is_file(), twin
        for here, there, lang in ((url, twin, "tr"), (twin, url, "en")):
            page = _html(built_site, here)
            switch = page.select_one(f"a.kb-lang-link[hreflang={lang}]")
            assert switch is not None, here
            assert urljoin("/" + here, switch["href"]) == "/" + there, (here, switch["href"])
            head = {
                link["hreflang"]: urljoin("/" + here, link["href"])
                for link in page.head.find_all("link", hreflang=True)
            }
            assert head[lang] == "/" + there and head["x-default"] == "/" + url, here


def test_html_lang_and_material_language_per_site(built_site: Path) -> None:
    for url in ("", "bases/incirlik/", "claims/"):
        assert _html(built_site, url).html["lang"] == "en"
        turkish = _html(built_site, "tr/" + url)
        assert turkish.html["lang"] == "tr"
        assert turkish.select_one("input.md-search__input")["placeholder"] == "Ara"


def _material_strings(code: str) -> dict[str, str]:
    import material

    text = (
        Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"
    ).read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', text, re.MULTILINE))


def test_no_turkish_page_shows_an_english_interface_string(built_site: Path) -> None:
    """Every element's own text and every title, aria-label and placeholder on a Turkish page
    is compared with the English interface strings (ours and Material's) that differ from
    their Turkish; English data shown as not yet translated is tagged lang="en" and skipped."""
    ours = {
        v for k, v in EN.strings.items() if "{" not in v and "\n" not in v and v != TR.strings[k]
    }
    en, tr = _material_strings("en"), _material_strings("tr")
    theirs = {v for k, v in en.items() if tr.get(k) != v and "#" not in v and len(v) > 2}
    english = {s.strip().rstrip(":.").strip() for s in ours | theirs} - {""}
    assert {"Search", "Table of contents", "Back to top", "Claims", "Installations"} <= english
    checked = 0
    for url in _pages(built_site):
        page = _html(built_site, "tr/" + url)
        for tag in page.find_all(lang="en"):
            tag.decompose()
        for tag in page.find_all(["script", "style", "code", "pre", "svg"]):
            tag.decompose()
        for tag in page.select("nav.md-nav--secondary a"):
            tag.decompose()  # the table of contents repeats the headings (type names too)
        seen = {
            " ".join(el.get_text(" ", strip=True).split()).rstrip(":.").strip()
            for el in page.find_all(True)
            if not el.find(True)
        }
        for attr in ("title", "aria-label", "placeholder"):
            seen |= {el[attr].strip() for el in page.find_all(attrs={attr: True})}
        shown = seen & english
        assert not shown, (url, sorted(shown))
        checked += 1
    assert checked > 100


def test_each_language_has_its_own_search_index_and_folding_worker(built_site: Path) -> None:
    for folder in ("", "tr/"):
        index = json.loads((built_site / folder / "search/search_index.json").read_text())
        locations = {d["location"] for d in index["docs"]}
        assert "bases/kurecik/" in locations
        assert not any(loc.startswith("tr/") for loc in locations)
        workers = list((built_site / folder).glob("assets/javascripts/workers/search.*.min.js"))
        assert workers and all(
            w.read_text(encoding="utf-8").startswith(search.MARK) for w in workers
        )
    turkish = json.loads((built_site / "tr/search/search_index.json").read_text())
    assert "tr" in turkish["config"]["lang"]
    titles = {d["title"] for d in turkish["docs"]}
    assert "İddialar" in titles and "Claims" not in titles


def test_sitemaps_list_both_languages(built_site: Path) -> None:
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", text)
    assert locs and not any("/tr/" in loc for loc in locs)
    assert text.count('hreflang="tr"') == len(locs)
    turkish = (built_site / "tr/sitemap.xml").read_text(encoding="utf-8")
    tr_locs = re.findall(r"<loc>([^<]*)</loc>", turkish)
    assert len(tr_locs) == len(locs) and all("/tr/" in loc for loc in tr_locs)


def test_the_not_found_page_speaks_its_sites_language(built_site: Path) -> None:
    for page, heading in (
        ("404.html", "404 - Not found"),
        ("tr/404.html", "404 - Sayfa bulunamadı"),
    ):
        html = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        assert [h.get_text(strip=True) for h in html.select("article h1")] == [heading]


def test_turkish_nav_footer_and_feed(built_site: Path) -> None:
    home = _html(built_site, "tr/")
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert "İddialar" in nav and "Yöntem" in nav and "Claims" not in nav
    assert "Türkiye'deki NATO ve ABD üsleri" in home.title.get_text()
    feed = (built_site / "tr/feed.xml").read_text(encoding="utf-8")
    assert "iddia incelemeleri" in feed and "/tr/claims/" in feed
    # the downloads carry both languages once; /tr/ has only its own citations (map-cite)
    assert [p.name for p in (built_site / "tr/api/v1").iterdir()] == ["cite"]


def test_turkish_lists_sort_in_turkish_order(built_site: Path) -> None:
    for folder, key in (("tr/", languages.turkish_key), ("", languages.english_key)):
        page = _html(built_site, folder + "actors/")
        names = [
            a.get_text(strip=True) for a in page.select("article table tbody tr td:first-child a")
        ]
        assert len(names) > 10 and names == sorted(names, key=key), folder


def test_quotes_carry_their_language(built_site: Path) -> None:
    page = _html(built_site, "tr/bases/kurecik/")
    quotes = page.select("q.kb-quote")
    assert quotes and all(q.get("lang") for q in quotes)
    assert {q["lang"] for q in quotes} >= {"tr", "en"}


def test_exports_carry_both_languages() -> None:
    from kb import build

    loaded = build.load(paths.DATA, base=paths.ROOT)
    files = export.files(list(loaded.records), site_url="https://kb.example/")
    dataset = json.loads(files[addresses.export("dataset")])
    incirlik = next(b for b in dataset["bases"] if b["id"] == "incirlik")
    assert incirlik["name"]["tr"] == "İncirlik Hava Üssü"
    texts = [c["text"] for b in dataset["bases"] for c in b.get("claims", [])]
    assert any(isinstance(t, dict) and t.get("tr") for t in texts)
    claims_csv = files[addresses.export("claims", "csv")].decode()
    header = claims_csv.splitlines()[0].split(",")
    assert "text_tr" in header
    geo = json.loads(files[addresses.export("installations", "geojson")])
    names = {f["properties"]["name_tr"] for f in geo["features"]}
    assert "İncirlik Hava Üssü" in names
    incirlik_feature = next(f for f in geo["features"] if f["id"] == "incirlik")
    assert incirlik_feature["properties"]["url_tr"] == "https://kb.example/tr/bases/incirlik/"


def test_a_lead_sentence_does_not_end_at_a_turkish_ordinal() -> None:
    text = Text(
        "It hosts the 10th Tanker Base. More.",
        "Adana'da, 10. Tanker Üs Komutanlığının bulunduğu bir üstür. Daha fazlası.",
    )
    assert text.first_sentence("tr").endswith("bulunduğu bir üstür.")
    assert text.first_sentence("en") == "It hosts the 10th Tanker Base."
    assert Text("Built in 1955. Second.").first_sentence("en") == "Built in 1955."
    assert text.lead() == Text(text.first_sentence("en"), text.first_sentence("tr"))


def test_a_hand_written_page_not_yet_translated_is_listed_for_the_english_fallback(
    tmp_path: Path,
) -> None:
    for name in ("index.md", "about.md", "tr/index.md", "assets/x.css", "sub/page.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert sitelangs.untranslated_pages(tmp_path, "tr") == ["about.md", "sub/page.md"]


def test_every_hand_written_page_is_translated() -> None:
    assert sitelangs.untranslated_pages(paths.ROOT / "docs", "tr") == []


def test_the_untranslated_page_notice_is_in_the_page_language() -> None:
    from kb import build

    loaded = build.load(Path(__file__).parent / "golden" / "data")
    notice = loaded.renderer("tr").untranslated_notice()
    assert "henüz çevrilmedi" in notice and "Türkçeye çevrilmedi" in notice
