"""Where a build's time goes inside `quiz_plugin`, measured in the building process itself.

On a busy machine two builds of the same site can differ by a third, which drowns a 3 % effect in
an A/B comparison. Timing the plugin's entry points during the build, against that same build's
total, gives a share that such noise hardly moves: both are slowed down together.
"""

from __future__ import annotations

import contextlib
import cProfile
import functools
import importlib
import logging
import pstats
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Entry points into the plugin, by what they do. Only the outermost timed call counts, so the
# parity check's own Markdown conversions count as parity, not as rendering.
ENTRY_POINTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "render (Markdown extension)": (
        ("quiz_plugin.extension", "QuizSourcePreprocessor", "run"),
        ("quiz_plugin.extension", "QuizTreeprocessor", "run"),
        ("quiz_plugin.extension", "QuizBlock", "_validate"),
        ("quiz_plugin.extension", "QuizBlock", "on_create"),
    ),
    "page hooks (plugin.py)": tuple(
        ("quiz_plugin.plugin", "QuizPlugin", hook)
        for hook in ("on_config", "on_files", "on_page_markdown", "on_page_content", "on_post_page")
    ),
    "parity check (on_post_build)": (("quiz_plugin.plugin", "QuizPlugin", "on_post_build"),),
}


class Stopwatch:
    """Seconds spent in each group of entry points, outermost calls only."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.depth = 0

    def wrap(self, group: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """Return `function` timed under `group` (keeping attributes such as event priority)."""

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.depth += 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.depth -= 1
                if self.depth == 0:
                    self.spent[group] += time.perf_counter() - start

        return timed


@contextlib.contextmanager
def timed_entry_points(stopwatch: Stopwatch) -> Iterator[list[str]]:
    """Patch the entry points that exist (the plugin evolves); yield their names; restore them."""
    patched: list[tuple[type, str, Any]] = []
    names = []
    for group, places in ENTRY_POINTS.items():
        for module_name, class_name, method in places:
            owner = getattr(importlib.import_module(module_name), class_name, None)
            original = owner.__dict__.get(method) if owner is not None else None
            if owner is None or original is None:
                continue
            patched.append((owner, method, original))
            setattr(owner, method, stopwatch.wrap(group, original))
            names.append(f"{class_name}.{method}")
    try:
        yield names
    finally:
        for owner, method, original in patched:
            setattr(owner, method, original)


def build_in_process(config: Path, site_dir: Path) -> float:
    """Build a project in this process (plugins are fresh per load); return the seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    importlib.import_module("jieba")  # importing it sets its logger to DEBUG: quiet it after
    for name in ("jieba", "mkdocs"):
        logging.getLogger(name).setLevel(logging.WARNING)
    loaded = load_config(str(config), site_dir=str(site_dir))
    loaded.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    try:
        build(loaded)
    finally:
        loaded.plugins.on_shutdown()
    return time.perf_counter() - start


def attribute(config: Path, builds: int) -> dict[str, Any]:
    """Build `builds` times with timed entry points; return the median share of each group."""
    build_in_process(config, config.parent / "site-attribution")  # warm-up: imports, jieba
    totals: list[float] = []
    shares: dict[str, list[float]] = {group: [] for group in ENTRY_POINTS}
    seconds: dict[str, list[float]] = {group: [] for group in ENTRY_POINTS}
    entry_points: list[str] = []
    for _ in range(builds):
        stopwatch = Stopwatch()
        with timed_entry_points(stopwatch) as names:
            total = build_in_process(config, config.parent / "site-attribution")
        entry_points = names
        totals.append(total)
        for group in ENTRY_POINTS:
            seconds[group].append(stopwatch.spent[group])
            shares[group].append(stopwatch.spent[group] / total)
    return {"builds_s": totals, "seconds": seconds, "shares": shares, "entry_points": entry_points}


def in_process_ab(on: Path, off: Path, rounds: int) -> dict[str, list[float]]:
    """Build both arms in this process, alternating, `rounds` times each.

    Without the interpreter start and jieba's dictionary load (the same in both arms), a build
    is shorter and steadier than a subprocess; the quickest of each arm is the least disturbed.
    """
    build_in_process(on, on.parent / "site-in-process-on")  # warm-up: imports, jieba
    build_in_process(off, off.parent / "site-in-process-off")
    seconds: dict[str, list[float]] = {"on": [], "off": []}
    for number in range(rounds):
        order = [("on", on), ("off", off)]
        for arm, config in order if number % 2 else order[::-1]:
            seconds[arm].append(build_in_process(config, config.parent / f"site-in-process-{arm}"))
    return seconds


def markdown_ab(config: Path, rounds: int) -> dict[str, Any]:
    """Convert every page with and without the quiz extension, page by page, alternating.

    This is the whole Markdown-stage cost of the plugin, including what `pymdownx.blocks` does
    for a `/// quiz` block, the inline processing and serialising of the widget, and Material's
    search plugin parsing the resulting HTML. A and B of the same page run milliseconds apart,
    and each page counts with its quickest conversion over the rounds, so a burst of load on a
    shared machine does not land on one arm only.
    """
    from markdown import Markdown
    from material.plugins.search.plugin import Parser
    from mkdocs.config import load_config
    from mkdocs.utils.meta import get_data

    from quiz_plugin.extension import QuizExtension, QuizPage

    loaded = load_config(str(config))
    names = [name for name in loaded.markdown_extensions if isinstance(name, str)]
    pages = [
        (path.parent.name, get_data(path.read_text(encoding="utf-8"))[0])
        for path in sorted((config.parent / "docs").glob("*/chapter-*.md"))
    ]
    extension = QuizExtension()
    # First in the list, as the plugin registers it (the other blocks share its manager).
    with_quiz = Markdown(extensions=[extension, *names], extension_configs=loaded.mdx_configs)
    without = Markdown(extensions=names, extension_configs=loaded.mdx_configs)
    best = {arm: [float("inf")] * len(pages) for arm in ("with", "without")}
    for number in range(rounds):
        for index, (language, source) in enumerate(pages):
            extension.page = QuizPage(path=f"{language}/page.md", language=language)
            order = [("with", with_quiz), ("without", without)]
            for arm, markdown in order if (index + number) % 2 else order[::-1]:
                start = time.perf_counter()
                search = Parser()
                search.feed(markdown.reset().convert(source))
                search.close()
                best[arm][index] = min(best[arm][index], time.perf_counter() - start)
    per_pass = {arm: sum(times) for arm, times in best.items()}
    return {"pages": len(pages), "rounds": rounds, "seconds_per_pass": per_pass}


def profile(config: Path) -> tuple[float, list[dict[str, Any]]]:
    """Profile one in-process build; return its time and the quiz_plugin functions by cost."""
    profiler = cProfile.Profile()
    profiler.enable()
    total = build_in_process(config, config.parent / "site-profile")
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = [
        {
            "function": f"{Path(file).name}:{line}({function})",
            "calls": calls,
            "own_s": own,
            "cumulative_s": cumulative,
        }
        for (file, line, function), (_, calls, own, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
        if "quiz_plugin" in Path(file).parts
    ]
    rows.sort(key=lambda row: row["cumulative_s"], reverse=True)
    return total, rows
