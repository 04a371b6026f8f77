"""The site hook that makes `mkdocs serve` notice a saved file sooner."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from tests.helpers.build import ROOT, load_hook


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
    assert intervals(server) == [0.1] * 3


def test_the_sites_serve_polls_every_tenth_of_a_second(tmp_path: Path) -> None:
    # Through the site's own configuration, as `mkdocs serve` calls its plugins and hooks.
    config = load_config(str(ROOT / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    server = config.plugins.on_serve(server, config=config, builder=lambda: None)
    assert intervals(server) == [0.1, 0.1]


def test_without_the_interval_watchdog_keeps_its_own(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # watchdog's `_timeout` is private: if it goes, the hook changes nothing and says so.
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.observer = SimpleNamespace(emitters=[])  # type: ignore[assignment]
    caplog.set_level(logging.DEBUG)
    assert load_hook("serve_watch").on_serve(server, config=None, builder=None) is server
    assert "watchdog keeps no _timeout" in caplog.text
