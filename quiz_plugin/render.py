"""Build the widget's HTML from a parsed quiz.

The markup reads well without JavaScript: options are a plain list of native inputs and a
`<details>` reveals the answer. `assets/quiz.js` turns it into the interactive widget.
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
    """Return the widget element for a valid quiz."""
    dom_id = identity.dom_id
    texts = {key: labels[key] for key in SCRIPT_KEYS}
    root = etree.Element(
        "div",
        {
            "class": "quiz",
            "id": dom_id,
            "data-quiz-key": identity.key,
            "data-quiz-kind": quiz.kind,
            "data-quiz-shuffle": "true" if quiz.settings.shuffle else "false",
            "data-quiz-i18n": json.dumps(texts, ensure_ascii=False, separators=(",", ":")),
        },
    )
    fieldset = etree.SubElement(root, "fieldset", {"class": "quiz__fieldset"})
    fieldset.set("aria-labelledby", f"{dom_id}-q")
    question = etree.SubElement(fieldset, "div", {"class": "quiz__question", "id": f"{dom_id}-q"})
    question.extend(quiz.question)
    if quiz.multiple:
        fieldset.set("aria-describedby", f"{dom_id}-hint")
        hint = etree.SubElement(fieldset, "p", {"class": "quiz__hint", "id": f"{dom_id}-hint"})
        hint.text = labels["hint"]
    _render_options(etree.SubElement(fieldset, "ul", {"class": "quiz__options"}), quiz, dom_id)
    actions = etree.SubElement(
        fieldset, "div", {"class": "quiz__actions", "hidden": "", SEARCH_EXCLUDE: ""}
    )
    _render_actions(actions, labels)
    etree.SubElement(fieldset, "div", {"class": "quiz__status", "role": "status"})
    if quiz.explanation:
        explanation = etree.SubElement(
            fieldset, "div", {"class": "quiz__explanation", "hidden": "", SEARCH_EXCLUDE: ""}
        )
        explanation.extend(copy.deepcopy(quiz.explanation))
    root.append(_render_answer(quiz, labels))
    return root


def _render_options(options: etree.Element, quiz: Quiz, dom_id: str) -> None:
    kind = "checkbox" if quiz.multiple else "radio"
    for index, option in enumerate(quiz.options):
        item = etree.SubElement(
            options,
            "li",
            {"class": "quiz__option", "data-quiz-correct": "true" if option.correct else "false"},
        )
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
        label.extend(copy.deepcopy(list(option.label)))
        etree.SubElement(item, "span", {"class": "quiz__mark"})
        if option.feedback:
            feedback = etree.SubElement(
                item, "div", {"class": "quiz__feedback", "hidden": "", SEARCH_EXCLUDE: ""}
            )
            feedback.extend(copy.deepcopy(option.feedback))


def _render_actions(actions: etree.Element, labels: dict[str, str]) -> None:
    check = etree.SubElement(actions, "button", {"type": "button", "class": "quiz__check"})
    check.set("disabled", "")
    check.text = labels["check"]
    retry = etree.SubElement(actions, "button", {"type": "button", "class": "quiz__retry"})
    retry.set("hidden", "")
    retry.text = labels["retry"]
    reveal = etree.SubElement(actions, "button", {"type": "button", "class": "quiz__reveal"})
    reveal.text = labels["reveal"]


def _render_answer(quiz: Quiz, labels: dict[str, str]) -> etree.Element:
    """Return the `<details>` that tells the answer without JavaScript (and in print)."""
    details = etree.Element("details", {"class": "quiz__answer", SEARCH_EXCLUDE: ""})
    etree.SubElement(details, "summary").text = labels["answer"]
    key = etree.SubElement(details, "p", {"class": "quiz__key"})
    key.text = f"{labels['key']} "
    correct = [option for option in quiz.options if option.correct]
    for number, option in enumerate(correct):
        part = etree.SubElement(key, "span")
        part.text = ("; " if number else "") + (option.label.text or "")
        part.extend(copy.deepcopy(list(option.label)))
    for option in correct:
        for element in option.feedback:
            details.append(copy.deepcopy(element))
    details.extend(copy.deepcopy(quiz.explanation))
    return details


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
    score.set("data-quiz-i18n", json.dumps({"score": labels["score"]}, ensure_ascii=False))
    text = etree.SubElement(score, "p", {"class": "quiz-score__text", "role": "status"})
    text.text = labels["score"].format(correct=0, total=total)
    reset = etree.SubElement(score, "button", {"type": "button", "class": "quiz-score__reset"})
    reset.text = labels["reset"]
    return score
