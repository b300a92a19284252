"""Build the real site with `mkdocs build --strict` and check the HTML a reader gets."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import soup

from kb import paths
from kb.build import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def corpus():  # type: ignore[no-untyped-def]
    return load(paths.DATA, base=paths.ROOT).corpus


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site


def test_a_page_per_installation_with_every_claim_anchor(site: Path, corpus) -> None:
    for base in corpus.bases.values():
        page = soup(site, f"bases/{base.id}")
        for claim in base.claims:
            assert page.find(id=claim.id), f"{base.id}#{claim.id}"
        assert base.name.tr in page.h1.get_text()


def test_overview_claims_have_anchors(site: Path, corpus) -> None:
    page = soup(site, "overview")
    for claim in corpus.overview.claims:
        assert page.find(id=claim.id)


def test_edit_links_open_the_yaml_file(site: Path, corpus) -> None:
    for base in corpus.bases.values():
        edit = soup(site, f"bases/{base.id}").find("a", title="Edit this page")
        assert edit["href"].endswith(f"/edit/main/data/bases/{base.id}.yaml"), edit["href"]
    edit = soup(site, "sources/tkp-2025-07-02").find("a", title="Edit this page")
    assert edit["href"].endswith("/edit/main/data/sources/tkp-2025-07-02.yaml")
    edit = soup(site, "methodology").find("a", title="Edit this page")
    assert edit["href"].endswith("/edit/main/docs/methodology.md")
    assert soup(site, "claims").find("a", title="Edit this page") is None


def test_bibliography_backlinks(site: Path, corpus) -> None:
    page = soup(site, "sources/menafn-2025-06-15-refutes")
    hrefs = {a["href"] for a in page.select("article a[href]")}
    assert "../../claims/kurecik-warned-israel-2025/" in hrefs
    index = soup(site, "sources")
    for source in corpus.sources.values():
        assert index.find(id=source.id), source.id
    # every numbered citation on a base page points at an entry of its bibliography
    page = soup(site, "bases/incirlik")
    for link in page.select("sup.kb-cite a"):
        assert page.find(id=link["href"].lstrip("#")), link["href"]


def test_claims_table_lists_every_claim(site: Path, corpus) -> None:
    table = soup(site, "claims").select_one("article table")
    # each claim links to its own page, claims/<id>/ (relative to the index at claims/)
    links = {a["href"].strip("/").split("/")[-1] for a in table.select("td:nth-child(2) a")}
    assert {c.id for c in corpus.claims} <= links
    assert len(table.select("tbody tr")) == len(corpus.claims)


def test_methodology_vocabularies_come_from_the_schema(site: Path) -> None:
    from kb import schema

    text = soup(site, "methodology").get_text()
    for _, meaning in (*schema.claim_statuses(), *schema.evidence_stances()):
        assert meaning in text


def _scripts(page, name: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Script tags of a page, with relative paths made site-absolute so pages compare."""
    out = set()
    for s in page.find_all("script"):
        if s.get("type") == "application/ld+json":  # data, not code: it must parse as JSON
            json.loads(s.get_text())
            continue
        if s.get("src"):
            out.add(posixpath.normpath(posixpath.join("/" + name, s["src"])))
        else:
            out.add(s.get("id") or re.sub(r'"[./]*"', '"ROOT"', s.get_text())[:80])
    return out


def test_no_script_event_handler_or_foreign_resource_from_data(site: Path, corpus) -> None:
    reference = _scripts(soup(site, "methodology"), "methodology")
    pages = [f"bases/{b}" for b in corpus.bases] + [
        "overview",
        "claims",
        "sources",
        "timeline",
        "actors",
        "quality",
        "",
    ]
    for name in pages:
        page = soup(site, name)
        assert _scripts(page, name) <= reference, name
        for tag in page.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (name, tag.name)
        for tag in page.find_all(src=True):
            assert not urlsplit(tag["src"]).netloc, (name, tag["src"])
        for tag in page.find_all("link", href=True):
            assert not urlsplit(tag["href"]).netloc or tag.get("rel") == ["canonical"], tag


