"""Turn the parsed content of a `/// quiz` block into a `Quiz`, or say what is wrong."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from quiz_plugin.model import Quiz, QuizOption, QuizProblem, QuizSettings, problem

RE_TASK_MARKER = re.compile(r"^\s*\[(?P<mark>[ xX])\](?:\s+|$)")
RE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BOOLEAN_OPTIONS = ("multiple", "shuffle")
KNOWN_OPTIONS = (*BOOLEAN_OPTIONS, "id")
BLOCK_TAGS = frozenset(
    [
        "address",
        "blockquote",
        "details",
        "dl",
        "div",
        "fieldset",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)


def parse_settings(
    argument: str | None, options: dict[str, Any]
) -> tuple[QuizSettings, list[QuizProblem]]:
    """Check the block's header: no argument, known options, values of the right type."""
    problems: list[QuizProblem] = []
    if argument:
        problems.append(problem("argument", argument=argument))
    settings = QuizSettings()
    for name, value in options.items():
        if name not in KNOWN_OPTIONS:
            problems.append(problem("unknown_option", name=name))
        elif name in BOOLEAN_OPTIONS:
            if isinstance(value, bool):
                setattr(settings, name, value)
            else:
                problems.append(problem("invalid_boolean", name=name, value=value))
        elif isinstance(value, str) and RE_SLUG.match(value):
            settings.id = value
        else:
            problems.append(problem("invalid_id", value=value))
    return settings, problems


def parse_quiz(block: etree.Element, settings: QuizSettings) -> Quiz | list[QuizProblem]:
    """Split a block into question, options and explanation, checking each."""
    children = list(block)
    position = next((i for i, child in enumerate(children) if _is_option_list(child)), None)
    if position is None:
        return [*_without_empty([_no_question(children)]), problem("no_options")]
    question, explanation = children[:position], children[position + 1 :]
    options = [_parse_option(item) for item in children[position] if item.tag == "li"]
    problems = _without_empty([_no_question(question)])
    if len(options) == 1:
        problems.append(problem("single_option"))
    problems += [
        problem("empty_option", position=i)
        for i, option in enumerate(options, start=1)
        if not _has_content(option.label)
    ]
    if not any(option.correct for option in options):
        problems.append(problem("no_correct"))
    if problems:
        return problems
    return Quiz(question, options, explanation, settings)


def _is_option_list(element: etree.Element) -> bool:
    items = [child for child in element if child.tag == "li"]
    return element.tag == "ul" and bool(items) and all(_marker(item) for item in items)


def _marker(item: etree.Element) -> re.Match[str] | None:
    first = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
    return RE_TASK_MARKER.match(first.text or "")


def _parse_option(item: etree.Element) -> QuizOption:
    """Read an option: `[x] label` and, indented under it, its feedback."""
    loose = len(item) > 0 and item[0].tag == "p" and not (item.text or "").strip()
    source = item[0] if loose else item
    match = _marker(item)
    if match is None:  # _is_option_list checked every item
        raise AssertionError("an option without its task marker")
    label = etree.Element("span")
    label.text = (source.text or "")[match.end() :]
    if loose:
        label.extend(list(source))
        feedback = list(item)[1:]
    else:
        label.extend(child for child in item if child.tag not in BLOCK_TAGS)
        feedback = [child for child in item if child.tag in BLOCK_TAGS]
    return QuizOption(label=label, correct=match.group("mark") in "xX", feedback=feedback)


def _has_content(element: etree.Element) -> bool:
    return bool("".join(element.itertext()).strip()) or any(True for _ in element.iter("img"))


def _no_question(question: list[etree.Element]) -> QuizProblem | None:
    if any(_has_content(element) for element in question):
        return None
    return problem("no_question")


def _without_empty(items: list[QuizProblem | None]) -> list[QuizProblem]:
    return [item for item in items if item is not None]
