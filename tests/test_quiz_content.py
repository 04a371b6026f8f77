"""The server's markup of a quiz's content: options, question, feedback and explanation."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from tests.helpers.markdown import (
    LONG_FEEDBACK,
    MULTIPLE,
    SINGLE,
    WITH_FEEDBACK,
    convert,
    correct_marks,
    options,
    text,
)

# Form controls, labels and the status region are the script's: none in the server's HTML.
SCRIPT_ONLY_TAGS = {"fieldset", "form", "input", "label", "button"}


# --- options -------------------------------------------------------------------------------


def test_options_are_a_plain_list_of_their_texts() -> None:
    items = options(convert(SINGLE))
    assert [(o.tag, text(o)) for o in items] == [
        ("li", "Wrong one"),
        ("li", "Right one"),
        ("li", "Another wrong one"),
    ]


def test_only_a_correct_option_carries_an_attribute() -> None:
    # No class either: the script adds `quiz__option` when it builds the widget.
    assert [o.attrib for o in options(convert(MULTIPLE))] == [
        {"data-quiz-correct": ""},
        {},
        {"data-quiz-correct": ""},
    ]


@pytest.mark.parametrize(
    "source", [SINGLE, MULTIPLE, WITH_FEEDBACK], ids=["single", "multiple", "feedback"]
)
def test_server_markup_has_no_form_controls(source: str) -> None:
    quiz = convert(source).one("quiz")
    assert {el.tag for el in quiz.iter()} & SCRIPT_ONLY_TAGS == set()
    assert [el.get("role") for el in quiz.iter() if el.get("role")] == []


def test_tight_list_marks_the_checked_option_correct() -> None:
    assert correct_marks(convert(SINGLE)) == [None, "", None]


def test_loose_list_gives_the_same_options_as_a_tight_one() -> None:
    loose = convert(SINGLE.replace("\n    - [", "\n\n    - ["))
    assert [etree.tostring(o, "unicode") for o in options(loose)] == [
        etree.tostring(o, "unicode") for o in options(convert(SINGLE))
    ]
    assert [o.find("p") for o in options(loose)] == [None] * 3


def test_uppercase_x_marks_an_option_correct() -> None:
    assert correct_marks(convert(SINGLE.replace("[x]", "[X]"))) == [None, "", None]


def test_option_label_keeps_inline_markdown() -> None:
    result = convert(SINGLE.replace("Right one", "Right **bold** `code`"))
    option = options(result)[1]
    assert option.find("strong") is not None
    assert option.find("code") is not None
    assert text(option) == "Right bold code"


# --- question, feedback, explanation ----------------------------------------------------


def test_question_is_what_comes_before_the_list() -> None:
    result = convert(SINGLE)
    assert text(result.one("quiz__question")) == "Which one is right?"


def test_question_comes_first_and_has_no_id() -> None:
    # The script gives it an id when it builds the fieldset that the question names.
    result = convert(SINGLE)
    quiz = result.one("quiz")
    assert [child.get("class") for child in quiz] == [
        "quiz__question",
        "quiz__options",
        "quiz__answer",
    ]
    assert result.one("quiz__question").get("id") is None


def test_question_keeps_code_link_emphasis_and_image() -> None:
    result = convert(
        SINGLE.replace(
            "Which one is right?",
            "Is `x = 1` *really* [documented](https://example.org/)?\n\n    ![chart](chart.png)",
        )
    )
    question = result.one("quiz__question")
    assert question.find(".//code") is not None
    assert question.find(".//em") is not None
    assert [a.get("href") for a in question.iter("a")] == ["https://example.org/"]
    assert [img.get("src") for img in question.iter("img")] == ["chart.png"]


def test_content_indented_under_a_wrong_option_is_its_feedback() -> None:
    result = convert(WITH_FEEDBACK)
    feedback = [
        [text(f) for f in o.iter() if "quiz__feedback" in f.get("class", "")]
        for o in options(result)
    ]
    assert feedback == [["FEEDBACK-WRONG"], [], []]
    assert [o.text for o in options(result)] == ["Wrong one", "Right one", "Silent one"]


def test_feedback_of_a_wrong_option_is_hidden_until_answered() -> None:
    result = convert(WITH_FEEDBACK)
    feedback = options(result)[0].find("*[@class='quiz__feedback']")
    assert feedback is not None
    assert feedback.get("hidden") is not None
    assert feedback.get("data-search-exclude") is not None


def test_feedback_of_a_correct_option_is_in_the_answer_and_names_its_option() -> None:
    result = convert(WITH_FEEDBACK)
    answer = result.one("quiz__answer")
    feedback = [f for f in answer if "quiz__feedback" in f.get("class", "")]
    assert [(text(f), f.get("data-quiz-for")) for f in feedback] == [("FEEDBACK-RIGHT", "1")]
    assert feedback[0].get("hidden") is None  # the closed <details> hides it until opened


def test_each_correct_option_names_its_own_feedback() -> None:
    source = """
        /// quiz
        Which are right?

        - [x] First right

            FIRST-NOTE

        - [ ] Wrong

            WRONG-NOTE

        - [x] Second right

            THIRD-NOTE
        ///
    """
    answer = convert(source).one("quiz__answer")
    feedback = [f for f in answer if "quiz__feedback" in f.get("class", "")]
    assert [(text(f), f.get("data-quiz-for")) for f in feedback] == [
        ("FIRST-NOTE", "0"),
        ("THIRD-NOTE", "2"),
    ]


def test_content_after_the_list_is_the_explanation() -> None:
    result = convert(WITH_FEEDBACK)
    explanation = result.one("quiz__explanation")
    assert text(explanation) == "EXPLANATION-TEXT"
    assert explanation in list(result.one("quiz__answer"))
    assert explanation.get("hidden") is None  # the closed <details> hides it until opened


def test_answer_lists_key_then_correct_feedback_then_explanation() -> None:
    answer = convert(WITH_FEEDBACK).one("quiz__answer")
    assert [(el.tag, el.get("class")) for el in answer] == [
        ("summary", None),
        ("p", "quiz__key"),
        ("p", "quiz__feedback"),
        ("p", "quiz__explanation"),
    ]


def widget_and_key(html: str) -> tuple[str, str]:
    """Split a conversion into its widgets and the printed answer key that ends it."""
    widgets, marker, key = html.partition('<div class="quiz-key"')
    assert marker, "no answer key"
    return widgets, key


# Once in the widget; the printed key (hidden on screen) holds a copy of the explanation only.
@pytest.mark.parametrize(
    ("secret", "in_key"),
    [
        ("FEEDBACK-WRONG", 0),
        ("FEEDBACK-RIGHT", 0),
        ("EXPLANATION-TEXT", 1),
        ("Which one is right?", 0),
    ],
)
def test_each_piece_of_content_appears_once(secret: str, in_key: int) -> None:
    widgets, key = widget_and_key(convert(WITH_FEEDBACK).html)
    assert (widgets.count(secret), key.count(secret)) == (1, in_key)


@pytest.mark.parametrize(
    "secret",
    [
        "WRONG-FIRST",
        "WRONG-SECOND",
        "RIGHT-FIRST",
        "RIGHT-SECOND",
        "EXPLANATION-FIRST",
        "EXPLANATION-SECOND",
    ],
)
def test_each_paragraph_of_long_content_appears_once(secret: str) -> None:
    widgets, key = widget_and_key(convert(LONG_FEEDBACK).html)
    in_key = 1 if secret.startswith("EXPLANATION") else 0
    assert (widgets.count(secret), key.count(secret)) == (1, in_key)


# A lone paragraph takes the widget's class and attributes itself; anything else is wrapped.


def test_lone_paragraphs_carry_the_class_themselves() -> None:
    result = convert(WITH_FEEDBACK)
    question = result.one("quiz__question")
    assert (question.tag, question.attrib, question.text) == (
        "p",
        {"class": "quiz__question"},
        "Which one is right?",
    )
    wrong, right = result.by_class("quiz__feedback")
    assert (wrong.tag, wrong.text, sorted(wrong.attrib)) == (
        "p",
        "FEEDBACK-WRONG",
        ["class", "data-search-exclude", "hidden"],
    )
    assert (right.tag, right.text, sorted(right.attrib)) == (
        "p",
        "FEEDBACK-RIGHT",
        ["class", "data-quiz-for"],
    )
    explanation = result.one("quiz__explanation")
    assert (explanation.tag, explanation.text, len(explanation)) == ("p", "EXPLANATION-TEXT", 0)


def test_long_feedback_and_explanation_keep_a_wrapper() -> None:
    result = convert(LONG_FEEDBACK)
    wrapped = [*result.by_class("quiz__feedback"), result.one("quiz__explanation")]
    assert [(el.tag, [(p.tag, p.attrib, p.text) for p in el]) for el in wrapped] == [
        ("div", [("p", {}, "WRONG-FIRST"), ("p", {}, "WRONG-SECOND")]),
        ("div", [("p", {}, "RIGHT-FIRST"), ("p", {}, "RIGHT-SECOND")]),
        ("div", [("p", {}, "EXPLANATION-FIRST"), ("p", {}, "EXPLANATION-SECOND")]),
    ]
    assert [f.get("data-quiz-for") for f in wrapped[:2]] == [None, "1"]
    assert wrapped[0].get("hidden") is not None


def test_question_of_two_paragraphs_keeps_a_wrapper() -> None:
    result = convert(SINGLE.replace("Which one is right?", "Some context.\n\n    Which one?"))
    question = result.one("quiz__question")
    assert question.tag == "div"
    assert [(p.tag, p.text) for p in question] == [("p", "Some context."), ("p", "Which one?")]


def test_paragraph_with_its_own_attributes_keeps_a_wrapper() -> None:
    source = WITH_FEEDBACK.replace("EXPLANATION-TEXT", "EXPLANATION-TEXT\n    {: .lead }")
    explanation = convert(source, "attr_list").one("quiz__explanation")
    assert explanation.tag == "div"
    assert [(p.tag, p.get("class"), p.text) for p in explanation] == [
        ("p", "lead", "EXPLANATION-TEXT")
    ]


def test_question_with_its_own_id_keeps_it_inside_the_question() -> None:
    # The wrapper stays without an id, for the script to give it one and name the fieldset by it.
    source = SINGLE.replace("Which one is right?", "Which one is right?\n    {: #my-question }")
    question = convert(source, "attr_list").one("quiz__question")
    assert (question.tag, question.get("id")) == ("div", None)
    assert [(el.tag, text(el)) for el in question.iter() if el.get("id") == "my-question"] == [
        ("p", "Which one is right?")
    ]


def test_no_explanation_element_without_an_explanation() -> None:
    assert convert(SINGLE).by_class("quiz__explanation") == []


def test_explanation_keeps_fenced_code() -> None:
    result = convert(
        WITH_FEEDBACK.replace("EXPLANATION-TEXT", "```python\n    answer = 42\n    ```")
    )
    assert "answer" in text(result.one("quiz__explanation"))
    assert result.one("quiz__explanation").find(".//code") is not None


# --- single or multiple -------------------------------------------------------------------
