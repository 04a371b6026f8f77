"""What quiz.js builds from the server's markup, in a real Chromium on the built site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.build import Site
from tests.helpers.pages import option_texts
from tests.helpers.quiz_pages import (
    BUTTONS,
    CHAPTERS,
    CORRECT,
    MULTIPLE_WORDS,
    SKIPPED,
    STATUS,
    append_to_chapters,
    check,
    choose,
    open_chapter,
    quiz,
    rendered,
    serve_copy,
    status,
    text_of,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

pytestmark = pytest.mark.browser

# Where each piece of the quiz stands once the script has run: for every option, its feedback
# count and whether its mark comes before its feedback; what follows the options and the
# status; what is left in the no-script <details>; and the order of what the script built.
LAYOUT = """
quiz => ({
  widget: [...quiz.children].map(child => child.className),
  fieldset: [...quiz.querySelector('fieldset').children].map(child => child.className),
  option: [...quiz.querySelector('.quiz__option').children].map(child => child.className),
  options: [...quiz.querySelectorAll('.quiz__option')].map(option => [
    option.querySelectorAll('.quiz__mark').length,
    option.querySelectorAll('.quiz__feedback').length,
    option.querySelector('.quiz__mark').nextElementSibling?.className ?? null,
  ]),
  afterOptions: quiz.querySelector('.quiz__options').nextElementSibling.className,
  afterStatus: quiz.querySelector('.quiz__status').nextElementSibling?.className ?? null,
  inAnswer: [...quiz.querySelector('.quiz__answer').children].map(child => child.className),
  explanations: quiz.querySelectorAll('.quiz__explanation').length,
})
"""
# What the script builds of each option, from the server's plain list item.
OPTION_CONTROLS = """
quiz => [...quiz.querySelectorAll('.quiz__options > li')].map(option => {
  const input = option.querySelector('input'), labels = [...input.labels];
  return [
    option.className, input.className, input.type, input.name === quiz.id, input.value,
    labels.map(label => [label.className, label.textContent.replace(/\\s+/g, ' ').trim()]),
  ];
})
"""
# How the fieldset is named and described: the text of the elements its ARIA attributes name.
FIELDSET_ARIA = """
quiz => {
  const fieldset = quiz.querySelector('fieldset'), text = id => id &&
    document.getElementById(id).textContent.replace(/\\s+/g, ' ').trim();
  return {
    isFirstChild: quiz.firstElementChild === fieldset,
    labelledBy: text(fieldset.getAttribute('aria-labelledby')),
    describedBy: text(fieldset.getAttribute('aria-describedby')),
  };
}
"""
# Computed styles that quiz.css changes from the browser's and Material's own.
STYLED = """
quiz => {
  const style = selector => getComputedStyle(quiz.querySelector(selector));
  return [
    getComputedStyle(quiz).borderTopStyle,
    style('.quiz__fieldset').borderTopStyle,
    style('.quiz__options').listStyleType,
    style('.quiz__option').display,
  ];
}
"""
STYLED_VALUES = ["solid", "none", "none", "grid"]
# Where the page links the stylesheet from.
STYLESHEET_LINKS = """
() => [...document.querySelectorAll('link[rel=stylesheet][href$="quiz.css"]')].map(link => ({
  inHead: link.parentElement === document.head,
  beforeFirstWidget: link.nextElementSibling === document.querySelector('.quiz'),
}))
"""
COUNT_STATUS_WRITES = """
window.__statusWrites = 0;
new MutationObserver(records => { window.__statusWrites += records.length; })
  .observe(document.querySelector('.quiz__status'), {childList: true, characterData: true});
