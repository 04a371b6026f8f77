"""Build the widget's HTML from a parsed quiz.

The markup reads well without JavaScript: the question, the options as a list and a `<details>`
that reveals the answer. `assets/quiz.js` turns it into the interactive widget. The markup is
kept lean: a build spends time on every element and attribute (inline processing, serialising,
the search index's HTML parser), and the texts it adds are `AtomicString`s, which inline
Markdown processing skips.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from quiz_plugin.labels import SCRIPT_KEYS
from quiz_plugin.model import Quiz

SEARCH_EXCLUDE = "data-search-exclude"
# Attributes the widget's markup carries, which the answer key reads back.
CORRECT = "data-quiz-correct"
SHUFFLED = "data-quiz-shuffle"


@dataclass(frozen=True)
class QuizIdentity:
    """Where a quiz lives: its HTML id, the key its saved answers are stored under, its number.

    The number counts the page's widgets from 1; print shows it, and the answer key uses it.
    """

    dom_id: str
    key: str
    number: int


def render_quiz(quiz: Quiz, identity: QuizIdentity, labels: dict[str, str]) -> etree.Element:
    """Return the widget element for a valid quiz, moving the quiz's elements into it.

    The page carries what reads well without JavaScript: the question, the options as a list and
    a `<details>` with the answer. `assets/quiz.js` builds the interactive part from it (the
    fieldset, inputs, labels, buttons, status and marks), so a build spends no time on markup
    that only the script uses. Every piece of the author's content appears once on screen:
    feedback on a wrong option sits, hidden, under that option; the correct options' feedback and
    the explanation sit in the `<details>`, and the script moves them next to the options. (The
    printed answer key, `answer_key.py`, hidden on screen, repeats the explanation.)
    """
    root = etree.Element(
        "div",
        {
            "class": "quiz",
            "id": identity.dom_id,
            "data-quiz-key": identity.key,
            "data-quiz-kind": quiz.kind,
            "data-quiz-number": str(identity.number),
        },
    )
    if quiz.settings.shuffle:
        root.set(SHUFFLED, "")
    _contain(root, quiz.question, {"class": "quiz__question"})
    if quiz.multiple:
        etree.SubElement(root, "p", {"class": "quiz__hint"}).text = AtomicString(labels["hint"])
    answer = _render_answer(labels)
    options = etree.SubElement(root, "ul", {"class": "quiz__options"})
    for index, option in enumerate(quiz.options):
        item = etree.SubElement(options, "li", {CORRECT: ""} if option.correct else {})
        item.text = option.label.text
        item.extend(option.label)
        if option.feedback and option.correct:
            attributes = {"class": "quiz__feedback", "data-quiz-for": str(index)}
            _contain(answer, option.feedback, attributes)
        elif option.feedback:
            attributes = {"class": "quiz__feedback", "hidden": "", SEARCH_EXCLUDE: ""}
            _contain(item, option.feedback, attributes)
    if quiz.explanation:
        _contain(answer, quiz.explanation, {"class": "quiz__explanation"})
    root.append(answer)
    return root


def _contain(
    parent: etree.Element, content: list[etree.Element], attributes: dict[str, str]
) -> None:
    """Append the content in a `<div>` with these attributes, or give them to a lone paragraph."""
    paragraph = _lone_paragraph(content)
    if paragraph is not None:
        paragraph.attrib.update(attributes)
        parent.append(paragraph)
    else:
        etree.SubElement(parent, "div", attributes).extend(content)


def _lone_paragraph(content: list[etree.Element]) -> etree.Element | None:
    """Return the content's only element if it is a plain paragraph that will stay plain."""
    if len(content) != 1 or content[0].tag != "p" or content[0].attrib:
        return None
    paragraph = content[0]
    if not len(paragraph) and HTML_PLACEHOLDER_RE.fullmatch((paragraph.text or "").strip()):
        # A stashed block (fenced code, raw HTML) that Markdown puts in place of `<p>…</p>`
        # only while the paragraph has no attributes: it would end inside a classed `<p>`.
        return None
    last_text = paragraph[-1].tail if len(paragraph) else paragraph.text
    # attr_list runs later and may still give the paragraph an id or class of its own.
    return None if last_text and "{" in last_text else paragraph


def _render_answer(labels: dict[str, str]) -> etree.Element:
    """Return the `<details>` that tells the answer without JavaScript (print leaves it out).

    Its answer line gets the correct options' labels from `answer_key.fill_answer_key`.
    """
    details = etree.Element("details", {"class": "quiz__answer", SEARCH_EXCLUDE: ""})
    etree.SubElement(details, "summary").text = AtomicString(labels["answer"])
    key = etree.SubElement(details, "p", {"class": "quiz__key"})
    key.text = AtomicString(labels["key"])
    return details


def page_labels(labels: dict[str, str]) -> str:
    """Return the strings the script needs, as the JSON of a page's first widget."""
    texts = {key: labels[key] for key in SCRIPT_KEYS}
    return json.dumps(texts, ensure_ascii=False, separators=(",", ":"))


def render_error(message: str, location: str, labels: dict[str, str]) -> etree.Element:
    """Return the box shown in place of a quiz that cannot be rendered."""
    box = etree.Element("div", {"class": "admonition failure quiz-error", "role": "note"})
    etree.SubElement(box, "p", {"class": "admonition-title"}).text = AtomicString(labels["error"])
    paragraph = etree.SubElement(box, "p")
    etree.SubElement(paragraph, "code").text = AtomicString(location)
    etree.SubElement(paragraph, "br").tail = AtomicString(message)
    return box


def render_score(labels: dict[str, str], total: int) -> etree.Element:
    """Return the live score shown on pages with two or more quizzes."""
    score = etree.Element("div", {"class": "quiz-score", "hidden": "", SEARCH_EXCLUDE: ""})
    text = etree.SubElement(score, "p", {"class": "quiz-score__text", "role": "status"})
    text.text = AtomicString(labels["score"].format(correct=0, total=total))
    reset = etree.SubElement(score, "button", {"type": "button", "class": "quiz-score__reset"})
    reset.text = AtomicString(labels["reset"])
    return score
