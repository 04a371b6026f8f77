"""A reader switches language on a build served anywhere: another port, a sub-path, its address."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers.browsing import (
    SEARCH_LOADS,
    Watch,
    close_context,
    serve_as,
    settled,
    switch_language,
    watch,
)
from tests.helpers.build import DEFAULT_SITE_URL, PUBLISHED_URL, Site, free_port, serve_directory
from tests.helpers.pages import HOMES

pytestmark = pytest.mark.browser

# Each page and its translation.
SWITCHES = {
    "chapter": ("post-training.html", "en/post-training.html"),
    "home": ("index.html", "en/index.html"),
}
# Missing paths, deeper than any page, and the language of the 404 page a host serves there.
MISSING = {"zh": "gone/deeper/page.html", "en": "en/gone/deeper/page.html"}
NOT_FOUND_CONSOLE = (
    "console: Failed to load resource: the server responded with a status of 404 (Not Found)"
)


@dataclass
class Host:
    """Where a reader opens a build: `url`, answered by a local server at `local`."""

    url: str
    local: str


@contextlib.contextmanager
def hosted(site: Site, folder: str, tmp_path: Path) -> Iterator[str]:
    """Serve a build at `folder` (`""`, `"course/"`) of a local server; yield the site's URL."""
    parent = tmp_path / "host"
    shutil.copytree(site.root, parent / folder)
    port = free_port()
    assert f":{port}/" not in DEFAULT_SITE_URL
    with serve_directory(parent, port) as url:
        yield url + folder


@pytest.fixture(scope="module", params=["other-port", "sub-path", "published"])
def host(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Host]:
    """The default build on another port than its site_url's, or under a sub-path; or the
    published build, at its own address (which the browser gets from a local server)."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    if request.param == "published":
        folder = urlsplit(PUBLISHED_URL).path.lstrip("/")
        with hosted(request.getfixturevalue("published_site"), folder, tmp_path) as local:
            yield Host(PUBLISHED_URL, local)
        return
    folder = "" if request.param == "other-port" else "course/"
    with hosted(request.getfixturevalue("default_site"), folder, tmp_path) as local:
        yield Host(local, local)


@contextlib.contextmanager
def reader_at(browser: Any, where: Host) -> Iterator[tuple[Any, Watch]]:
    """Open a page that may reach only the origin the site is served from."""
    context = browser.new_context()
    if where.local != where.url:
        serve_as(context, where.url, where.local)
    page = context.new_page()
    try:
        yield page, watch(page, origin=where.url)
    finally:
        close_context(context)


def loads(host: Host) -> tuple[str, ...]:
    """Return what a page loads on its own: search; on the published site, Material's sitemaps."""
    sitemaps = ("/en/sitemap.xml", "/llm/sitemap.xml") if host.url == PUBLISHED_URL else ()
    return (*SEARCH_LOADS, *sitemaps)


@pytest.mark.parametrize("name", SWITCHES)
def test_switcher_keeps_the_page_wherever_the_site_is_served(
    browser: Any, host: Host, name: str
) -> None:
    chinese, english = SWITCHES[name]
    with reader_at(browser, host) as (page, seen):
        with settled(page, *loads(host)):
            page.goto(host.url + chinese)
        with settled(page, *loads(host)):
            switch_language(page, "en")
        assert page.url == host.url + english
        assert page.locator("html").get_attribute("lang") == "en"
        with settled(page, *loads(host)):
            switch_language(page, "zh")
        assert page.url == host.url + chinese
        assert page.locator("html").get_attribute("lang") == "zh"
        assert seen.problems() == []


# The default build under a sub-path is left out: its 404 page, like MkDocs' own, is built for
# site_url's path (README, "Publishing").
@pytest.mark.parametrize("host", ["other-port", "published"], indirect=True)
@pytest.mark.parametrize(("language", "other"), [("zh", "en"), ("en", "zh")])
def test_404_page_at_any_depth_leads_to_both_homes(
    browser: Any, host: Host, language: str, other: str
) -> None:
    missing = host.url + MISSING[language]
    with reader_at(browser, host) as (page, seen):
        with settled(page, *SEARCH_LOADS):  # a 404 page names no translation (no hreflang)
            response = page.goto(missing)
        assert response is not None
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("link[rel=stylesheet]").first.evaluate("link => !!link.sheet")
        links = page.locator("article a[hreflang]").evaluate_all("links => links.map(a => a.href)")
        assert links == [host.url + HOMES["zh"], host.url + HOMES["en"]]
        with settled(page, *loads(host)):
            switch_language(page, other)
        assert page.url == host.url + HOMES[other]
        # Only the page itself is missing: what a host answers for a missing path, which
        # Chromium also reports on the console.
        assert sorted(seen.problems()) == [NOT_FOUND_CONSOLE, f"failed: {missing} (404)"]


@pytest.mark.parametrize("host", ["published"], indirect=True)
def test_published_site_answers_material_sitemap_lookups(browser: Any, host: Host) -> None:
    """What hooks/language_links.py relies on: Material asks for sitemap.xml next to each
    hreflang link, and the published site has one there, as every page sits flat in its folder."""
    with reader_at(browser, host) as (page, seen):
        for path in (*SWITCHES["chapter"], *SWITCHES["home"]):
            with settled(page, *loads(host)):
                page.goto(host.url + path)
        sitemaps = sorted({url for url in seen.requested if url.endswith("sitemap.xml")})
        assert sitemaps == [PUBLISHED_URL + "en/sitemap.xml", PUBLISHED_URL + "sitemap.xml"]
        assert seen.problems() == []
