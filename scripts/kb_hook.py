"""MkDocs adapter: a few event handlers that call plain functions in the kb package.

- on_config: derive repo_url, edit_uri and site_url from `extra.github_repository`; add the
  kb Markdown extension (fact boxes without an empty header row, column names on cells).
- on_files: check the data (a data error stops the build with the validator's report; under
  `mkdocs serve` every page shows the report instead, until the next good save), add one
  generated page per record and the index pages, and point each one's edit link at its YAML.
- on_page_markdown: give each generated page its metadata (title, description) directly, with
  no YAML front matter that text from data could break; expand `<!-- kb:NAME -->` markers in
  hand-written pages.
- on_env: the theme's compiled templates are kept across builds (kb.render.THEME_CODE).
- on_page_context: the page's versions in every language (hreflang links, language switch).
- on_post_build: make Material's search worker fold Turkish letters and its language script
  leave our hreflang links alone (kb.material); in the search index, put each claim's status
  before its title and give installations their aliases; after the default
  language, wait for the other languages' builds, started in on_files beside this one
  (kb.langbuild; kb.sitelangs says why a second build).
- on_serve: poll the watched folders more often while they are small (kb.servewatch).
- on_pre_build: under `mkdocs serve`, set the previous site aside to be deleted beside the
  build (kb.siteclean).
- on_build_error: stop those builds; on_shutdown: stop the builders `mkdocs serve` keeps
  warm for them (kb.langserve).

A failure in the kb package stops the build with a one-paragraph message, never a raw
traceback (KB_DEBUG=1 shows it).

Nothing is loaded at import time: `mkdocs serve` does not reload this module, so every build
starts from the files on disk.
"""

from __future__ import annotations

import gc
import logging
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kb import (
    addresses,
    build,
    git,
    i18n,
    langbuild,
    langserve,
    languages,
    material,
    mdext,
    parallel,
    paths,
    publish,
    search,
    servepage,
    servewatch,
    site,
    siteclean,
    sitelangs,
)
from kb.render import MARKER, THEME_CODE, Renderer, hand_written

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.kb")
_renderer: dict[str, Renderer] = {}
_meta: dict[str, dict[str, Any]] = {}
"""Generated page path -> the metadata its template set, for on_page_markdown."""
_untranslated: set[str] = set()
"""Hand-written pages the current language's build shows in English (not yet translated)."""
_command: dict[str, str] = {}
"""The MkDocs command running ('serve', 'build', ...), from on_startup."""
_last_pages: list[str] = []
"""The generated pages of the last good build, so that under `mkdocs serve` a data error is
shown at their addresses too."""
_showing_errors: dict[str, bool] = {}
_loaded: dict[str, build.Build] = {}
"""The checked data of the current build, handed to the other languages' builds."""
_children: list[langbuild.Running] = []
"""The other languages' builds, running beside this one (kb.langbuild; under `mkdocs serve`
on builders kept warm between saves, kb.langserve)."""
T = TypeVar("T")


def _guarded(step: Callable[[], T]) -> T:
    """Run a kb step; a bug becomes a PluginError that says so instead of a traceback."""
    try:
        return step()
    except PluginError:
        raise
    except Exception as e:
        if os.environ.get("KB_DEBUG"):
            traceback.print_exc()
        raise PluginError(
            f"internal error in the kb package: {type(e).__name__}: {e}\n"
            "This is a bug in the kb tool, not in your data; please report it "
            "(set KB_DEBUG=1 to see the details)."
        ) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Two builds of one commit must be byte-identical: MkDocs stamps the build date (sitemap)
    # from SOURCE_DATE_EPOCH when it is set, so default it to the last commit's time.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = git.commit_epoch(paths.ROOT)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    # Fact boxes (two-column tables) render without their empty header row.
    if not any(isinstance(e, mdext.KbTables) for e in config.markdown_extensions):
        config.markdown_extensions.append(mdext.KbTables())
    lang = sitelangs.build_language(config)
    # True, not a list: Material's header then includes our language switch
    # (theme/partials/alternate.html), and its own head loop of language roots stays off.
    config.extra["alternate"] = True
    # The theme links the feed from every page's head; its address comes from kb.addresses.
    config.extra["kb_feed"] = _local(addresses.feed(lang), lang)
    feed_title = i18n.language(lang).string("feed-title")
    config.extra["kb_feed_title"] = feed_title.format(site=config.site_name)
    # Material's 404 page is English only; the theme's 404.html shows this heading instead.
    config.extra["kb_not_found"] = i18n.language(lang).string("not-found")
    repo = config.extra.get("github_repository")
    if repo:
        config.repo_url = config.repo_url or f"https://github.com/{repo}"
        config.repo_name = config.repo_name or repo
        config.edit_uri = config.edit_uri or "edit/main/docs/"
        config.site_url = site.derive_url(config.site_url, repo)
    return config


