"""Malformed quizzes: a warning with file, line and fix, and an error box in the quiz's place."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import markdown
import pytest
from markdown.inlinepatterns import InlineProcessor

from quiz_plugin.extension import QuizExtension, QuizPage
from tests.helpers.markdown import (
    MULTIPLE,
    SINGLE,
    Converted,
    convert,
    text,
)

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
# Header names that YAML reads as something else than a string: each is an unknown option.
NOT_STRING_NAMES = ["yes", "no", "on", "off", "true", "null", "~", "1", "2.5"]


def bad(name: str, **page: Any) -> Converted:
    """Convert one bad quiz, after a paragraph, as `docs/page.md`."""
    source = "Intro.\n\n" + BAD[name][0] + "\nOutro.\n"
    return convert(source, page=QuizPage(path="page.md", **page))


def with_name(name: str, *extensions: str) -> Converted:
    source = f"Intro.\n\n/// quiz\n    {name}: true\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n"
    return convert(source, *extensions, page=QuizPage(path="page.md"))


@pytest.mark.parametrize("name", NOT_STRING_NAMES)
def test_a_header_name_yaml_reads_as_no_string_is_an_unknown_option(name: str) -> None:
    result = with_name(name)
    assert result.warnings == [
        f"page.md:3: quiz has an unknown option '{name}'; use multiple, shuffle or id"
    ]
    assert len(result.by_class("quiz-error")) == 1


@pytest.mark.parametrize("name", ["yes", "1", "~"])
def test_header_names_are_safe_with_the_manager_of_pymdownx_too(name: str) -> None:
    # Another blocks extension first: pymdownx registers its own manager, which the quiz shares.
    result = with_name(name, "pymdownx.blocks.admonition")
    quiz_only = convert(
        f"/// quiz\n    {name}: true\n\nQ\n\n- [x] a\n- [ ] b\n///\n",
        page=QuizPage(path="page.md"),
    )
    assert len(quiz_only.warnings) == len(result.warnings) == 1
    assert f"unknown option '{name}'" in result.warnings[0]


def test_a_refused_header_right_under_a_line_of_text_gets_its_own_box() -> None:
    source = f"Text.\n/// quiz\n    multiple: [true\n\n{QUESTION}\n\n- [x] one\n- [ ] two\n///\n"
    result = convert(source + "\nAfter.\n", page=QuizPage(path="page.md"))
    assert result.warnings == [
        (
            "page.md:2: quiz options are not valid YAML; write them as 'name: value' lines "
            "indented under '/// quiz'"
        )
    ]
    box = result.one("quiz-error")
    assert [(el.tag, text(el)) for el in result.root if el is not box] == [
        ("p", "Text."),
        ("p", "After."),
    ]
    assert QUESTION not in result.html


@pytest.mark.parametrize("item", ["- [x] one", "- "], ids=["after an option", "an empty item"])
def test_a_refused_header_right_under_a_list_item_gets_a_box(item: str) -> None:
    source = f"- [ ] first\n{item}\n/// quiz\n    multiple: [true\n\n{QUESTION}\n"
    result = convert(source, page=QuizPage(path="page.md"))
    assert [w.split(": ", 1)[0] for w in result.warnings] == ["page.md:3"]
    assert len(result.by_class("quiz-error")) == 1
    assert "multiple: [true" not in result.html  # no header left as the option's text


def test_other_blocks_with_a_name_yaml_reads_as_no_string_stay_text() -> None:
    # Like any block with an option it does not know: pymdownx leaves it as it is written.
    result = convert("/// note\n    yes: true\n\nText.\n///\n", "pymdownx.blocks.admonition")
    assert result.warnings == []
    assert result.by_class("admonition") == []
    assert "yes: true" in result.html


def test_a_quiz_inside_a_quiz_warns_once_and_both_become_error_boxes() -> None:
    inner = "/// quiz\nInner?\n\n- [x] c\n- [ ] d\n///\n"
    source = f"Intro.\n\n/// quiz\n{QUESTION}\n\n- [x] a\n- [ ] b\n\n{inner}\nOutro.\n"
    result = convert(source, page=QuizPage(path="page.md"))
    assert result.warnings == [
        (
            "page.md:3: quiz contains another quiz (line 9); close this quiz with '///' "
            "before the next one starts"
        )
    ]
    boxes = result.by_class("quiz-error")
    assert [text(box.find(".//code")) for box in boxes] == ["page.md:3", "page.md:9"]
    assert "starts inside the quiz of line 3" in text(boxes[1])
    assert QUESTION not in result.html
    assert result.by_class("quiz") == []


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "left open"])
def test_quizzes_nested_two_deep_each_get_a_box(closed: bool) -> None:
    inner = "/// quiz\nThird?\n\n- [x] e\n- [ ] f\n///\n"
    middle = f"/// quiz\nSecond?\n\n- [x] c\n- [ ] d\n\n{inner}"
    source = f"/// quiz\nFirst?\n\n- [x] a\n- [ ] b\n\n{middle}" + ("///\n///\n" if closed else "")
    result = convert(source, page=QuizPage(path="page.md"))
    assert len(result.warnings) == 1
    assert len(result.by_class("quiz-error")) == 3


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
    # The answer line and the printed key copy the label after inline processing instead of
    # processing a copy.
    md = markdown.Markdown(extensions=[QuizExtension()])
    seen: list[str] = []

    class Counter(InlineProcessor):
        def handleMatch(  # type: ignore[override]
            self,
            m: re.Match[str],
            data: str,  # noqa: ARG002 (InlineProcessor's signature)
        ) -> tuple[None, None, None]:
            seen.append(m.group(0))
            return None, None, None

    md.inlinePatterns.register(Counter(r"RIGHT-LABEL|Answer|Select all", md), "counter", 1000)
    html = md.convert(textwrap.dedent(MULTIPLE.replace("First right", "**RIGHT-LABEL**")))
    assert seen == ["RIGHT-LABEL"]
    assert html.count("<strong>RIGHT-LABEL</strong>") == 3  # option, answer line, printed key
