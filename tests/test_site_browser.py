"""The site in a real browser: language switcher, search, no other hosts, no errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.browsing import (
    Watch,
    axe_violations,
    close_context,
    next_frame,
    open_settled,
    search,
    switch_language,
    watch,
)
from tests.helpers.build import Site
from tests.helpers.pages import SITE_PAGES

pytestmark = pytest.mark.browser

ALL_PAGES = SITE_PAGES


@pytest.fixture
def reader(site: Site, browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    yield page, seen
    close_context(context)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_errors_and_requests_only_its_own_host(
    site: Site, reader: tuple[Any, Watch], path: str
) -> None:
    page, seen = reader
    open_settled(page, site.url + path)
    page.hover(".md-header .md-select")  # what opening the language selector does counts too
    next_frame(page)
    assert seen.problems() == []


def test_switcher_keeps_the_chapter(site: Site, reader: tuple[Any, Watch]) -> None:
    page, seen = reader
    page.goto(site.url + "post-training.html")
    switch_language(page, "en")
    assert page.url == site.url + "en/post-training.html"
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "zh")
    assert page.url == site.url + "post-training.html"
    assert seen.problems() == []


def test_switcher_after_navigating_inside_the_site(site: Site, reader: tuple[Any, Watch]) -> None:
    page, seen = reader
    page.goto(site.url + "index.html")
    with page.expect_navigation():
        page.click('article a[href="post-training.html"]')
    switch_language(page, "en")
    assert page.url == site.url + "en/post-training.html"
    with page.expect_navigation():
        page.click(".md-header__button.md-logo")
    assert page.url.rstrip("/") in (site.url + "en/index.html", site.url + "en")
    switch_language(page, "zh")
    assert page.url in (site.url + "index.html", site.url)
    assert seen.problems() == []


@pytest.mark.parametrize("query", ["后训练", "训练", "预训练"])
def test_chinese_search_finds_the_chapter(
    site: Site, reader: tuple[Any, Watch], query: str
) -> None:
    page, seen = reader
    page.goto(site.url + "index.html")
    links = search(page, query)
    assert any(link.startswith(site.url + "post-training.html") for link in links)
    assert not [link for link in links if link.startswith(site.url + "en/")]
    assert seen.problems() == []


def test_english_search_finds_only_english_pages(site: Site, reader: tuple[Any, Watch]) -> None:
    page, seen = reader
    page.goto(site.url + "en/index.html")
    links = search(page, "post-training")
    assert any(link.startswith(site.url + "en/post-training.html") for link in links)
    assert all(link.startswith(site.url + "en/") for link in links)
    assert seen.problems() == []


def test_palette_toggle_switches_to_dark(site: Site, reader: tuple[Any, Watch]) -> None:
    page, seen = reader
    page.emulate_media(color_scheme="light")
    page.goto(site.url + "post-training.html")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    # The toggle cycles: system preference → light → dark.
    schemes = []
    for _ in range(3):
        page.click("form[data-md-component=palette] label:visible")
        schemes.append(page.evaluate(scheme))
    assert schemes == ["default", "slate", "default"]
    assert seen.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_finds_no_violations(
    site: Site, reader: tuple[Any, Watch], path: str, scheme: str
) -> None:
    page, seen = reader
    page.emulate_media(color_scheme=scheme)
    open_settled(page, site.url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    assert axe_violations(page) == []
    assert seen.problems() == []