"""
DUPLICATE_IDS = """
() => {
  const ids = [...document.querySelectorAll('[id]')].map(element => element.id);
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}
"""


def test_script_replaces_the_no_script_answer(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    assert quiz(page, 0).locator(".quiz__actions").is_visible()
    assert quiz(page, 0).locator(".quiz__answer").is_hidden()
    assert quiz(page, 0).locator(".quiz__status").get_attribute("role") == "status"


def test_widgets_below_the_fold_are_rendered_once_scrolled_to(
    site: Site, context: BrowserContext
) -> None:
    # The quizzes close the chapter, far below the first screen: the browser need not lay them
    # out while the page starts up, only when the reader gets near them.
    page = open_chapter(context, site.url)
    question = quiz(page, 2).locator(".quiz__question")
    assert question.evaluate(SKIPPED) is True
    rendered(quiz(page, 2))
    assert question.is_visible()


# Counts the widgets already built when DOMContentLoaded has run all its handlers: a listener
# on `window` hears the event after every listener on `document`, the theme's included.
BUILT_AT_DOM_CONTENT_LOADED = """
window.addEventListener('DOMContentLoaded', () => {
  window.__builtAtLoaded = document.querySelectorAll('.quiz[data-quiz-ready]').length;
});
"""


def test_widgets_are_built_in_a_task_after_the_theme_starts_up(
    site: Site, context: BrowserContext
) -> None:
    # The theme's start-up runs in the DOMContentLoaded task and is long on a phone; building
    # the widgets in that same task too would make it longer still (total blocking time).
    context.add_init_script(BUILT_AT_DOM_CONTENT_LOADED)
    page = open_chapter(context, site.url)
    assert page.evaluate("window.__builtAtLoaded") == 0
    assert page.locator(".quiz[data-quiz-ready]").count() == 3


@pytest.mark.parametrize("language", CHAPTERS)
def test_fieldset_is_named_by_the_question(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    for number in range(3):
        widget = quiz(page, number)
        question = text_of(widget.locator(".quiz__question"))
        assert widget.evaluate(FIELDSET_ARIA) == {
            "isFirstChild": True,
            "labelledBy": question,
            "describedBy": None,  # only a multiple-choice quiz has a hint
        }
        group = widget.get_by_role("group", name=question, exact=True)
        assert group.evaluate("group => group.className") == "quiz__fieldset"


@pytest.mark.parametrize("language", CHAPTERS)
def test_options_become_native_radios_with_labels(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    texts = option_texts(site.html(CHAPTERS[language]))
    assert len(texts) == 3
    for number, options in enumerate(texts):
        widget = quiz(page, number)
        assert widget.evaluate(OPTION_CONTROLS) == [
            ["quiz__option", "quiz__input", "radio", True, str(index), [["quiz__label", text]]]
            for index, text in enumerate(options)
        ]
        radios = [widget.get_by_role("radio", name=text, exact=True) for text in options]
        assert [radio.count() for radio in radios] == [1] * len(options)
    assert page.evaluate(DUPLICATE_IDS) == []


def test_status_region_is_there_before_any_answer(site: Site, context: BrowserContext) -> None:
    # A live region announces changes only if it was in the page before them.
    page = open_chapter(context, site.url, "en")
    for number in range(3):
        status_region = quiz(page, number).locator(".quiz__fieldset > [role=status]")
        assert status_region.count() == 1
        assert status_region.get_attribute("class") == "quiz__status"
        assert status_region.text_content() == ""
    choose(page, 0, 0)
    check(page)
    assert quiz(page, 0).get_by_role("status").text_content() == STATUS["en"]["incorrect"]


@pytest.mark.parametrize("language", CHAPTERS)
def test_widget_is_styled_by_the_stylesheet_before_it(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    assert page.evaluate(STYLESHEET_LINKS) == [{"inHead": False, "beforeFirstWidget": True}]
    assert [quiz(page, number).evaluate(STYLED) for number in range(3)] == [STYLED_VALUES] * 3


@pytest.mark.parametrize("language", CHAPTERS)
def test_script_adds_buttons_in_the_page_language(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    for number in range(3):
        buttons = quiz(page, number).locator(".quiz__actions > button")
        assert buttons.all_text_contents() == BUTTONS[language]
        assert [b.get_attribute("type") for b in buttons.all()] == ["button"] * 3
        assert [b.is_visible() for b in buttons.all()] == [True, False, True]
    assert page.locator(".quiz__actions").count() == 3


def test_script_moves_the_answer_next_to_the_options(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    layout = quiz(page, 0).evaluate(LAYOUT)
    assert layout == {
        "widget": ["quiz__fieldset", "quiz__answer"],
        "fieldset": [
            "quiz__question",
            "quiz__options",
            "quiz__actions",
            "quiz__status",
            "quiz__explanation",
        ],
        "option": ["quiz__input", "quiz__label", "quiz__mark", "quiz__feedback"],
        "options": [[1, 1, "quiz__feedback"]] * 4,
        "afterOptions": "quiz__actions",
        "afterStatus": "quiz__explanation",
        "inAnswer": ["", "quiz__key"],  # the <summary> and the answer line stay, hidden
        "explanations": 1,
    }
    assert quiz(page, 0).locator(".quiz__feedback:visible, .quiz__explanation:visible").count() == 0


def test_multiple_choice_uses_checkboxes_and_says_so(
    multi_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, multi_site)
    multi = page.locator("#quiz-multi-check")
    assert multi.locator(".quiz__input[type=checkbox]").count() == 4
    assert multi.locator(".quiz__hint").text_content() == "多选：选出所有正确答案"
    options = [MULTIPLE_WORDS["zh"][key] for key in ("first", "second", "third", "fourth")]
    assert [multi.get_by_role("checkbox", name=o, exact=True).count() for o in options] == [1] * 4


@pytest.mark.parametrize("language", CHAPTERS)
def test_multiple_choice_fieldset_is_named_by_its_question_and_described_by_the_hint(
    multi_site: str, context: BrowserContext, language: str
) -> None:
    # The question has an id of its own (attr_list) on a paragraph inside it.
    from playwright.sync_api import expect

    page = open_chapter(context, multi_site, language)
    multi = page.locator("#quiz-multi-check")
    question = MULTIPLE_WORDS[language]["question"]
    hint = text_of(multi.locator(".quiz__hint"))
    assert multi.locator("#own-question").text_content() == question
    assert multi.evaluate(FIELDSET_ARIA) == {
        "isFirstChild": True,
        "labelledBy": question,
        "describedBy": hint,
    }
    fieldset = multi.locator("fieldset")
    expect(fieldset).to_have_accessible_name(question)
    expect(fieldset).to_have_accessible_description(hint)
    assert page.evaluate(DUPLICATE_IDS) == []


SHUFFLED_QUIZ = """
/// quiz
    id: shuffled
    shuffle: true

