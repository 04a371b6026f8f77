"""Type into Material's search box in a browser and read the results as a reader sees them.

Used by `benchmarks.search_eval` and by the browser tests, with a Playwright page.

A result list is a group per page: the page's title, the sections that matched best, each with
a snippet, and "N more on this page", folded. A *hit* is a result the reader sees with its
snippet, in the order shown: a page title shown without a snippet only heads its group, and
folded sections are not seen until unfolded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

TIMEOUT_MS = 15_000
READ_ENTRIES = """() => {
  const parts = article => [...article.childNodes].filter(node =>
    !(node.matches?.("h1, h2, .md-search-result__icon, .md-search-result__terms, nav")))
  return [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
    .map(link => {
      const article = link.querySelector("article")
      return {
        href: link.href,
        score: parseFloat(article.dataset.mdScore),
        seen: !link.closest("details:not([open])"),
        snippet: parts(article).map(node => node.textContent).join("").trim(),
        title: article.querySelector("h1, h2")?.textContent ?? "",
        missing: [...article.querySelectorAll(".md-search-result__terms del")]
          .map(term => term.textContent)
      }
    })
}"""
META_IS = """([expected, equal]) => {
  const meta = document.querySelector(".md-search-result__meta")
  return meta && (meta.textContent.trim() === expected) === equal
}"""


@dataclass(frozen=True)
class Hit:
    """A result the reader sees with its snippet."""

    location: str
    title: str
    snippet: str
    missing: tuple[str, ...]
    href: str


def open_search(page: Any, url: str) -> str:
    """Open `url` and wait until its search is ready; return the search box's placeholder text."""
    page.goto(url)
    config = json.loads(page.locator("#__config").text_content())
    placeholder = str(config["translations"]["search.result.placeholder"])
    button = page.locator(".md-header label.md-header__button[for=__search]")
    if button.is_visible():  # a phone: the search box opens from the header's button
        button.click()
    else:
        page.click("input.md-search__input")
    page.wait_for_function(META_IS, arg=[placeholder, True], timeout=TIMEOUT_MS)
    return placeholder


def type_query(page: Any, query: str, placeholder: str) -> None:
    """Type `query` into the (open) search box, as a reader does, and wait for its results."""
    _enter(page, "")
    page.wait_for_function(META_IS, arg=[placeholder, True], timeout=TIMEOUT_MS)
    _enter(page, query)
    page.wait_for_function(META_IS, arg=[placeholder, False], timeout=TIMEOUT_MS)


def _enter(page: Any, text: str) -> None:
    page.fill("input.md-search__input", text)
    page.keyboard.press("End")  # Material searches on key events


def read_hits(page: Any, base_url: str) -> list[Hit]:
    """Return the hits shown, in order, with locations relative to the language's `base_url`."""
    base = urlsplit(base_url).path
    hits = []
    for entry in page.evaluate(READ_ENTRIES):
        if not entry["seen"] or not entry["snippet"]:
            continue
        parts = urlsplit(entry["href"])
        location = unquote(parts.path).removeprefix(base)
        if parts.fragment:
            location += "#" + unquote(parts.fragment)
        missing = tuple(entry["missing"])
        hits.append(Hit(location, entry["title"], entry["snippet"], missing, entry["href"]))
    return hits


def search(page: Any, base_url: str, query: str, start: str = "index.html") -> list[Hit]:
    """Open a page of the language (its home page), type `query` and return the hits."""
    placeholder = open_search(page, base_url + start)
    type_query(page, query, placeholder)
    return read_hits(page, base_url)
