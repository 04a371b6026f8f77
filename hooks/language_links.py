"""The language selector's links and the hreflang alternates of each page.

Template counterpart: `overrides/main.html` (block `site_meta`) writes the `hreflang` list this
hook puts in the page context, in place of Material's own, which lists fallback pages too.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from site_languages import absolute, build_language, default_language


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
    """Make the selector's links absolute; list hreflang alternates of real translations only."""
    # static-i18n sets the attribute (not the key) for each page; the templates read it
    alternates = getattr(config.extra, "alternate", None) or []
    for alternate in alternates:
        alternate["link"] = absolute(config, alternate["link"])
    context["hreflang"] = hreflang(page, config)
    return context


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
