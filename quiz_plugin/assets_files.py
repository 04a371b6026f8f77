"""The widget's script and stylesheet: package files served as static files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ASSETS = Path(__file__).parent / "assets"
SCRIPT = "assets/quiz/quiz.js"
STYLESHEET = "assets/quiz/quiz.css"


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Add the script and stylesheet to the site's files (once per build)."""
    for dest in (SCRIPT, STYLESHEET):
        if files.get_file_from_path(dest) is None:
            source = ASSETS / Path(dest).name
            files.append(File.generated(config, dest, abs_src_path=str(source)))


def add_to_every_page(config: MkDocsConfig) -> None:
    """Load the assets on every page (for instant navigation, which keeps the first `<head>`)."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if not any(str(script) == SCRIPT for script in config.extra_javascript):
        script = ExtraScriptValue(SCRIPT)
        script.defer = True
        config.extra_javascript.append(script)


def add_to_page(output: str, page_url: str) -> str:
    """Link the assets from one page's `<head>` (pages without a quiz stay untouched)."""
    script = get_relative_url(SCRIPT, page_url)
    stylesheet = get_relative_url(STYLESHEET, page_url)
    tags = f'<link rel="stylesheet" href="{stylesheet}">\n<script src="{script}" defer></script>\n'
    head, marker, rest = output.partition("</head>")
    return f"{head}{tags}{marker}{rest}" if marker else output
