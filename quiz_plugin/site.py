"""What the plugin needs to know about the site: languages, paths and front matter."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def i18n_languages(config: MkDocsConfig) -> list[str]:
    """Return the locales configured in mkdocs-static-i18n (empty without it)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    return [language.locale for language in i18n.config.languages]


def default_language(config: MkDocsConfig) -> str:
    """Return static-i18n's default language, or the theme's language."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        return str(i18n.default_language)
    return build_language(config)


def languages_default_first(config: MkDocsConfig) -> list[str]:
    """Return the site's languages, the default one first."""
    default = default_language(config)
    others = [language for language in i18n_languages(config) if language != default]
    return [default, *others]


def build_language(config: MkDocsConfig) -> str:
    """Return the language being built (static-i18n sets the theme's language per build)."""
    return str(config.theme.get("language") or "en")


def path_without_language(src_uri: str, config: MkDocsConfig) -> str:
    """Return `post-training.md` for `zh/post-training.md`, so translations share a path."""
    parts = PurePosixPath(src_uri).parts
    if len(parts) > 1 and parts[0] in i18n_languages(config):
        return PurePosixPath(*parts[1:]).as_posix()
    return src_uri


def front_matter_lines(page: Page, markdown: str) -> int:
    """Return how many lines MkDocs removed from the top of the file (its front matter).

    MkDocs only removes lines from the top, so the difference in line counts says how many,
    without parsing the front matter again. `page.markdown` still holds MkDocs' own text while
    the plugins' `on_page_markdown` run; the `markdown` they pass along may have been rewritten
    (static-i18n drops the final newline).
    """
    try:
        source = page.file.content_string
    except OSError:
        return 0
    body = page.markdown if page.markdown is not None else markdown
    return max(0, source.count("\n") - body.count("\n"))