def _local(path: str, lang: str) -> str:
    """A site path inside this language's build (the build's root is the language folder)."""
    return path.removeprefix(addresses.prefix(lang))


def on_startup(command: str, dirty: bool) -> None:
    # The one reliable sign of `mkdocs serve` (MkDocs >= 1.4); kept across its rebuilds.
    _command["name"] = command


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    # Poll the watched folders every 0.1 s, not 0.5 s, while they are small (kb.servewatch).
    watched = [config.docs_dir, str(config.config_file_path), *config.watch]
    servewatch.quicken(server.observer, watched)
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    # MkDocs empties the site folder next; under serve, set the old files aside instead and
    # delete them beside the build (kb.siteclean).
    if (
        _command.get("name") == "serve"
        and sitelangs.build_language(config) == addresses.DEFAULT_LANGUAGE
    ):
        siteclean.set_aside(Path(config.site_dir))


class _ServeDataError(PluginError):
    """Data errors under `mkdocs serve`: shown as a page instead of stopping the build."""


def _load() -> build.Build:
    shared = build.shared()  # another language's build inside the default one's
    if shared is not None:
        return shared
    try:
        return build.load(paths.DATA)
    except build.DataError as e:
        if _command.get("name") == "serve":
            raise _ServeDataError(str(e)) from None
        raise PluginError(f"the data has errors:\n{e}") from None


def _error_site(files: Files, config: MkDocsConfig, report: str) -> Files:
    """Under `mkdocs serve`, every page (hand-written, and generated in the last good build)
    becomes the error page, so whatever tab is open reloads to it; assets stay."""
    log.error("the data has errors; the browser shows them until the next good save:")
    for line in report.splitlines():
        log.error(line)
    content = servepage.error_page(report, addresses.DEFAULT_LANGUAGE)
    uris = {f.src_uri for f in files.documentation_pages()} | set(_last_pages) | {"index.md"}
    for file in list(files.documentation_pages()):
        files.remove(file)
    for uri in sorted(uris):
        files.append(File.generated(config, uri, content=content))
    _renderer.clear()
    _loaded.clear()
    _meta.clear()
    _showing_errors["now"] = True
    return files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    gc.unfreeze()  # what the previous build under `mkdocs serve` kept may be collected now
    with parallel.gc_paused():
        files = _add_generated(files, config)
    # The corpus, model and pages live until the build ends and hold no garbage: out of the
    # collector's reach, MkDocs's own collections no longer rescan them on every page.
    gc.freeze()
    return files


