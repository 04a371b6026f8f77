"""The quiz without its script, in print, and under axe, in a real Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.browsing import watched_context
from tests.helpers.build import Site
from tests.helpers.pages import option_texts
from tests.helpers.quiz_pages import (
    CHAPTERS,
    CORRECT,
    FIRST_ANSWER,
    check,
    choose,
    left_edge,
    open_chapter,
    quiz,
    rendered,
    reveal,
    text_of,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Route

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "summary"), [("zh", "答案"), ("en", "Answer")])
def test_without_javascript_details_reveals_the_answer(
    site: Site, browser: Any, language: str, summary: str
) -> None:
    with watched_context(browser, java_script_enabled=False) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        assert page.locator(".quiz").count() == 3
        assert page.locator(".quiz button, .quiz__mark").count() == 0
        assert page.locator(".quiz-score__reset").is_hidden()
        script_parts = ".quiz :is(fieldset, input, label, [role=status], .quiz__option)"
        assert page.locator(script_parts).count() == 0
        texts = option_texts(site.html(CHAPTERS[language]))
        items = [
            rendered(quiz(page, n)).locator(".quiz__options > li").all_inner_texts()
            for n in range(3)
        ]
        assert [[" ".join(item.split()) for item in quiz_items] for quiz_items in items] == texts
        options_list = quiz(page, 0).locator(".quiz__options")
        assert options_list.evaluate("list => getComputedStyle(list).listStyleType") != "none"
        assert quiz(page, 0).evaluate("quiz => getComputedStyle(quiz).borderTopStyle") == "solid"
        first = quiz(page, 0)
        assert first.locator(".quiz__option .quiz__feedback:visible").count() == 0
        answer = first.locator(".quiz__answer")
        key = answer.locator(".quiz__key")
        feedback = answer.locator(".quiz__feedback")
        explanation = answer.locator(".quiz__explanation")
        assert [key.is_hidden(), feedback.is_hidden(), explanation.is_hidden()] == [True] * 3
        answer.locator("summary", has_text=summary).click()
        assert answer.get_attribute("open") is not None
        assert key.is_visible()
        assert text_of(key).endswith(texts[0][CORRECT[0]])
        assert feedback.is_visible()
        assert feedback.get_attribute("data-quiz-for") == str(CORRECT[0])
        assert left_edge(feedback) == left_edge(key)  # not indented like feedback under an option
        assert text_of(feedback).startswith(FIRST_ANSWER[language][0])
        assert explanation.is_visible()
        assert text_of(explanation).startswith(FIRST_ANSWER[language][1])
        assert first.locator(".quiz__option .quiz__feedback:visible").count() == 0


def test_print_shows_question_options_and_answer_but_no_buttons(
    site: Site, context: BrowserContext
) -> None:
    page = open_chapter(context, site.url, "en")
    choose(page, 0, CORRECT[0])
    check(page)
    first = quiz(page, 0)
    assert first.locator(".quiz__explanation").is_visible()
    page.emulate_media(media="print")
    assert first.locator(".quiz__question").is_visible()
    assert first.locator(".quiz__label").nth(3).is_visible()
    assert first.locator(".quiz__actions").is_hidden()
    assert first.locator(".quiz__status").is_hidden()
    assert page.locator(".quiz-score").is_hidden()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert first.locator(".quiz__key").is_visible()
    assert first.locator(".quiz__answer summary").is_hidden()
    assert first.locator(".quiz__explanation").is_hidden()
    assert first.locator(".quiz__feedback:visible, .quiz__mark:visible").count() == 0


def axe_violations(page: Page) -> set[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return {
        (violation["id"], " ".join(node["target"]))
        for violation in results.response["violations"]
        for node in violation["nodes"]
    }


def answer_every_kind(page: Page) -> None:
    """Leave the chapter with a wrong, a right and a revealed answer."""
    choose(page, 0, 0)
    check(page, 0)
    choose(page, 1, CORRECT[1])
    check(page, 1)
    reveal(page, 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", CHAPTERS)
@pytest.mark.parametrize("answered", [False, True], ids=["fresh", "answered"])
def test_axe_finds_nothing(
    site: Site, context: BrowserContext, language: str, scheme: str, answered: bool
) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(site.url + CHAPTERS[language])
    page.wait_for_selector(".quiz[data-quiz-ready]")
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    if answered:
        answer_every_kind(page)
    assert axe_violations(page) == set()


def serve_empty_script(route: Route) -> None:
    route.fulfill(status=200, content_type="text/javascript", body="")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", CHAPTERS)
def test_axe_finds_nothing_in_the_markup_without_the_script(
    site: Site, context: BrowserContext, language: str, scheme: str
) -> None:
    # What a reader gets while quiz.js is missing: the list of options and the open answers.
    page = context.new_page()
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.route("**/quiz.js", serve_empty_script)
    page.goto(site.url + CHAPTERS[language])
    assert page.locator(".quiz__options > li").count() == 3 * 4
    assert page.locator(".quiz[data-quiz-ready], .quiz input").count() == 0
    for summary in page.locator(".quiz__answer > summary").all():
        summary.click()
    assert page.locator(".quiz__answer[open]").count() == 3
    assert axe_violations(page) == set()
