"""Page weight of the quiz widget (its script and stylesheet, HTML per quiz, pages without one) and
of the course progress (its script and the manifest, and what the home page loads besides).

Builds the real site three times: as it is, with the plugin disabled (the quiz blocks are then
plain Markdown), and with the quiz blocks removed from the sources. A chapter's HTML compared
across the three gives the markup the widget adds around the author's words, and everything a
quiz adds. The home pages, which have no quiz, must carry no quiz markup and no quiz assets.

    python -m benchmarks.page_weight
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.common import (
    ROOT,
    WORK,
    bench_env,
    mkdocs_command,
    print_table,
    timed_run,
    write_results,
)

ASSETS = ("assets/quiz/quiz.js", "assets/quiz/quiz.css")
CHAPTERS = ("post-training.html", "en/post-training.html")
HOME_PAGES = ("index.html", "en/index.html", "404.html", "en/404.html")
TARGET_ASSETS_GZIP = 4096
# The course progress: what every home and chapter page loads (judged), then what only the home
# page loads (its stylesheet) or what it loads when the reader first uses a tool.
PROGRESS_LOADED = ("assets/course/progress.js", "assets/course/course.json")
PROGRESS_OTHERS = {
    "assets/course/progress.css": "home pages",
    "assets/course/progress-tools.js": "home pages, when a tool is first used",
}
TARGET_PROGRESS_GZIP = 1536
RE_PROGRESS_SCRIPT = re.compile(r'<script src="[^"]*assets/course/progress\.js"')
# What quiz markup or assets look like in a page; prose may say "quiz" and is reported apart.
RE_QUIZ_MARKUP = re.compile(r"assets/quiz/|class=\"quiz|data-quiz|quiz-score|quiz__")
RE_QUIZ_WORD = re.compile(r"quiz", re.IGNORECASE)
RE_QUIZ_START = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*quiz\b", re.IGNORECASE)


def gzip_size(data: bytes) -> int:
    """Return the size of `data` gzipped at level 9 (what a static host serves)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def copy_project(destination: Path) -> Path:
    """Copy the real project (config, docs, overrides, hooks) into a scratch folder."""
    if destination.exists():
        shutil.rmtree(destination)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, destination / name)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination / "mkdocs.yml"


def strip_quizzes(markdown: str) -> str:
    """Remove every `/// quiz` block (header to its closing `///`) from a page's source."""
    kept: list[str] = []
    closing: str | None = None
    for line in markdown.splitlines(keepends=True):
        if closing is None:
            match = RE_QUIZ_START.match(line)
            if match is None:
                kept.append(line)
            else:
                closing = match.group("slashes")
        elif line.strip() == closing:
            closing = None
    return "".join(kept)


def build_variants() -> dict[str, Path]:
    """Build the site as it is, with the plugin off and without quizzes; return the site folders."""
    base = WORK / "page-weight"
    projects = {name: copy_project(base / name) for name in ("with", "plugin-off", "removed")}
    corpus.write_variant(projects["plugin-off"], "mkdocs.yml", quiz={"enabled": "false"})
    for page in (base / "removed" / "docs").rglob("*.md"):
        page.write_text(strip_quizzes(page.read_text(encoding="utf-8")), encoding="utf-8")
    sites = {}
    for name, config in projects.items():
        sites[name] = config.parent / "site"
        timed_run(
            mkdocs_command("build", "-q", "-f", str(config), "-d", str(sites[name])), bench_env()
        )
    return sites


def asset_weights(site: Path, paths: tuple[str, ...] = ASSETS) -> list[dict[str, Any]]:
    """Return raw and gzip bytes of built files (the widget's script and stylesheet)."""
    weights = []
    for path in paths:
        data = (site / path).read_bytes()
        weights.append({"file": path, "raw": len(data), "gzip": gzip_size(data)})
    return weights


def html_per_quiz(sites: dict[str, Path]) -> list[dict[str, Any]]:
    """Return, per chapter, the bytes each quiz adds (raw and gzip) over the two baselines."""
    rows = []
    for chapter in CHAPTERS:
        pages = {name: (site / chapter).read_bytes() for name, site in sites.items()}
        quizzes = pages["with"].decode().count('class="quiz"')
        row: dict[str, Any] = {"page": chapter, "quizzes": quizzes}
        for name, data in pages.items():
            row[f"{name}_raw"], row[f"{name}_gzip"] = len(data), gzip_size(data)
        for baseline in ("plugin-off", "removed"):
            for kind in ("raw", "gzip"):
                added = row[f"with_{kind}"] - row[f"{baseline}_{kind}"]
                row[f"per_quiz_vs_{baseline}_{kind}"] = added / quizzes if quizzes else None
        rows.append(row)
    return rows