def _add_generated(files: Files, config: MkDocsConfig) -> Files:
    lang = sitelangs.build_language(config)
    _showing_errors["now"] = False
    try:
        loaded = _guarded(_load)
    except _ServeDataError as e:
        return _error_site(files, config, e.message)
    # Only under the MkDocs commands: a test or tool that runs this event alone gets none.
    if lang == addresses.DEFAULT_LANGUAGE and _command and langbuild.in_children():
        _cancel_children()  # a previous build that failed before joining them
        starter = langserve.start if _command.get("name") == "serve" else langbuild.start
        _children.extend(_guarded(lambda: starter(config)))
    site_url = config.site_url or ""
    folder = addresses.prefix(lang)
    root_url = site_url.removesuffix(folder) if folder else site_url
    repository = site.github_repository(config.extra.get("github_repository"))
    here = site.Site(config.site_name, root_url, repository)
    renderer = _guarded(lambda: loaded.renderer(lang, here))
    if lang == addresses.DEFAULT_LANGUAGE:
        for warning in loaded.warnings:
            log.warning(warning.format())
        # docs/<lang>/ holds the other languages' hand-written pages: their own builds use them.
        for file in [f for f in files if f.src_uri.split("/", 1)[0] in languages.LANGUAGES]:
            files.remove(file)
    else:
        # The stylesheets and scripts in docs/assets/ serve every language's pages.
        docs = Path(config.docs_dir).parent
        for uri in sitelangs.shared_assets(docs):
            files.append(File(uri, str(docs), config.site_dir, config.use_directory_urls))
        # A hand-written page not yet translated is shown in English, with a notice.
        _untranslated.clear()
        for uri in sitelangs.untranslated_pages(docs, lang):
            _untranslated.add(uri)
            file = File(uri, str(docs), config.site_dir, config.use_directory_urls)
            file.edit_uri = f"../{uri}"  # the English page, until docs/<lang>/ has its own
            files.append(file)
    _renderer["current"] = renderer
    _loaded["current"] = loaded
    _meta.clear()
    published = _guarded(lambda: publish.site_files(loaded, site_url, config.site_name, lang))
    for path, content in published.items():
        files.append(File.generated(config, _local(path, lang), content=content))
    # Edit links open the YAML a page came from (relative to edit_uri, which ends in the docs
    # folder); generated index pages have none.
    to_root = Path(os.path.relpath(paths.ROOT, config.docs_dir)).as_posix()
    if lang == addresses.DEFAULT_LANGUAGE:
        _last_pages.clear()
    for page in _guarded(renderer.pages):
        uri = _local(page.uri, lang)
        if lang == addresses.DEFAULT_LANGUAGE:
            _last_pages.append(uri)
        _meta[uri] = page.meta
        file = File.generated(config, uri, content=page.body)
        file.edit_uri = f"{to_root}/{page.source}" if page.source else None
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = _meta.get(page.file.src_uri) if page.file.generated_by is not None else None
    if meta is not None:
        if page.meta:  # the generated Markdown has no front matter: this came from data
            raise PluginError(
                f"generated page {page.file.src_uri} produced metadata of its own "
                f"({', '.join(sorted(page.meta))}); this is a bug in the kb templates"
            )
        page.meta = dict(meta)
        return markdown
    untranslated = page.file.src_uri in _untranslated
    if page.file.generated_by is None and (untranslated or MARKER.search(markdown)):
        renderer = _renderer["current"]
        uri = addresses.prefix(renderer.lang) + page.file.src_uri
        return _guarded(lambda: hand_written(markdown, uri, renderer, untranslated))
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = THEME_CODE  # compile the theme once per process, not once per build
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["kb_alternates"] = languages.alternates(page.url, sitelangs.build_language(config))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    search.patch_worker(site)
    try:
        material.patch_bundle(site)
    except material.BundleChanged as e:
        raise PluginError(str(e)) from None
    if _showing_errors.get("now"):
        return  # the error page only, in one language, until the next good save
    # Runs after the search plugin has written its index (hooks come after plugins).
    renderer = _renderer.get("current")
    if renderer is not None:
        corpus, lang = renderer.corpus, renderer.lang
        titles = search.claim_titles(corpus, lang)
        names = search.alias_names(corpus, lang)
        search.annotate(
            site,
            {_local(k, lang): v for k, v in titles.items()},
            {_local(k, lang): v for k, v in names.items()},
        )
    if sitelangs.build_language(config) != addresses.DEFAULT_LANGUAGE:
        return
    # Not guarded: the other builds report their own errors (and count in --strict).
    children = list(_children)
    _children.clear()
    if not children:  # KB_LANG_PROCESSES=0, or a build started without a MkDocs command
        with build.sharing(_loaded["current"]):
            sitelangs.build_other_languages(config)
        return
    failed = langbuild.finish(config, children)
    if failed:
        raise PluginError(f"the {', '.join(failed)} build failed: its messages are above")


def on_build_error(error: Exception) -> None:
    _cancel_children()


def on_shutdown() -> None:
    # `mkdocs serve` is stopping: its warm builders too; it then removes the site folder.
    langserve.stop_all()
    siteclean.finish()


def _cancel_children() -> None:
    for child in _children:
        child.cancel()
    _children.clear()
