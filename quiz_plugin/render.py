"""Build the widget's HTML from a parsed quiz.

The markup reads well without JavaScript: options are a plain list of native inputs and a
`<details>` reveals the answer. `assets/quiz.js` turns it into the interactive widget, adding the
buttons and marks that only make sense with it. The markup is kept lean: a build spends time on
every element (inline processing, serialising, the search index's HTML parser).
"""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from quiz_plugin.labels import SCRIPT_KEYS
from quiz_plugin.model import Quiz

SEARCH_EXCLUDE = "data-search-exclude"


@dataclass(frozen=True)
class QuizIdentity:
    """Where a quiz lives: its HTML id and the key its saved answers are stored under."""

    dom_id: str
    key: str


def render_quiz(quiz: Quiz, identity: QuizIdentity, labels: dict[str, str]) -> etree.Element:
    """Return the widget element for a valid quiz, moving the quiz's elements into it.

    Every piece of the author's content appears once: feedback on a wrong option sits, hidden,
    under that option; the correct options' feedback and the explanation sit in the `<details>`
    that tells the answer without JavaScript, and the script moves them next to the options.
    """
    dom_id = identity.dom_id
    root = etree.Element(
        "div",
        {
            "class": "quiz",
            "id": dom_id,
            "data-quiz-key": identity.key,
            "data-quiz-kind": quiz.kind,
        },
    )
    if quiz.settings.shuffle:
        root.set("data-quiz-shuffle", "")
    fieldset = etree.SubElement(
        root, "fieldset", {"class": "quiz__fieldset", "aria-labelledby": f"{dom_id}-q"}
    )
    _contain(fieldset, quiz.question, {"class": "quiz__question", "id": f"{dom_id}-q"})
    if quiz.multiple:
        fieldset.set("aria-describedby", f"{dom_id}-hint")
        hint = etree.SubElement(fieldset, "p", {"class": "quiz__hint", "id": f"{dom_id}-hint"})
        hint.text = labels["hint"]
    answer = _render_answer(quiz, labels)
    _render_options(etree.SubElement(fieldset, "ul", {"class": "quiz__options"}), quiz, dom_id)
    etree.SubElement(fieldset, "div", {"class": "quiz__status", "role": "status"})
    for index, option in enumerate(quiz.options):
        if option.correct and option.feedback:
            attributes = {"class": "quiz__feedback", "data-quiz-for": str(index)}
            _contain(answer, option.feedback, attributes)
    if quiz.explanation:
        _contain(answer, quiz.explanation, {"class": "quiz__explanation"})
    root.append(answer)
    return root


def _render_options(options: etree.Element, quiz: Quiz, dom_id: str) -> None:
    kind = "checkbox" if quiz.multiple else "radio"
    for index, option in enumerate(quiz.options):
        item = etree.SubElement(options, "li", {"class": "quiz__option"})
        if option.correct:
            item.set("data-quiz-correct", "")
        input_id = f"{dom_id}-{index}"
        etree.SubElement(
            item,
            "input",
            {
                "class": "quiz__input",
                "type": kind,
                "name": dom_id,
                "id": input_id,
                "value": str(index),
            },
        )
        label = etree.SubElement(item, "label", {"class": "quiz__label", "for": input_id})
        label.text = option.label.text
        label.extend(option.label)
        if option.feedback and not option.correct:
            attributes = {"class": "quiz__feedback", "hidden": "", SEARCH_EXCLUDE: ""}
            _contain(item, option.feedback, attributes)


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
    last_text = paragraph[-1].tail if len(paragraph) else paragraph.text
    # attr_list runs later and may still give the paragraph an id or class of its own.
    return None if last_text and "{" in last_text else paragraph


def _render_answer(quiz: Quiz, labels: dict[str, str]) -> etree.Element:
    """Return the `<details>` that tells the answer without JavaScript (and in print).

    Called before the options take their labels, so the answer line copies them complete.
    """
    details = etree.Element("details", {"class": "quiz__answer", SEARCH_EXCLUDE: ""})
    etree.SubElement(details, "summary").text = labels["answer"]
    key = etree.SubElement(details, "p", {"class": "quiz__key"})
    key.text = f"{labels['key']} "
    correct = [option for option in quiz.options if option.correct]
    for number, option in enumerate(correct):
        part = etree.SubElement(key, "span")
        part.text = ("; " if number else "") + (option.label.text or "")
        part.extend(copy.deepcopy(list(option.label)))
    return details


def page_labels(labels: dict[str, str]) -> str:
    """Return the strings the script needs, as the JSON of a page's first widget."""
    texts = {key: labels[key] for key in SCRIPT_KEYS}
    return json.dumps(texts, ensure_ascii=False, separators=(",", ":"))


def render_error(message: str, location: str, labels: dict[str, str]) -> etree.Element:
    """Return the box shown in place of a quiz that cannot be rendered."""
    box = etree.Element("div", {"class": "admonition failure quiz-error", "role": "note"})
    etree.SubElement(box, "p", {"class": "admonition-title"}).text = labels["error"]
    paragraph = etree.SubElement(box, "p")
    etree.SubElement(paragraph, "code").text = location
    etree.SubElement(paragraph, "br").tail = message
    return box


def render_score(labels: dict[str, str], total: int) -> etree.Element:
    """Return the live score shown on pages with two or more quizzes."""
    score = etree.Element("div", {"class": "quiz-score", "hidden": "", SEARCH_EXCLUDE: ""})
    text = etree.SubElement(score, "p", {"class": "quiz-score__text", "role": "status"})
    text.text = labels["score"].format(correct=0, total=total)
    reset = etree.SubElement(score, "button", {"type": "button", "class": "quiz-score__reset"})
    reset.text = labels["reset"]
    return score
