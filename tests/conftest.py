"""Shared fixtures: the project's site built strictly and served locally, and a real browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.browsing import CHROMIUM_ARGS, Watch, browser_executable, watched_context
from tests.helpers.build import (
    DEFAULT_SITE_URL,
    PUBLISHED_URL,
    ROOT,
    Site,
    build_site,
    free_port,
    serve_directory,
)
from tests.helpers.quiz_pages import (
    VIEWPORTS,
    add_multiple_quiz,
    serve_copy,
    turn_on_instant_navigation,
)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The project's own site, built strictly once per session and served locally."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    root = tmp_path_factory.mktemp("site")
    records = build_site(ROOT, root, url, strict=True)
    with serve_directory(root, port):
        yield Site(root=root, url=url, log=records)


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The project built as `make build` builds it, without SITE_URL; not served."""
    root = tmp_path_factory.mktemp("default-site")
    records = build_site(ROOT, root, None, strict=True)
    return Site(root=root, url=DEFAULT_SITE_URL, log=records)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The project built for its publication at PUBLISHED_URL (another host, under a path)."""
    root = tmp_path_factory.mktemp("published-site")
    records = build_site(ROOT, root, PUBLISHED_URL, strict=True)
    return Site(root=root, url=PUBLISHED_URL, log=records)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium; missing it skips locally and fails in CI (CI=true)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:  # pragma: no cover
        _missing_browser("Playwright for Python is not installed (run `make test`).")
    executable = browser_executable()
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
        except Error as error:
            _missing_browser(
                f"No Chromium could be started ({error.message.splitlines()[0]}). Install Debian's "
                "`chromium` or set CHROME_PATH to a Chromium or Chrome binary."
            )
        yield launched
        launched.close()


def _missing_browser(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def watch_context(browser: Any) -> Iterator[tuple[Any, Watch]]:
    """A browser context that reaches only this machine; it must close without any problem."""
    with watched_context(browser) as pair:
        yield pair


@pytest.fixture
def context(watch_context: tuple[Any, Watch]) -> Any:
    """The browser context of `watch_context`."""
    return watch_context[0]


@pytest.fixture(params=VIEWPORTS, ids=list(VIEWPORTS))
def sized_context(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A watched browser context at each size readers use: a phone's and a desktop's."""
    with watched_context(browser, **VIEWPORTS[request.param]) as (context, _):
        yield context


@pytest.fixture(scope="session")
def multi_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a fourth, multiple-choice quiz at the end of each chapter; its URL."""
    yield from serve_copy(tmp_path_factory, "multi", add_multiple_quiz)


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with Material's instant navigation; its URL."""
    # Not strict: static-i18n warns that its language switcher ignores instant navigation.
    yield from serve_copy(tmp_path_factory, "instant", turn_on_instant_navigation, strict=False)
