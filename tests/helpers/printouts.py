"""The chapter printed to PDF as readers leave it, and what its HTML says a printout must hold."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from posixpath import dirname, join, normpath
from typing import Any

from tests.helpers.browsing import watched_context
from tests.helpers.markdown import parse_html
from tests.helpers.pages import RE_ARTICLE
from tests.helpers.pdf import normalized, page_texts
from tests.helpers.quiz_pages import CHAPTERS, answer_every_kind

# How a reader leaves the chapter before printing it: untouched, with a wrong, a right and a
# revealed answer, or read without JavaScript.
STATES = ("fresh", "answered", "no-script")
SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def print_chapter(browser: Any, base_url: str, language: str, state: str, pdf: Path) -> Path:
    """Open the chapter, leave it in a state, print it as Chromium does to an A4 PDF."""
    scripted = state != "no-script"
    with watched_context(browser, java_script_enabled=scripted) as (context, _):
        page = context.new_page()
        page.goto(base_url + CHAPTERS[language])
        if scripted:
            page.wait_for_selector(".quiz[data-quiz-ready]")
        if state == "answered":
            answer_every_kind(page)
        page.pdf(path=str(pdf), format="A4")
    return pdf


@dataclass(frozen=True)
class Printout:
    """A printed chapter: each page's text, and the page (from 0) where the answer key starts."""

    pages: list[str]
    key_page: int | None

    @classmethod
    def read(cls, pdf: Path, key_title: str) -> Printout:
        """Read a PDF; its key is the page whose first line is the key's title."""
        pages = page_texts(pdf)
        title = normalized(key_title)
        starts = [n for n, text in enumerate(pages) if _first_line(text) == title]
        return cls(pages, starts[0] if starts else None)

    def before_key(self) -> str:
        """Return the text of the pages before the key (every page if there is none)."""
        return "\n".join(self.pages[: self.key_page])

    def key(self) -> str:
        """Return the text of the key's pages (nothing if there is none)."""
        return "" if self.key_page is None else "\n".join(self.pages[self.key_page :])


def _first_line(text: str) -> str:
    lines = [normalized(line) for line in text.splitlines()]
    return next((line for line in lines if line), "")


@dataclass(frozen=True)
class QuizText:
    """What a chapter's widget says, as the server wrote it."""

    question: str
    options: list[str]
    correct: list[int]
    feedback: list[str]
    explanation: str
    hint: str


def chapter_tree(html: str) -> etree.Element:
    """Return the article of a built page as an element tree."""
    match = RE_ARTICLE.search(html)
    assert match, "no <article> in page"
    return parse_html(match.group("body"))


def chapter_quizzes(html: str) -> list[QuizText]:
    """Return every widget of a built page, in page order."""
    widgets = [e for e in chapter_tree(html).iter() if e.get("class") == "quiz"]
    return [_quiz_text(widget) for widget in widgets]


def _quiz_text(widget: etree.Element) -> QuizText:
    options = _first(widget, "quiz__options")
    items = [] if options is None else list(options)
    return QuizText(
        question=_text(_first(widget, "quiz__question")),
        options=[_text(item, skip="quiz__feedback") for item in items],
        correct=[n for n, item in enumerate(items) if "data-quiz-correct" in item.attrib],
        feedback=[_text(e) for e in widget.iter() if e.get("class") == "quiz__feedback"],
        explanation=_text(_first(widget, "quiz__explanation")),
        hint=_text(_first(widget, "quiz__hint")),
    )


def chapter_headings(html: str) -> list[str]:
    """Return the text of every heading of a built page's article."""
    tags = {f"h{level}" for level in range(1, 7)}
    return [_text(e, skip="headerlink") for e in chapter_tree(html).iter() if e.tag in tags]


def chapter_figures(site_root: Path, page: str) -> list[tuple[list[str], str]]:
    """Return each figure of a built page: the texts its SVG draws, and its caption."""
    figures = []
    for figure in chapter_tree((site_root / page).read_text(encoding="utf-8")).iter("figure"):
        caption = _text(next(figure.iter("figcaption"), None))
        drawing = next(figure.iter("svg"), None)
        if drawing is None:
            image = next(figure.iter("img"))
            source = site_root / normpath(join(dirname(page), image.get("src", "")))
            drawing = etree.parse(source).getroot()  # noqa: S314 (the site's own figure)
        texts = [" ".join("".join(t.itertext()).split()) for t in drawing.iter() if _is_text(t)]
        figures.append((texts, caption))
    return figures


def _is_text(element: etree.Element) -> bool:
    return element.tag in ("text", SVG_TEXT)


def _first(widget: etree.Element, class_name: str) -> etree.Element | None:
    return next((e for e in widget.iter() if e.get("class") == class_name), None)


def _text(element: etree.Element | None, skip: str = "") -> str:
    """Return an element's text, white space collapsed, without the subtrees of class `skip`."""
    if element is None:
        return ""
    parts: list[str] = []

    def walk(node: etree.Element) -> None:
        parts.append(node.text or "")
        for child in node:
            if not skip or child.get("class") != skip:
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())
