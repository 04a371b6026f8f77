"""A page written in one language only is served in the other language too, with a notice.

static-i18n falls back to the default language only; this covers the other direction.
Template counterparts: `overrides/main.html` (`is_fallback`: `noindex`, the notice) and
`overrides/partials/i18n-fallback.html` (the notice); `overrides/sitemap.xml` lists no fallback
as an alternate.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from site_languages import built_languages, default_language, i18n_plugin


@event_priority(-110)  # after static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the default language's fallbacks of pages that exist in another language only."""
    i18n = i18n_plugin(config)
    if i18n is None:
        return files
    current, default = i18n.current_language, default_language(config)
    docs = Path(config.docs_dir)
    pages = {getattr(f, "norm_src_uri", f.src_uri): f for f in files.documentation_pages()}
    for language in built_languages(config)[1:]:
        for source in sorted((docs / language).rglob("*.md")):
            slug = source.relative_to(docs / language).as_posix()
            if (docs / default / slug).exists():
                continue
            if current == default:
                files.append(fallback_file(config, language, slug, default))
            elif current == language and slug in pages:
                # the selector entry of the default language leads to that fallback
                fallback = fallback_file(config, language, slug, default)
                pages[slug].alternates[default] = fallback  # type: ignore[attr-defined]
    return files


def fallback_file(config: MkDocsConfig, language: str, slug: str, default: str) -> File:
    """Return the page `language/slug`, served in the default language's build at `slug`."""
    where = (config.docs_dir, config.site_dir, config.use_directory_urls)
    original = File(f"{language}/{slug}", *where)
    file = File(original.src_uri, *where, dest_uri=original.dest_uri.removeprefix(f"{language}/"))
    file.locale, file.localization, file.norm_src_uri = language, language, slug  # type: ignore[attr-defined]
    file.locale_alternate_of = default  # type: ignore[attr-defined]
    original.locale = language  # type: ignore[attr-defined]
    file.alternates = {default: file, language: original}  # type: ignore[attr-defined]
    return file
