"""Command line: `python -m kb COMMAND`. Thin: each command calls plain functions."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kb import paths
from kb.datatree import KINDS
from kb.issues import Issue, Level, summary

if TYPE_CHECKING:
    from kb.build import Build


def _root_of(path: Path) -> tuple[Path, bool]:
    """The data root a path belongs to, and whether the path is that whole root."""
    path = path.resolve()
    if path.is_dir() and path.name not in KINDS:
        return path, True
    if path.name in KINDS or path.parent.name in KINDS:
        return (path.parent if path.is_dir() else path.parent.parent), False
    return path.parent, False


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def data_option(help_text: str = "The data folder to read.") -> Decorator:
    """The --data option that every command reading data/ shares (KB_DATA sets its default)."""
    return click.option(
        "--data",
        "data_root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=paths.DATA,
        show_default="data/",
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Knowledge base on NATO and US military installations in Turkey."""


@main.command()
@click.argument("targets", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    help="'github' prints workflow annotations.",
)
@data_option()
def validate(targets: tuple[Path, ...], strict: bool, fmt: str, data_root: Path) -> None:
    """Check data files: strict YAML, the schema and the cross-reference rules.

    Checks the --data folder, like every other command; TARGETS (data folders, or files
    inside one) narrow it and are kept for scripts that pass them. A file is checked together
    with the rest of its folder, so its references resolve; only its own problems are shown.
    Exit 0 when clean, 1 on data errors, 2 on usage errors.
    """
    from kb.check import check_root

    # Each data root is checked whole; None means show all of it, a set only those files.
    roots: dict[Path, set[Path] | None] = {}
    for target in targets or (data_root,):
        root, whole = _root_of(target)
        if whole:
            roots[root] = None
        else:
            chosen = sorted(target.resolve().glob("*")) if target.is_dir() else [target.resolve()]
            only = roots.setdefault(root, set())
            if only is not None:
                only.update(chosen)
    shown: list[Issue] = []
    checked = 0
    for root, only in sorted(roots.items()):
        result = check_root(root)
        if only is None:
            shown.extend(result.issues)
            checked += result.files
        else:
            shown.extend(i for i in result.issues if Path(i.path).resolve() in only)
            checked += len(only)
    if strict:
        shown = [replace(i, level=Level.ERROR) for i in shown]
    for issue in sorted(shown):
        click.echo(issue.format_github() if fmt == "github" else issue.format())
    click.echo(summary(shown, checked), err=fmt == "github")
    _AT_ONCE.append(True)
    sys.exit(1 if any(i.level is Level.ERROR for i in shown) else 0)


_AT_ONCE: list[bool] = []
"""Set by a command whose process may end without tearing its objects down one by one: at
1,000 installations `validate` holds millions of them, and freeing them costs a twentieth
of a second that nobody waits for."""


