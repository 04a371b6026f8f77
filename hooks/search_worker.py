"""The site's search worker in front of Material's (a module the search hook imports).

Material runs its search in a web worker whose URL is the `search` entry of each page's
`__config` (`assets/javascripts/workers/search.<hash>.min.js`). The site points that entry at
`overrides/assets/javascripts/search/worker.js`, which loads Material's worker and adjusts its
messages: the query side of the fixes in `search_settings.py`, and Material issue #3915 (its
Chinese query segmenter never lets a segment end at the query's last character).

That relies on details of Material's minified worker, not on a documented interface. They are
checked here once per process, against the worker file the build ships (checked with
mkdocs-material 9.8.2): when one is missing, the build warns (`--strict` fails, CI fails) and
the pages keep Material's own worker, so search still works, with the upstream bugs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

WORKER = "search/worker.js"
RE_UPSTREAM_URL = re.compile(
    r"^(?P<folder>.*\bassets/javascripts/)workers/(?P<file>search\.[0-9a-f]+\.min\.js)$"
)
# What worker.js needs from Material's worker, each with the code that shows it is still there.
UPSTREAM_NEEDS = {
    "registers its message listener with addEventListener": r'addEventListener\("message"',
    "replies with postMessage": r"postMessage\(",
    "exposes lunr as self.lunr": r"self\.lunr=",
    "builds its index with lunr's Builder.prototype.build": r"Builder\.prototype\.build=",
    "segments each run of Han characters of a query": r'\\\\p\{sc=Han\}\+"',
    "passes the index's invertedIndex to that segmenter": r"\(\w+,this\.index\.invertedIndex\)",
    "looks segments up with the `in` operator": r"\.slice\(\w+,\w+\)in \w+",
}


def project_worker_url(upstream_url: object, config: MkDocsConfig) -> object:
    """Return the URL of the site's worker for a page, or `upstream_url` if it cannot be used."""
    match = RE_UPSTREAM_URL.match(upstream_url) if isinstance(upstream_url, str) else None
    if match is None:
        warn_once(f"the `search` entry of a page's __config ({upstream_url!r}) is not a worker")
        return upstream_url
    problems = upstream_problems(find_upstream(match.group("file"), tuple(config.theme.dirs)))
    if problems:
        file = match.group("file")
        warn_once(f"Material's search worker {file} no longer " + "; ".join(problems))
        return upstream_url
    return f"{match.group('folder')}{WORKER}?upstream={match.group('file')}"


@functools.cache
def find_upstream(file: str, theme_dirs: tuple[str, ...]) -> str:
    """Return the text of Material's worker `file` from the theme's folders ('' if absent)."""
    for folder in theme_dirs:
        path = Path(folder) / "assets" / "javascripts" / "workers" / file
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


def upstream_problems(source: str) -> list[str]:
    """Return what worker.js needs and Material's worker `source` no longer shows."""
    if not source:
        return ["is in the theme's folders"]
    return [need for need, pattern in UPSTREAM_NEEDS.items() if not re.search(pattern, source)]


@functools.cache
def warn_once(problem: str) -> None:
    """Warn, once per process, that the pages fall back to Material's own search worker."""
    log.warning(
        f"hooks/search_worker.py: {problem}, which overrides/assets/javascripts/search/"
        "worker.js relies on (checked with mkdocs-material 9.8.2). The pages use Material's "
        "own worker, with its query segmentation and English stemming bugs; update worker.js "
        "and UPSTREAM_NEEDS for this version of Material"
    )
