"""Site hooks that finish what mkdocs-static-i18n leaves to the site.

- the language selector uses absolute URLs; hreflang lists real translations and `x-default`;
- a page written in one language only is served in the other too, with a notice (the template);
- each language gets a search index with its own pages only, and jieba knows the course's terms;
- each language gets its own `404.html` and `sitemap.xml`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

JIEBA_USER_DICT = Path(__file__).with_name("jieba_user_dict.txt")


@event_priority(100)  # before the search plugin loads jieba's dictionaries
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Teach jieba the course's terms (预训练, 后训练 …) so that searching for them works."""
    # `features:` with every item removed reads as None, which the theme and static-i18n
    # cannot look into: it means no features.
    if config.theme.get("features") is None:
        config.theme["features"] = []
    search = config.plugins.get("material/search")
    if search is None:
        return config
    if not search.config.jieba_dict_user:
        search.config.jieba_dict_user = str(JIEBA_USER_DICT)
    if not search.config.enabled and not hasattr(search, "search_index"):
        # static-i18n 1.3 reads the index of a disabled search plugin too (SEARCH=false)
        search.search_index = SearchIndex(**search.config)
    return config


def _absolute(config: MkDocsConfig, link: str) -> str:
    return urljoin(config.site_url or "/", link.lstrip("/"))


@event_priority(-110)  # after static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve a page written only in a non-default language in the default one too.

    static-i18n falls back to the default language only; this covers the other direction, so
    that a page in one language only is served in the other with a "not translated" notice.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return files
    current, default = i18n.current_language, i18n.default_language
    docs = Path(config.docs_dir)
    pages = {getattr(f, "norm_src_uri", f.src_uri): f for f in files.documentation_pages()}
    for language in (lang.locale for lang in i18n.config.languages if lang.build):
        if language == default:
            continue
        for source in sorted((docs / language).rglob("*.md")):
            slug = source.relative_to(docs / language).as_posix()
            if (docs / default / slug).exists():
                continue
            if current == default:
                files.append(_fallback_file(config, language, slug, default))
            elif current == language and slug in pages:
                # the selector entry of the default language leads to that fallback
                pages[slug].alternates[default] = _fallback_file(config, language, slug, default)
    return files


def _fallback_file(config: MkDocsConfig, language: str, slug: str, default: str) -> File:
    """Return the page `language/slug`, served in the default language's build at `slug`."""
    where = (config.docs_dir, config.site_dir, config.use_directory_urls)
    original = File(f"{language}/{slug}", *where)
    file = File(original.src_uri, *where, dest_uri=original.dest_uri.removeprefix(f"{language}/"))
    file.locale, file.localization, file.norm_src_uri = language, language, slug
    file.locale_alternate_of = default
    original.locale = language
    file.alternates = {default: file, language: original}
    return file


@event_priority(-50)  # after static-i18n has set this page's alternates
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Make the selector's links absolute; list hreflang alternates of real translations only."""
    # static-i18n sets the attribute (not the key) for each page; the templates read it
    alternates = getattr(config.extra, "alternate", None) or []
    for alternate in alternates:
        alternate["link"] = _absolute(config, alternate["link"])
    context["hreflang"] = _hreflang(page, config)
    return context


def _hreflang(page: Page, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Return (hreflang, absolute URL) pairs: translations that exist, then `x-default`.

    A fallback page (shown in a language it is not written in) is `noindex` and gets none.
    """
    file = page.file
    translations = getattr(file, "alternates", {})
    if getattr(file, "locale", None) != _page_language(config) or not translations:
        return []
    found = [
        (language, _absolute(config, alternate.url))
        for language, alternate in sorted(translations.items())
        if getattr(alternate, "locale", language) == language
    ]
    default = dict(found).get(_default_language(config), found[0][1] if found else None)
    return [*found, ("x-default", default)] if len(found) > 1 else []


CONFIG_SCRIPT = '<script id="__config" type="application/json">'
RE_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>", re.DOTALL)
_default_templates: dict[tuple[str, str], str] = {}


def _default_language(config: MkDocsConfig) -> str:
    """Return the language built at the site root (static-i18n's default, or the only one)."""
    i18n = config.plugins.get("i18n")
    return str(i18n.default_language) if i18n is not None else _page_language(config)


def _page_language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or "en")


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point Material's search of a non-default language at that language's own index."""
    language = _page_language(config)
    if language == _default_language(config) or CONFIG_SCRIPT not in output:
        return output
    head, _, rest = output.partition(CONFIG_SCRIPT)
    data, _, tail = rest.partition("</script>")
    settings = json.loads(data)
    # Material resolves the index and result links against this base: keep the trailing slash.
    settings["base"] = f"{settings['base']}/{language}/".removeprefix("./")
    return f"{head}{CONFIG_SCRIPT}{json.dumps(settings, ensure_ascii=False)}</script>{tail}"


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Give every language its own `404.html` and `sitemap.xml`.

    Each language build renders these at the site root; the default language keeps the root
    and the others get a copy in their own folder.
    """
    language = _page_language(config)
    if template_name not in ("404.html", "sitemap.xml"):
        return output
    if language == _default_language(config):
        _default_templates[(config.site_dir, template_name)] = output
        return output
    folder = Path(config.site_dir) / language
    folder.mkdir(parents=True, exist_ok=True)
    if template_name == "sitemap.xml":
        # the root sitemap lists every language; the folder's lists only its own pages
        own = _only_urls_under(output, f"{config.site_url}{language}/")
        (folder / template_name).write_text(own, encoding="utf-8")
        return output
    (folder / template_name).write_text(output)
    return _default_templates.get((config.site_dir, template_name), output)


@event_priority(-150)  # after static-i18n has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    """Split the search index that static-i18n merges into one per language."""
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    if not root_index.exists():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    documents = index["docs"]
    for language in {lang.locale for lang in i18n.config.languages if lang.build} - {
        i18n.default_language
    }:
        prefix = f"{language}/"
        own = [
            {**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in documents
            if doc["location"].startswith(prefix)
        ]
        documents = [doc for doc in documents if not doc["location"].startswith(prefix)]
        if own:
            _write_index(Path(config.site_dir) / language / "search", {**index, "docs": own})
    _write_index(root_index.parent, {**index, "docs": documents})


def _write_index(folder: Path, index: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")


def _only_urls_under(sitemap: str, prefix: str) -> str:
    entries = list(RE_SITEMAP_URL.finditer(sitemap))
    if not entries:
        return sitemap
    kept = "".join(m.group(0) for m in entries if m.group("loc").startswith(prefix))
    return f"{sitemap[: entries[0].start()]}{kept}{sitemap[entries[-1].end() :]}"
