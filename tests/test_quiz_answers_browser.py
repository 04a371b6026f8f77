"""Answering a quiz in a real Chromium: Check, Try again, Show answer, the keyboard."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.browsing import watched_context
from tests.helpers.build import Site
from tests.helpers.pixels import contrast, pixels
from tests.helpers.quiz_pages import (
    CHAPTERS,
    CORRECT,
    FIRST_ANSWER,
    MARKS,
    MULTIPLE_CORRECT,
    STATUS,
    VIEWPORTS,
    check,
    choose,
    left_edge,
    marks,
    open_chapter,
    quiz,
    rendered,
    reveal,
    shown,
    status,
    text_of,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

FOCUS_BEFORE_FIRST_QUIZ = """
() => {
  let element = document.querySelector('.quiz');
  do element = element.previousElementSibling; while (!element.matches('h1, h2, h3, h4, h5, h6'));
  element.querySelector('a').focus();
}
"""
# The contrast of an element's text with what is behind it (WCAG's formula), from the colours
# the browser computed: the element's own, and the first opaque background among its ancestors.
TEXT_CONTRAST = """
element => {
  const colour = value => {
    const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const luminance = rgb => rgb
    .map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let behind = element;
  while (colour(getComputedStyle(behind).backgroundColor)[3] < 1) behind = behind.parentElement;
  const background = colour(getComputedStyle(behind).backgroundColor).slice(0, 3);
  const [r, g, b, a] = colour(getComputedStyle(element).color);
  const text = [r, g, b].map((c, i) => c * a + background[i] * (1 - a));
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
"""


# --- single choice ------------------------------------------------------------------------


@pytest.mark.parametrize("language", CHAPTERS)
def test_wrong_answer_marks_only_the_choice_and_keeps_the_answer_back(
    site: Site, sized_context: BrowserContext, language: str
) -> None:
    page = open_chapter(sized_context, site.url, language)
    choose(page, 0, 0)
    check(page)
    assert status(page) == STATUS[language]["incorrect"]
    assert marks(page, 0) == ["wrong", None, None, None]
    view = shown(quiz(page, 0))
    assert [option["feedback"] for option in view["options"]] == [True, False, False, False]
    assert view["explanation"] is False
    assert view["buttons"] == {"check": False, "retry": True, "reveal": True}


@pytest.mark.parametrize("language", CHAPTERS)
def test_right_answer_shows_its_feedback_and_the_explanation(
    site: Site, sized_context: BrowserContext, language: str
) -> None:
    page = open_chapter(sized_context, site.url, language)
    choose(page, 0, CORRECT[0])
    check(page)
    assert status(page) == STATUS[language]["correct"]
    assert marks(page, 0) == [None, "right", None, None]
    option = quiz(page, 0).locator(".quiz__option").nth(CORRECT[0])
    assert text_of(option.locator(".quiz__mark")) == MARKS[language]["right"]
    feedback, explanation = FIRST_ANSWER[language]
    assert option.locator(".quiz__feedback").is_visible()
    assert left_edge(option.locator(".quiz__feedback")) > left_edge(option.locator(".quiz__input"))
    assert text_of(option.locator(".quiz__feedback")).startswith(feedback)
    after_status = quiz(page, 0).locator(".quiz__status + .quiz__explanation")
    assert after_status.is_visible()
    assert text_of(after_status).startswith(explanation)
    assert quiz(page, 0).locator(".quiz__feedback:visible").count() == 1
    assert shown(quiz(page, 0))["buttons"] == {"check": False, "retry": True, "reveal": False}


@pytest.mark.parametrize("language", CHAPTERS)
def test_check_without_a_choice_says_to_choose_first(
    site: Site, sized_context: Any, language: str
) -> None:
    page = open_chapter(sized_context, site.url, language)
    button = rendered(quiz(page, 0)).locator(".quiz__check")
    assert button.is_enabled()
    button.click()
    assert status(page) == STATUS[language]["choose"]
    assert quiz(page, 0).get_attribute("data-quiz-state") is None
    assert marks(page, 0) == [None] * 4
    choose(page, 0, 1)
    assert status(page) == ""  # a choice replaces the note
    check(page)
    assert status(page) == STATUS[language]["correct"]


def test_try_again_resets_the_quiz(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    choose(page, 0, 0)
    check(page)
    quiz(page, 0).locator(".quiz__retry").click()
    assert status(page) == ""
    assert marks(page, 0) == [None] * 4
    inputs = quiz(page, 0).locator(".quiz__input")
    assert [inputs.nth(i).is_checked() or inputs.nth(i).is_disabled() for i in range(4)] == [
        False
    ] * 4
    assert shown(quiz(page, 0))["buttons"] == {"check": True, "retry": False, "reveal": True}
    assert page.evaluate("document.activeElement.classList.contains('quiz__input')")


@pytest.mark.parametrize("language", CHAPTERS)
def test_show_answer_after_a_wrong_check_marks_the_answer_apart_from_the_choice(
    site: Site, sized_context: BrowserContext, language: str
) -> None:
    page = open_chapter(sized_context, site.url, language)
    choose(page, 1, 0)
    check(page, 1)
    reveal(page, 1)
    assert status(page, 1) == STATUS[language]["revealed"]
    view = shown(quiz(page, 1))
    options = view["options"]
    assert [option["mark"] for option in options] == [
        "wrong" if i == 0 else "answer" if i == CORRECT[1] else None for i in range(4)
    ]
    assert [option["markText"] for option in options if option["mark"]] == [
        MARKS[language]["wrong"],
        MARKS[language]["answer"],
    ]
    # Every mark comes with its feedback: the wrong choice keeps its own.
    assert [option["feedback"] for option in options] == [bool(o["mark"]) for o in options]
    assert [option["checked"] for option in options] == [i == 0 for i in range(4)]
    assert view["explanation"] is True
    assert view["buttons"] == {"check": False, "retry": True, "reveal": False}


def test_show_answer_before_any_check_marks_only_the_answer(
    site: Site, context: BrowserContext
) -> None:
    page = open_chapter(context, site.url, "en")
    reveal(page, 1)
    assert status(page, 1) == STATUS["en"]["revealed"]
    assert marks(page, 1) == ["answer" if i == CORRECT[1] else None for i in range(4)]
    assert quiz(page, 1).locator(".quiz__input:checked").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", CHAPTERS)
def test_the_readers_choice_stays_legible_after_check(
    site: Site, browser: Any, language: str, viewport: str, scheme: str
) -> None:
    with watched_context(browser, color_scheme=scheme, **VIEWPORTS[viewport]) as (context, _):
        page = open_chapter(context, site.url, language)
        widget = rendered(quiz(page, 0))
        choose(page, 0, 0)
        check(page)
        option = widget.locator(".quiz__option").nth(0)
        assert option.locator(".quiz__input").is_checked()
        for label in widget.locator(".quiz__label").all():
            assert label.evaluate(TEXT_CONTRAST) >= 4.5
        assert option.locator(".quiz__mark").evaluate(TEXT_CONTRAST) >= 4.5
        # The checked input itself shows the choice at 3:1 or more (WCAG's non-text contrast),
        # against what is behind it: the colour of most of the option's pixels.
        # The theme's header and its "back to top" button would stand over an option at the top.
        page.add_style_tag(content=".md-top, .md-header { visibility: hidden !important; }")
        option.evaluate("option => option.scrollIntoView({block: 'center'})")
        behind = Counter(pixels(option.screenshot())).most_common(1)[0][0]
        drawn = pixels(option.locator(".quiz__input").screenshot())
        assert max(contrast(pixel, behind) for pixel in drawn) >= 3


# --- several correct options --------------------------------------------------------------


def chosen_in_multi(page: Page, *positions: int) -> None:
    for position in positions:
        choose(page, 3, position)
    check(page, 3)


@pytest.mark.parametrize("language", CHAPTERS)
def test_multiple_choice_check_marks_only_the_chosen_options(
    multi_site: str, sized_context: BrowserContext, language: str
) -> None:
    page = open_chapter(sized_context, multi_site, language)
    chosen_in_multi(page, MULTIPLE_CORRECT[0], 1)
    assert status(page, 3) == STATUS[language]["incorrect"]
    assert marks(page, 3) == ["right", "wrong", None, None]
    view = shown(quiz(page, 3))
    assert [option["feedback"] for option in view["options"]] == [False, True, False, False]
    assert view["explanation"] is False


@pytest.mark.parametrize("language", CHAPTERS)
def test_multiple_choice_partly_right_gives_nothing_away(
    multi_site: str, sized_context: BrowserContext, language: str
) -> None:
    page = open_chapter(sized_context, multi_site, language)
    chosen_in_multi(page, MULTIPLE_CORRECT[1])
    assert status(page, 3) == STATUS[language]["incomplete"]
    assert marks(page, 3) == [None, None, "right", None]
    assert shown(quiz(page, 3))["buttons"] == {"check": False, "retry": True, "reveal": True}
    reveal(page, 3)
    assert marks(page, 3) == ["answer", None, "right", None]


def test_multiple_choice_with_all_right_is_correct(
    multi_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, multi_site)
    chosen_in_multi(page, *MULTIPLE_CORRECT)
    assert status(page, 3) == STATUS["zh"]["correct"]
    assert marks(page, 3) == ["right", None, "right", None]
    assert page.locator(".quiz-score__text").text_content() == STATUS["zh"]["score"].format(1, 4)


# --- keyboard -----------------------------------------------------------------------------


def focus_before_first_quiz(page: Page) -> None:
    """Focus the permalink of the heading that precedes the chapter's quizzes."""
    page.evaluate(FOCUS_BEFORE_FIRST_QUIZ)


def test_keyboard_alone_answers_a_quiz(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    first = quiz(page, 0).locator(".quiz__input").nth(0)
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    page.keyboard.press("ArrowDown")
    assert quiz(page, 0).locator(".quiz__input").nth(1).is_checked()
    assert status(page) == ""
    assert quiz(page, 0).get_attribute("data-quiz-state") is None
    page.keyboard.press("Space")
    assert status(page) == ""
    page.keyboard.press("Enter")
    assert status(page) == STATUS["zh"]["correct"]
    assert page.evaluate("document.activeElement.classList.contains('quiz__retry')")


def test_arrow_keys_never_submit(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "en")
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"):
        page.keyboard.press(key)
        assert status(page) == ""
    assert quiz(page, 0).locator(".quiz__input:checked").count() == 1


def test_enter_without_a_selection_says_to_choose_first(
    site: Site, context: BrowserContext
) -> None:
    page = open_chapter(context, site.url)
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert status(page) == STATUS["zh"]["choose"]
    assert quiz(page, 0).locator(".quiz__input[aria-disabled=true]").count() == 0


def test_enter_on_the_check_button_submits(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "en")
    choose(page, 0, 0)
    quiz(page, 0).locator(".quiz__check").focus()
    page.keyboard.press("Enter")
    assert status(page) == STATUS["en"]["incorrect"]
    assert page.evaluate("document.activeElement.classList.contains('quiz__retry')")
