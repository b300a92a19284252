"""Warm builders for the other languages under `mkdocs serve` (kb.langbuild's children, kept).

Why: a one-shot child (kb.langbuild) pays, on every save, a new interpreter, the imports of
MkDocs, Material and the kb package, a cold check of every data file and the compilation
of every template before it renders its first page: about 1.5 CPU seconds at the real size,
on the save's critical path. Under `mkdocs serve` a builder per language is started on the
first build and kept until serve stops; each build sends it the language's settings as one
JSON line on its stdin, and it answers with its log records (JSON lines, as the one-shot
child writes them) and a last line with the build's exit status. It keeps what serve's own
process keeps between builds: the checked files by content hash (kb.check.MEMO), compiled
templates keyed by their source (kb.render), its imports. As in serve's process, Python code
is not reloaded: after editing the kb package, restart `mkdocs serve`.

A spawned interpreter, never a fork: serve's process runs threads. A builder that has died
is replaced at the next build; one that dies during a build is replaced and the build is
sent again once (then the language's build fails with its exit status). A builder whose
build raised anything but a build error answers, then exits, so the next build starts clean.
It ignores Ctrl-C (the terminal sends it to the whole group) and ends when its stdin closes:
when serve stops (`stop_all`, the hook's on_shutdown) or dies. `mkdocs build` keeps the
one-shot children.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import queue
import shutil
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kb import langbuild, languages, sitelangs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.kb")

Answer = tuple[int | None, list[dict[str, Any]]]
"""A build's exit status (None: the builder died first) and the log records it sent."""


class Builder:
    """One language's long-lived build process."""

    def __init__(self, config_file: str) -> None:
        self.config_file = config_file
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kb.langserve", config_file],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=langbuild.child_env(),
            text=True,
            encoding="utf-8",
        )
        assert self.proc.stdout is not None
        self._lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        # Read as the builder writes, so a full pipe never stalls it.
        reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(langbuild.log_record(line))
        self._lines.put(None)  # end of output: the builder has ended

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, request: dict[str, Any]) -> bool:
        """Hand the builder one build; False if it is gone."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except (OSError, ValueError):  # a broken pipe, or stdin already closed
            return False
        return True

    def answer(self) -> Answer:
        """Wait for the build sent last: its exit status and log records."""
        records: list[dict[str, Any]] = []
        while (line := self._lines.get()) is not None:
            if "done" in line:
                return int(line["done"]), records
            records.append(line)
        self.proc.wait()
        return None, records

    def stop(self) -> None:
        """End the builder: close its stdin, then kill it if it does not end by itself."""
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


_builders: dict[str, Builder] = {}
"""Language -> its builder, kept between builds while serve runs."""


def _builder(config_file: str, lang: str) -> Builder:
    """The language's running builder, started (again) if there is none or it has died."""
    current = _builders.get(lang)
    if current is None or not current.alive() or current.config_file != config_file:
        if current is not None:
            current.stop()
        if not _builders:
            atexit.register(stop_all)
        current = _builders[lang] = Builder(config_file)
    return current


def stop_all() -> None:
    """Stop every builder (serve is stopping)."""
    while _builders:
        _builders.popitem()[1].stop()


class WarmChild:
    """One language's build on its warm builder; the interface of kb.langbuild.Child."""

    def __init__(self, config: MkDocsConfig, lang: str) -> None:
        self.lang = lang
        self.config_file = str(config.config_file_path)
        settings = sitelangs.language_settings(config, lang)
        self.final = Path(settings["site_dir"])
        self.temp = Path(config.site_dir) / f".kb-building-{lang}"
        shutil.rmtree(self.temp, ignore_errors=True)
        settings["site_dir"] = str(self.temp)
        # The builder logs at this build's level: `-q` drops warnings before `--strict`
        # counts them (MkDocs), and the builder's must be dropped alike.
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        self.request = {"settings": settings, "level": level}
        self.builder = self._send()

    def _send(self) -> Builder:
        builder = _builder(self.config_file, self.lang)
        if not builder.send(self.request):  # it died since its last build: a new one
            builder = _builder(self.config_file, self.lang)
            builder.send(self.request)
        return builder

    def finish(self) -> bool:
        """Wait for the build, relay its log and put its site in place (kb.langbuild)."""
        status, records = self.builder.answer()
        if status is None:  # the builder died during the build: once more on a new one
            log.warning(
                f"{self.lang} build: the builder stopped (exit status "
                f"{self.builder.proc.returncode}); building again in a new one"
            )
            shutil.rmtree(self.temp, ignore_errors=True)
            self.builder = self._send()
            status, records = self.builder.answer()
        if status is None:
            records.append(
                {
                    "name": "mkdocs.plugins.kb",
                    "level": logging.ERROR,
                    "msg": f"the builder stopped (exit status {self.builder.proc.returncode}); "
                    "it is started again on the next save",
                }
            )
            status = 1
        return langbuild.settle(self.lang, status, records, self.temp, self.final)

    def cancel(self) -> None:
        """Stop the build (the default language's build failed): the builder is killed,
        not waited for, and the next build starts a new one; its output is removed."""
        builder = _builders.pop(self.lang, None)
        if builder is not None:
            builder.kill()
        shutil.rmtree(self.temp, ignore_errors=True)


def start(config: MkDocsConfig) -> list[WarmChild]:
    """Start a build of every language but the default on its warm builder."""
    return [WarmChild(config, lang) for lang in languages.LANGUAGES[1:]]


def _serve(config_file: str) -> int:
    """The builder's loop: one build per line on stdin, until stdin closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # serve stops it by closing stdin
    out = langbuild.log_to_parent()
    for line in sys.stdin:
        try:
            status, fatal = langbuild.build_once(config_file, json.loads(line)), False
        except Exception:
            traceback.print_exc()  # to stderr: the terminal serve runs in
            status, fatal = 1, True
        out.write(json.dumps({"done": status}) + "\n")
        out.flush()
        if fatal:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(_serve(sys.argv[1]))
