"""Saved answers in a real Chromium: what a widget shows depends only on what is saved."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.browsing import watched_context
from tests.helpers.build import Site
from tests.helpers.quiz_pages import (
    CHAPTERS,
    CORRECT,
    MULTIPLE_CORRECT,
    STATUS,
    check,
    choose,
    open_chapter,
    quiz,
    reload,
    reveal,
    shown,
    status,
    without_texts,
)

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

DENY_QUIZ_STORAGE = """
for (const name of ['getItem', 'setItem', 'removeItem']) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith('quiz:')) throw new DOMException('denied', 'SecurityError');
    return original.call(this, key, ...rest);
  };
}
"""


def wrong_then_revealed(page: Page) -> None:
    choose(page, 3, 1)
    check(page, 3)
    reveal(page, 3)


def partly_right(page: Page) -> None:
    choose(page, 3, MULTIPLE_CORRECT[1])
    check(page, 3)


def right_and_wrong(page: Page) -> None:
    choose(page, 3, MULTIPLE_CORRECT[0])
    choose(page, 3, 3)
    check(page, 3)


def revealed_at_once(page: Page) -> None:
    reveal(page, 3)


def all_right(page: Page) -> None:
    for position in MULTIPLE_CORRECT:
        choose(page, 3, position)
    check(page, 3)


def answered_then_retried(page: Page) -> None:
    all_right(page)
    quiz(page, 3).locator(".quiz__retry").click()


ANSWERS: dict[str, Callable[[Page], None]] = {
    "wrong then revealed": wrong_then_revealed,
    "partly right": partly_right,
    "right and wrong": right_and_wrong,
    "revealed at once": revealed_at_once,
    "all right": all_right,
    "answered then retried": answered_then_retried,
}


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_a_reload_shows_exactly_what_was_shown(
    multi_site: str, sized_context: BrowserContext, answer: Callable[[Page], None]
) -> None:
    page = open_chapter(sized_context, multi_site, "en")
    answer(page)
    before = shown(quiz(page, 3))
    reload(page)
    assert shown(quiz(page, 3)) == before


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_the_other_language_shows_the_same_answer(
    multi_site: str, sized_context: BrowserContext, answer: Callable[[Page], None]
) -> None:
    page = open_chapter(sized_context, multi_site, "zh")
    answer(page)
    chinese = shown(quiz(page, 3))
    english = shown(quiz(open_chapter(sized_context, multi_site, "en"), 3))
    assert without_texts(english) == without_texts(chinese)


def test_answer_in_chinese_shows_in_english(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "zh")
    choose(page, 2, CORRECT[2])
    check(page, 2)
    english = open_chapter(context, site.url, "en")
    assert status(english, 2) == STATUS["en"]["correct"]
    assert quiz(english, 2).locator(".quiz__input").nth(CORRECT[2]).is_checked()
    assert english.locator(".quiz-score__text").text_content() == STATUS["en"]["score"].format(1, 3)


def test_quiz_works_when_storage_refuses_its_keys(site: Site, browser: Any) -> None:
    with watched_context(browser) as (context, _):
        context.add_init_script(DENY_QUIZ_STORAGE)
        page = open_chapter(context, site.url)
        choose(page, 0, CORRECT[0])
        check(page)
        assert status(page) == STATUS["zh"]["correct"]
        reload(page)
        assert status(page) == ""
        assert quiz(page, 0).locator(".quiz__retry").is_hidden()


def saved_keys(site: Site) -> list[str]:
    return re.findall(r'data-quiz-key="([0-9a-f]+)"', site.html(CHAPTERS["zh"]))


def save_for_every_quiz(context: BrowserContext, keys: list[str], value: str) -> None:
    context.add_init_script(
        f"if (location.protocol === 'http:') for (const key of {keys!r}) "
        f"localStorage.setItem('quiz:' + key, {value!r});"
    )


@pytest.mark.parametrize(
    "saved",
    [
        "{not json",
        '"text"',
        "[]",
        "null",
        '{"chosen":[42],"revealed":false}',
        '{"chosen":[0,1],"revealed":false}',
        '{"chosen":[1,1],"revealed":false}',
        '{"chosen":[],"revealed":false}',
        '{"chosen":["1"],"revealed":false}',
        '{"chosen":[1],"revealed":"yes"}',
        '{"s":[42],"r":"correct"}',
    ],
)
def test_damaged_saved_answers_are_ignored(site: Site, context: BrowserContext, saved: str) -> None:
    keys = saved_keys(site)
    save_for_every_quiz(context, keys, saved)
    page = open_chapter(context, site.url)
    assert page.evaluate(f"localStorage.getItem('quiz:{keys[0]}')") == saved
    assert [status(page, n) for n in range(3)] == ["", "", ""]
    assert page.locator(".quiz__input[aria-disabled=true]").count() == 0
    choose(page, 0, CORRECT[0])
    check(page)
    assert status(page) == STATUS["zh"]["correct"]


def test_answers_saved_in_the_earlier_format_still_show(
    site: Site, context: BrowserContext
) -> None:
    save_for_every_quiz(context, saved_keys(site), '{"s":[1],"r":"correct"}')
    page = open_chapter(context, site.url)
    assert [status(page, n) for n in range(3)] == [
        STATUS["zh"]["correct"],
        STATUS["zh"]["incorrect"],
        STATUS["zh"]["correct"],
    ]


def test_score_counts_correct_answers_and_resets(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    score = page.locator(".quiz-score__text")
    assert score.is_visible()
    assert score.text_content() == STATUS["zh"]["score"].format(0, 3)
    choose(page, 0, CORRECT[0])
    check(page, 0)
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    choose(page, 1, 0)
    check(page, 1)
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    reveal(page, 2)
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    page.locator(".quiz-score__reset").click()
    assert score.text_content() == STATUS["zh"]["score"].format(0, 3)
    assert [status(page, n) for n in range(3)] == ["", "", ""]
    reload(page)
    assert [status(page, n) for n in range(3)] == ["", "", ""]
