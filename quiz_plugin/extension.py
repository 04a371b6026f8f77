"""The Markdown extension: a `pymdownx.blocks` block named `quiz`, and its tree processor.

The block only collects what the author wrote. The tree processor then visits every quiz of the
page in document order, so each one gets its source line, and renders the widget, or an error
box when the quiz is malformed (including blocks that `pymdownx.blocks` refused to open).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from quiz_plugin import upstream
from quiz_plugin.answer_key import fill_answer_key, render_answer_key
from quiz_plugin.blocks_manager import register_manager
from quiz_plugin.labels import labels_for
from quiz_plugin.locate import quiz_header_lines
from quiz_plugin.messages import log_message, page_message
from quiz_plugin.model import Quiz, QuizProblem, QuizSettings, problem
from quiz_plugin.parse import parse_quiz, parse_settings
from quiz_plugin.render import (
    QuizIdentity,
    page_labels,
    render_error,
    render_quiz,
    render_score,
)
from quiz_plugin.tree import (
    Parents,
    is_refused_header,
    nested_quizzes,
    remove_rest_of_block,
    split_refused_headers,
)


@dataclass
class QuizPage:
    """What the extension knows about the page being converted."""

    path: str = "<string>"
    language: str = "en"
    line_offset: int = 0
    key_path: str = ""
    # Fingerprints that key saved answers, shared between a page and its translations.
    shared_fingerprints: dict[tuple[str, str], str] = field(default_factory=dict)
    key_language: bool = True


@dataclass
class QuizReport:
    """One quiz as found on a page: where it is, what it is, and what is wrong with it."""

    line: int
    quiz: Quiz | None
    problems: list[QuizProblem]
    # The key its widget's answers are saved under (none for an error box): the course manifest's.
    key: str | None = None


Reporter = Callable[[str], None]
Header = tuple[QuizSettings, list[QuizProblem]]


class QuizBlock(Block):
    """`/// quiz`: one multiple-choice question."""

    NAME = "quiz"
    ARGUMENT = None
    # No option spec for pymdownx.blocks to copy per block: `_validate` reads the options
    # (multiple, shuffle, id) itself, so that a mistake is reported instead of dropped.
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:  # noqa: ARG002
        # pymdownx.blocks drops a block whose options are invalid and shows it as plain text;
        # accept every header here and report what is wrong in place of the quiz instead.
        # A private method of pymdownx's (quiz_plugin/upstream.py checks it is still there).
        self.argument = arg
        self.options: dict[str, Any] = {"attrs": {}}
        self.header = parse_settings(arg, options)
        return True

    def on_markdown(self) -> str:
        """Parse the content as Markdown blocks."""
        return "block"

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Create the element the tree processor will turn into the widget.

        The block's tracker keeps its header and parent, keyed by the element, for the tree
        processor: that is how it finds the page's quizzes.
        """
        element = etree.SubElement(parent, "div")
        self.tracker[element] = (self.header, parent)
        return element