def quiz_free_pages(site: Path) -> list[dict[str, Any]]:
    """Return, per page without a quiz, its quiz markup (must be none) and the word in its prose."""
    rows = []
    for page in HOME_PAGES:
        html = (site / page).read_text(encoding="utf-8")
        rows.append(
            {
                "page": page,
                "markup_hits": [m.group(0) for m in RE_QUIZ_MARKUP.finditer(html)],
                "word_hits": [_context(html, m) for m in RE_QUIZ_WORD.finditer(html)],
            }
        )
    for chapter in CHAPTERS:  # the control: the same search does find a chapter's widgets
        html = (site / chapter).read_text(encoding="utf-8")
        rows.append({"page": chapter, "markup_hits": RE_QUIZ_MARKUP.findall(html), "word_hits": []})
    return rows


def pages_with_progress(site: Path) -> dict[str, bool]:
    """Return, for the home, chapter and 404 pages, whether each loads the progress script."""
    return {
        page: bool(RE_PROGRESS_SCRIPT.search((site / page).read_text(encoding="utf-8")))
        for page in (*HOME_PAGES, *CHAPTERS)
    }


def print_progress(site: Path) -> dict[str, Any]:
    """Print the course progress's weights and the pages that load it; return them."""
    loaded = asset_weights(site, PROGRESS_LOADED)
    others = asset_weights(site, tuple(PROGRESS_OTHERS))
    loaded_gzip = sum(item["gzip"] for item in loaded)
    print_table(
        ["file", "raw bytes", "gzip bytes"],
        [[a["file"], a["raw"], a["gzip"]] for a in loaded]
        + [["together", sum(a["raw"] for a in loaded), loaded_gzip]]
        + [[f"{a['file']} ({PROGRESS_OTHERS[a['file']]})", a["raw"], a["gzip"]] for a in others],
        title=f"Course progress on home and chapter pages (target <= {TARGET_PROGRESS_GZIP} "
        "bytes gzip together)",
    )
    loading = pages_with_progress(site)
    expected = {page: "404" not in page for page in loading}
    print(
        f"progress {'meets' if loaded_gzip <= TARGET_PROGRESS_GZIP else 'MISSES'} the gzip "
        f"target; it is loaded by {', '.join(p for p, on in loading.items() if on)} "
        f"({'as expected' if loading == expected else 'NOT as expected'})"
    )
    return {
        "progress_loaded": loaded,
        "progress_loaded_gzip_total": loaded_gzip,
        "progress_target_gzip": TARGET_PROGRESS_GZIP,
        "progress_others": others,
        "pages_with_progress": loading,
        "progress_pages_as_expected": loading == expected,
    }


def _context(html: str, match: re.Match[str]) -> str:
    return html[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")


def main() -> None:
    sites = build_variants()
    assets = asset_weights(sites["with"])
    total_gzip = sum(item["gzip"] for item in assets)
    print_table(
        ["file", "raw bytes", "gzip bytes"],
        [[a["file"], a["raw"], a["gzip"]] for a in assets]
        + [["together", sum(a["raw"] for a in assets), total_gzip]],
        title=f"Widget assets (target <= {TARGET_ASSETS_GZIP} bytes gzip together)",
    )
    per_quiz = html_per_quiz(sites)
    print_table(
        [
            "chapter",
            "quizzes",
            "HTML bytes",
            "widget markup/quiz raw",
            "gzip",
            "whole quiz/quiz raw",
            "gzip",
        ],
        [
            [
                r["page"],
                r["quizzes"],
                r["with_raw"],
                r["per_quiz_vs_plugin-off_raw"],
                r["per_quiz_vs_plugin-off_gzip"],
                r["per_quiz_vs_removed_raw"],
                r["per_quiz_vs_removed_gzip"],
            ]
            for r in per_quiz
        ],
        title="HTML per quiz: widget markup = vs plugin disabled (same words as plain Markdown); "
        "whole quiz = vs quiz blocks removed",
    )
    pages = quiz_free_pages(sites["with"])
    print_table(
        ["page", "quiz markup/assets", "the word 'quiz' in prose"],
        [[p["page"], len(p["markup_hits"]), len(p["word_hits"])] for p in pages],
        title="Pages without a quiz carry no quiz markup or assets (chapters are the control)",
    )
    for page in pages:
        for hit in page["word_hits"]:
            print(f"  {page['page']}: …{hit}…")
    clean = all(not p["markup_hits"] for p in pages if p["page"] in HOME_PAGES)
    progress = print_progress(sites["with"])
    data = {
        "assets": assets,
        "assets_gzip_total": total_gzip,
        "assets_target_gzip": TARGET_ASSETS_GZIP,
        "html_per_quiz": per_quiz,
        "quiz_free_pages": pages,
        "quiz_free_pages_clean": clean,
        **progress,
    }
    print(
        f"\nassets {'meet' if total_gzip <= TARGET_ASSETS_GZIP else 'MISS'} the gzip target; "
        f"pages without a quiz are {'clean' if clean else 'NOT clean'}"
    )
    print(f"wrote {write_results('page_weight', data)}")


if __name__ == "__main__":
    main()
