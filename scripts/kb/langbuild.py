"""The other languages' MkDocs builds in child processes, beside the default language's build.

Why: the two builds used to run one after the other, so a save under `mkdocs serve` waited
for both; on a machine with two cores the Turkish build can run while the English one does.
Why a child process: MkDocs, Material and the hook keep a build's state in module globals and
loggers, so two builds cannot share a process at the same time; and not a fork, since
`mkdocs serve` runs threads. The child is a new interpreter (`python -m kb.langbuild`).

The hook starts the child once the default language's data has loaded (a data error starts
nothing) and finishes it in `on_post_build`, so the build, and the reload under `mkdocs
serve`, end only when every language is built. The child gets the language's configuration
(`sitelangs.language_settings`) as JSON on stdin, builds into a hidden folder of the site,
and writes each log record as a JSON line on stdout. The parent relays the records to its own
loggers once the child has ended, each message led by the language ('tr build: '), so
`--strict` counts the child's warnings as its own and the log reads English, then Turkish;
it moves the folder into place only when the child succeeded: nothing half-built is ever
served. KB_LANG_PROCESSES=0 builds the other languages in the parent instead, one after the
other, sharing the parent's checked data (kb.sitelangs, kb.build.sharing).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from kb import languages, paths, sitelangs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

STRICT_ONLY = 3
"""The child's exit status when its only failure is `--strict` counting its warnings (which
the parent counts too, once relayed)."""

# The child's own notes about its hidden output folder would only confuse the reader.
_QUIET = {"mkdocs.commands.build": logging.INFO}


def in_children() -> bool:
    """Whether the other languages build in child processes (the default)."""
    return os.environ.get("KB_LANG_PROCESSES", "1") != "0"


class Child:
    """One other language's build, running."""

    def __init__(self, config: MkDocsConfig, lang: str) -> None:
        self.lang = lang
        settings = sitelangs.language_settings(config, lang)
        self.final = Path(settings["site_dir"])
        self.temp = Path(config.site_dir) / f".kb-building-{lang}"
        shutil.rmtree(self.temp, ignore_errors=True)
        settings["site_dir"] = str(self.temp)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kb.langbuild", str(config.config_file_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=child_env(),
            text=True,
            encoding="utf-8",
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        # The child logs at this build's level: `-q` drops warnings before `--strict` counts
        # them (MkDocs), and the child's must be dropped alike.
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        self.proc.stdin.write(json.dumps({"settings": settings, "level": level}))
        self.proc.stdin.close()
        self.records: list[dict[str, Any]] = []
        # Read as the child writes, so a full pipe never stalls it.
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        self.records.extend(log_record(line) for line in stream)

    def finish(self) -> bool:
        """Wait for the child, relay its log, and put its site in place; False when it
        failed (its errors have been logged)."""
        status = self.proc.wait()
        self._reader.join()
        return settle(self.lang, status, self.records, self.temp, self.final)

    def cancel(self) -> None:
        """Stop the child (the default language's build failed) and remove its output."""
        self.proc.kill()
        self.proc.wait()
        self._reader.join()
        shutil.rmtree(self.temp, ignore_errors=True)


def log_record(line: str) -> dict[str, Any]:
    """One line of a child's output as a log record: ours are JSON (`JsonLines`); anything
    else (a library printing) is passed on as it is."""
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        return {"name": "mkdocs", "level": logging.INFO, "msg": line}
    return record


def settle(lang: str, status: int, records: list[dict[str, Any]], temp: Path, final: Path) -> bool:
    """After a child's build: relay its log records to this process's loggers (led by the
    language), then move its folder into place if it succeeded or remove it if not; False
    when it failed with an error (a warning alone under `--strict` counts here anyway)."""
    for record in records:
        name, level = str(record["name"]), int(record["level"])
        if _QUIET.get(name, -1) >= level:
            continue
        logging.getLogger(name).log(level, f"{lang} build: {record['msg']}")
    if status != 0:
        shutil.rmtree(temp, ignore_errors=True)
        return status == STRICT_ONLY
    if final.exists():
        shutil.rmtree(final)
    os.replace(temp, final)
    return True


def child_env() -> dict[str, str]:
    """The environment of a child build: this one, with the kb package importable."""
    path = [str(paths.ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}


class Running(Protocol):
    """Another language's build under way: a one-shot `Child` or a warm builder's build
    (kb.langserve)."""

    lang: str

    def finish(self) -> bool: ...

    def cancel(self) -> None: ...


def start(config: MkDocsConfig) -> list[Child]:
    """Start a build of every language but the default."""
    return [Child(config, lang) for lang in languages.LANGUAGES[1:]]


def finish(config: MkDocsConfig, children: Sequence[Running]) -> list[str]:
    """Wait for every child and link the sitemaps; returns the languages whose build failed
    with an error (a warning under `--strict` fails the parent's build by itself)."""
    failed = [child.lang for child in children if not child.finish()]
    if not failed:
        sitelangs.link_sitemaps(config)
    return failed


class JsonLines(logging.Handler):
    """Each log record as one JSON line on the child's stdout, for the parent to relay."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(logging.DEBUG)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        line = {"name": record.name, "level": record.levelno, "msg": record.getMessage()}
        self.stream.write(json.dumps(line) + "\n")
        self.stream.flush()


def log_to_parent() -> IO[str]:
    """Send MkDocs's log records to the parent as JSON lines on stdout (returned); anything
    printed goes to stderr (the terminal) instead, so it never mixes with the records."""
    out = sys.stdout
    sys.stdout = sys.stderr
    logger = logging.getLogger("mkdocs")
    logger.addHandler(JsonLines(out))
    logger.propagate = False
    return out


def build_once(config_file: str, given: dict[str, Any]) -> int:
    """One build with the settings and log level the parent sent; the child's exit status."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logging.getLogger("mkdocs").setLevel(given["level"])
    try:
        build(load_config(config_file=config_file, **given["settings"]))
    except Abort as e:  # MkDocs has logged why
        return STRICT_ONLY if "in strict mode" in str(e) else 1
    return 0


def _child(config_file: str) -> int:
    log_to_parent()
    return build_once(config_file, json.load(sys.stdin))


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
