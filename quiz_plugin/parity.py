"""Check that translations keep the same quizzes: kinds, option counts and correct options.

Pages are read as Markdown only, with the site's own parser, so a check takes milliseconds
and finds exactly the quizzes a build would render.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import is_markdown_file
from mkdocs.utils.meta import get_data

from quiz_plugin import site
from quiz_plugin.extension import QuizExtension, QuizPage, QuizReport
from quiz_plugin.model import Quiz

log = get_plugin_logger(__name__)

# The locale shapes mkdocs-static-i18n accepts (`zh`, `en-US`, `zh-Hant-TW`, `pt_BR`); asset
# folders such as `css` or `img` never match.
RE_LOCALE = re.compile(r"^[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")

# Extensions that decide which lines belong to which block: a quiz inside an admonition, a
# details block or a tab is only found if its container is parsed the way the site parses it.
STRUCTURE_EXTENSIONS: Final[dict[str, dict[str, Any]]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.blocks.admonition": {},
    "pymdownx.blocks.details": {},
    "pymdownx.blocks.tab": {"alternate_style": True},
}

QUIZ_FIX = (
    "keep the same options, in the same order, with the same ones marked [x], in every language"
)
COUNT_FIX = "give every translation the same quizzes in the same order"

Reporter = Callable[[str], None]


@dataclass
class ParityReport:
    """What a comparison found: notes (pages not translated) and warnings (quizzes that differ)."""

    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class PageQuizzes:
    """The quizzes of one page, in document order, malformed ones included."""

    path: str
    language: str
    reports: list[QuizReport]

    def where(self, number: int) -> str:
        """Return `zh/page.md:61` for the page's quiz `number` (1-based)."""
        return f"{self.path}:{self.reports[number - 1].line}"


class QuizReader:
    """Convert pages with the structural extensions and collect their quizzes."""

    def __init__(
        self,
        extensions: Mapping[str, Mapping[str, Any]] = STRUCTURE_EXTENSIONS,
        reporter: Reporter | None = None,
        known: Mapping[str, PageQuizzes] | None = None,
    ) -> None:
        """Prepare to read pages; `reporter` hears malformed quizzes.

        `known` holds the pages a build has just converted (by path such as `zh/page.md`):
        those are not read again.
        """
        self.extensions = extensions
        self.reporter = reporter
        self.known = known or {}
        self._markdown: tuple[Markdown, QuizExtension] | None = None

    def _converter(self) -> tuple[Markdown, QuizExtension]:
        """Return the one Markdown instance used for every page, built on first use."""
        if self._markdown is None:
            extension = QuizExtension()
            extension.reporter = self.reporter
            configs = {name: dict(config) for name, config in self.extensions.items()}
            markdown = Markdown(extensions=[extension, *self.extensions], extension_configs=configs)
            self._markdown = markdown, extension
        return self._markdown

    def read(self, docs_dir: Path, path: str, language: str) -> PageQuizzes:
        """Return the quizzes of `docs_dir/path`, with file lines counted past the front matter."""
        if path in self.known:
            return self.known[path]
        converter, extension = self._converter()
        source = (docs_dir / path).read_text(encoding="utf-8-sig")
        markdown, _ = get_data(source)
        offset = max(0, source.count("\n") - markdown.count("\n"))
        extension.page = QuizPage(path=path, language=language, line_offset=offset)
        extension.reports = []
        converter.reset().convert(markdown)
        return PageQuizzes(path, language, list(extension.reports))


def compare_languages(
    docs_dir: Path, default: str, languages: Iterable[str], reader: QuizReader
) -> ParityReport:
    """Compare each language's pages with the default language's pages."""
    report = ParityReport()
    others = [language for language in languages if language != default]
    pages = {language: markdown_pages(docs_dir / language) for language in [default, *others]}
    quizzes = {
        (language, page): reader.read(docs_dir, f"{language}/{page}", language)
        for language, names in pages.items()
        for page in names
    }
    for language in others:
        for page in sorted(pages[default] | pages[language]):
            if page not in pages[language]:
                report.notes.append(_missing(default, language, page))
            elif page not in pages[default]:
                report.notes.append(_missing(language, default, page))
            else:
                report.warnings += compare_pages(quizzes[default, page], quizzes[language, page])
    return report


def compare_pages(original: PageQuizzes, translation: PageQuizzes) -> list[str]:
    """Return one warning per quiz that differs between a page and its translation."""
    if len(original.reports) != len(translation.reports):
        return [_count_warning(original, translation)]
    warnings = []
    for number, pair in enumerate(zip(original.reports, translation.reports, strict=True), 1):
        differences = quiz_differences(*pair, original.language, translation.language)
        if differences:
            warnings.append(
                f"quiz {number} differs between {original.where(number)} and "
                f"{translation.where(number)}: {'; '.join(differences)}; {QUIZ_FIX}"
            )
    return warnings


