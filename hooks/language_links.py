"""The language selector's links and the hreflang alternates of each page.

Template counterpart: `overrides/main.html` (block `site_meta`) writes the `hreflang` list this
hook puts in the page context, in place of Material's own, which lists fallback pages too.

The selector works wherever a build is served, on any host, port or path: static-i18n gives each
page's entries the same page in the other languages, and this hook hands them to the theme as
paths from the site root, which the theme writes relative to the page (`alt.link | url` in
Material's `partials/alternate.html`; `on_post_page` warns if it ever stops). A 404 page is
served for missing paths at any depth, so there the entries lead to each language's home,
path-absolute from `site_url`'s path, as MkDocs writes that page's assets.

hreflang links must be absolute URLs, so they are written only when `site_url` is a published
address (`site_address.is_published`). Material (checked with 9.8.2: `integrations/alternate/`
and `integrations/sitemap/` in its sources) fetches `sitemap.xml` relative to every
`<link rel="alternate">` on each page load, to take over clicks on links that start with that
URL and a `/`. That buys this site nothing: the selector already leads to the page's own
translation, and no link starts with a `.html` page's URL and a `/`. What it breaks is hreflang
naming a host the page is not served from: a build with mkdocs.yml's `127.0.0.1:8000` opened
anywhere else would make failed requests to it on every page load. At the published address the
requests succeed as long as every page sits flat in its language's folder, next to the sitemap
`pages_per_language.py` writes there: `on_page_context` warns about a page that does not.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from site_address import absolute, is_published, site_path
from site_languages import (
    alternates,
    build_language,
    default_language,
    home_path,
    is_default_build,
    is_nested_build,
)

log = get_plugin_logger("language_links")

RE_SELECTOR_LINK = re.compile(r'<a\b[^>]*\bclass="md-select__link"[^>]*>')
RE_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
LOCAL_BUILD = (
    "site_url is {url}, a local address: no hreflang links, and canonical links and sitemaps "
    "name that address. To publish the site, build it with SITE_URL set to the site's address "
    '(README, "Publishing").'
)


class Command:
    """The MkDocs command running (`build`, `serve`, `gh-deploy`)."""

    name = "build"


def on_startup(command: str, dirty: bool) -> None:
    """Remember the command: `mkdocs serve` is always for a local address, and says nothing."""
    Command.name = command


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read `features:` with every item removed (None) as no features."""
    # The theme and static-i18n (which looks for navigation.instant) cannot look into None.
    if config.theme.get("features") is None:
        config.theme["features"] = []
    return config


@event_priority(-50)  # after static-i18n has set this page's alternates
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the selector this page's translations as site paths; list hreflang alternates."""
    for entry in selector_entries(config):
        entry["link"] = site_path(config, entry["link"])
    warn_unless_flat(page, config)
    context["hreflang"] = hreflang(page, config) if is_published(config) else []
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """On a 404 page, lead the selector to each language's home page."""
    if template_name == "404.html":
        homes = [
            {**entry, "link": home_path(config, entry["lang"])}
            for entry in selector_entries(config)
        ]
        # What static-i18n sets (the attribute, which templates read before the key); it sets
        # it again for each page.
        config.extra.alternate = homes  # type: ignore[attr-defined]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Warn if the theme did not write the selector's links relative to the page."""
    expected = [normalize_url(entry["link"], page) for entry in selector_entries(config)]
    warn_unless_selector_links(output, expected, f"Doc file '{page.file.src_uri}'")
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Warn if the theme did not write a 404 page's selector links from `site_url`'s path."""
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path or "/"
        expected = [normalize_url(entry["link"], None, base) for entry in selector_entries(config)]
        warn_unless_selector_links(output, expected, "The 404 page")
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Say, once per build (not served), that a build for a local address has no hreflang."""
    if Command.name != "serve" and not is_nested_build(config) and not is_published(config):
        log.info(LOCAL_BUILD.format(url=config.site_url))


def selector_entries(config: MkDocsConfig) -> list[dict[str, str]]:
    """Return the selector's entries (name, link, lang) as the templates will read them."""
    # static-i18n sets the attribute (not the key) for each page; the templates read it first
    entries = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    return list(entries or [])


def warn_unless_selector_links(output: str, expected: list[str], where: str) -> None:
    """Warn if the selector's links in a rendered page are not the ones expected."""
    found = [
        html.unescape(href.group("href"))
        for tag in RE_SELECTOR_LINK.finditer(output)
        if (href := RE_HREF.search(tag.group(0)))
    ]
    if found != expected:
        log.warning(
            f"{where}: the language selector links to {found}, not to {expected}. Material's "
            "partials/alternate.html no longer seems to write `extra.alternate` links through "
            "the `url` filter: see hooks/language_links.py for what the site relies on."
        )


def warn_unless_flat(page: Page, config: MkDocsConfig) -> None:
    """Warn about a page in a subfolder: Material would ask that folder for a sitemap."""
    folder = posixpath.dirname(page.file.dest_uri)
    if folder != ("" if is_default_build(config) else build_language(config)):
        source = page.file.src_uri
        flat = f"{source.split('/')[0]}/{posixpath.basename(source)}"
        log.warning(
            f"Doc file '{source}': a page sits directly in its language's folder (docs/{flat}, "
            "not in a subfolder): Material's language selector requests sitemap.xml next to "
            f"each hreflang link, and '{folder}/' has none."
        )


def hreflang(page: Page, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Return (hreflang, absolute URL) pairs: translations that exist, then `x-default`.

    A fallback page (shown in a language it is not written in) is `noindex` and gets none.
    """
    file = page.file
    translations = alternates(file, config)
    if getattr(file, "locale", None) != build_language(config) or not translations:
        return []
    found = [
        (language, absolute(config, alternate.url))
        for language, alternate in sorted(translations.items())
        if getattr(alternate, "locale", language) == language
    ]
    if len(found) < 2:
        return []
    return [*found, ("x-default", dict(found).get(default_language(config), found[0][1]))]
