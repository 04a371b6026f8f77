"""The built site: content of both languages, metadata, sitemaps, 404 pages, no other hosts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers.build import PUBLISHED_URL, ROOT, Site, build_site, copy_project, free_port
from tests.helpers.pages import article_text, article_text_joined, tags
from tests.helpers.seed import sentences

CJK = re.compile("[\u3400-\u9fff]")
PAGES = {
    "zh": ["index.html", "post-training.html"],
    "en": ["en/index.html", "en/post-training.html"],
}
LOADED_RELS = ("stylesheet", "icon", "preload", "modulepreload", "manifest")
CHAPTER = {"zh": "post-training.html", "en": "en/post-training.html"}


def test_build_is_clean(site: Site) -> None:
    problems = [r.getMessage() for r in site.log if r.levelname in ("WARNING", "ERROR")]
    assert problems == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_seed_sentence_is_on_its_chapter_page(site: Site, language: str) -> None:
    text = article_text_joined(site.html(CHAPTER[language]))
    missing = [s for s in sentences(language) if s not in text]
    assert missing == []


@pytest.mark.parametrize(("language", "other"), [("zh", "en"), ("en", "zh")])
def test_no_sentence_leaks_into_the_other_language(site: Site, language: str, other: str) -> None:
    for page in PAGES[language]:
        text = article_text(site.html(page))
        leaked = [s for s in sentences(other) if len(s) > 12 and s in text]
        assert leaked == [], page


def test_english_pages_have_no_chinese_text(site: Site) -> None:
    for page in PAGES["en"]:
        assert CJK.findall(article_text(site.html(page))) == [], page


@pytest.mark.parametrize("language", ["zh", "en"])
def test_html_lang_title_and_description(site: Site, language: str) -> None:
    names = {"zh": "大模型助手是怎样炼成的", "en": "How LLM Assistants Are Trained"}
    for page in PAGES[language]:
        source = site.html(page)
        assert f'<html lang="{language}"' in source
        assert names[language] in re.search(r"<title>(.*?)</title>", source).group(1)
        descriptions = _descriptions(source)
        assert len(descriptions) == 1
        assert len(descriptions[0]) > 30
        assert bool(CJK.search(descriptions[0])) == (language == "zh")


def test_chapter_descriptions_are_their_own(site: Site) -> None:
    home, chapter = (site.html(p) for p in PAGES["en"])
    assert _descriptions(home) != _descriptions(chapter)


def _descriptions(source: str) -> list[str]:
    return [t["content"] for t in tags(source, "meta") if t.get("name") == "description"]


# The selector's links, hreflang and canonical links: tests/test_site_hosting.py.


def test_sitemaps_list_alternates_per_language(site: Site) -> None:
    root = site.html("sitemap.xml")
    english = site.html("en/sitemap.xml")
    assert f"<loc>{site.url}post-training.html</loc>" in root
    assert f'hreflang="en" href="{site.url}en/post-training.html"' in root
    locations = re.findall(r"<loc>(.*?)</loc>", english)
    assert locations
    assert all(loc.startswith(f"{site.url}en/") for loc in locations)
    assert f'hreflang="zh" href="{site.url}post-training.html"' in english


@pytest.mark.parametrize(
    ("page", "language", "heading"),
    [("404.html", "zh", "页面不存在"), ("en/404.html", "en", "Page not found")],
)
def test_404_pages_per_language_link_both_homes(
    site: Site, page: str, language: str, heading: str
) -> None:
    source = site.html(page)
    assert heading in source
    assert f'<html lang="{language}"' in source
    hrefs = [t["href"] for t in tags(source, "a")]
    assert "/index.html" in hrefs
    assert "/en/index.html" in hrefs
    assert '<meta name="robots" content="noindex">' in source


def test_search_index_per_language(site: Site) -> None:
    zh = json.loads(site.html("search/search_index.json"))["docs"]
    en = json.loads(site.html("en/search/search_index.json"))["docs"]
    assert {d["location"].split("#")[0] for d in zh} == {"index.html", "post-training.html"}
    assert {d["location"].split("#")[0] for d in en} == {"index.html", "post-training.html"}
    assert not any(CJK.search(d["title"] + d["text"]) for d in en)
    assert any("后训练" in d["text"].split("\u200b") for d in zh)


def test_english_pages_search_their_own_index(site: Site) -> None:
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        site.html("en/post-training.html"),
    ).group(1)
    assert json.loads(config)["base"] == "../en/"


def test_chinese_headings_have_working_anchors(site: Site) -> None:
    source = site.html("post-training.html")
    ids = [t["id"] for t in tags(source, "h2") if "id" in t]
    assert "变的是数据不是算法" in ids
    anchors = [t["href"] for t in tags(source, "a") if "headerlink" in t.get("class", "")]
    assert {f"#{i}" for i in ids} <= set(anchors)


def test_figure_is_served_per_language_with_text_alternative(site: Site) -> None:
    for language, page in CHAPTER.items():
        images = [t for t in tags(site.html(page), "img") if "two-stages.svg" in t["src"]]
        assert len(images) == 1
        assert len(images[0]["alt"]) > 40
        svg = (site.root / Path(page).parent / images[0]["src"]).read_text(encoding="utf-8")
        assert "<title" in svg
        assert 'role="img"' in svg
        assert bool(CJK.search(svg)) == (language == "zh")
        assert "http://" not in svg.replace("http://www.w3.org/", "")


def _loaded_urls(page: str) -> list[str]:
    urls: list[str] = []
    for attrs in tags(page):
        if "src" in attrs:
            urls.append(attrs["src"])
        rel = attrs.get("rel", "")
        if "href" in attrs and any(r in rel for r in LOADED_RELS):
            urls.append(attrs["href"])
    return urls


def test_pages_load_nothing_from_other_hosts(site: Site) -> None:
    own = urlsplit(site.url).netloc
    for path in site.root.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        offsite = [u for u in _loaded_urls(source) if urlsplit(u).netloc not in ("", own)]
        assert offsite == [], path
        assert "fonts.googleapis" not in source
        assert "fonts.gstatic" not in source


def test_stylesheets_import_nothing_from_other_hosts(site: Site) -> None:
    for path in site.root.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", css), path


def test_site_uses_a_system_font_stack(site: Site) -> None:
    css = site.html("css/site.css")
    assert "PingFang SC" in css
    assert "Noto Sans CJK SC" in css
    assert not [t for t in tags(site.html("index.html"), "link") if "fonts" in t.get("href", "")]


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("fallback"))
    (project / "docs" / "zh" / "glossary.md").write_text(
        "---\ndescription: 术语表。\n---\n\n# 术语表\n\n只有中文版的一页。\n", encoding="utf-8"
    )
    (project / "docs" / "en" / "reading.md").write_text(
        "---\ndescription: Further reading.\n---\n\n# Further reading\n\nEnglish only.\n",
        encoding="utf-8",
    )
    # Published: a page without hreflang links has none because it has no translation.
    records = build_site(project, project / "site", PUBLISHED_URL)
    return Site(root=project / "site", url=PUBLISHED_URL, log=records)


@pytest.mark.parametrize(
    ("fallback", "original", "notice"),
    [
        ("en/glossary.html", "glossary.html", "Not translated yet"),
        ("reading.html", "en/reading.html", "尚未翻译"),
    ],
)
def test_untranslated_page_is_served_with_a_notice_and_noindex(
    fallback_site: Site, fallback: str, original: str, notice: str
) -> None:
    served = fallback_site.html(fallback)
    assert notice in served
    assert '<meta name="robots" content="noindex">' in served
    assert not _hreflang(served), "a noindex page declares no alternates"
    written = fallback_site.html(original)
    assert "Not translated yet" not in written
    assert "尚未翻译" not in written
    assert 'content="noindex"' not in written
    assert not _hreflang(written), "there is no translation to point at"
    assert _hreflang(fallback_site.html("post-training.html")) == ["en", "zh", "x-default"]
    expected = {
        "zh": fallback_site.url + min(fallback, original, key=len),
        "en": fallback_site.url + max(fallback, original, key=len),
    }
    for path, page in ((fallback, served), (original, written)):
        selector = {
            t["hreflang"]: urljoin(fallback_site.url + path, t["href"])
            for t in tags(page, "a")
            if "md-select__link" in t.get("class", "")
        }
        assert selector == expected, path


def test_sitemap_lists_no_fallback_as_an_alternate(fallback_site: Site) -> None:
    sitemap = fallback_site.html("sitemap.xml")
    assert f'href="{fallback_site.url}en/glossary.html"' not in sitemap
    assert f'href="{fallback_site.url}reading.html"' not in sitemap
    assert f"<loc>{fallback_site.url}glossary.html</loc>" in sitemap


def _hreflang(page: str) -> list[str]:
    return [t["hreflang"] for t in tags(page, "link") if t.get("rel") == "alternate"]


def test_fast_preview_builds_one_language_without_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `make serve-fast` builds: static-i18n must not trip over the disabled search."""
    monkeypatch.setenv("SEARCH", "false")
    monkeypatch.setenv("QUIZ_PARITY", "false")
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    url = f"http://127.0.0.1:{free_port()}/"
    records = build_site(ROOT, tmp_path / "site", url, strict=True)
    assert [r.getMessage() for r in records if r.levelname == "WARNING"] == []
    assert 'class="quiz"' in (tmp_path / "site" / "post-training.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site" / "search" / "search_index.json").exists()


