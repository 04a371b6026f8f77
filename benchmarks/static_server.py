"""Serve a built site on 127.0.0.1 for Lighthouse: as `python -m http.server` does, or gzipped.

`python -m http.server` sends every file uncompressed. GitHub Pages, where the site is published,
gzips text, and Lighthouse's simulated mobile network makes that difference large; the gzip
server shows what readers get, the plain one what the brief asked for.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SERVERS = ("http.server", "gzip")


@contextlib.contextmanager
def serving(kind: str, site: Path, port: int) -> Iterator[None]:
    """Serve `site` on 127.0.0.1:port with the server `kind` (one of SERVERS)."""
    manager = _plain if kind == "http.server" else _compressed
    with manager(site, port):
        _wait_until_up(port)
        yield


@contextlib.contextmanager
def _plain(site: Path, port: int) -> Iterator[None]:
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    server = subprocess.Popen(
        [*command, "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        server.terminate()
        server.wait()


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Send text files gzipped to clients that accept it, like GitHub Pages."""

    def do_GET(self) -> None:
        """Serve a file, compressed when it is text and the client accepts gzip."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED_TYPES):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        """Stay quiet."""


@contextlib.contextmanager
def _compressed(site: Path, port: int) -> Iterator[None]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
        else:
            return
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")
