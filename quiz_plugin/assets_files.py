"""Scripts and stylesheets (the widget's, the course progress's): package files, served."""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ASSETS = Path(__file__).parent / "assets"
SCRIPT = "assets/quiz/quiz.js"
STYLESHEET = "assets/quiz/quiz.css"
# The course progress (quiz_plugin/course_pages.py links them): its scripts read the manifest
# from their own folder.
PROGRESS_SCRIPT = "assets/course/progress.js"
PROGRESS_TOOLS = "assets/course/progress-tools.js"
PROGRESS_STYLESHEET = "assets/course/progress.css"
RE_FIRST_WIDGET = re.compile(r'<div class="quiz"[ >]')


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Add the scripts and stylesheets to the site's files (once per build)."""
    for dest in (SCRIPT, STYLESHEET, PROGRESS_SCRIPT, PROGRESS_TOOLS, PROGRESS_STYLESHEET):
        if files.get_file_from_path(dest) is None:
            copy = _shipped_copy(Path(dest).name)
            files.append(File.generated(config, dest, abs_src_path=str(copy)))


def _shipped_copy(name: str) -> Path:
    """Write the shipped form of a package asset to a scratch folder; return its path.

    A file rather than in-memory content: static-i18n expects every file to have a source path.
    """
    copy = Path(_scratch().name) / name
    source = (ASSETS / name).read_text(encoding="utf-8")
    copy.write_text(shipped(source, Path(name).suffix), encoding="utf-8")
    return copy


@functools.cache
def _scratch() -> tempfile.TemporaryDirectory[str]:
    """Return the process's scratch folder for shipped assets (removed when it exits)."""
    return tempfile.TemporaryDirectory(prefix="quiz-assets-")


def shipped(source: str, suffix: str) -> str:
    """Return an asset as readers get it: minified (`.js` or `.css`).

    The package keeps the readable source; rjsmin and rcssmin take out comments and white
    space only, so the shipped file behaves exactly as the source.
    """
    if suffix == ".js":
        return str(rjsmin.jsmin(source))
    if suffix == ".css":
        return str(rcssmin.cssmin(source))
    raise ValueError(f"no minifier for '{suffix}' files")


def add_to_every_page(config: MkDocsConfig) -> None:
    """Load the assets on every page (for instant navigation, which keeps the first `<head>`)."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if not any(str(script) == SCRIPT for script in config.extra_javascript):
        script = ExtraScriptValue(SCRIPT)
        script.defer = True
        config.extra_javascript.append(script)


def add_to_page(output: str, page_url: str) -> str:
    """Link the assets from one page (pages without a quiz stay untouched).

    The script goes in the `<head>` (deferred); the stylesheet right before the first widget,
    where it holds back only what follows it: the page above the quiz paints without waiting.
    """
    script = get_relative_url(SCRIPT, page_url)
    stylesheet = get_relative_url(STYLESHEET, page_url)
    head, marker, rest = output.partition("</head>")
    if not marker:
        return output
    widget = RE_FIRST_WIDGET.search(rest)
    if widget is not None:
        link = f'<link rel="stylesheet" href="{stylesheet}">'
        rest = f"{rest[: widget.start()]}{link}{rest[widget.start() :]}"
    return f'{head}<script src="{script}" defer></script>\n{marker}{rest}'
