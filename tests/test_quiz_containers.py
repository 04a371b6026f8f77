"""Where a quiz may stand: containers, code, other extensions, and the page's score."""

from __future__ import annotations

import textwrap
from typing import Any

import markdown
import pytest

from quiz_plugin.extension import QuizPage
from tests.helpers.markdown import (
    MULTIPLE,
    NESTED,
    SINGLE,
    TWO_QUIZZES,
    convert,
    correct_marks,
    options,
    text,
)


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
    assert list(result.root)[-2:] == [score, result.one("quiz-key")]  # the printed key ends it
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
    assert list(result.root)[-2:] == [result.one("quiz-score"), result.one("quiz-key")]


# --- bad input ----------------------------------------------------------------------------