def _end_at_once(code: object) -> None:
    """End the process now with `code` (as `sys.exit` reads it), after writing out what is
    buffered; if that fails (a closed pipe), return and let the usual exit say so."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return
    if code is None or isinstance(code, int):
        os._exit(code or 0)


def run() -> None:
    """Entry point: the CLI, with a last guard so no user ever sees a traceback."""
    try:
        main(standalone_mode=True)
    except SystemExit as done:
        if _AT_ONCE:  # only from `python -m kb`: tests call the commands in their process
            _end_at_once(done.code)
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # the one place that turns a bug into a message
        if os.environ.get("KB_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"internal error: {type(e).__name__}: {e}\n"
            "This is a bug in the kb tool, not in your data; please report it "
            "(set KB_DEBUG=1 to see the details).",
            err=True,
        )
        sys.exit(3)


def _load(data_root: Path) -> Build:
    """The checked data, as the site build sees it; on data errors print the report, exit 1."""
    from kb.build import DataError, load

    try:
        return load(data_root)
    except DataError as e:
        click.echo(str(e), err=True)
        sys.exit(1)


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@data_option()
def pages(out_dir: Path, data_root: Path) -> None:
    """Write the generated Markdown pages into OUT_DIR (exactly what the MkDocs hook serves),
    including hand-written pages whose generated blocks were expanded; every language, the
    others in their folders (OUT_DIR/tr/)."""
    from kb import languages
    from kb.render import write_pages
    from kb.site import ConfigError, from_config

    try:  # citations and JSON-LD name the site's address, as the MkDocs build does
        site = from_config()
    except ConfigError as e:
        click.echo(
            f"{e}\nFix mkdocs.yml (site_name, extra.github_repository), then retry.", err=True
        )
        sys.exit(2)
    loaded = _load(data_root)
    written = [
        path
        for lang in languages.LANGUAGES
        for path in write_pages(
            loaded.renderer(lang, site.localized(lang)), out_dir, paths.ROOT / "docs"
        )
    ]
    click.echo(f"wrote {len(written)} pages to {out_dir}")


@main.command("export")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["json", "geojson", "csv"]),
    multiple=True,
    help="What to write (repeat for several; default: all).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("export"),
    show_default=True,
    help="The folder to write into; files go under api/v1/ as on the site.",
)
@click.option("--site-url", default="", help="Prefix for page addresses in the exports.")
@data_option()
def export_command(formats: tuple[str, ...], out: Path, site_url: str, data_root: Path) -> None:
    """Write the data downloads: JSON (the whole dataset and one file per record, with the
    schemas), GeoJSON of the installations, CSV of installations, claims and sources."""
    from kb import export

    files = export.files(list(_load(data_root).records), formats or export.FORMATS, site_url)
    for rel, content in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    click.echo(f"wrote {len(files)} files to {out}")


@main.command()
@data_option()
def stats(data_root: Path) -> None:
    """Print the data-quality report: counts per installation, unassessed claims, and sources
    without an archive link."""
    from kb.stats import format_text

    click.echo(format_text(_load(data_root).corpus))


@main.command("check-links")
@data_option()
@click.option("--concurrency", type=click.IntRange(1, 32), default=8, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 120),
    default=15.0,
    show_default=True,
    help="Seconds each request may take in total (a slow server is cut off).",
)
@click.option("--retries", type=click.IntRange(0, 5), default=2, show_default=True)
@click.option("--max-redirects", type=click.IntRange(0, 20), default=5, show_default=True)
@click.option(
    "--allow-private",
    is_flag=True,
    hidden=True,
    help="Test only: allow loopback and private addresses.",
)
def check_links(
    data_root: Path,
    concurrency: int,
    timeout: float,
    retries: int,
    max_redirects: int,
    allow_private: bool,
) -> None:
    """Check every source's url and archive_url; print each dead link as file:line.

    Exit 0 when every link answers, 1 when some do not (or the data has errors), 2 when the
    machine has no network (every lookup or connection fails), said in one line.
    """
    from kb import links

    items = links.links(list(_load(data_root).records))
    names = links.hosts(items)
    if links.lookups_fail(names):
        click.echo(
            f"no network: none of {', '.join(names[:3])} could be looked up, so no link was "
            "checked; run kb check-links where the machine can reach the web"
        )
        sys.exit(2)
    results = links.check_all(
        items,
        concurrency=concurrency,
        timeout=timeout,
        retries=retries,
        max_redirects=max_redirects,
        allow_private=allow_private,
    )
    if links.offline(results):
        click.echo(
            f"no network: none of the {len(results)} links reached a server (every name "
            "lookup or connection failed); run kb check-links where the machine can reach the web"
        )
        sys.exit(2)
    dead = [r for r in results if not r.ok]
    for r in dead:
        click.echo(r.format())
    click.echo(f"{len(results)} links checked, {len(dead)} dead")
    sys.exit(1 if dead else 0)


@main.group()
def new() -> None:
    """Write a skeleton record in the right place (never overwrites)."""


def _scaffold(action: Callable[..., Path], *args: Path | str) -> None:
    from kb.scaffold import ScaffoldError

    try:
        path = action(*args)
    except ScaffoldError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(
        f"wrote {path}; replace every value that starts with 'FILL IN:' (each says what belongs "
        f"there), then run: python -m kb validate {path}  (it names every one left)"
    )


_DATA_OPTION = data_option("The data folder to write into.")


def _new_record_command(kind: str, folder: str) -> None:
    label = "installation" if kind == "base" else kind

    @new.command(kind, help=f"A new {label}: data/{folder}/ID.yaml.")
    @click.argument("ident", metavar="ID")
    @_DATA_OPTION
    def command(ident: str, data_root: Path) -> None:
        from kb.scaffold import new_record

        _scaffold(new_record, data_root, kind, ident)


for _kind, _folder in (("base", "bases"), ("source", "sources"), ("actor", "actors")):
    _new_record_command(_kind, _folder)


@new.command("claim")
@click.argument("base")
@click.argument("ident", metavar="ID")
@_DATA_OPTION
def new_claim(base: str, ident: str, data_root: Path) -> None:
    """A new claim with id ID, added to the end of data/bases/BASE.yaml."""
    from kb.scaffold import add_claim

    _scaffold(add_claim, data_root, base, ident)
