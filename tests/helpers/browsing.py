"""Open pages the way a reader does, while recording anything that goes wrong."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LOCAL_HOSTS = ("127.0.0.1", "localhost")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def browser_executable() -> str | None:
    """Return the browser to drive: $CHROME_PATH, Debian's Chromium, or Playwright's own."""
    configured = os.environ.get("CHROME_PATH")
    if configured:
        return configured
    return next((path for path in BROWSER_CANDIDATES if Path(path).exists()), None)


@dataclass
class Watch:
    """What went wrong while pages were open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Return every problem seen, labelled."""
        return (
            [f"console: {m}" for m in self.console_errors]
            + [f"uncaught: {m}" for m in self.page_errors]
            + [f"failed: {u}" for u in self.failed]
            + [f"other host: {u}" for u in self.offsite]
        )


def watch(page: Any, origin: str | None = None) -> Watch:
    """Abort requests to other hosts and record errors and failed requests of one page.

    With `origin` (`http://127.0.0.1:8123`, or a URL on it), any other origin is another host,
    even one on this machine: another port, another name for the same address.
    """
    seen = Watch()
    page.route("**/*", _router(seen, _origin(origin) if origin else None))
    _listen(page, seen)
    return seen


def serve_as(context: Any, address: str, local: str) -> None:
    """Answer a context's requests under `address` (a published URL) from the `local` URL."""

    def answer(route: Any) -> None:
        url = route.request.url
        route.fulfill(response=route.fetch(url=local + url[len(address) :]))

    context.route(f"{address}**", answer)


def close_context(context: Any) -> None:
    """Close a browser context once a test is done with it.

    A page may still be loading something when its test ends (a late fetch of its scripts). The
    route handler answering it then fails on the closed context, and Playwright raises that
    failure from its next call: in the next test. Unrouting first, ignoring such failures, is
    what Playwright recommends for a route still in flight at the end of a test.
    """
    for page in context.pages:
        page.unroute_all(behavior="ignoreErrors")
    context.unroute_all(behavior="ignoreErrors")
    context.close()


@contextlib.contextmanager
def watched_context(
    browser: Any, *, clean: bool = True, **options: Any
) -> Iterator[tuple[Any, Watch]]:
    """Open a browser context that reaches only this machine and records every problem.

    With `clean`, the context must close without any problem seen on any of its pages.
    """
    context = browser.new_context(**options)
    seen = Watch()
    context.route("**/*", _router(seen))
    context.on("page", lambda page: _listen(page, seen))
    try:
        yield context, seen
        if clean:
            assert seen.problems() == [], seen.problems()
    finally:
        close_context(context)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _router(seen: Watch, origin: str | None = None) -> Callable[[Any], None]:
    def route(request_route: Any) -> None:
        url = request_route.request.url
        if origin is None:
            own = (urlsplit(url).hostname or "") in LOCAL_HOSTS
        else:
            own = _origin(url) == origin
        if url.startswith(("data:", "blob:")) or own:
            request_route.fallback()  # to the network, or to a context's `serve_as`
        else:
            seen.offsite.append(url)
            request_route.abort()

    return route


def _listen(page: Any, seen: Watch) -> None:
    page.on("request", lambda r: seen.requested.append(r.url))
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: _failed(seen, r))
    page.on("response", lambda r: r.status >= 400 and seen.failed.append(f"{r.url} ({r.status})"))


def _failed(seen: Watch, request: Any) -> None:
    # Leaving a page cancels what it was still loading (ERR_ABORTED): not a failure of the site,
    # unless it was a request to another host, which `route` aborts and records itself.
    if request.failure != "net::ERR_ABORTED":
        seen.failed.append(f"{request.url} ({request.failure})")


def search(page: Any, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links."""
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    links: list[str] = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return links


def axe_violations(page: Any) -> list[str]:
    """Run axe on the page as it is; return each violation as `rule: element`."""
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{violation['id']}: {' '.join(node['target'])}"
        for violation in Axe().run(page).response["violations"]
        for node in violation["nodes"]
    ]


def switch_language(page: Any, language: str) -> None:
    """Open the header's language menu and pick a language."""
    page.hover(".md-header .md-select")
    with page.expect_navigation():
        page.click(f'.md-header a.md-select__link[hreflang="{language}"]')


# What a page's scripts load on their own after the page itself: the search index and the
# search worker's last script (the site's worker loads Material's, then site-search.js).
SEARCH_LOADS = ("search/search_index.json", "search/site-search.js")


def open_settled(page: Any, url: str, *, search: bool = True) -> None:
    """Open a page and wait until it has loaded, its search index and search worker too."""
    with settled(page, *(SEARCH_LOADS if search else ())):
        page.goto(url)


@contextlib.contextmanager
def settled(page: Any, *loads: str) -> Iterator[None]:
    """After the block, wait for the responses to the URLs ending so (the page the block opens
    loads them on its own, after the page itself)."""
    with contextlib.ExitStack() as waiting:
        for name in loads:
            waiting.enter_context(page.expect_response(_ends_with(name)))
        yield


def _ends_with(name: str) -> Callable[[Any], bool]:
    return lambda response: response.url.split("?")[0].endswith(name)


def next_frame(page: Any) -> None:
    """Wait until the page has drawn a frame and run what it queued for after it."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
