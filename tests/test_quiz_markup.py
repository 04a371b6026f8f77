"""The server's markup around the content: kind, hint, ids, script strings, the no-script answer."""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as etree

import pytest

from quiz_plugin.answer_key import option_letter
from quiz_plugin.extension import QuizPage
from quiz_plugin.labels import LABELS, SCRIPT_KEYS
from tests.helpers.build import ROOT
from tests.helpers.markdown import (
    LONG_FEEDBACK,
    MULTIPLE,
    NESTED,
    SINGLE,
    TWO_QUIZZES,
    WITH_FEEDBACK,
    convert,
    text,
)


def test_one_correct_option_makes_a_single_choice_quiz() -> None:
    result = convert(SINGLE)
    assert result.one("quiz").get("data-quiz-kind") == "single"
    assert result.by_class("quiz__hint") == []


def test_two_correct_options_make_a_multiple_choice_quiz() -> None:
    # The script makes checkboxes of a multiple-choice quiz's options.
    assert convert(MULTIPLE).one("quiz").get("data-quiz-kind") == "multiple"


def test_multiple_choice_says_select_all_that_apply() -> None:
    result = convert(MULTIPLE)
    hint = result.one("quiz__hint")
    assert (hint.tag, hint.attrib, text(hint)) == (
        "p",
        {"class": "quiz__hint"},
        "Select all that apply",
    )
    assert [child.get("class") for child in result.one("quiz")] == [
        "quiz__question",
        "quiz__hint",
        "quiz__options",
        "quiz__answer",
    ]


def test_multiple_choice_hint_in_chinese() -> None:
    result = convert(MULTIPLE, page=QuizPage(language="zh"))
    assert text(result.one("quiz__hint")) == "多选：选出所有正确答案"


def test_multiple_true_forces_checkboxes_with_one_correct_option() -> None:
    result = convert(SINGLE.replace("/// quiz\n", "/// quiz\n        multiple: true\n\n"))
    assert result.warnings == []
    assert result.one("quiz").get("data-quiz-kind") == "multiple"
    assert text(result.one("quiz__hint")) == "Select all that apply"


# --- block options ------------------------------------------------------------------------


def test_shuffle_true_is_passed_to_the_script() -> None:
    result = convert(SINGLE.replace("/// quiz\n", "/// quiz\n        shuffle: true\n\n"))
    assert result.one("quiz").get("data-quiz-shuffle") == ""


@pytest.mark.parametrize("header", ["", "        shuffle: false\n\n"], ids=["default", "false"])
def test_options_are_not_shuffled_unless_asked(header: str) -> None:
    quiz = convert(SINGLE.replace("/// quiz\n", "/// quiz\n" + header)).one("quiz")
    assert "data-quiz-shuffle" not in quiz.attrib


def test_id_becomes_the_element_id() -> None:
    result = convert(SINGLE.replace("/// quiz\n", "/// quiz\n        id: my-question\n\n"))
    assert [el.get("id") for el in result.root.iter() if el.get("id")] == ["quiz-my-question"]


