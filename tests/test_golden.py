"""Golden pages: a small fixture corpus renders to Markdown compared byte for byte, without
MkDocs, so every template change shows as a diff. `scripts/test --update-golden` rewrites
tests/golden/expected/ after a deliberate change; review the diff before committing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import addresses, build, languages

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
# Fixed "last changed" dates, so the pages do not depend on this repository's git history.
CHANGED = {"data/bases/alpha.yaml": "2026-03-04", "data/sources/src-one.yaml": "2026-11-02"}
SNIPPETS = ("home", "vocabularies", "corrections")


def _rendered() -> dict[str, str]:
    """Every page in every language (Turkish under tr/, as on the site)."""
    loaded = build.load(GOLDEN / "data", base=GOLDEN, changed=CHANGED)
    pages: dict[str, str] = {}
    for lang in languages.LANGUAGES:
        renderer = loaded.renderer(lang)
        folder = addresses.prefix(lang)
        pages.update({g.uri: g.content for g in renderer.pages()})
        pages.update(
            {
                f"{folder}_{name}.md": renderer.snippet(name, f"{folder}index.md")
                for name in SNIPPETS
            }
        )
    return pages


def test_golden_pages(request: pytest.FixtureRequest) -> None:
    rendered = _rendered()
    if request.config.getoption("--update-golden"):
        for uri, content in rendered.items():
            target = EXPECTED / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8"))
        for path in EXPECTED.rglob("*.md"):
            if path.relative_to(EXPECTED).as_posix() not in rendered:
                path.unlink()
        pytest.skip("golden files rewritten; review `git diff tests/golden`")
    expected = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md")}
    assert expected == set(rendered), "pages added or removed; run scripts/test --update-golden"
    for uri, content in sorted(rendered.items()):
        want = (EXPECTED / uri).read_bytes().decode("utf-8")
        assert content == want, f"{uri} differs from tests/golden/expected/{uri}"
