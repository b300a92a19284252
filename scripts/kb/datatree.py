"""What may sit in a data folder, so that nothing under data/ is skipped silently.

The layout is fixed: `overview.yaml`, `schema/*.schema.json`, and one record per `*.yaml` file
directly inside `bases/`, `sources/` and `actors/`. Anything else (a misspelt folder, a
sub-folder, a dotfile, a stray file, a symbolic link) is reported by name instead of being
ignored. Symbolic links are never followed: one could publish files from outside the
repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kb.suggest import closest

KINDS = {"bases": "base", "sources": "source", "actors": "actor"}
"""Data sub-folders and the record kind each holds."""

TOP = ("overview.yaml", "schema", *KINDS)
"""Everything the top of a data folder may hold."""


@dataclass(frozen=True)
class Unexpected:
    """Something in the data folder that is not read, and what to do about it."""

    path: Path
    message: str


def _place() -> str:
    return ", ".join(f"data/{folder}/" for folder in KINDS)


def _unexpected_top(path: Path) -> str:
    name = path.name
    if name.startswith("."):
        return f"hidden {'folder' if path.is_dir() else 'file'} '{name}' is not read; delete it"
    if path.is_dir():
        close = closest(name, [*KINDS, "schema"])
        hint = f"did you mean '{close}'?" if close else f"records go in {_place()}"
        return f"folder '{name}' is not read ({hint}); rename or delete it"
    if path.suffix in (".yaml", ".yml"):
        return (
            f"'{name}' is not read: only overview.yaml sits at the top of the data folder; "
            f"move the record into {_place()}"
        )
    return f"file '{name}' is not read: the data folder holds only {', '.join(TOP)}; delete it"


def _unexpected_record(path: Path, folder: str) -> str | None:
    name = path.name
    if name.startswith("."):
        return f"hidden {'folder' if path.is_dir() else 'file'} '{name}' is not read; delete it"
    if path.is_dir():
        return f"sub-folder '{name}' is not read: put each record directly in data/{folder}/"
    if not path.is_file():
        return f"'{name}' is not a regular file; replace it with a .yaml file or delete it"
    if path.suffix != ".yaml":
        return "data files must end in '.yaml'; rename the file"
    return None


def _is_record(entry: os.DirEntry[str]) -> bool:
    """A plain `*.yaml` file, as the folder listing already says (else `walk` looks closer)."""
    name = entry.name
    return (
        name.endswith(".yaml")
        and not name.startswith(".")
        and not entry.is_symlink()
        and entry.is_file(follow_symlinks=False)
    )


def _symlink(path: Path) -> Unexpected:
    return Unexpected(
        path,
        f"symbolic link '{path.name}' is not allowed in the data folder (it could publish "
        "files from elsewhere); replace it with the real file or folder",
    )


def walk(root: Path) -> tuple[list[tuple[Path, str]], list[Unexpected]]:
    """Every data file under `root` with its record kind, in a stable order, and everything
    else found there."""
    files: list[tuple[Path, str]] = []
    problems: list[Unexpected] = []
    entries = sorted(root.iterdir()) if root.is_dir() else []
    overview = root / "overview.yaml"
    if overview in entries and not overview.is_symlink() and overview.is_file():
        files.append((overview, "overview"))
    for path in entries:
        if path.is_symlink():
            problems.append(_symlink(path))
        elif path.name == "overview.yaml" and path.is_file():
            continue
        elif path.name == "schema" and path.is_dir():
            problems.extend(_schema_folder(path))
        elif path.name in KINDS and path.is_dir():
            kind = KINDS[path.name]
            with os.scandir(path) as found:
                items = sorted(found, key=lambda entry: entry.name)
            for entry in items:
                item = path / entry.name
                if _is_record(entry):  # thousands of files: no system call for most
                    files.append((item, kind))
                elif item.is_symlink():
                    problems.append(_symlink(item))
                else:
                    why = _unexpected_record(item, path.name)
                    if why:
                        problems.append(Unexpected(item, why))
                    else:
                        files.append((item, kind))
        else:
            problems.append(Unexpected(path, _unexpected_top(path)))
    return files, problems


def _schema_folder(folder: Path) -> list[Unexpected]:
    found = []
    for item in sorted(folder.iterdir()):
        if item.is_symlink():
            found.append(_symlink(item))
        elif not (item.is_file() and item.name.endswith(".schema.json")):
            found.append(
                Unexpected(
                    item,
                    f"'{item.name}' is not read: data/schema/ holds only *.schema.json files; "
                    "move or delete it",
                )
            )
    return found
