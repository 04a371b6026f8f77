"""Every page where the reader blocks site data, or the browser holds damaged saved values."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.browsing import watched_context
from tests.helpers.build import Site
from tests.helpers.pages import SITE_PAGES
from tests.helpers.quiz_pages import CHAPTERS, CORRECT, STATUS, check, choose, quiz, status
from tests.helpers.storage import NO_STORAGE

pytestmark = pytest.mark.browser

# Values that are not JSON under the theme's own keys (palette, tabs, announcement, consent)
# and under a quiz's key; the theme keys them by the site's root path.
DAMAGED_THEME_VALUES = """
if (location.protocol === 'http:') {
  for (const name of ['__palette', '__tabs', '__announce', '__consent']) {
    localStorage.setItem('/.' + name, '{not json');
  }
}
"""
PALETTE = "form[data-md-component=palette] label:visible"


@pytest.mark.parametrize("storage", [NO_STORAGE, DAMAGED_THEME_VALUES], ids=["blocked", "damaged"])
@pytest.mark.parametrize("path", SITE_PAGES)
def test_storage_blocked_or_damaged_throws_nothing(
    site: Site, browser: Any, path: str, storage: str
) -> None:
    with watched_context(browser) as (context, seen):
        context.add_init_script(storage)
        page = context.new_page()
        page.goto(site.url + path)
        page.locator(PALETTE).click()  # the theme saves the palette: not possible when blocked
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
        assert seen.problems() == []


@pytest.mark.parametrize("language", CHAPTERS)
def test_quizzes_work_without_saving_when_storage_is_blocked(
    site: Site, browser: Any, language: str
) -> None:
    with watched_context(browser) as (context, _):
        context.add_init_script(NO_STORAGE)
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        page.wait_for_selector(".quiz[data-quiz-ready]")
        choose(page, 0, CORRECT[0])
        check(page)
        assert status(page) == STATUS[language]["correct"]
        score = page.locator(".quiz-score__text").text_content()
        assert score == STATUS[language]["score"].format(1, 3)
        assert quiz(page, 0).get_attribute("data-quiz-state") == "correct"
