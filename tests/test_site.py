"""The site's name, address and repository, read from mkdocs.yml the way the MkDocs hook
derives them, and read once: the hook uses the configuration MkDocs loaded, `kb pages` reads
the file once, and the second language's build does not make MkDocs read it again."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kb import build, site

GOLDEN = Path(__file__).parent / "golden"
_opened: list[list[str]] = []
"""While `_opens` records: the paths every `open` in this process touched."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _opened and event == "open" and isinstance(args[0], str | bytes | Path):
        _opened[-1].append(str(Path(args[0].decode() if isinstance(args[0], bytes) else args[0])))


sys.addaudithook(_audit)  # audit hooks cannot be removed; it does nothing unless recording


@contextmanager
def _opens() -> Iterator[list[str]]:
    """The files opened inside the block (every open: builtins, io, pathlib, C extensions)."""
    _opened.append([])
    try:
        yield _opened[-1]
    finally:
        _opened.pop()


def _config_reads(opened: list[str]) -> int:
    config = str(site.CONFIG.resolve())
    return sum(1 for p in opened if str(Path(p).resolve()) == config)


def test_the_address_is_derived_from_the_repository_unless_configured() -> None:
    assert site.derive_url(None, "owner/repo") == "https://owner.github.io/repo/"
    assert site.derive_url("https://kb.example/x", "owner/repo") == "https://kb.example/x/"
    assert site.derive_url(None, None) == ""


def test_the_real_configuration_gives_the_hooks_address() -> None:
    here = site.from_config()
    assert here.name == "NATO and US bases in Turkey"
    assert here.url == "https://tr-bases-kb.github.io/tr-bases-kb/"
    assert here.repository == "tr-bases-kb/tr-bases-kb"
    assert here.absolute("bases/incirlik/") == here.url + "bases/incirlik/"
    turkish = here.localized("tr")
    assert turkish.name != here.name
    assert (turkish.url, turkish.repository) == (here.url, here.repository)


@pytest.mark.parametrize(
    ("extra", "repository", "url"),
    [
        (
            "extra:\n  github_repository: someone/some-kb\n",
            "someone/some-kb",
            "https://someone.github.io/some-kb/",
        ),
        ("", None, ""),
        ("extra: none\n", None, ""),
        ("extra:\n  github_repository: not a repository\n", None, ""),
        ("extra:\n  github_repository: a/b/c\n", None, ""),
    ],
)
def test_the_repository_is_owner_slash_name_or_none(
    tmp_path: Path, extra: str, repository: str | None, url: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\n" + extra, encoding="utf-8")
    here = site.from_config(config)
    assert (here.name, here.repository, here.url) == ("A", repository, url)


def test_a_broken_configuration_is_a_located_message(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\nsite_name: B\n", encoding="utf-8")
    with pytest.raises(site.ConfigError, match=r"mkdocs\.yml:2:1: error .*site_name"):
        site.from_config(config)
    with pytest.raises(site.ConfigError, match="cannot read"):
        site.from_config(tmp_path / "missing.yml")


def test_kb_pages_reads_the_configuration_once(tmp_path: Path) -> None:
    from kb.cli import main

    with _opens() as opened:
        result = CliRunner().invoke(
            main, ["pages", str(tmp_path / "out"), "--data", str(GOLDEN / "data")]
        )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "about.md").is_file() and (
        tmp_path / "out" / "tr" / "about.md"
    ).is_file()
    assert _config_reads(opened) == 1, [p for p in opened if p.endswith(".yml")]


def test_rendering_for_a_given_site_reads_no_configuration() -> None:
    loaded = build.load(GOLDEN / "data", base=GOLDEN)
    here = site.Site("X", "https://x.example/", "someone/some-kb")
    with _opens() as opened:
        for lang in ("en", "tr"):
            pages = list(loaded.renderer(lang, here.localized(lang)).pages())
            assert pages
    assert _config_reads(opened) == 0


def test_the_second_language_build_reads_the_configuration_once() -> None:
    from mkdocs.config import load_config

    from kb import sitelangs

    config = load_config(str(site.CONFIG))
    with _opens() as opened:
        turkish = sitelangs.language_config(config, "tr")
    assert _config_reads(opened) == 1
    assert turkish.theme["language"] == "tr" and turkish.site_name != config.site_name
    assert turkish.plugins.keys() == config.plugins.keys()
    assert turkish.extra["github_repository"] == config.extra["github_repository"]


def test_a_build_reads_the_configuration_once_for_all_its_renderers() -> None:
    loaded = build.load(GOLDEN / "data", base=GOLDEN)
    expected = site.from_config()
    with _opens() as opened:
        for lang in ("en", "tr", "en"):
            assert loaded.renderer(lang).site == expected
    assert _config_reads(opened) == 1
