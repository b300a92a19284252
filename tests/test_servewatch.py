"""Under `mkdocs serve` small watched folders are polled every 0.1 s (kb.servewatch), with
the observer MkDocs's livereload server uses; large ones keep MkDocs's interval."""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from kb import servewatch


def _server(tmp_path: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))


def _files(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"f{n}.yaml").write_text("x", encoding="utf-8")
    return folder


def test_small_folders_are_polled_often(tmp_path: Path) -> None:
    server = _server(tmp_path)
    docs, data = _files(tmp_path / "docs", 3), _files(tmp_path / "data", 5)
    server.watch(str(docs))  # MkDocs schedules the docs folder before on_serve
    default = next(iter(server.observer.emitters)).timeout
    assert default > servewatch.QUICK
    assert servewatch.quicken(server.observer, [str(docs), str(data)])
    server.watch(str(data))  # ... and the `watch:` folders after it
    assert len(server.observer.emitters) == 2
    assert {e.timeout for e in server.observer.emitters} == {servewatch.QUICK}


def test_large_folders_keep_mkdocs_interval(tmp_path: Path) -> None:
    server = _server(tmp_path)
    data = _files(tmp_path / "data", servewatch.LIMIT + 1)
    assert servewatch.watched_files([str(data), str(data / "f0.yaml")]) == servewatch.LIMIT + 2
    assert not servewatch.quicken(server.observer, [str(data)])
    server.watch(str(data))
    assert {e.timeout for e in server.observer.emitters} == {server.observer.timeout}
    assert server.observer.timeout > servewatch.QUICK
