"""Build the project (or a scratch copy of it) and serve the result on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib
import importlib.util
import logging
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
# mkdocs.yml's site_url when SITE_URL is not set (what `make build` builds for).
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
# An address a site could be published at: another host, under a path, as a GitHub project page.
PUBLISHED_URL = "https://course.example.org/llm/"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def load_hook(name: str) -> ModuleType:
    """Import the site hook `hooks/<name>.py` the way MkDocs does: as a file, not a package."""
    path = ROOT / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_hook", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Like MkDocs: in sys.modules (dataclasses look their module up there), and with the
    # hook's folder on sys.path while the module runs (its siblings import).
    sys.modules[spec.name] = module
    with _on_sys_path(path.parent):
        spec.loader.exec_module(module)
    return module


def hook_module(name: str) -> ModuleType:
    """Import a module the site hooks share (`hooks/<name>.py`) by its plain name, as they do."""
    with _on_sys_path(ROOT / "hooks"):
        return importlib.import_module(name)


@contextlib.contextmanager
def _on_sys_path(folder: Path) -> Iterator[None]:
    saved = sys.path.copy()
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path[:] = saved


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Site:
    """A built site, served over HTTP on 127.0.0.1."""

    root: Path
    url: str
    log: list[logging.LogRecord]

    def html(self, path: str) -> str:
        """Return a built file's text."""
        return (self.root / path).read_text(encoding="utf-8")


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serve files as static hosts do: a missing path gets the nearest `404.html` above it."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._nearest_not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _nearest_not_found_page(self) -> Path | None:
        root = Path(self.directory).resolve()
        folder = Path(self.translate_path(self.path)).resolve().parent
        while folder.is_relative_to(root):
            if (folder / "404.html").is_file():
                return folder / "404.html"
            folder = folder.parent
        return None


@contextlib.contextmanager
def serve_directory(root: Path, port: int) -> Iterator[str]:
    """Serve a directory on 127.0.0.1:port in a background thread, as a static host would."""
    handler = functools.partial(_StaticHost, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(
    project: Path, site_dir: Path, site_url: str | None, **overrides: object
) -> list[logging.LogRecord]:
    """Build `project/mkdocs.yml` into `site_dir`; return the log records, INFO and up.

    `site_url` is what SITE_URL is set to; None builds with mkdocs.yml's own default.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    level = logger.level
    logger.setLevel(logging.INFO)  # as the mkdocs command does: the records include INFO lines
    previous = os.environ.pop("SITE_URL", None)
    if site_url is not None:
        os.environ["SITE_URL"] = site_url
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
        os.environ.pop("SITE_URL", None)
        if previous is not None:
            os.environ["SITE_URL"] = previous
    return collect.records


def copy_project(destination: Path) -> Path:
    """Copy what a build needs (config, docs, overrides, hooks) into a scratch folder."""
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, destination / name)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination
