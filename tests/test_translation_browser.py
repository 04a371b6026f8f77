"""The outdated-translation notice in a real browser: visible, its links land, print hides it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest

from tests.helpers.browsing import Watch, axe_violations, close_context, open_settled, watch
from tests.helpers.build import Site, build_site, free_port, serve_directory
from tests.helpers.translations import EN_SECTION, READING_ANCHOR, ZH_ANCHOR, drifted_project

pytestmark = pytest.mark.browser

NOTICE = ".translation-outdated"
# (translation page, its notice's section link, the original's page and anchor)
DIRECTIONS = [
    ("en/post-training.html", EN_SECTION, "post-training.html", ZH_ANCHOR),
    ("reading.html", "论文", "en/reading.html", READING_ANCHOR),
]


@pytest.fixture(scope="module")
def drifted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = drifted_project(tmp_path_factory.mktemp("drifted"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    records = build_site(project, project / "site", url)
    with serve_directory(project / "site", port):
        yield Site(root=project / "site", url=url, log=records)


@pytest.fixture
def reader(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    seen = watch(page)
    yield page, seen
    close_context(context)


@pytest.mark.parametrize(("path", "link", "original", "anchor"), DIRECTIONS)
def test_the_notice_links_land_on_the_original_section(
    drifted_site: Site,
    reader: tuple[Any, Watch],
    path: str,
    link: str,
    original: str,
    anchor: str,
) -> None:
    page, seen = reader
    page.goto(drifted_site.url + path)
    notice = page.locator(NOTICE)
    assert notice.is_visible()
    assert notice.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
    with page.expect_navigation():
        notice.get_by_role("link", name=link).click()
    assert unquote(page.url) == f"{drifted_site.url}{original}#{anchor}"
    heading = page.locator(f'[id="{anchor}"]')
    box = heading.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["height"] <= box["y"] < 844 - box["height"], "the heading is in view"
    assert page.locator(NOTICE).count() == 0, "the original has no notice"
    assert seen.problems() == []


@pytest.mark.parametrize("path", [path for path, *_ in DIRECTIONS])
def test_a_printed_page_leaves_the_notice_out(
    drifted_site: Site, reader: tuple[Any, Watch], path: str
) -> None:
    page, _ = reader
    page.goto(drifted_site.url + path)
    assert page.locator(NOTICE).is_visible()
    page.emulate_media(media="print")
    assert page.locator(NOTICE).is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [path for path, *_ in DIRECTIONS])
def test_axe_finds_no_violations_with_the_notice(
    drifted_site: Site, reader: tuple[Any, Watch], path: str, scheme: str
) -> None:
    page, seen = reader
    page.emulate_media(color_scheme=scheme)
    open_settled(page, drifted_site.url + path)
    assert page.locator(NOTICE).is_visible()
    assert axe_violations(page) == []
    assert seen.problems() == []
