"""How every page reads in a real Chromium: its language, Chinese type, the figure, the icons."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.helpers.browsing import watched_context
from tests.helpers.build import Site
from tests.helpers.pages import SITE_PAGES
from tests.helpers.pixels import contrast, luminance, pixels

pytestmark = pytest.mark.browser

CHAPTERS = {"zh": "post-training.html", "en": "en/post-training.html"}
FIGURES = {"zh": "img/two-stages.svg", "en": "en/img/two-stages.svg"}
# Words of the course that Chinese pages use as they are, and names written in their language.
COURSE_TERMS = {
    "token", "tokens", "base", "ChatGPT", "LLM", "SFT", "RLHF", "pretraining", "post-training",
    "vs", "Enter", "English", "MkDocs",
}  # fmt: skip
# Every text of the page a reader sees or a screen reader reads, with the language it is in:
# text nodes, names (aria-label, title, alt, placeholder) and the document's title. Text in an
# element with a lang of its own is that language's; code is no language.
READER_TEXTS = """
() => {
  const texts = [[document.title, document.documentElement.lang]];
  const language = element => element.closest('[lang]')?.getAttribute('lang') ?? '';
  const skipped = element => element.closest('script, style, code, pre, noscript, template');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skipped(parent) || !node.textContent.trim()) continue;
    texts.push([node.textContent.trim(), language(parent)]);
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value && value.trim()) texts.push([value.trim(), language(element)]);
    }
  }
  return texts;
}
"""
RE_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
RE_CJK = re.compile("[\u3400-\u9fff]")
# Elements with Chinese text of their own, and how the browser styles them.
CHINESE_STYLES = """
() => {
  const seen = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !/[\\u3400-\\u9fff]/.test(node.textContent)) continue;
    const style = getComputedStyle(parent);
    seen.set(parent, [parent.tagName.toLowerCase(), style.fontStyle, node.textContent.trim()]);
  }
  return [...seen.values()];
}
"""
# Each text of an SVG figure: its colour and that of the last shape painted under its middle.
SVG_TEXT_COLOURS = """
() => {
  const shapes = [...document.querySelectorAll('rect')];
  return [...document.querySelectorAll('text')].map(text => {
    const box = text.getBBox(), x = box.x + box.width / 2, y = box.y + box.height / 2;
    const under = shapes.filter(shape => {
      const b = shape.getBBox();
      return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
    }).pop();
    return [text.textContent, getComputedStyle(text).fill, getComputedStyle(under).fill];
  });
}
"""


def rgb(value: str) -> tuple[int, int, int]:
    red, green, blue = (int(part) for part in re.findall(r"\d+", value)[:3])
    return red, green, blue


def foreign_texts(texts: list[list[str]], language: str) -> list[str]:
    """Return the texts that are not in the page's language (course terms allowed)."""
    found = []
    for text, lang in texts:
        if lang and not lang.startswith(language):
            continue  # marked as another language, as it is
        if language == "zh":
            words = [w for w in RE_LATIN_WORD.findall(text) if w not in COURSE_TERMS]
            if (words and not RE_CJK.search(text)) or len(words) > 2:
                found.append(text)
        elif RE_CJK.search(text) and text != "中文":
            found.append(text)
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", SITE_PAGES)
def test_every_text_a_reader_meets_speaks_the_page_language(
    site: Site, browser: Any, path: str, scheme: str
) -> None:
    language = "en" if path.startswith("en/") else "zh"
    with watched_context(browser, color_scheme=scheme) as (context, _):
        page = context.new_page()
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == language
        assert foreign_texts(page.evaluate(READER_TEXTS), language) == []


@pytest.mark.parametrize("path", [p for p in SITE_PAGES if not p.startswith("en/")])
def test_no_chinese_text_is_slanted(site: Site, browser: Any, path: str) -> None:
    with watched_context(browser) as (context, _):
        page = context.new_page()
        page.goto(site.url + path)
        styles = page.evaluate(CHINESE_STYLES)
        assert styles, "the page has Chinese text"
        assert [s for s in styles if s[1] != "normal"] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", CHAPTERS)
def test_the_figure_follows_the_palette(
    site: Site, browser: Any, language: str, scheme: str
) -> None:
    with watched_context(browser, color_scheme=scheme) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        figure = page.locator("figure img")
        figure.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=figure.element_handle())
        background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
        drawn = Counter(pixels(figure.screenshot())).most_common(1)[0][0]
        # Mostly the colour of the page around it, not a bright panel in the dark.
        assert (luminance(drawn) > 0.5) is (scheme == "light")
        assert contrast(drawn, background) < 1.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", FIGURES)
def test_the_figure_text_keeps_its_contrast(
    site: Site, browser: Any, language: str, scheme: str
) -> None:
    with watched_context(browser, color_scheme=scheme) as (context, _):
        page = context.new_page()
        page.goto(site.url + FIGURES[language])
        colours = page.evaluate(SVG_TEXT_COLOURS)
        assert len(colours) >= 10
        low = [(text, contrast(rgb(fill), rgb(under))) for text, fill, under in colours]
        assert [(text, ratio) for text, ratio in low if ratio < 4.5] == []


@pytest.mark.parametrize("language", CHAPTERS)
def test_the_quiz_heading_icon_needs_no_font_and_says_nothing(
    site: Site, browser: Any, language: str
) -> None:
    with watched_context(browser) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        heading = page.locator("h2.quiz-heading")
        icon = heading.evaluate("h => getComputedStyle(h, '::before')")
        icon = [icon["content"], icon["maskImage"]]
        assert icon[0] == '""'
        assert icon[1].startswith('url("data:image/svg+xml')
        name = {"zh": "本章测验", "en": "Chapter quiz"}[language]
        # What a screen reader says: the words, then the permalink's pilcrow, no emoji's name.
        assert heading.evaluate("h => h.textContent").strip() == f"{name}¶"
        assert heading.get_attribute("id") == {"zh": "本章测验", "en": "chapter-quiz"}[language]
