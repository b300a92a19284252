"""MkDocs adapter: a few event handlers that call plain functions in the kb package.

- on_config: derive repo_url, edit_uri and site_url from `extra.github_repository`.
- on_files: check the data (a data error stops the build with the validator's report), add one
  generated page per record and the index pages, and point each one's edit link at its YAML.
- on_page_markdown: expand `<!-- kb:NAME -->` markers in hand-written pages.
- on_post_build: make Material's search worker fold Turkish letters.

Nothing is loaded at import time: `mkdocs serve` does not reload this module, so every build
starts from the files on disk.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kb import build, git, paths, publish, search
from kb.render import MARKER, Renderer, expand_markers

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.kb")
_renderer: dict[str, Renderer] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Two builds of one commit must be byte-identical: MkDocs stamps the build date (sitemap)
    # from SOURCE_DATE_EPOCH when it is set, so default it to the last commit's time.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = git.commit_epoch(paths.ROOT)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    repo = config.extra.get("github_repository")
    if repo:
        owner, name = repo.split("/")
        config.repo_url = config.repo_url or f"https://github.com/{repo}"
        config.repo_name = config.repo_name or repo
        config.edit_uri = config.edit_uri or "edit/main/docs/"
        config.site_url = config.site_url or f"https://{owner}.github.io/{name}/"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        renderer, warnings, loaded = build.renderer(paths.DATA)
    except build.DataError as e:
        raise PluginError(f"the data has errors:\n{e}") from None
    for warning in warnings:
        log.warning(warning.format())
    _renderer["current"] = renderer
    site_url = config.site_url or ""
    for path, content in publish.site_files(loaded, site_url, config.site_name).items():
        files.append(File.generated(config, path, content=content))
    for page in renderer.pages():
        file = File.generated(config, page.uri, content=page.content)
        # Edit links open the YAML a page came from; generated index pages have none.
        file.edit_uri = f"../{page.source}" if page.source else None
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None and MARKER.search(markdown):
        return expand_markers(markdown, page.file.src_uri, _renderer["current"])
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    search.patch_worker(Path(config.site_dir))
