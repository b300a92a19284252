"""Timed site builds for the benchmark: the real build (with the hook) and its static twin.

The static twin is the baseline the generator is measured against: the Markdown that `kb pages`
writes (every generated page and the hand-written pages with their blocks expanded), built by
MkDocs with the same configuration and no hook. The twin's configuration inherits mkdocs.yml
and only drops the hook and sets what the hook would have derived (repository and site URLs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kb import build, paths, publish
from kb.render import write_pages

EPOCH = "1764201600"


@dataclass(frozen=True)
class Built:
    seconds: float
    cpu_s: float
    peak_mb: float
    site: Path


def _env(extra: dict[str, str]) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **extra}


def run_build(config: Path, site: Path, env: dict[str, str] | None = None) -> Built:
    """`mkdocs build --strict` in a child process: wall time, the child's CPU time (steadier
    than wall time on a shared machine) and its peak memory."""
    if site.exists():
        shutil.rmtree(site)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=_env(env or {}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed ({config}):\n{stderr.decode()[-3000:]}")
    return Built(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, site)


def _config_value(key: str) -> str:
    text = (paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(rf"^\s*{key}:\s*(\S.*?)\s*$", text, re.MULTILINE)
    if not found:
        raise SystemExit(f"mkdocs.yml has no '{key}'")
    return found.group(1)


def _site_name() -> str:
    return _config_value("site_name")


def _hook_settings() -> dict[str, str]:
    """What the hook's on_config derives from `extra.github_repository`."""
    repo = _config_value("github_repository")
    owner, name = repo.split("/")
    return {
        "repo_url": f"https://github.com/{repo}",
        "repo_name": repo,
        "edit_uri": "edit/main/docs/",
        "site_url": f"https://{owner}.github.io/{name}/",
    }


def static_twin(data: Path, folder: Path) -> Path:
    """Write what the hook adds (generated Markdown, exports, feed) and a hook-less
    configuration; returns the config path."""
    docs = folder / "docs"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(paths.ROOT / "docs", docs)
    loaded = build.load(data)
    renderer = loaded.renderer()
    write_pages(renderer, docs, paths.ROOT / "docs")
    hook = _hook_settings()
    for path, content in publish.site_files(loaded, hook["site_url"], _site_name()).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content)
    settings = {
        "INHERIT": str(paths.ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "hooks": [],
        "watch": [],
        "theme": {"name": "material", "custom_dir": str(paths.ROOT / "scripts/kb/theme")},
        **hook,
    }
    config = folder / "mkdocs.yml"
    # JSON is YAML: the configuration is written without importing a YAML library.
    config.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    return config


def site_size_mb(site: Path) -> float:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20


def page_kb(site: Path, uri: str) -> float:
    return (site / uri / "index.html").stat().st_size / 1024
