"""The language selector's links and the hreflang alternates of each page.

Template counterpart: `overrides/main.html` (block `site_meta`) writes the `hreflang` list this
hook puts in the page context, in place of Material's own, which lists fallback pages too.

The selector works wherever a build is served, on any host, port or path: static-i18n gives each
page's entries the same page in the other languages, and this hook hands them to the theme as
paths from the site root, which the theme writes relative to the page (`alt.link | url` in
Material's `partials/alternate.html`; `on_post_page` warns if it ever stops). A 404 page is
served for missing paths at any depth, so there the entries lead to each language's home,
path-absolute from `site_url`'s path, as MkDocs writes that page's assets.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from site_address import absolute, site_path
from site_languages import build_language, default_language, home_path

log = get_plugin_logger("language_links")

RE_SELECTOR_LINK = re.compile(r'<a\b[^>]*\bclass="md-select__link"[^>]*>')
RE_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')


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
    context["hreflang"] = hreflang(page, config)
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


def hreflang(page: Page, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Return (hreflang, absolute URL) pairs: translations that exist, then `x-default`.

    A fallback page (shown in a language it is not written in) is `noindex` and gets none.
    """
    file = page.file
    translations = getattr(file, "alternates", {})
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