def test_one_language_preview_serves_its_own_search_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make serve-en` builds English at the root: its pages must not look under /en/."""
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    url = f"http://127.0.0.1:{free_port()}/"
    build_site(ROOT, tmp_path / "site", url, strict=True)
    page = (tmp_path / "site" / "post-training.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page)
    assert config
    assert json.loads(config.group(1))["base"] == "."
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    assert any(doc["location"] == "post-training.html" for doc in index["docs"])
    assert index["config"]["lang"] == ["en"]
    assert not (tmp_path / "site" / "en").exists()


TITLES = {
    "index.html": "大模型助手是怎样炼成的",
    "post-training.html": "从预训练到后训练 - 大模型助手是怎样炼成的",
    "404.html": "页面不存在 - 大模型助手是怎样炼成的",
    "en/index.html": "How LLM Assistants Are Trained",
    "en/post-training.html": "From Pretraining to Post-Training - How LLM Assistants Are Trained",
    "en/404.html": "Page not found - How LLM Assistants Are Trained",
}


RE_LOGO_LINK = re.compile(
    r'<a [^>]*class="md-(?:header|nav)__button md-logo"[^>]*>(.*?)</a>', re.DOTALL
)


@pytest.mark.parametrize(("page", "title"), TITLES.items())
def test_titles_follow_one_pattern_per_language(site: Site, page: str, title: str) -> None:
    assert re.findall(r"<title>(.*?)</title>", site.html(page)) == [title]


@pytest.mark.parametrize("page", TITLES)
def test_the_logo_is_the_course_mark_drawn_inline(site: Site, page: str) -> None:
    html = site.html(page)
    logos = re.findall(
        r'<a [^>]*class="md-(?:header|nav)__button md-logo"[^>]*>(.*?)</a>', html, re.DOTALL
    )
    assert len(logos) == 2
    mark = (ROOT / "overrides" / ".icons" / "course" / "logo.svg").read_text(encoding="utf-8")
    path = re.search(r' d="([^"]+)"', mark).group(1)
    assert all(f'd="{path}"' in logo and "<img" not in logo for logo in logos)


def test_the_favicon_is_the_course_mark(site: Site) -> None:
    favicon = (site.root / "img" / "favicon.svg").read_text(encoding="utf-8")
    mark = (ROOT / "overrides" / ".icons" / "course" / "logo.svg").read_text(encoding="utf-8")
    assert re.search(r' d="([^"]+)"', mark).group(1) in favicon
