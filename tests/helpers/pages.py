"""Read built pages: visible text of the article, links and meta tags."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Every page of the built site, in both languages.
SITE_PAGES = [
    "index.html",
    "post-training.html",
    "404.html",
    "en/index.html",
    "en/post-training.html",
    "en/404.html",
]
# Each language's home page.
HOMES = {"zh": "index.html", "en": "en/index.html"}
RE_ARTICLE = re.compile(
    r'<article class="md-content__inner[^"]*">(?P<body>.*?)</article>', re.DOTALL
)
RE_TAG = re.compile(r"<[^>]+>")
RE_SPACE = re.compile(r"\s+")


def article_text(page: str) -> str:
    """Return the visible text of a page's article, with white space collapsed."""
    match = RE_ARTICLE.search(page)
    assert match, "no <article> in page"
    return RE_SPACE.sub(" ", html.unescape(RE_TAG.sub(" ", match.group("body"))))


def article_text_joined(page: str) -> str:
    """Return the article's text with tags removed but nothing inserted in their place."""
    match = RE_ARTICLE.search(page)
    assert match, "no <article> in page"
    return RE_SPACE.sub(" ", html.unescape(RE_TAG.sub("", match.group("body"))))


class Tags(HTMLParser):
    """Collect every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def tags(page: str, name: str | None = None) -> list[dict[str, str]]:
    """Return the attributes of every tag (of one name) in a page."""
    parser = Tags()
    parser.feed(page)
    return [attrs for tag, attrs in parser.tags if name is None or tag == name]


RE_OPTIONS = re.compile(r'<ul class="quiz__options">(?P<items>.*?)</ul>', re.DOTALL)
RE_OPTION = re.compile(
    r'<li\b[^>]*>(?P<text>.*?)(?:<(?:p|div) class="quiz__feedback"|</li>)', re.DOTALL
)


def option_texts(page: str) -> list[list[str]]:
    """Return each widget's option texts as the server wrote them, without their feedback."""
    return [
        [
            RE_SPACE.sub(" ", html.unescape(RE_TAG.sub("", option.group("text")))).strip()
            for option in RE_OPTION.finditer(options.group("items"))
        ]
        for options in RE_OPTIONS.finditer(page)
    ]


READER_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


class _ReaderText(HTMLParser):
    """Collect what readers see or hear: text outside scripts and styles, and the attributes
    that give names (titles, labels, alternatives, placeholders) and the description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        self.parts += [found[name] or "" for name in READER_ATTRIBUTES if found.get(name)]
        if tag == "meta" and found.get("name") == "description":
            self.parts.append(found.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """Return every text a reader of the page sees or hears, one piece per line."""
    parser = _ReaderText()
    parser.feed(page)
    return "\n".join(" ".join(part.split()) for part in parser.parts if part.strip())