def quiz_differences(one: QuizReport, other: QuizReport, first: str, second: str) -> list[str]:
    """Say how two translations of a quiz differ; malformed quizzes have their own warning."""
    if one.quiz is None or other.quiz is None:
        return []
    differences = []
    if one.quiz.kind != other.quiz.kind:
        differences.append(
            f"is {one.quiz.kind} choice in {first}, {other.quiz.kind} choice in {second}"
        )
    if len(one.quiz.options) != len(other.quiz.options):
        counts = len(one.quiz.options), len(other.quiz.options)
        differences.append(f"has {counts[0]} options in {first}, {counts[1]} in {second}")
    elif one.quiz.correct_positions != other.quiz.correct_positions:
        differences.append(_correct_difference(one.quiz, other.quiz, first, second))
    return differences


def _correct_difference(one: Quiz, other: Quiz, first: str, second: str) -> str:
    if len(one.correct_positions) == len(other.correct_positions) == 1:
        subject = "correct option is"
    else:
        subject = "correct options are"
    return (
        f"{subject} {_positions(one.correct_positions)} in {first}, "
        f"{_positions(other.correct_positions)} in {second}"
    )


def _positions(positions: tuple[int, ...]) -> str:
    numbers = [str(position) for position in positions]
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"


def _count_warning(original: PageQuizzes, translation: PageQuizzes) -> str:
    counts = len(original.reports), len(translation.reports)
    summary = f"{original.path} has {_quizzes(counts[0])}, {translation.path} has {counts[1]}"
    # Where the quizzes stop matching is most likely where one was added or removed.
    for number, pair in enumerate(zip(original.reports, translation.reports, strict=False), 1):
        if quiz_differences(*pair, original.language, translation.language):
            return (
                f"{summary}: the first that differs is quiz {number} "
                f"({original.where(number)}, {translation.where(number)}); {COUNT_FIX}"
            )
    number = min(counts) + 1
    longer, other = (original, translation) if counts[0] > counts[1] else (translation, original)
    return (
        f"{summary}: quiz {number} ({longer.where(number)}) has no counterpart in "
        f"{other.language}; {COUNT_FIX}"
    )


def _quizzes(count: int) -> str:
    return f"{count} quiz" if count == 1 else f"{count} quizzes"


def _missing(present: str, absent: str, page: str) -> str:
    return f"{present}/{page} has no {absent} version ({absent}/{page} does not exist)"


def markdown_pages(folder: Path) -> set[str]:
    """Return the paths of the Markdown files under `folder`, relative to it."""
    if not folder.is_dir():
        return set()
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and is_markdown_file(path.name)
    }


def locale_folders(docs_dir: Path) -> list[str]:
    """Return the subfolders of `docs_dir` that are named like locales and hold pages."""
    # The pages tell `en/` from an asset folder with a two-letter name such as `js/`.
    return sorted(
        path.name
        for path in docs_dir.iterdir()
        if path.is_dir() and RE_LOCALE.match(path.name) and markdown_pages(path)
    )


def site_languages(config: MkDocsConfig) -> tuple[str, list[str]] | None:
    """Return static-i18n's default language and all its languages, when pages are in folders."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.config.docs_structure != "folder":
        return None
    languages = [language for language in site.i18n_languages(config) if RE_LOCALE.match(language)]
    return site.default_language(config), languages


def site_extensions(config: MkDocsConfig) -> dict[str, dict[str, Any]]:
    """Return the structural extensions the site uses, with the site's settings."""
    return {
        name: dict(config.mdx_configs.get(name, {}))
        for name in config.markdown_extensions
        if isinstance(name, str) and name in STRUCTURE_EXTENSIONS
    }


def check_site(
    config: MkDocsConfig,
    reporter: Reporter | None = None,
    known: Mapping[str, PageQuizzes] | None = None,
) -> ParityReport:
    """Compare every static-i18n language of a site with its default language.

    Pages in `known` (converted by the build that just ran) are taken from there.
    """
    languages = site_languages(config)
    if languages is None:
        return ParityReport()
    reader = QuizReader(site_extensions(config), reporter, known)
    return compare_languages(Path(config.docs_dir), *languages, reader)


def all_languages_built(config: MkDocsConfig) -> bool:
    """Tell whether a build is complete: static-i18n is not inside one of its language builds."""
    i18n = config.plugins.get("i18n")
    # static-i18n's `building` is not a documented option (checked with 1.3.1): without it, the
    # report would follow each language's build instead of the whole build.
    return not getattr(i18n, "building", False)


def log_report(report: ParityReport) -> None:
    """Log notes as INFO and differences as WARNING (so `--strict` fails on them)."""
    for note in report.notes:
        log.info(note)
    for warning in report.warnings:
        log.warning(warning)
