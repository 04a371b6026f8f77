"""Every language gets its own `404.html` and `sitemap.xml`.

Each language build renders these templates at the site root; the others' builds write a copy
into their own folder. Template counterparts: `overrides/404.html` and `overrides/sitemap.xml`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from site_languages import build_language, is_default_build

TEMPLATES = ("404.html", "sitemap.xml")
RE_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>", re.DOTALL)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Write a non-default language's copy into its folder; return what the root file keeps."""
    if template_name not in TEMPLATES or is_default_build(config):
        return output
    language = build_language(config)
    folder = Path(config.site_dir) / language
    folder.mkdir(parents=True, exist_ok=True)
    if template_name == "sitemap.xml":
        # static-i18n's sitemap lists the languages built so far: the last build's, at the
        # root, lists them all; the folder's copy lists only the folder's own pages.
        own = only_urls_under(output, f"{config.site_url}{language}/")
        (folder / template_name).write_text(own, encoding="utf-8")
        return output
    (folder / template_name).write_text(output, encoding="utf-8")
    # The root keeps the default language's page, written by its build, which runs first.
    root_file = Path(config.site_dir) / template_name
    return root_file.read_text(encoding="utf-8") if root_file.exists() else output


def only_urls_under(sitemap: str, prefix: str) -> str:
    """Return the sitemap with only the `<url>` entries whose location starts with `prefix`."""
    entries = list(RE_SITEMAP_URL.finditer(sitemap))
    if not entries:
        return sitemap
    kept = "".join(m.group(0) for m in entries if m.group("loc").startswith(prefix))
    return f"{sitemap[: entries[0].start()]}{kept}{sitemap[entries[-1].end() :]}"
