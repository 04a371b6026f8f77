"""What the site hooks know about the site's languages (a module they import, not a hook).

mkdocs-static-i18n builds the site once per language on the same configuration: the default
language at the site root, then each other language into its own folder. The hooks ask this
module which language is being built and which one is the default.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# What the hooks read of static-i18n's plugin beyond its documented options (checked with
# mkdocs-static-i18n 1.3.1): the language being built, the default one, and whether the build
# running is one of the other languages', which static-i18n runs inside the first one's.
I18N_STATE = ("current_language", "default_language", "building")
ADVICE = "the site's hooks need mkdocs-static-i18n 1.3 (CONTRIBUTING.md: 'What the site relies on')"


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """Return static-i18n's plugin instance (None on a site without it), checked."""
    i18n = config.plugins.get("i18n")
    missing = [name for name in I18N_STATE if i18n is not None and not hasattr(i18n, name)]
    if missing:
        raise PluginError(f"mkdocs-static-i18n has no {', '.join(missing)} any more; {ADVICE}")
    return i18n


def alternates(file: File, config: MkDocsConfig) -> dict[str, File]:
    """Return static-i18n's versions of a page, by language (an attribute it gives each File).

    A site without static-i18n has none.
    """
    if i18n_plugin(config) is None:
        return {}
    found = getattr(file, "alternates", None)
    if not isinstance(found, dict):
        raise PluginError(f"mkdocs-static-i18n gave {file.src_uri} no 'alternates'; {ADVICE}")
    return found


def build_language(config: MkDocsConfig) -> str:
    """Return the language being built (static-i18n sets the theme's language per build)."""
    return str(config.theme.get("language") or "en")


def default_language(config: MkDocsConfig) -> str:
    """Return the language built at the site root (static-i18n's default, or the only one)."""
    i18n = i18n_plugin(config)
    return str(i18n.default_language) if i18n is not None else build_language(config)


def built_languages(config: MkDocsConfig) -> list[str]:
    """Return every language the build produces, the default one first."""
    i18n = i18n_plugin(config)
    if i18n is None:
        return [build_language(config)]
    default = default_language(config)
    built = [language.locale for language in i18n.config.languages if language.build]
    return [default, *(language for language in built if language != default)]


def all_languages(config: MkDocsConfig) -> list[str]:
    """Return every configured language, built or not, the default one first."""
    i18n = i18n_plugin(config)
    if i18n is None:
        return [build_language(config)]
    default = default_language(config)
    configured = [language.locale for language in i18n.config.languages]
    return [default, *(language for language in configured if language != default)]


def is_one_language_preview(config: MkDocsConfig) -> bool:
    """Tell whether static-i18n builds one language only, as if it were the default.

    Its `build_only_locale` (`make serve-zh`, `make serve-en`) makes that language the default
    in the configuration, so the configured default language is not known then.
    """
    i18n = i18n_plugin(config)
    return i18n is not None and bool(i18n.config.build_only_locale)


def is_nested_build(config: MkDocsConfig) -> bool:
    """Tell whether static-i18n is running its build of another language inside the first one.

    The first language's build runs the others from its `on_post_build`, with static-i18n's
    `building` set: a hook that works once per full build skips these.
    """
    i18n = i18n_plugin(config)
    return i18n is not None and bool(i18n.building)


def is_default_build(config: MkDocsConfig) -> bool:
    """Tell whether the language being built is the one at the site root."""
    return build_language(config) == default_language(config)


def home_path(config: MkDocsConfig, language: str) -> str:
    """Return a language's home page, from the site root: `index.html`, `en/index.html`."""
    folder = "" if language == default_language(config) else f"{language}/"
    return f"{folder}index.html"
