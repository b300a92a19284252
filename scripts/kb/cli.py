"""Command line: `python -m kb COMMAND`. Thin: each command calls plain functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb import paths
from kb.issues import Issue, Level, summary


def _root_of(path: Path) -> Path:
    """The data root a path belongs to: itself, or the folder above bases/, sources/, actors/."""
    path = path.resolve()
    if path.is_dir():
        return path
    if path.parent.name in ("bases", "sources", "actors"):
        return path.parent.parent
    return path.parent


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
def validate(targets: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check data files: strict YAML, the schema and the cross-reference rules.

    TARGETS are data folders or files inside one (default: the project's data/). A file is
    checked together with the rest of its folder, so its references resolve; only its own
    problems are shown. Exit 0 when clean, 1 on data errors, 2 on usage errors.
    """
    from kb.check import check_root

    roots: dict[Path, set[str] | None] = {}
    for target in targets or (paths.DATA,):
        root = _root_of(target)
        if target.is_dir():
            roots[root] = None
        elif roots.get(root, set()) is not None:
            roots.setdefault(root, set()).add(target.resolve().as_posix())  # type: ignore[union-attr]
    shown: list[Issue] = []
    files = 0
    for root, only in sorted(roots.items()):
        result = check_root(root)
        if only is None:
            shown.extend(result.issues)
            files += result.files
        else:
            keep = {Path(p) for p in only}
            shown.extend(i for i in result.issues if Path(i.path).resolve() in keep)
            files += len(only)
    if strict:
        shown = [Issue(i.path, i.line, i.col, Level.ERROR, i.rule, i.message) for i in shown]
    for issue in sorted(shown):
        click.echo(issue.format_github() if fmt == "github" else issue.format())
    click.echo(summary(shown, files), err=fmt == "github")
    sys.exit(1 if any(i.level is Level.ERROR for i in shown) else 0)
