"""The site's name and address, read from mkdocs.yml the way the MkDocs hook derives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import site


def test_the_address_is_derived_from_the_repository_unless_configured() -> None:
    assert site.derive_url(None, "owner/repo") == "https://owner.github.io/repo/"
    assert site.derive_url("https://kb.example/x", "owner/repo") == "https://kb.example/x/"
    assert site.derive_url(None, None) == ""


def test_the_real_configuration_gives_the_hooks_address() -> None:
    here = site.from_config()
    assert here.name == "NATO and US bases in Turkey"
    assert here.url == "https://tr-bases-kb.github.io/tr-bases-kb/"
    assert here.absolute("bases/incirlik/") == here.url + "bases/incirlik/"


def test_a_broken_configuration_is_a_located_message(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\nsite_name: B\n", encoding="utf-8")
    with pytest.raises(site.ConfigError, match=r"mkdocs\.yml:2:1: error .*site_name"):
        site.from_config(config)
    with pytest.raises(site.ConfigError, match="cannot read"):
        site.from_config(tmp_path / "missing.yml")
