"""Search in a real browser as readers use it: what they find and what is highlighted, per language.

The queries are the ones marked `test: true` in benchmarks/search_queries.yml (one or more of
each kind); `python -m benchmarks.search_eval` types the whole set.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.search_box import Hit, open_search, read_hits, search, type_query
from benchmarks.search_eval import Query, judge, language_site, load_queries
from tests.helpers.browsing import Watch, close_context, next_frame, watch
from tests.helpers.build import Site, build_site, copy_project, free_port, serve_directory

pytestmark = pytest.mark.browser

BASE = {"zh": "", "en": "en/"}
INDEX = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
TESTED = [query for queries in load_queries().values() for query in queries if query.test]
# Closing punctuation, which a line of text must not begin with.
CLOSING = "，。、；：？！）」』】》〉”’…,.;:?!)]}"
HAN = "[\u4e00-\u9fff]"
RE_BRACKETS_BY_HAN = re.compile(rf"(?<={HAN})\(([^()\n]*)\)|\(([^()\n]*)\)(?={HAN})")
RE_MARK_BY_HAN = re.compile(rf"(?<={HAN})[,:;?]|[,:;?](?={HAN})")
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "「": "“", "」": "”"}
# What the random queries are made of: words, punctuation and lunr's query syntax.
TYPED_PIECES = '后训练 模型 训 token SFT assistants post- “ （ ) * + - ~ ^ : " title: 的 。 ， 1 é'
LINE_STARTS = """() => {
  const starts = []
  for (const article of document.querySelectorAll(".md-search-result__article")) {
    let top = null
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const box = range.getBoundingClientRect()
        if (!box.width)
          continue
        if (top === null || box.top > top + box.height / 2)
          starts.push(node.data.slice(i, i + 8))
        top = box.top
      }
  }
  return starts
}"""


@pytest.fixture
def reader(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    yield page, seen
    close_context(context)


def base_url(site: Site, language: str) -> str:
    return site.url + BASE[language]


def assert_found_first(site: Site, reader: tuple[Any, Watch], query: Query) -> None:
    page, seen = reader
    hits = search(page, base_url(site, query.language), query.text)
    index = site.root / INDEX[query.language]
    verdict = judge(query, language_site(query.language, query.language, site.url, index), hits)
    assert verdict["rank"] == 1, f"{query.text!r}: first hits {[h.location for h in hits[:5]]}"
    assert verdict["false_missing"] == []
    assert seen.problems() == []


@pytest.mark.parametrize("query", TESTED, ids=[f"{q.language}-{q.kind}-{q.text}" for q in TESTED])
def test_query_finds_its_section_first_and_marks_nothing_falsely_missing(
    site: Site, reader: tuple[Any, Watch], query: Query
) -> None:
    assert_found_first(site, reader, query)


# The characters around each mark within the element that holds it: a word ends where its element
# ends (the outline's progress line follows its chapter's link without a space between them).
MARKS_IN_CONTEXT = """() => {
  const marks = document.querySelectorAll("article mark[data-md-highlight]")
  return Array.from(marks, (mark) => {
    const holder = mark.parentElement
    const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT)
    let before = ""
    for (let node = walker.nextNode(); node && node !== mark.firstChild; node = walker.nextNode())
      before += node.data
    const after = holder.textContent.slice(before.length + mark.textContent.length)
    return [before.slice(-1), mark.textContent, after.slice(0, 1)]
  })
}"""


def highlighted_after_clicking(page: Any, hit: Hit) -> list[tuple[str, str, str]]:
    """Click a hit; return each highlighted word on the page with the characters around it."""
    with page.expect_navigation():
        page.click(f'a.md-search-result__link[href="{hit.href}"]')
    page.wait_for_selector("mark[data-md-highlight]", state="attached", timeout=10_000)
    next_frame(page)  # highlight.js unmarks parts of words as soon as the marks are in
    return [tuple(mark) for mark in page.evaluate(MARKS_IN_CONTEXT)]


@pytest.mark.parametrize(
    ("language", "query", "words"),
    [
        ("zh", "后训练", {"后训练"}),
        ("zh", "对话数据", {"对话数据"}),
        ("zh", "后训练流程", {"后训练流程"}),
        ("en", "trained", {"train", "trained", "training"}),
    ],
)
def test_a_clicked_result_highlights_what_was_searched(
    site: Site, reader: tuple[Any, Watch], language: str, query: str, words: set[str]
) -> None:
    page, seen = reader
    hits = search(page, base_url(site, language), query)
    assert hits, f"nothing found for {query!r}"
    marks = highlighted_after_clicking(page, hits[0])
    assert marks
    assert {word.lower() for _, word, _ in marks} <= words
    # A Latin word is marked whole: not the "training" of "pretraining".
    inside_words = [m for m in marks if m[1].isascii() and (m[0].isalnum() or m[2].isalnum())]
    assert inside_words == []
    assert seen.problems() == []


@pytest.mark.parametrize("query", ["后训练", "预训练", "互联网文档", "对话数据"])
def test_snippet_lines_never_start_with_closing_punctuation(
    site: Site, browser: Any, query: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    hits = search(page, base_url(site, "zh"), query)
    starts = page.evaluate(LINE_STARTS)
    close_context(context)
    assert hits
    assert [start for start in starts if start[0] in CLOSING] == []
    assert not [hit for hit in hits if "\u200b" in hit.snippet]


@pytest.mark.parametrize(
    ("language", "start", "query"),
    [
        ("zh", "index.html", "pretraining"),
        ("zh", "post-training.html", "base模型"),
        ("en", "index.html", "tokens"),
        ("en", "post-training.html", "conversations"),
        ("en", "404.html", "assistants"),
    ],
)
def test_results_come_from_the_language_being_read_only(
    site: Site, reader: tuple[Any, Watch], language: str, start: str, query: str
) -> None:
    page, seen = reader
    search(page, base_url(site, language), query, start)
    links = page.locator("a.md-search-result__link").evaluate_all("ls => ls.map(l => l.href)")
    assert links
    other = [link for link in links if link.startswith(site.url + "en/") != (language == "en")]
    assert other == []
    assert seen.problems() == []


def test_any_typed_text_gets_an_answer(site: Site, reader: tuple[Any, Watch]) -> None:
    """Random mixes of Chinese, Latin, punctuation and lunr's syntax: no error, always a reply."""
    page, seen = reader
    pieces = [*TYPED_PIECES.split(), " ", "  "]
    generator = random.Random(20261201)
    for language in ("zh", "en"):
        placeholder = open_search(page, base_url(site, language) + "index.html")
        for _ in range(40):
            typed = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 6)))
            if typed.strip():
                type_query(page, typed, placeholder)
                read_hits(page, base_url(site, language))
    assert seen.problems() == []