{question}

- [ ] OPTION-0

    FEEDBACK-0

- [ ] OPTION-1

    FEEDBACK-1

- [x] OPTION-2

    FEEDBACK-2

- [ ] OPTION-3

    FEEDBACK-3

EXPLANATION-SHUFFLED
///
"""
# With Math.random() always 0, quiz.js's Fisher-Yates shuffle puts the options in this order.
SHUFFLED_ORDER = ["1", "2", "3", "0"]


SHUFFLED_WORDS = {"zh": {"question": "选项顺序打乱的题？"}, "en": {"question": "Shuffled?"}}


def add_shuffled_quiz(project: Path) -> None:
    """End each chapter with a shuffled quiz whose feedback names its option."""
    append_to_chapters(project, SHUFFLED_QUIZ, SHUFFLED_WORDS)


@pytest.fixture(scope="module")
def shuffled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a fourth, shuffled quiz at the end of each chapter."""
    yield from serve_copy(tmp_path_factory, "shuffled", add_shuffled_quiz)


def test_shuffled_options_keep_their_own_feedback(
    shuffled_site: str, context: BrowserContext
) -> None:
    context.add_init_script("Math.random = () => 0;")
    page = open_chapter(context, shuffled_site, "en")
    shuffled = page.locator("#quiz-shuffled")
    options = shuffled.locator(".quiz__option")
    values = [str(options.nth(i).locator(".quiz__input").get_attribute("value")) for i in range(4)]
    assert values == SHUFFLED_ORDER
    feedback = [text_of(options.nth(i).locator(".quiz__feedback")) for i in range(4)]
    assert feedback == [f"FEEDBACK-{v}" for v in SHUFFLED_ORDER]
    options.nth(0).locator(".quiz__label").click()
    shuffled.locator(".quiz__check").click()
    assert options.nth(0).get_attribute("data-quiz-mark") == "wrong"
    assert shuffled.locator(".quiz__feedback:visible").all_text_contents() == ["FEEDBACK-1"]
    shuffled.locator(".quiz__reveal").click()
    correct = options.nth(SHUFFLED_ORDER.index("2"))
    assert correct.get_attribute("data-quiz-mark") == "answer"
    visible = shuffled.locator(".quiz__feedback:visible").all_text_contents()
    assert visible == ["FEEDBACK-1", "FEEDBACK-2"]
    assert shuffled.locator(".quiz__status + .quiz__explanation").is_visible()


# --- instant navigation -------------------------------------------------------------------


