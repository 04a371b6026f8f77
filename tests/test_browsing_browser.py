"""The browser helpers every browser test relies on."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.browsing import close_context

pytestmark = pytest.mark.browser


class _HeldAnswers(http.server.BaseHTTPRequestHandler):
    """Answer `/` at once and `/held` only once `release` is set."""

    release = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/held":
            self.release.wait(timeout=30)
        body = b"<!doctype html><title>held</title>"
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the browser gave up on the request

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def holding_host() -> Iterator[str]:
    """A local host that holds its answer to `/held` until the test is over."""
    _HeldAnswers.release.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HeldAnswers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        _HeldAnswers.release.set()
        server.shutdown()
        server.server_close()


class LateRouteError(RuntimeError):
    """A route handler failed after its context closed."""


def test_a_request_still_in_flight_when_a_test_ends_does_not_fail_the_next(
    browser: Any, holding_host: str
) -> None:
    # The CI failure this guards against: a page's late request was still being answered by a
    # route handler when its test closed the context; the handler then failed, and Playwright
    # raised that from the next test's first call.
    context = browser.new_context()
    handling: list[str] = []

    def answer(route: Any) -> None:
        handling.append(route.request.url)
        try:
            route.fulfill(response=route.fetch())
        except Exception as error:
            raise LateRouteError(route.request.url) from error

    context.route("**/held", answer)
    page = context.new_page()
    page.goto(holding_host)
    page.evaluate("() => { fetch('/held'); }")
    while not handling:  # the handler is waiting for the held answer
        page.wait_for_timeout(10)

    close_context(context)

    next_context = browser.new_context()  # where the handler's failure would be raised
    next_context.new_page().goto(holding_host)
    close_context(next_context)
    assert context.pages == []