def test_record_pages_are_not_in_the_sidebar(site: Path, corpus) -> None:
    nav = soup(site, "bases/incirlik").select_one("nav.md-nav--primary")
    targets = {a["href"] for a in nav.select("a[href]")}
    assert not [t for t in targets if "sources/" in t and t.rstrip("/").count("/") > 2]
    assert len(targets) < 16  # the index pages, About and Downloads: not one per record


def _served(config, folder: str) -> tuple[dict[str, str], set[str]]:  # type: ignore[no-untyped-def]
    """What the hook hands MkDocs for one language's build: Markdown by docs path (with the
    language's folder), and the generated pages' paths."""
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from kb.render import front_matter

    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    served = {}
    for file in files:
        if file.generated_by and not file.src_uri.endswith(".md"):
            continue  # downloads and the feed: tested in test_export
        if file.generated_by:
            # the hook hands a generated page's metadata over directly; `kb pages` writes it
            # as front matter
            page = Page(None, file, config)
            page.read_source(config)
            text = config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            served[folder + file.src_uri] = front_matter(page.meta) + text
        elif file.src_uri.endswith(".md"):
            page = Page(None, file, config)
            text = file.content_string
            served[folder + file.src_uri] = config.plugins.on_page_markdown(
                text, page=page, config=config, files=files
            )
    generated = {folder + f.src_uri for f in files if f.generated_by and f.src_uri.endswith(".md")}
    return served, generated


def test_generated_markdown_equals_what_the_hook_serves(tmp_path: Path) -> None:
    """`python -m kb pages OUT` writes exactly the Markdown MkDocs gets from the hook, in
    every language (the Turkish build's pages under tr/)."""
    from mkdocs.config import load_config

    from kb import addresses, languages, sitelangs

    config = load_config(str(paths.ROOT / "mkdocs.yml"))
    config.site_dir = str(tmp_path / "site")
    served, generated = _served(config, "")
    for lang in languages.LANGUAGES[1:]:
        more, gen = _served(sitelangs.language_config(config, lang), addresses.prefix(lang))
        served.update(more)
        generated |= gen
    from conftest import run_kb

    out = tmp_path / "pages"
    run = run_kb("pages", str(out), cwd=paths.ROOT)
    assert run.returncode == 0, run.stderr
    written = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")
    }
    assert any(uri.startswith("tr/") for uri in written)
    for uri, text in written.items():
        assert served[uri] == text, uri
    assert generated <= set(written)


def test_field_reference_is_generated_from_the_schema(site: Path) -> None:
    from kb import schema

    page = soup(site, "reference")
    text = page.get_text()
    for section in schema.reference():
        assert page.find(id=section.anchor), section.anchor
        for field in section.fields:
            assert field.name in text, field.name
            assert " ".join(field.description.split()) in " ".join(text.split()), field.name


def test_contributing_page_is_the_repository_guide(site: Path) -> None:
    text = " ".join(soup(site, "contributing").get_text().split())
    assert "Add a claim" in text and "python -m kb new claim konya" in text


def _many_bases(root: Path, count: int) -> Path:
    """A data root with `count` installations shaped like the fixture's `alpha`."""
    from conftest import VALID, write_root

    files: dict[str, str | None] = {"bases/alpha.yaml": None}
    for n in range(count):
        files[f"bases/b{n:04d}.yaml"] = (
            VALID["bases/alpha.yaml"]
            .replace("id: alpha", f"id: b{n:04d}")
            .replace("alpha-", f"b{n:04d}-")
            .replace("Alpha", f"Base {n:04d}")
            # distinct sites: the presence rule refuses installations closer than 300 m
            .replace("{lat: 37.0, lon: 35.4}", f"{{lat: {37 + n / 100:.2f}, lon: 35.4}}")
        )
    return write_root(root, files)


def test_installation_page_weight_does_not_grow_with_the_data(tmp_path: Path) -> None:
    from sitebuild import build_site

    sizes = {}
    for count in (2, 30):
        root = _many_bases(tmp_path / f"d{count}" / "data", count)
        run = build_site(tmp_path / f"site{count}", env={"KB_DATA": str(root)})
        assert run.returncode == 0, run.stderr
        sizes[count] = (tmp_path / f"site{count}" / "bases" / "b0001" / "index.html").stat().st_size
    assert sizes[2] == sizes[30], sizes
