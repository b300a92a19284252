"""Helpers to build the site into a folder and read its HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from kb import paths


def build_site(
    out: Path, config: Path = paths.ROOT / "mkdocs.yml", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into `out`; returns the finished process."""
    full_env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1764201600",
        **(env or {}),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(out),
        ],
        cwd=config.parent,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
