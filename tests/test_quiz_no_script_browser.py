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
    answer_every_kind,
    left_edge,
    quiz,
    rendered,
    reveal,
    text_of,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Route

pytestmark = pytest.mark.browser

# How many of some elements the browser draws.
VISIBLE_ONES = "elements => elements.filter(element => element.checkVisibility()).length"


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


@pytest.mark.parametrize("scripted", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("language", CHAPTERS)
def test_answer_key_is_for_print_only(
    site: Site, browser: Any, language: str, scripted: bool
) -> None:
    # On screen the key is hidden from every reader, screen readers too; print shows it alone.
    title = {"zh": "参考答案", "en": "Answer key"}[language]
    with watched_context(browser, java_script_enabled=scripted) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        if scripted:
            page.wait_for_selector(".quiz[data-quiz-ready]")
            reveal(page, 0)
        key = page.locator(".quiz-key")
        assert key.count() == 1
        assert key.is_hidden()
        assert title not in page.locator("article").aria_snapshot()
        first = quiz(page, 0)
        page.emulate_media(media="print")
        assert key.is_visible()
        assert text_of(key.locator(".quiz-key__title")) == title
        assert first.locator(".quiz__question").is_visible()
        assert rendered(first).locator(".quiz__options > li").nth(3).is_visible()
        answers = ".quiz__answer, .quiz__feedback, .quiz__explanation, .quiz__actions"
        assert first.locator(answers).evaluate_all(VISIBLE_ONES) == 0
        assert page.locator(".quiz__status, .quiz-score").evaluate_all(VISIBLE_ONES) == 0


def axe_violations(page: Page) -> set[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return {
        (violation["id"], " ".join(node["target"]))
        for violation in results.response["violations"]
        for node in violation["nodes"]
    }


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
