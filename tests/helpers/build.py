"""Build the project (or a scratch copy of it) and serve the result on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
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

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def load_hook(name: str) -> ModuleType:
    """Import the site hook `hooks/<name>.py` the way MkDocs does: as a file, not a package."""
    path = ROOT / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_hook", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # As MkDocs does: the module is in sys.modules (dataclasses look it up there), and the
    # hook's folder is on sys.path while it runs (its siblings import).
    sys.modules[spec.name] = module
    with _on_sys_path(path.parent):
        spec.loader.exec_module(module)
    return module


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(root: Path, port: int) -> Iterator[str]:
    """Serve a directory on 127.0.0.1:port in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
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
    project: Path, site_dir: Path, site_url: str, **overrides: object
) -> list[logging.LogRecord]:
    """Build `project/mkdocs.yml` strictly into `site_dir`; return the log records."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = os.environ.get("SITE_URL")
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
        if previous is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = previous
    return collect.records


def copy_project(destination: Path) -> Path:
    """Copy what a build needs (config, docs, overrides, hooks) into a scratch folder."""
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, destination / name)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination
