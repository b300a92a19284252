"""Timed site builds for the benchmark: the real build (with the hook) and its static twin.

The static twin is the baseline the generator is measured against: the same Markdown the
hook hands MkDocs, in every language (each language's generated pages, its hand-written pages
with their blocks expanded, and the files it publishes), built by MkDocs with the same
configuration and no hook, and scheduled as the hook schedules the builds (kb.langbuild: the
other languages in child processes beside the default one; KB_LANG_PROCESSES=0: one after
the other), so the ratio compares the generator's cost and not the scheduling. The Markdown is
written by the functions the hook calls (kb.render, kb.publish,
kb.sitelangs); the other languages' configurations come from `sitelangs.language_config`, as
in the hook. The twin's configuration is mkdocs.yml without the hook, with what the hook
would have derived (repository and site URLs, the kb Markdown extension), and with the other
languages' folders left out of the default language's build (the hook removes them there).
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
from typing import Any

from kb import addresses, build, langbuild, languages, paths, publish, sitelangs
from kb.render import hand_written, write_pages
from kb.site import Site

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
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    return _timed([*command, "-f", str(config), "-d", str(site)], config, site, env)


def run_twin(config: Path, site: Path) -> Built:
    """The static twin's builds (every language, scheduled as the hook does), timed like
    `run_build`; the site folder is the one `static_twin` wrote into the configuration."""
    command = [sys.executable, "-m", "kb.benchbuild", str(config)]
    return _timed(command, config, site, {"PYTHONPATH": str(paths.ROOT / "scripts")})


def _timed(command: list[str], config: Path, site: Path, env: dict[str, str] | None) -> Built:
    if site.exists():
        shutil.rmtree(site)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
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
    """Write what the hook hands MkDocs in every language (generated Markdown, expanded
    hand-written pages, exports, feeds, citations) and a hook-less configuration whose site
    folder is `folder/static-site`; returns the configuration's path."""
    from mkdocs.utils.yaml import yaml_load  # only the benchmark needs MkDocs here

    docs = folder / "docs"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(paths.ROOT / "docs", docs)
    loaded = build.load(data)
    hook = _hook_settings()
    for lang in languages.LANGUAGES:
        _write_language(loaded, docs, lang, hook["site_url"])
    with (paths.ROOT / "mkdocs.yml").open("rb") as f:
        settings: dict[str, Any] = yaml_load(f)
    others = languages.LANGUAGES[1:]
    settings |= {
        "docs_dir": str(docs),
        "site_dir": str(folder / "static-site"),
        "hooks": [],
        "watch": [],
        "exclude_docs": "".join(f"/{lang}/\n" for lang in others),
        "markdown_extensions": [*settings.get("markdown_extensions", []), "kb.mdext"],
        **hook,
    }
    settings["theme"] = {**settings["theme"], "custom_dir": str(paths.ROOT / "scripts/kb/theme")}
    config = folder / "mkdocs.yml"
    # JSON is YAML: MkDocs and `sitelangs.language_config` read it as they read mkdocs.yml.
    config.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    return config


def _write_language(loaded: build.Build, docs: Path, lang: str, site_url: str) -> None:
    """One language's generated pages, expanded hand-written pages and published files in
    the twin's docs folder (`docs/<lang>/` for a language other than the default): what the
    hook's `on_files` and `on_page_markdown` give that language's build."""
    folder = addresses.prefix(lang)
    here = Site(_site_name(), site_url).localized(lang)  # the name as language_config has it
    renderer = loaded.renderer(lang, here)
    write_pages(renderer, docs, paths.ROOT / "docs")
    for path, content in publish.site_files(loaded, site_url + folder, here.name, lang).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content)
    if not folder:
        return
    source = paths.ROOT / "docs"
    for uri in sitelangs.shared_assets(source):
        (docs / folder / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / uri, docs / folder / uri)
    for uri in sitelangs.untranslated_pages(source, lang):
        text = (source / uri).read_text(encoding="utf-8")
        target = docs / folder / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(hand_written(text, folder + uri, renderer, True), encoding="utf-8")


def site_size_mb(site: Path) -> float:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20


def page_kb(site: Path, uri: str) -> float:
    return (site / uri / "index.html").stat().st_size / 1024


def _build_twin(config_file: str) -> None:
    """The twin's builds, scheduled as the hook schedules them (kb.langbuild): each other
    language in a child process beside the default language's build, its site moved into
    place at the end; with KB_LANG_PROCESSES=0, one after the other in this process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _show_warnings()
    config = load_config(config_file=config_file, strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    others = languages.LANGUAGES[1:]
    children = []
    if langbuild.in_children():
        for lang in others:
            temp = Path(config.site_dir).with_name(f".twin-building-{lang}")
            command = [sys.executable, "-m", "kb.benchbuild", config_file, lang, str(temp)]
            children.append((lang, temp, subprocess.Popen(command)))
    mkdocs_build(config)
    for lang, temp, proc in children:
        if proc.wait() != 0:
            raise SystemExit(f"the twin's {lang} build failed")
        os.replace(temp, Path(config.site_dir) / addresses.prefix(lang))
    if not children:
        for lang in others:
            mkdocs_build(sitelangs.language_config(config, lang))
    config.plugins.on_shutdown()


def _build_twin_language(config_file: str, lang: str, site_dir: str) -> None:
    """One other language of the twin, into `site_dir` (a child of `_build_twin`)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _show_warnings()
    config = load_config(config_file=config_file, strict=True)
    settings = sitelangs.language_settings(config, lang) | {"site_dir": site_dir}
    mkdocs_build(load_config(config_file=config_file, **settings))


def _show_warnings() -> None:
    """MkDocs's log as `mkdocs build -q` (the full build's options) has it: errors only, on
    stderr. As there, `--strict` then counts no warning (MkDocs drops them first)."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)


if __name__ == "__main__":
    if len(sys.argv) == 4:
        _build_twin_language(*sys.argv[1:])
    else:
        _build_twin(sys.argv[1])
