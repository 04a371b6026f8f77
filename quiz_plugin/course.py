"""The course manifest: the chapters and their quizzes, for the reader's progress.

A chapter is a page of the navigation with at least one quiz. The manifest lists the chapters in
navigation order, each with its title and URL per language and its quizzes: the key the widget
saves answers under (`QuizTreeprocessor._identity` makes it, shared by translations), the
correct positions as written, the number of options and whether several may be chosen. The
browser (`assets/progress.js`) counts a reader's progress from it and the saved answers.

It is gathered over the per-language builds of mkdocs-static-i18n and written once per full
build, next to the progress script.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from quiz_plugin import site
from quiz_plugin.course_labels import PageKind
from quiz_plugin.extension import QuizReport

MANIFEST = "assets/course/course.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class CourseQuiz:
    """A quiz as the browser needs it to tell a right answer from a wrong one."""

    key: str
    correct: tuple[int, ...]
    options: int
    multiple: bool

    def as_json(self) -> dict[str, Any]:
        """Return the quiz as the manifest writes it (`multiple` only when it is true)."""
        written: dict[str, Any] = {
            "key": self.key,
            "correct": list(self.correct),
            "options": self.options,
        }
        if self.multiple:
            written["multiple"] = True
        return written


@dataclass(frozen=True)
class ChapterPage:
    """One language's page of a chapter."""

    title: str
    url: str
    quizzes: tuple[CourseQuiz, ...]


def course_quizzes(reports: Iterable[QuizReport]) -> tuple[CourseQuiz, ...]:
    """Return the page's rendered quizzes (error boxes left out), in document order."""
    return tuple(
        CourseQuiz(
            key=report.key,
            # Positions from 0, as the widget saves the reader's choice.
            correct=tuple(position - 1 for position in report.quiz.correct_positions),
            options=len(report.quiz.options),
            multiple=report.quiz.multiple,
        )
        for report in reports
        if report.quiz is not None and report.key
    )


class Course:
    """What the manifest lists, gathered page by page over each language's build."""

    def __init__(self) -> None:
        """Start with no language built."""
        # Each language's navigation: pages as (path without the language, URL), in order.
        self.navigation: dict[str, list[tuple[str, str]]] = {}
        self.homes: dict[str, str] = {}
        self.pages: dict[tuple[str, str], ChapterPage] = {}
        # The pages converted by this build, chapters or not, as (language, path).
        self.converted: set[tuple[str, str]] = set()
        # The pages that show progress, by (language, source path): what `record_page` found.
        self.kinds: dict[tuple[str, str], PageKind] = {}

    def record_navigation(self, language: str, nav: Navigation, config: MkDocsConfig) -> None:
        """Remember the order of a language's pages and its home page."""
        self.navigation[language] = [
            (site.path_without_language(page.file.src_uri, config), page.url) for page in nav.pages
        ]
        if nav.homepage is not None:
            self.homes[language] = nav.homepage.url

    def record_page(
        self, language: str, page: Page, reports: list[QuizReport], config: MkDocsConfig
    ) -> None:
        """Remember a converted page's quizzes (a page without any is not a chapter) and kind."""
        place = (language, site.path_without_language(page.file.src_uri, config))
        self.converted.add(place)
        quizzes = course_quizzes(reports)
        kind: PageKind | None = None
        if quizzes:
            self.pages[place] = ChapterPage(page.title or place[1], page.url, quizzes)
            kind = "chapter"
        else:
            self.pages.pop(place, None)
            if page.url == self.homes.get(language):
                kind = "home"
        source = (language, page.file.src_uri)
        if kind is None:
            self.kinds.pop(source, None)
        else:
            self.kinds[source] = kind

    def page_kind(self, language: str, page: Page) -> PageKind | None:
        """Tell whether a page shows progress: the home page, or a chapter (a page with quizzes)."""
        return self.kinds.get((language, page.file.src_uri))

    def next_chapter(self, language: str, page: Page, config: MkDocsConfig) -> ChapterPage | None:
        """Return the chapter after this page in the language's navigation, if there is one."""
        paths = [path for path, _ in self.navigation.get(language, [])]
        here = site.path_without_language(page.file.src_uri, config)
        later = paths[paths.index(here) + 1 :] if here in paths else []
        return next((self.pages[(language, p)] for p in later if (language, p) in self.pages), None)

    def manifest(
        self, languages: list[str], previous: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Return the manifest: every chapter, in navigation order.

        `previous` is the manifest of the last build: a `--dirty` build converts only the pages
        that changed, and the others keep what it said about them.
        """
        kept = _chapters_by_url(previous)
        chapters: list[dict[str, Any]] = []
        for path in self._chapter_paths(languages):
            pages = {
                language: self.pages[(language, path)]
                for language in languages
                if (language, path) in self.pages
            }
            if pages:
                chapters.append(_chapter_json(pages))
        for language in languages:
            for path, url in self.navigation.get(language, []):
                if (language, path) not in self.converted and (language, url) in kept:
                    chapter = kept.pop((language, url))
                    if chapter not in chapters:
                        chapters.append(chapter)
        return {"version": MANIFEST_VERSION, "chapters": chapters}

    def _chapter_paths(self, languages: list[str]) -> list[str]:
        """Return the chapters' paths: the first language's navigation order, then the others'."""
        paths: list[str] = []
        for language in languages:
            for path, _ in self.navigation.get(language, []):
                if (language, path) in self.pages and path not in paths:
                    paths.append(path)
        return paths


def _chapter_json(pages: dict[str, ChapterPage]) -> dict[str, Any]:
    """Return a chapter as the manifest writes it; its quizzes are its first language's."""
    first = next(iter(pages.values()))
    return {
        "pages": {
            language: {"title": page.title, "url": page.url} for language, page in pages.items()
        },
        "quizzes": [quiz.as_json() for quiz in first.quizzes],
    }


def _chapters_by_url(manifest: dict[str, Any] | None) -> dict[tuple[str, str], dict[str, Any]]:
    """Return a manifest's chapters by (language, URL)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for chapter in (manifest or {}).get("chapters", []):
        for language, page in chapter.get("pages", {}).items():
            found[(language, page.get("url"))] = chapter
    return found


def write_manifest(course: Course, config: MkDocsConfig) -> Path:
    """Write the manifest into the built site; return its path."""
    path = Path(config.site_dir) / MANIFEST
    try:
        manifest = course.manifest(site.languages_default_first(config), _previous(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise PluginError(
            f"quiz_plugin: cannot write the course manifest {path}: {error}"
        ) from error
    return path


def _previous(path: Path) -> dict[str, Any] | None:
    """Return the manifest a previous build left there, if it can be read."""
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return previous if isinstance(previous, dict) else None
