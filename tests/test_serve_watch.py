"""The site hook that makes `mkdocs serve` notice a saved file sooner."""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from tests.helpers.build import load_hook


def intervals(server: LiveReloadServer) -> list[float]:
    """The polling interval of the observer, then of each watched folder."""
    return [server.observer.timeout, *(emitter.timeout for emitter in server.observer.emitters)]


def test_folders_are_polled_every_tenth_of_a_second(tmp_path: Path) -> None:
    docs, plugin = tmp_path / "docs", tmp_path / "quiz_plugin"
    docs.mkdir()
    plugin.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))  # what `mkdocs serve` watches before its plugins' on_serve
    assert intervals(server) == [0.5, 0.5]
    hook = load_hook("serve_watch")
    assert hook.on_serve(server, config=None, builder=None) is server
    server.watch(str(plugin))  # what `--watch` adds after on_serve
    assert intervals(server) == [hook.POLL_SECONDS] * 3
    assert hook.POLL_SECONDS == 0.1


def test_the_site_uses_the_hook() -> None:
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/serve_watch.py\n" in config
