"""The answers written down: each widget's answer line, and the page's printed answer key.

Both are filled once the page's inline Markdown and attribute lists are rendered, from copies of
the rendered labels and explanations, so that Markdown is processed once; a copy loses its ids,
which stay the original's.

A printed chapter is a worksheet: print shows every question with its options and none of the
answers (`assets/quiz.css`), then the answer key on a page of its own, numbered like the
questions (each widget's `data-quiz-number`). On screen the key is `hidden`, so no reader and no
screen reader meets an answer twice, and `data-search-exclude` keeps it out of the search index.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown.util import AtomicString

from quiz_plugin.render import CORRECT, SEARCH_EXCLUDE, SHUFFLED

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fill_answer_key(widget: etree.Element, separator: str) -> None:
    """Copy the correct options' labels into the widget's answer line (in its `<details>`)."""
    key = widget.find("details/p")
    if key is not None:
        for number, (_, item) in enumerate(_correct_options(widget)):
            key.append(_label(item, separator if number else ""))


def render_answer_key(widgets: list[etree.Element], labels: dict[str, str]) -> etree.Element:
    """Return the page's printed answer key: a title, then an entry per widget, in page order."""
    key = etree.Element("div", {"class": "quiz-key", "hidden": "", SEARCH_EXCLUDE: ""})
    key.text = key.tail = "\n"
    title = etree.SubElement(key, "p", {"class": "quiz-key__title"})
    title.text = AtomicString(labels["keyTitle"])
    title.tail = "\n"
    entries = etree.SubElement(key, "ol")
    entries.text = entries.tail = "\n"
    for widget in widgets:
        entries.append(_entry(widget, labels["keySeparator"]))
    return key


def option_letter(position: int) -> str:
    """Return the letter an option (from 0) is printed with: A to Z, then AA, AB… as in CSS."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, len(LETTERS))
        letters = LETTERS[remainder] + letters
    return letters


def _entry(widget: etree.Element, separator: str) -> etree.Element:
    """Return one quiz's entry in the key: its correct options, then its explanation."""
    entry = etree.Element("li")
    entry.tail = "\n"
    answer = etree.SubElement(entry, "p", {"class": "quiz-key__answer"})
    # Shuffled options are printed in the order one reader got: only their words name them.
    lettered = SHUFFLED not in widget.attrib
    for number, (position, item) in enumerate(_correct_options(widget)):
        letter = f"{option_letter(position)}. " if lettered else ""
        answer.append(_label(item, (separator if number else "") + letter))
    explanation = widget.find("details/*[@class='quiz__explanation']")
    if explanation is not None:
        answer.tail = "\n"
        entry.extend(_explanation(explanation))
    return entry


def _correct_options(widget: etree.Element) -> list[tuple[int, etree.Element]]:
    """Return the correct options' list items, with their positions as written (from 0)."""
    options = widget.find("ul")
    items = [] if options is None else list(options)
    return [(position, item) for position, item in enumerate(items) if CORRECT in item.attrib]


def _label(item: etree.Element, prefix: str) -> etree.Element:
    """Return a `<span>` with a copy of an option's label (without its feedback)."""
    part = etree.Element("span")
    part.text = prefix + (item.text or "")
    part.extend(_copies(child for child in item if child.get("class") != "quiz__feedback"))
    return part


def _explanation(explanation: etree.Element) -> list[etree.Element]:
    """Return copies of an explanation's paragraphs: itself if it is one, else its children."""
    if explanation.tag != "p":
        return _copies(explanation)
    paragraph = _copies([explanation])[0]
    paragraph.attrib.pop("class")
    return [paragraph]


def _copies(elements: Iterable[etree.Element]) -> list[etree.Element]:
    """Return deep copies of elements without ids (an id belongs to the original only)."""
    copies = [copy.deepcopy(element) for element in elements]
    for element in copies:
        for descendant in element.iter():
            descendant.attrib.pop("id", None)
    return copies
