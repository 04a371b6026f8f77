"""Markdown-instance tests of the `quiz` block: dedented source in, widget HTML out."""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
from markdown.inlinepatterns import InlineProcessor

from quiz_plugin.extension import QuizExtension, QuizPage

SINGLE = """
    /// quiz
    Which one is right?

    - [ ] Wrong one
    - [x] Right one
    - [ ] Another wrong one
    ///
"""

WITH_FEEDBACK = """
    /// quiz
    Which one is right?

    - [ ] Wrong one

        FEEDBACK-WRONG

    - [x] Right one

        FEEDBACK-RIGHT

    - [ ] Silent one

    EXPLANATION-TEXT
    ///
"""

MULTIPLE = """
    /// quiz
    Which are right?

    - [x] First right
    - [ ] Wrong
    - [X] Second right
    ///
"""

TWO_QUIZZES = SINGLE + "\n" + SINGLE

# Feedback and an explanation of several paragraphs each.
LONG_FEEDBACK = """
    /// quiz
    Which one is right?

    - [ ] Wrong one

        WRONG-FIRST

        WRONG-SECOND

    - [x] Right one

        RIGHT-FIRST

        RIGHT-SECOND

    EXPLANATION-FIRST

    EXPLANATION-SECOND
    ///
"""


@dataclass
class Converted:
    """What one conversion produced."""

    html: str
    root: etree.Element
    warnings: list[str]

    def by_class(self, name: str) -> list[etree.Element]:
        """Return the elements that carry a class."""
        return [el for el in self.root.iter() if name in el.get("class", "").split()]

    def one(self, name: str) -> etree.Element:
        """Return the only element that carries a class."""
        found = self.by_class(name)
        assert len(found) == 1, f"expected one .{name}, found {len(found)} in\n{self.html}"
        return found[0]

    def parent_map(self) -> dict[etree.Element, etree.Element]:
        """Return each element's parent."""
        return {child: parent for parent in self.root.iter() for child in parent}


