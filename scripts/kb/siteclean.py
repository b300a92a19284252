"""Under `mkdocs serve`, the previous build's files are set aside and deleted in the background.

Why: before each build MkDocs empties the site folder (both languages: about 270 folders and
620 files at the real size, 38,000 pages at 1,000 installations) and the build waits for it.
That is disk work, not CPU: on a busy disk (ext4 deleting with `discard`) it took 1.5 to 4 s
of a save. Moving each top-level entry into one hidden folder is a handful of renames; MkDocs's
own clean skips hidden entries (it never copies any), so the build then starts from an empty
site exactly as before, while a thread deletes the hidden folder. Requests made while the
build runs wait for it (MkDocs's livereload server), so nothing set aside is ever served as
the site; whatever is left when serve stops goes with its temporary folder.
"""

from __future__ import annotations

import itertools
import os
import shutil
import threading
from pathlib import Path

PREFIX = ".kb-previous-"
_count = itertools.count()
_deleting: list[threading.Thread] = []


def set_aside(site: Path) -> threading.Thread | None:
    """Move the site's visible entries into a new hidden folder of the site and start
    deleting it; the deleting thread, or None when there was nothing to move."""
    _deleting[:] = [t for t in _deleting if t.is_alive()]
    try:
        entries = [name for name in os.listdir(site) if not name.startswith(".")]
    except FileNotFoundError:
        return None
    if not entries:
        return None
    trash = site / f"{PREFIX}{os.getpid()}-{next(_count)}"
    trash.mkdir()
    for name in entries:
        os.replace(site / name, trash / name)
    thread = threading.Thread(target=shutil.rmtree, args=(trash, True), daemon=True)
    thread.start()
    _deleting.append(thread)
    return thread


def finish() -> None:
    """Wait for the deletions under way (serve is stopping and removes the whole folder)."""
    while _deleting:
        _deleting.pop().join()