def full_width(markdown: str) -> str:
    """Return Chinese Markdown with full-width punctuation next to Chinese text, “” quotes."""
    text = RE_BRACKETS_BY_HAN.sub(lambda m: f"（{m.group(1) or m.group(2)}）", markdown)
    text = RE_MARK_BY_HAN.sub(lambda m: FULL_WIDTH[m.group(0)], text)
    return text.replace("「", FULL_WIDTH["「"]).replace("」", FULL_WIDTH["」"])


@pytest.fixture(scope="module")
def full_width_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site with the Chinese pages' punctuation full-width, as the house style has it."""
    project = copy_project(tmp_path_factory.mktemp("full-width"))
    for page in (project / "docs" / "zh").glob("*.md"):
        page.write_text(full_width(page.read_text(encoding="utf-8")), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    records = build_site(project, project / "site", url, strict=True)
    with serve_directory(project / "site", port):
        yield Site(root=project / "site", url=url, log=records)


CHINESE_TESTED = [query for query in TESTED if query.language == "zh"]


@pytest.mark.parametrize("query", CHINESE_TESTED, ids=[q.text for q in CHINESE_TESTED])
def test_chinese_queries_find_the_same_with_full_width_punctuation(
    full_width_site: Site, reader: tuple[Any, Watch], query: Query
) -> None:
    assert "（post-training）" in full_width_site.html("post-training.html")
    assert_found_first(full_width_site, reader, query)


@pytest.fixture
def site_with_changed_upstream(site: Site, tmp_path: Path) -> Iterator[str]:
    """The built site, with Material's worker changed to listen with `onmessage` instead."""
    root = tmp_path / "site"
    shutil.copytree(site.root, root)
    (worker,) = (root / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    source = worker.read_text(encoding="utf-8")
    assert 'addEventListener("message",' in source
    worker.write_text(source.replace('addEventListener("message",', "(self.onmessage="))
    port = free_port()
    with serve_directory(root, port) as url:
        yield url


def test_search_works_with_material_alone_when_its_worker_changed(
    site_with_changed_upstream: str, reader: tuple[Any, Watch]
) -> None:
    page, seen = reader
    hits = search(page, site_with_changed_upstream + "en/", "model")
    assert [hit for hit in hits if hit.location.startswith("post-training.html")]
    assert any("searching with Material's worker alone" in e for e in seen.console_errors)