class TreeParser(HTMLParser):
    """Parse HTML (void elements, bare attributes) into an ElementTree."""

    VOID = frozenset("area br col embed hr img input link meta source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [etree.Element("root")]
        self.last: etree.Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = etree.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        self.last = element
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
            self.last = self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if (
            self.last is not None
            and self.last is not parent
            and len(parent)
            and parent[-1] is self.last
        ):
            self.last.tail = (self.last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse_html(html: str) -> etree.Element:
    """Return the fragment as children of a `<root>` element."""
    parser = TreeParser()
    parser.feed(html)
    parser.close()
    assert len(parser.stack) == 1, f"unclosed <{parser.stack[-1].tag}>"
    return parser.stack[0]


def convert(
    source: str,
    *extensions: str,
    page: QuizPage | None = None,
    configs: dict[str, dict[str, Any]] | None = None,
    extension: QuizExtension | None = None,
) -> Converted:
    """Convert dedented source with the quiz extension and superfences (plus `extensions`)."""
    quiz = extension or QuizExtension()
    warnings: list[str] = []
    quiz.reporter = warnings.append
    if page is not None:
        quiz.page = page
    md = markdown.Markdown(
        extensions=[quiz, "pymdownx.superfences", *extensions], extension_configs=configs or {}
    )
    html = md.convert(textwrap.dedent(source))
    return Converted(html, parse_html(html), warnings)


def text(element: etree.Element | None) -> str:
    """Return an element's text content, whitespace collapsed."""
    assert element is not None
    return " ".join("".join(element.itertext()).split())


def options(result: Converted) -> list[etree.Element]:
    """Return the items of the only widget's list of options."""
    return list(result.one("quiz__options"))


def correct_marks(result: Converted) -> list[str | None]:
    """Return each option's `data-quiz-correct` attribute (None where it is absent)."""
    return [o.get("data-quiz-correct") for o in options(result)]


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


@pytest.mark.parametrize(
    "secret", ["FEEDBACK-WRONG", "FEEDBACK-RIGHT", "EXPLANATION-TEXT", "Which one is right?"]
)
def test_each_piece_of_content_appears_once(secret: str) -> None:
    assert convert(WITH_FEEDBACK).html.count(secret) == 1


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
    assert convert(LONG_FEEDBACK).html.count(secret) == 1


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
    assert text(result.one("quiz__hint")) == "多选:选出所有正确答案"


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


SCRIPT_STRINGS = [
    "check",
    "retry",
    "reveal",
    "correct",
    "incorrect",
    "incomplete",
    "revealed",
    "optionCorrect",
    "optionWrong",
    "optionMissed",
    "score",
]


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
    assert list(strings) == SCRIPT_STRINGS
    assert strings["correct"].startswith("✓")
    assert "回答正确" in strings["correct"]
    assert strings["score"] == "答对 {correct} / {total} 题"


def test_only_the_first_widget_carries_the_script_strings() -> None:
    result = convert(TWO_QUIZZES + "\n" + MULTIPLE)
    carriers = [el for el in result.root.iter() if "data-quiz-i18n" in el.attrib]
    assert carriers == [result.by_class("quiz")[0]]
    assert list(script_strings(carriers[0])) == SCRIPT_STRINGS


def test_first_widget_after_an_error_box_carries_the_script_strings() -> None:
    source = "/// quiz\nQuestion?\n\n- [ ] one\n- [ ] two\n///\n\n" + textwrap.dedent(MULTIPLE)
    result = convert(source, page=QuizPage(path="page.md"))
    assert "data-quiz-i18n" not in result.one("quiz-error").attrib
    assert list(script_strings(result.one("quiz"))) == SCRIPT_STRINGS


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
    assert len(holders) == 3  # under the wrong option, and in the <details>
    for element in holders:
        ancestors = [element]
        while ancestors[-1] in parents:
            ancestors.append(parents[ancestors[-1]])
        assert any(a.get("data-search-exclude") is not None for a in ancestors), text(element)


def test_answer_key_is_excluded_from_search() -> None:
    assert convert(SINGLE).one("quiz__answer").get("data-search-exclude") is not None


# --- saved progress keys ------------------------------------------------------------------


def test_key_is_stable_across_builds() -> None:
    first = convert(SINGLE, page=QuizPage(key_path="chapter.md")).one("quiz").get("data-quiz-key")
    again = convert(SINGLE, page=QuizPage(key_path="chapter.md")).one("quiz").get("data-quiz-key")
    assert first == again


def test_key_differs_between_pages() -> None:
    one = convert(SINGLE, page=QuizPage(key_path="one.md")).one("quiz").get("data-quiz-key")
    two = convert(SINGLE, page=QuizPage(key_path="two.md")).one("quiz").get("data-quiz-key")
    assert one != two


def test_key_changes_when_the_question_changes() -> None:
    page = QuizPage(key_path="chapter.md")
    before = convert(SINGLE, page=page).one("quiz").get("data-quiz-key")
    after = convert(SINGLE.replace("right?", "correct?"), page=QuizPage(key_path="chapter.md"))
    assert after.one("quiz").get("data-quiz-key") != before


def test_translation_shares_the_keys_of_the_default_language() -> None:
    shared: dict[tuple[str, str], str] = {}
    zh = QuizPage(language="zh", key_path="chapter.md", shared_fingerprints=shared)
    en = QuizPage(
        language="en", key_path="chapter.md", shared_fingerprints=shared, key_language=False
    )
    chinese = convert(SINGLE.replace("Which one is right?", "哪一个对?"), page=zh)
    english = convert(SINGLE, page=en)
    assert chinese.one("quiz").get("data-quiz-key") == english.one("quiz").get("data-quiz-key")


# --- where a quiz may stand ---------------------------------------------------------------

INNER = "/// quiz\nWhich one is right?\n\n- [ ] Wrong one\n- [x] Right one\n///\n"
INDENTED = textwrap.indent(INNER, "    ")
# Each container: source, extensions, their configuration, and the tag or class it renders.
NESTED = {
    "admonition": (f'!!! note "Check yourself"\n\n{INDENTED}', ("admonition",), {}, "admonition"),
    "collapsible details": (
        f'??? note "Check yourself"\n\n{INDENTED}',
        ("pymdownx.details",),
        {},
        "details",
    ),
    "details block": (
        f"/// details | Check yourself\n{INNER}///\n",
        ("pymdownx.blocks.details",),
        {},
        "details",
    ),
    "content tab": (
        f'=== "Tab"\n\n{INDENTED}\n=== "Other"\n\n    Nothing here.\n',
        ("pymdownx.tabbed",),
        {"pymdownx.tabbed": {"alternate_style": True}},
        "tabbed-block",
    ),
    "tab block": (f"/// tab | Tab\n{INNER}///\n", ("pymdownx.blocks.tab",), {}, "tabbed-content"),
}


@pytest.mark.parametrize("case", NESTED.values(), ids=NESTED.keys())
def test_quiz_works_inside_a_container(
    case: tuple[str, tuple[str, ...], dict[str, Any], str],
) -> None:
    source, extensions, configs, container = case
    result = convert(source, *extensions, configs=configs)
    assert result.warnings == []
    quiz = result.one("quiz")
    parents = result.parent_map()
    ancestors = []
    while quiz in parents:
        quiz = parents[quiz]
        ancestors.append(quiz)
    assert any(a.tag == container or container in a.get("class", "").split() for a in ancestors)
    assert correct_marks(result) == [None, ""]


def test_quiz_inside_admonition_reports_its_own_line() -> None:
    source = """
        !!! note

            Some text.

            /// quiz
            ///
    """
    result = convert(source, "admonition", page=QuizPage(path="page.md"))
    assert result.warnings[0].startswith("page.md:6: ")


def test_fenced_code_is_left_alone() -> None:
    source = """
        ```markdown
        /// quiz
        Which one is right?

        - [ ] Wrong one
        - [x] Right one
        ///
        ```
    """
    result = convert(source)
    assert result.warnings == []
    assert "quiz" not in result.html.replace("/// quiz", "")
    assert "/// quiz" in text(result.root.find(".//code"))


def test_indented_code_is_left_alone() -> None:
    source = """
        An example:

            /// quiz
            Which one is right?

            - [ ] Wrong one
            - [x] Right one
            ///
    """
    result = convert(source)
    assert result.warnings == []
    assert result.by_class("quiz") == []
    assert "- [x] Right one" in text(result.root.find(".//pre/code"))


def test_quiz_after_indented_code_reports_its_own_line() -> None:
    source = """
        An example:

            /// quiz
            ///

        /// quiz
        ///
    """
    result = convert(source, page=QuizPage(path="page.md"))
    assert {w.split(": ")[0] for w in result.warnings} == {"page.md:7"}


def test_quiz_after_fenced_code_reports_its_own_line() -> None:
    source = """
        ~~~
        /// quiz
        ~~~

        /// quiz
        ///
    """
    result = convert(source, page=QuizPage(path="page.md"))
    assert {w.split(": ")[0] for w in result.warnings} == {"page.md:6"}


def test_tasklist_extension_leaves_quiz_options_alone() -> None:
    result = convert(SINGLE + "\n    - [x] a real task\n", "pymdownx.tasklist")
    assert result.warnings == []
    quiz = result.one("quiz")
    assert list(quiz.iter("input")) == []
    assert all("task-list" not in el.get("class", "") for el in quiz.iter())
    assert [o.text for o in options(result)] == ["Wrong one", "Right one", "Another wrong one"]
    assert correct_marks(result) == [None, "", None]
    assert result.by_class("task-list-item"), "the task list outside the quiz is still a task list"


def test_extension_loads_by_its_module_name() -> None:
    html = markdown.Markdown(extensions=["quiz_plugin.extension"]).convert(textwrap.dedent(SINGLE))
    assert 'class="quiz"' in html


def test_page_without_quiz_has_no_quiz_markup() -> None:
    result = convert("# Title\n\nSome *text* and a task list:\n\n- [x] done\n- [ ] to do\n")
    assert "quiz" not in result.html


# --- score --------------------------------------------------------------------------------


def test_single_quiz_has_no_score() -> None:
    assert convert(SINGLE).by_class("quiz-score") == []


def test_two_quizzes_get_a_score_after_the_last_one() -> None:
    result = convert(TWO_QUIZZES)
    score = result.one("quiz-score")
    assert text(score.find("p")) == "0 / 2 correct"
    assert list(result.root)[-1] is score
    assert score.get("hidden") is not None  # shown by the script only


@pytest.mark.parametrize(
    ("language", "score", "reset"),
    [("en", "0 / 3 correct", "Reset this page's quizzes"), ("zh", "答对 0 / 3 题", "重做本页测验")],
)
def test_score_speaks_the_page_language(language: str, score: str, reset: str) -> None:
    result = convert(TWO_QUIZZES + MULTIPLE, page=QuizPage(language=language))
    assert text(result.one("quiz-score__text")) == score
    assert text(result.one("quiz-score__reset")) == reset


def test_score_of_nested_quizzes_stands_after_their_container() -> None:
    source = NESTED["admonition"][0] + "\n" + NESTED["admonition"][0]
    result = convert(source, "admonition")
    assert list(result.root)[-1] is result.one("quiz-score")


# --- bad input ----------------------------------------------------------------------------

QUESTION = "UNIQUE-QUESTION"
BAD = {
    "no options": (f"/// quiz\n{QUESTION}\n///\n", "no options", "add a task list"),
    "no correct option": (
        f"/// quiz\n{QUESTION}\n\n- [ ] one\n- [ ] two\n///\n",
        "no correct option",
        "mark one with [x]",
    ),
    "single option": (f"/// quiz\n{QUESTION}\n\n- [x] one\n///\n", "only one option", "add"),
    "empty option": (
        f"/// quiz\n{QUESTION}\n\n- [x] one\n- [ ]\n- [ ] three\n///\n",
        "option 2 is empty",
        "remove it",
    ),
    "unknown option": (
        f"/// quiz\n    colour: red\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n",
        "unknown option 'colour'",
        "use multiple, shuffle or id",
    ),
    "invalid boolean": (
        f"/// quiz\n    multiple: sometimes\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n",
        "'multiple' must be true or false",
        "not 'sometimes'",
    ),
    "invalid id": (
        f"/// quiz\n    id: Not A Slug\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n",
        "'id' must be a slug",
        "lowercase letters",
    ),
    "no question": ("/// quiz\n- [x] one\n- [ ] two\n///\n", "no question", "write the question"),
    "invalid yaml": (
        f"/// quiz\n    multiple: [true\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n",
        "not valid YAML",
        "'name: value' lines",
    ),
    "argument": (
        f"/// quiz | A title\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n",
        "no title after '|'",
        "put the question inside the block",
    ),
}


def bad(name: str, **page: Any) -> Converted:
    """Convert one bad quiz, after a paragraph, as `docs/page.md`."""
    source = "Intro.\n\n" + BAD[name][0] + "\nOutro.\n"
    return convert(source, page=QuizPage(path="page.md", **page))


@pytest.mark.parametrize("name", BAD)
def test_bad_input_warns_with_file_line_and_fix(name: str) -> None:
    _, problem, fix = BAD[name]
    warnings = bad(name).warnings
    assert len(warnings) == 1
    assert warnings[0].startswith("page.md:3: ")
    assert problem in warnings[0]
    assert fix in warnings[0]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_shows_an_error_box_instead_of_the_quiz(name: str) -> None:
    result = bad(name)
    assert result.by_class("quiz") == []
    box = result.one("quiz-error")
    assert text(box.find(".//code")) == "page.md:3"
    assert text(box.find("p")) == "This quiz cannot be shown"


@pytest.mark.parametrize("name", BAD)
def test_bad_input_leaves_nothing_of_the_block_behind(name: str) -> None:
    result = bad(name)
    outside = [el for el in result.root if el is not result.one("quiz-error")]
    assert [(el.tag, text(el)) for el in outside] == [("p", "Intro."), ("p", "Outro.")]
    assert QUESTION not in result.html


def test_duplicate_id_is_reported_at_the_second_quiz() -> None:
    quiz = "/// quiz\n    id: same\n\nQuestion?\n\n- [x] one\n- [ ] two\n///\n"
    result = convert(quiz + "\n" + quiz, page=QuizPage(path="page.md"))
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("page.md:10: quiz id 'same' is used twice")
    assert len(result.by_class("quiz")) == 1
    assert len(result.by_class("quiz-error")) == 1


def test_each_problem_of_one_quiz_gets_its_own_warning() -> None:
    source = "/// quiz\n    colour: red\n    shuffle: maybe\n///\n"
    warnings = convert(source, page=QuizPage(path="page.md")).warnings
    assert len(warnings) == 4  # unknown option, invalid boolean, no question, no options
    assert all(w.startswith("page.md:1: ") for w in warnings)


def test_error_box_speaks_chinese_on_chinese_pages() -> None:
    box = bad("no correct option", language="zh").one("quiz-error")
    assert text(box.find("p")) == "这道测验题无法显示"
    assert "这道测验没有正确选项" in text(box)


def test_log_stays_english_on_chinese_pages() -> None:
    assert "no correct option" in bad("no correct option", language="zh").warnings[0]


def test_warning_line_counts_the_front_matter() -> None:
    warnings = bad("no options", line_offset=4).warnings
    assert warnings[0].startswith("page.md:7: ")


def test_warning_names_the_line_of_the_bad_quiz_among_good_ones() -> None:
    source = SINGLE + "\n    /// quiz\n    Lonely?\n    ///\n"
    result = convert(source, page=QuizPage(path="page.md"))
    assert [w.split(": ")[0] for w in result.warnings] == ["page.md:10"]
    assert len(result.by_class("quiz")) == 1


ODD = {
    "empty block": "/// quiz\n///\n",
    "unclosed block": "/// quiz\nQuestion?\n\n- [x] one\n- [ ] two\n",
    "unclosed bad header": "/// quiz\n    bad: [\n\nQ\n\n- [x] one\n",
    "yaml list header": "/// quiz\n    - one\n    - two\n\nQ\n\n- [x] one\n- [ ] two\n///\n",
    "plain list": "/// quiz\nQ\n\n- one\n- two\n///\n",
    "mixed list": "/// quiz\nQ\n\n- [x] one\n- two\n///\n",
    "ordered list": "/// quiz\nQ\n\n1. [x] one\n2. [ ] two\n///\n",
    "quiz in a quiz": "//// quiz\nQ\n\n- [x] one\n- [ ] two\n\n/// quiz\nQ\n///\n////\n",
    "nested list in option": "/// quiz\nQ\n\n- [x] one\n    - sub\n- [ ] two\n///\n",
    "header only": "/// quiz",
}


@pytest.mark.parametrize("source", ODD.values(), ids=ODD.keys())
def test_odd_input_never_raises(source: str) -> None:
    result = convert(source, "pymdownx.tasklist", page=QuizPage(path="page.md"))
    assert len(result.by_class("quiz")) + len(result.by_class("quiz-error")) >= 1
    assert all(w.startswith("page.md:") for w in result.warnings)


def test_inline_markdown_of_a_label_is_processed_once() -> None:
    # The answer line copies the label after inline processing instead of processing a copy.
    md = markdown.Markdown(extensions=[QuizExtension()])
    seen: list[str] = []

    class Counter(InlineProcessor):
        def handleMatch(  # type: ignore[override]
            self, m: re.Match[str], data: str
        ) -> tuple[None, None, None]:
            seen.append(m.group(0))
            return None, None, None

    md.inlinePatterns.register(Counter(r"RIGHT-LABEL|Answer|Select all", md), "counter", 1000)
    html = md.convert(textwrap.dedent(MULTIPLE.replace("First right", "**RIGHT-LABEL**")))
    assert seen == ["RIGHT-LABEL"]
    assert html.count("<strong>RIGHT-LABEL</strong>") == 2  # the option and the answer line
