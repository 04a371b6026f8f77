"""Notice a saved file sooner under `mkdocs serve`.

MkDocs' live-reload server looks for changes by polling the watched folders every 0.5 s, so a
save waits a quarter of a second on average (up to half a second) before the rebuild starts.
Polling every 0.1 s takes 0.2 s off that wait; one poll of this project's folders (a few
hundred small files) costs about a millisecond.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("serve_watch")

POLL_SECONDS = 0.1


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Poll the watched folders every POLL_SECONDS, those added after this hook too."""
    # MkDocs has no setting for this: its server creates the observer with a fixed interval.
    # watchdog reads the interval from `_timeout`, on the observer (for folders scheduled
    # later, such as `--watch`) and on the emitter of each folder already watched.
    observer = server.observer
    watchers = [
        watcher for watcher in (observer, *observer.emitters) if hasattr(watcher, "_timeout")
    ]
    if not watchers:
        log.debug("watchdog keeps no _timeout: saves are noticed at MkDocs' own interval")
    for watcher in watchers:
        watcher._timeout = POLL_SECONDS  # noqa: SLF001 (a reliance CONTRIBUTING.md lists)
    return server
