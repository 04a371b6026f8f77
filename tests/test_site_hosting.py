"""A build works wherever it is served; what needs `site_url` is absolute where it is published."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers.build import (
    DEFAULT_SITE_URL,
    PUBLISHED_URL,
    Site,
    build_site,
    copy_project,
    hook_module,
)
from tests.helpers.pages import SITE_PAGES, tags

PAGES = [page for page in SITE_PAGES if not page.endswith("404.html")]
NOT_FOUND_PAGES = ["404.html", "en/404.html"]
BUILDS = ["default_site", "published_site"]


def selector_links(source: str) -> dict[str, str]:
    """Return the header's language selector: language → href as written."""
    return {
        t["hreflang"]: t["href"]
        for t in tags(source, "a")
        if "md-select__link" in t.get("class", "")
    }


def hreflang_links(source: str) -> dict[str, str]:
    """Return the page's hreflang alternates: language → href."""
    return {
        t["hreflang"]: t["href"]
        for t in tags(source, "link")
        if t.get("rel") == "alternate" and "hreflang" in t
    }


def translations(page: str) -> dict[str, str]:
    """Return a page and its translation, by language: the same file in each language's folder."""
    name = page.removeprefix("en/")
    return {"zh": name, "en": f"en/{name}"}


@pytest.mark.parametrize("build", BUILDS)
def test_selector_links_are_relative_to_each_page(
    build: str, request: pytest.FixtureRequest
) -> None:
    site: Site = request.getfixturevalue(build)
    built = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))
    assert sorted([*PAGES, *NOT_FOUND_PAGES]) == built, "a page this test does not know of"
    for page in PAGES:
        links = selector_links(site.html(page))
        assert all(
            not urlsplit(href).netloc and not href.startswith("/") for href in links.values()
        )
        # Wherever the site is served, each link resolves to the page in that language.
        for base in ("http://127.0.0.1:8123/", "https://elsewhere.example/a/b/"):
            resolved = {language: urljoin(base + page, href) for language, href in links.items()}
            expected = {language: base + path for language, path in translations(page).items()}
            assert resolved == expected, (page, links)


@pytest.mark.parametrize("build", BUILDS)
@pytest.mark.parametrize("page", NOT_FOUND_PAGES)
def test_404_pages_link_each_home_from_site_url_path(
    build: str, page: str, request: pytest.FixtureRequest
) -> None:
    """A 404 page is served for a missing path at any depth: its links cannot be relative."""
    site: Site = request.getfixturevalue(build)
    source = site.html(page)
    root = urlsplit(site.url).path
    homes = {"zh": f"{root}index.html", "en": f"{root}en/index.html"}
    assert selector_links(source) == homes
    content = {t["hreflang"]: t["href"] for t in tags(source, "a") if "lang" in t}
    assert content == homes
    assets = [t["href"] for t in tags(source, "link") if t.get("rel") == "stylesheet"]
    assert assets
    assert all(href.startswith(root) for href in assets), "as MkDocs links assets"


@pytest.mark.parametrize("page", PAGES)
def test_published_build_has_absolute_hreflang_and_canonical_links(
    published_site: Site, page: str
) -> None:
    source = published_site.html(page)
    expected = {language: PUBLISHED_URL + path for language, path in translations(page).items()}
    assert hreflang_links(source) == {**expected, "x-default": expected["zh"]}
    canonical = [t["href"] for t in tags(source, "link") if t.get("rel") == "canonical"]
    assert canonical == [PUBLISHED_URL + page]


def test_published_sitemaps_are_absolute(published_site: Site) -> None:
    for sitemap, folder in (("sitemap.xml", ""), ("en/sitemap.xml", "en/")):
        xml = published_site.html(sitemap)
        locations = re.findall(r"<loc>(.*?)</loc>", xml)
        alternates = re.findall(r'<xhtml:link rel="alternate" hreflang="\w+" href="(.*?)"', xml)
        assert f"{PUBLISHED_URL}{folder}post-training.html" in locations
        assert {PUBLISHED_URL + "post-training.html", PUBLISHED_URL + "en/post-training.html"} <= (
            set(alternates)
        )
        assert all(url.startswith(PUBLISHED_URL) for url in locations + alternates)