class QuizSourcePreprocessor(Preprocessor):
    """Note where the `/// quiz` headers are in the source, before anything rewrites it."""

    def __init__(self, md: Markdown, extension: QuizExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        """Record the header lines and leave the source unchanged."""
        self.extension.header_lines = quiz_header_lines(lines)
        return lines


class QuizTreeprocessor(Treeprocessor):
    """Render every quiz of the page, in document order."""

    def __init__(self, md: Markdown, extension: QuizExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Replace each quiz block (or refused header) with its widget or an error box."""
        self.extension.rendered = []
        manager = self.md.parser.blockprocessors["blocks"]
        blocks: dict[etree.Element, tuple[Header, etree.Element]] = upstream.trackers(
            manager, QuizBlock.NAME
        )
        # The header lines give messages their line; a block they missed is rendered all the same.
        if not self.extension.header_lines and not blocks:
            self.extension.reports = []
            return
        page = self.extension.page
        labels = labels_for(page.language)
        parents = Parents(root, {element: parent for element, (_, parent) in blocks.items()})
        found = list(blocks)
        if len(self.extension.header_lines) > len(found):  # pymdownx.blocks refused a header
            split_refused_headers(root)
            found = [el for el in root.iter() if el in blocks or is_refused_header(el)]
        lines = [self.extension.source_line(ordinal) for ordinal in range(len(found))]
        outer_of = nested_quizzes(found)
        inner_lines = {
            outer_of[el]: lines[i] for i, el in reversed(list(enumerate(found))) if el in outer_of
        }
        reports: list[QuizReport] = []
        rendered: list[etree.Element] = []
        shown_for: dict[etree.Element, etree.Element] = {}  # each element's widget or box
        used_ids: set[str] = set()
        for ordinal, element in enumerate(found):
            outer = outer_of.get(element)
            if outer is not None:
                # Gone with the quiz around it, whose warning names it: a box after that one.
                reports.append(QuizReport(lines[ordinal], None, []))
                box = self._nested_box(lines[ordinal], lines[found.index(outer)], labels)
                parents.insert_after(shown_for[outer], box)
                shown_for[outer] = box
                continue
            block = blocks.get(element)
            report = self._parse(element, block[0] if block else None, lines[ordinal], used_ids)
            if element in inner_lines:
                report.quiz = None
                report.problems.append(problem("contains_quiz", line=inner_lines[element]))
            reports.append(report)
            if report.quiz is None:
                if block is None:
                    remove_rest_of_block(parents, element, set(found))
                shown = self._error(report, labels)
            else:
                identity = self._identity(report.quiz, ordinal, len(rendered) + 1)
                shown = render_quiz(report.quiz, identity, labels)
                rendered.append(shown)
            parents.replace(element, shown)
            shown_for[element] = shown
            report.key = shown.get("data-quiz-key")
        if rendered:
            rendered[0].set("data-quiz-i18n", page_labels(labels))
        if len(rendered) >= 2:
            parents.insert_after_top_level(rendered[-1], render_score(labels, len(rendered)))
        self.extension.reports = reports
        self.extension.rendered = rendered

    def _parse(
        self,
        element: etree.Element,
        header: Header | None,
        line: int,
        used_ids: set[str],
    ) -> QuizReport:
        if header is None:
            return QuizReport(line, None, [problem("invalid_header")])
        settings, problems = header[0], list(header[1])
        if settings.id and settings.id in used_ids:
            problems.append(problem("duplicate_id", value=settings.id))
        elif settings.id:
            used_ids.add(settings.id)
        parsed = parse_quiz(element, settings)
        if isinstance(parsed, list):
            return QuizReport(line, None, problems + parsed)
        return QuizReport(line, None if problems else parsed, problems)

    def _error(self, report: QuizReport, labels: dict[str, str]) -> etree.Element:
        page = self.extension.page
        location = f"{page.path}:{report.line}"
        for item in report.problems:
            self.extension.report(f"{location}: {log_message(item)}")
        language = page.language.split("-")[0]
        message = " ".join(page_message(item, language) for item in report.problems)
        return render_error(message, location, labels)

    def _nested_box(self, line: int, outer_line: int, labels: dict[str, str]) -> etree.Element:
        page = self.extension.page
        message = page_message(problem("inside_quiz", line=outer_line), page.language.split("-")[0])
        return render_error(message, f"{page.path}:{line}", labels)

    def _identity(self, quiz: Quiz, ordinal: int, number: int) -> QuizIdentity:
        page = self.extension.page
        place = quiz.settings.id or f"{page.key_path}#{ordinal}"
        fingerprint = quiz.fingerprint()
        shared = page.shared_fingerprints
        if page.key_language:
            shared[(page.key_path, place)] = fingerprint
        else:
            fingerprint = shared.get((page.key_path, place), fingerprint)
        key = hashlib.sha256(f"{page.key_path}|{place}|{fingerprint}".encode()).hexdigest()[:12]
        return QuizIdentity(dom_id=f"quiz-{quiz.settings.id or key}", key=key, number=number)


class QuizAnswerKeyTreeprocessor(Treeprocessor):
    """Write the answers down once the page's inline Markdown and attribute lists are rendered."""

    def __init__(self, md: Markdown, extension: QuizExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Fill each widget's answer line; end the page with the printed answer key."""
        labels = labels_for(self.extension.page.language)
        rendered, self.extension.rendered = self.extension.rendered, []
        for widget in rendered:
            fill_answer_key(widget, labels["keySeparator"])
        if rendered:
            root.append(render_answer_key(rendered, labels))


class QuizExtension(BlocksExtension):
    """Register the `quiz` block, the source preprocessor and the tree processor."""

    def __init__(self, **kwargs: Any) -> None:
        """Start with an anonymous page; the MkDocs plugin sets the real one per page."""
        super().__init__(**kwargs)
        self.page = QuizPage()
        self.header_lines: list[int] = []
        self.reports: list[QuizReport] = []
        self.rendered: list[etree.Element] = []
        self.reporter: Reporter | None = None

    def register_block_mgr(self, md: Markdown) -> BlocksProcessor:
        """Return the blocks manager, registering the quicker one when no block came first."""
        return register_manager(md)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        """Add the block and the processors to a Markdown instance."""
        for missing in upstream.problems():
            raise RuntimeError(missing)
        block_mgr.register(QuizBlock, {})
        md.preprocessors.register(QuizSourcePreprocessor(md, self), "quiz_source", 1000)
        # Before tasklist (25) and inline processing (20): options still read "[x] text" and their
        # Markdown is processed where it lands.
        md.treeprocessors.register(QuizTreeprocessor(md, self), "quiz", 30)
        # After inline processing (20), attribute lists (8) and the table of contents (5): the
        # answers copy rendered labels and explanations, and no heading or id is copied twice.
        md.treeprocessors.register(QuizAnswerKeyTreeprocessor(md, self), "quiz_answer_key", 4)

    def source_line(self, ordinal: int) -> int:
        """Return the file line of the page's n-th quiz header."""
        if ordinal < len(self.header_lines):
            return self.header_lines[ordinal] + self.page.line_offset
        return self.page.line_offset + 1

    def report(self, message: str) -> None:
        """Pass a problem to whoever listens (the plugin logs it as a warning)."""
        if self.reporter is not None:
            self.reporter(message)


def makeExtension(**kwargs: Any) -> QuizExtension:
    """Return the extension, for `markdown_extensions: - quiz_plugin.extension`."""
    return QuizExtension(**kwargs)