def test_element_ids_are_unique() -> None:
    result = convert(TWO_QUIZZES + "\n" + MULTIPLE)
    ids = [el.get("id") for el in result.root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


# --- widget chrome without JavaScript -------------------------------------------------------


SCRIPT_ONLY_CLASSES = [
    "quiz__fieldset",
    "quiz__option",
    "quiz__input",
    "quiz__label",
    "quiz__status",
    "quiz__actions",
    "quiz__mark",
]


@pytest.mark.parametrize("name", SCRIPT_ONLY_CLASSES)
def test_widget_has_none_of_the_script_parts_without_javascript(name: str) -> None:
    # The script builds the fieldset, inputs, labels, status, buttons and marks; the page has none.
    assert convert(WITH_FEEDBACK + "\n" + MULTIPLE).by_class(name) == []


def test_buttons_are_not_submit_buttons() -> None:
    result = convert(TWO_QUIZZES)
    buttons = list(result.root.iter("button"))
    assert [b.get("class") for b in buttons] == ["quiz-score__reset"]
    assert {b.get("type") for b in buttons} == {"button"}


def script_strings(element: etree.Element) -> dict[str, str]:
    """Return the UI strings a widget hands the script."""
    strings: dict[str, str] = json.loads(element.get("data-quiz-i18n", ""))
    return strings


@pytest.mark.parametrize(
    ("language", "check", "retry", "reveal"),
    [("en", "Check", "Try again", "Show answer"), ("zh", "检查答案", "再试一次", "显示答案")],
)
def test_button_labels_speak_the_page_language(
    language: str, check: str, retry: str, reveal: str
) -> None:
    strings = script_strings(convert(SINGLE, page=QuizPage(language=language)).one("quiz"))
    assert [strings["check"], strings["retry"], strings["reveal"]] == [check, retry, reveal]


def test_script_strings_speak_the_page_language() -> None:
    strings = script_strings(convert(SINGLE, page=QuizPage(language="zh")).one("quiz"))
    assert list(strings) == list(SCRIPT_KEYS)
    assert strings["correct"].startswith("✓")
    assert "回答正确" in strings["correct"]
    assert strings["score"] == "答对 {correct} / {total} 题"


def test_only_the_first_widget_carries_the_script_strings() -> None:
    result = convert(TWO_QUIZZES + "\n" + MULTIPLE)
    carriers = [el for el in result.root.iter() if "data-quiz-i18n" in el.attrib]
    assert carriers == [result.by_class("quiz")[0]]
    assert list(script_strings(carriers[0])) == list(SCRIPT_KEYS)


def test_first_widget_after_an_error_box_carries_the_script_strings() -> None:
    source = "/// quiz\nQuestion?\n\n- [ ] one\n- [ ] two\n///\n\n" + textwrap.dedent(MULTIPLE)
    result = convert(source, page=QuizPage(path="page.md"))
    assert "data-quiz-i18n" not in result.one("quiz-error").attrib
    assert list(script_strings(result.one("quiz"))) == list(SCRIPT_KEYS)


def test_nested_first_widget_carries_the_script_strings() -> None:
    source = NESTED["admonition"][0] + "\n" + textwrap.dedent(SINGLE)
    result = convert(source, "admonition")
    carriers = [el for el in result.root.iter() if "data-quiz-i18n" in el.attrib]
    assert carriers == [result.by_class("quiz")[0]]
    assert result.parent_map()[carriers[0]].get("class") == "admonition note"


@pytest.mark.parametrize(("language", "summary"), [("en", "Answer"), ("zh", "答案")])
def test_details_reveals_the_answer_without_javascript(language: str, summary: str) -> None:
    answer = convert(WITH_FEEDBACK, page=QuizPage(language=language)).one("quiz__answer")
    assert answer.tag == "details"
    assert text(answer.find("summary")) == summary
    assert "Right one" in text(answer.find("p"))
    assert "Wrong one" not in text(answer)


def test_details_shows_the_correct_feedback_and_the_explanation() -> None:
    answer = convert(WITH_FEEDBACK).one("quiz__answer")
    assert "FEEDBACK-RIGHT" in text(answer)
    assert "EXPLANATION-TEXT" in text(answer)


def test_details_names_every_correct_option() -> None:
    key = text(convert(MULTIPLE).one("quiz__key"))
    assert "First right" in key
    assert "Second right" in key
    assert "Wrong" not in key


def test_answers_feedback_and_explanations_are_excluded_from_search() -> None:
    result = convert(WITH_FEEDBACK)
    parents = result.parent_map()
    secrets = ("FEEDBACK-WRONG", "FEEDBACK-RIGHT", "EXPLANATION-TEXT")
    holders = [el for el in result.root.iter() if any(s in (el.text or "") for s in secrets)]
    assert len(holders) == 4  # under the wrong option, in the <details>, the printed key
    for element in holders:
        ancestors = [element]
        while ancestors[-1] in parents:
            ancestors.append(parents[ancestors[-1]])
        assert any(a.get("data-search-exclude") is not None for a in ancestors), text(element)


def test_answer_key_is_excluded_from_search() -> None:
    assert convert(SINGLE).one("quiz__answer").get("data-search-exclude") is not None


# --- saved progress keys ------------------------------------------------------------------


# What a widget shows after an answer: its status string has the result's name.
RESULTS = {"correct", "incorrect", "incomplete", "revealed"}


def strings_the_script_reads() -> set[str]:
    """Return the UI strings quiz.js looks up: `labels.name`, its buttons' and marks' strings."""
    script = (ROOT / "quiz_plugin" / "assets" / "quiz.js").read_text(encoding="utf-8")
    buttons = script.split("for (const name of [", 1)[1].split("]", 1)[0]
    marks = script.split("const MARK_LABELS = {", 1)[1].split("}", 1)[0]
    return {
        *re.findall(r"labels\.(\w+)", script),
        *re.findall(r'"(\w+)"', buttons),
        *re.findall(r'"(\w+)"', marks),
    }


def test_the_page_gives_the_script_exactly_the_strings_it_reads() -> None:
    assert strings_the_script_reads() | RESULTS == set(SCRIPT_KEYS)
    assert all(set(SCRIPT_KEYS) <= set(labels) for labels in LABELS.values())


# --- the printed answer key ---------------------------------------------------------------


def test_widgets_are_numbered_in_page_order_without_error_boxes() -> None:
    broken = "/// quiz\nQuestion?\n\n- [ ] one\n- [ ] two\n///\n\n"
    source = textwrap.dedent(SINGLE) + "\n" + broken + textwrap.dedent(MULTIPLE)
    result = convert(source, page=QuizPage(path="page.md"))
    assert len(result.by_class("quiz-error")) == 1
    assert [quiz.get("data-quiz-number") for quiz in result.by_class("quiz")] == ["1", "2"]


@pytest.mark.parametrize(("language", "title"), [("en", "Answer key"), ("zh", "参考答案")])
def test_page_ends_with_an_answer_key_hidden_on_screen_and_out_of_search(
    language: str, title: str
) -> None:
    result = convert(TWO_QUIZZES, page=QuizPage(language=language))
    key = result.one("quiz-key")
    assert list(result.root)[-1] is key
    assert (key.tag, key.get("hidden"), key.get("data-search-exclude")) == ("div", "", "")
    assert [child.tag for child in key] == ["p", "ol"]
    assert text(result.one("quiz-key__title")) == title
    assert len(key.find("ol") or []) == 2


def test_answer_key_has_an_entry_per_quiz_in_page_order() -> None:
    result = convert(SINGLE + "\n" + MULTIPLE + "\n" + WITH_FEEDBACK)
    assert [text(answer) for answer in result.by_class("quiz-key__answer")] == [
        "B. Right one",
        "A. First right; C. Second right",
        "B. Right one",
    ]


def test_answer_key_in_chinese_separates_options_with_a_full_width_semicolon() -> None:
    answer = convert(MULTIPLE, page=QuizPage(language="zh")).one("quiz-key__answer")
    assert text(answer) == "A. First right；C. Second right"


def test_answer_key_names_shuffled_options_by_their_words_only() -> None:
    # Each reader gets shuffled options in another order: a letter would name another option.
    shuffled = MULTIPLE.replace("/// quiz\n", "/// quiz\n        shuffle: true\n\n")
    answer = convert(shuffled).one("quiz-key__answer")
    assert text(answer) == "First right; Second right"


# A fenced block or a raw HTML block alone in the question, a feedback or the explanation.
STASHED_BLOCKS = {
    "code": ("```python\nprint('BLOCK-TEXT')\n```", '<div class="highlight">'),
    "html": ('<div class="raw">BLOCK-TEXT</div>', '<div class="raw">'),
}
BLOCK_PLACES = {
    "question": "Which one is right?",
    "feedback": "FEEDBACK-WRONG",
    "explanation": "EXPLANATION-TEXT",
}
RE_BLOCK_IN_PARAGRAPH = re.compile(r"<p\b[^>]*>\s*<(?:div|pre|table|ul|ol|p)\b")


# Python-Markdown reads raw HTML in a list item (a feedback) as inline HTML, in a paragraph, with
# or without a quiz around it.
BLOCK_CASES = [
    (place, block)
    for place in BLOCK_PLACES
    for block in STASHED_BLOCKS
    if (place, block) != ("feedback", "html")
]


@pytest.mark.parametrize(("place", "block"), BLOCK_CASES)
def test_a_block_alone_in_a_part_of_the_quiz_is_not_put_in_a_paragraph(
    place: str, block: str
) -> None:
    markdown_block, rendered = STASHED_BLOCKS[block]
    indent = "        " if place == "feedback" else "    "
    written = textwrap.indent(markdown_block, indent).lstrip()
    source = WITH_FEEDBACK.replace(BLOCK_PLACES[place], written)
    result = convert(source)
    assert result.warnings == []
    assert RE_BLOCK_IN_PARAGRAPH.search(result.html) is None, result.html
    part = {"question": "quiz__question", "feedback": "quiz__feedback"}.get(
        place, "quiz__explanation"
    )
    holders = [el for el in result.root.iter() if part in el.get("class", "").split()]
    assert holders
    assert all(el.tag == "div" and "BLOCK-TEXT" in "".join(el.itertext()) for el in holders[:1])
    assert rendered in result.html


def test_answer_key_holds_the_explanation_but_no_feedback() -> None:
    entry = convert(WITH_FEEDBACK).one("quiz-key").find("ol/li")
    assert entry is not None
    assert [(child.tag, child.attrib) for child in entry] == [
        ("p", {"class": "quiz-key__answer"}),
        ("p", {}),
    ]
    assert text(entry[1]) == "EXPLANATION-TEXT"
    assert "FEEDBACK" not in text(entry)


def test_answer_key_copies_a_long_explanation_paragraph_by_paragraph() -> None:
    entry = convert(LONG_FEEDBACK).one("quiz-key").find("ol/li")
    assert entry is not None
    assert [text(child) for child in entry][1:] == ["EXPLANATION-FIRST", "EXPLANATION-SECOND"]


def test_answer_key_copies_keep_no_id_of_the_original() -> None:
    explanation = "    EXPLANATION-TEXT\n\n    More on [it](#there).\n    { #why }\n"
    source = WITH_FEEDBACK.replace("    EXPLANATION-TEXT\n", explanation).replace(
        "    - [x] Right one\n", "    - [x] Right *one*{ #right-label }\n"
    )
    result = convert(source, "attr_list")
    ids = [element.get("id") for element in result.root.iter() if element.get("id")]
    assert sorted(ids) == sorted(["right-label", "why", result.one("quiz").get("id")])
    key = result.one("quiz-key")
    assert "More on it." in text(key)
    assert [element for element in key.iter() if element.get("id")] == []


def test_only_a_page_with_a_valid_quiz_gets_an_answer_key() -> None:
    broken = "/// quiz\nQuestion?\n\n- [ ] one\n- [ ] two\n///\n"
    keys = [
        len(convert(source, page=QuizPage(path="p.md")).by_class("quiz-key"))
        for source in ("Some text.\n", broken, broken + "\n" + textwrap.dedent(SINGLE))
    ]
    assert keys == [0, 0, 1]


@pytest.mark.parametrize(
    ("position", "letter"), [(0, "A"), (3, "D"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_options_are_lettered_as_css_upper_alpha_counts(position: int, letter: str) -> None:
    assert option_letter(position) == letter