def test_local_build_writes_no_hreflang_and_says_so(default_site: Site) -> None:
    """Material fetches sitemap.xml next to each hreflang link: 127.0.0.1:8000 is rarely there."""
    for page in PAGES:
        source = default_site.html(page)
        assert hreflang_links(source) == {}, page
        canonical = [t["href"] for t in tags(source, "link") if t.get("rel") == "canonical"]
        assert canonical == [DEFAULT_SITE_URL + page], "canonical links stay absolute"
    messages = [r.getMessage() for r in default_site.log if "language_links" in r.name]
    assert messages == [
        (
            f"language_links: site_url is {DEFAULT_SITE_URL}, a local address: no hreflang links, "
            "and canonical links and sitemaps name that address. To publish the site, build it "
            'with SITE_URL set to the site\'s address (README, "Publishing").'
        )
    ]


def test_published_build_says_nothing_about_its_address(published_site: Site) -> None:
    assert [r.getMessage() for r in published_site.log if "language_links" in r.name] == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/",
        "http://127.0.0.2:8080/course/",
        "http://localhost:8000/",
        "http://docs.localhost/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
        "",
    ],
)
def test_local_addresses_are_not_published(url: str) -> None:
    assert not hook_module("site_address").is_published(SimpleNamespace(site_url=url))


@pytest.mark.parametrize(
    "url",
    ["https://course.example.org/llm/", "http://192.168.1.20:8000/", "https://[2001:db8::1]/"],
)
def test_other_addresses_are_published(url: str) -> None:
    assert hook_module("site_address").is_published(SimpleNamespace(site_url=url))


@pytest.mark.parametrize(
    ("site_url", "link", "path"),
    [
        ("https://example.org/llm/", "/llm/en/index.html", "en/index.html"),
        ("https://example.org/llm/", "/llm/", "./"),
        ("https://example.org/", "en/post-training.html", "en/post-training.html"),
        ("https://example.org/llm/", "/other/page.html", "/other/page.html"),
        ("https://example.org/", "https://other.example/en/", "https://other.example/en/"),
    ],
)
def test_site_path_gives_links_from_the_site_root(site_url: str, link: str, path: str) -> None:
    site_address = hook_module("site_address")
    assert site_address.site_path(SimpleNamespace(site_url=site_url), link) == path


def _warnings(records: list[logging.LogRecord]) -> list[str]:
    return [
        r.getMessage().removeprefix("language_links: ") for r in records if r.levelname == "WARNING"
    ]


def test_a_theme_that_stops_writing_relative_selector_links_is_reported(tmp_path: Path) -> None:
    """The guard of what hooks/language_links.py relies on: Material's `alt.link | url`."""
    project = copy_project(tmp_path / "project")
    # A stand-in for Material's partial that writes the links as they are given
    (project / "overrides" / "partials" / "alternate.html").write_text(
        '<div class="md-select">{% for alt in config.extra.alternate %}'
        '<a href="{{ alt.link }}" hreflang="{{ alt.lang }}" class="md-select__link">'
        "{{ alt.name }}</a>{% endfor %}</div>\n",
        encoding="utf-8",
    )
    warnings = _warnings(build_site(project, tmp_path / "site", PUBLISHED_URL))
    assert any(
        w.startswith(
            "Doc file 'en/post-training.md': the language selector links to "
            "['post-training.html', 'en/post-training.html'], not to "
            "['../post-training.html', 'post-training.html']."
        )
        for w in warnings
    ), warnings
    assert any(w.startswith("The 404 page: the language selector links to") for w in warnings)


def test_a_page_in_a_subfolder_is_reported(tmp_path: Path) -> None:
    """Material would request sitemap.xml from that subfolder on every load of the page."""
    project = copy_project(tmp_path / "project")
    for language, title in (("zh", "附录"), ("en", "Appendix")):
        folder = project / "docs" / language / "more"
        folder.mkdir()
        (folder / "appendix.md").write_text(
            f"---\ndescription: {title}.\n---\n\n# {title}\n", encoding="utf-8"
        )
    warnings = _warnings(build_site(project, tmp_path / "site", PUBLISHED_URL))
    assert [w for w in warnings if "appendix" in w] == [
        (
            "Doc file 'zh/more/appendix.md': a page sits directly in its language's folder "
            "(docs/zh/appendix.md, not in a subfolder): Material's language selector requests "
            "sitemap.xml next to each hreflang link, and 'more/' has none."
        ),
        (
            "Doc file 'en/more/appendix.md': a page sits directly in its language's folder "
            "(docs/en/appendix.md, not in a subfolder): Material's language selector requests "
            "sitemap.xml next to each hreflang link, and 'en/more/' has none."
        ),
    ]