def test_instant_navigation_binds_each_handler_once(
    instant_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, instant_site)
    choose(page, 1, CORRECT[1])
    check(page, 1)
    for _ in range(2):
        page.locator("a.md-footer__link--prev").click()
        page.wait_for_function("document.querySelectorAll('.quiz').length === 0")
        page.locator("a.md-footer__link--next").click()
        page.wait_for_selector(".quiz[data-quiz-ready]")
    assert page.locator(".quiz").count() == 3
    assert page.locator(".quiz__check").count() == 3
    assert page.locator(".quiz__mark").count() == 12
    assert page.locator(".quiz__feedback").count() == 12
    assert page.locator(".quiz__explanation").count() == 3
    assert page.locator(".quiz-score").count() == 1
    assert page.locator("script[src$='quiz.js']").count() == 1
    # Under instant navigation the <head> stays: the stylesheet is linked there, for every page.
    assert page.evaluate(STYLESHEET_LINKS) == [{"inHead": True, "beforeFirstWidget": False}]
    assert [quiz(page, number).evaluate(STYLED) for number in range(3)] == [STYLED_VALUES] * 3
    assert status(page, 1) == STATUS["zh"]["correct"]  # restored after navigating back
    page.evaluate(COUNT_STATUS_WRITES)
    choose(page, 0, 0)
    check(page, 0)
    assert status(page, 0) == STATUS["zh"]["incorrect"]
    assert page.evaluate("window.__statusWrites") == 1
    assert page.locator(".quiz-score__text").text_content() == STATUS["zh"]["score"].format(1, 3)


# --- layout on phones and desktops --------------------------------------------------------

# Where an option's parts are: the input's middle, the middle of the label's first line of
# text, how many lines the label takes, and the boxes of the label and the mark.
OPTION_GEOMETRY = """
option => {
  const box = element => element.getBoundingClientRect();
  const label = option.querySelector('.quiz__label');
  const range = document.createRange();
  range.selectNodeContents(label);
  const lines = [...range.getClientRects()];
  const input = box(option.querySelector('.quiz__input'));
  const mark = option.querySelector('.quiz__mark');
  return {
    inputMiddle: input.top + input.height / 2,
    firstLineMiddle: lines[0].top + lines[0].height / 2,
    lines: new Set(lines.map(line => Math.round(line.top))).size,
    label: {left: box(label).left, right: box(label).right, bottom: box(label).bottom},
    mark: mark.checkVisibility() ? {top: box(mark).top, left: box(mark).left} : null,
  };
}
"""


@pytest.mark.parametrize("language", CHAPTERS)
def test_inputs_sit_on_the_first_line_of_their_label(
    multi_site: str, sized_context: Any, language: str
) -> None:
    page = open_chapter(sized_context, multi_site, language)
    options = rendered(page.locator("#quiz-multi-check")).locator(".quiz__option")
    geometry = [options.nth(i).evaluate(OPTION_GEOMETRY) for i in range(options.count())]
    offsets = [abs(g["inputMiddle"] - g["firstLineMiddle"]) for g in geometry]
    assert max(offsets) <= 2, offsets
    if page.viewport_size["width"] < 500:  # on a phone the long option wraps
        assert max(g["lines"] for g in geometry) >= 2


@pytest.mark.parametrize("language", CHAPTERS)
def test_marks_stand_under_their_label_and_never_narrow_it(
    multi_site: str, sized_context: Any, language: str
) -> None:
    page = open_chapter(sized_context, multi_site, language)
    widget = rendered(page.locator("#quiz-multi-check"))
    options = widget.locator(".quiz__option")
    before = [options.nth(i).evaluate(OPTION_GEOMETRY) for i in range(4)]
    for position in (1, 2):  # one wrong, one right
        options.nth(position).locator(".quiz__label").click()
    widget.locator(".quiz__check").click()
    after = [options.nth(i).evaluate(OPTION_GEOMETRY) for i in range(4)]
    assert [g["label"]["right"] - g["label"]["left"] for g in after] == [
        g["label"]["right"] - g["label"]["left"] for g in before
    ]
    assert [g["lines"] for g in after] == [g["lines"] for g in before]
    for position in (1, 2):
        mark, label = after[position]["mark"], after[position]["label"]
        assert mark is not None
        assert mark["top"] >= label["bottom"] - 1
        assert abs(mark["left"] - label["left"]) <= 1
