"""Site hooks that finish what mkdocs-static-i18n leaves to the site.

- hreflang alternates and the language selector use absolute URLs, plus an `x-default`;
- each language gets a search index with its own pages only, and jieba knows the course's terms;
- each language gets its own `404.html` and `sitemap.xml`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


JIEBA_USER_DICT = Path(__file__).with_name("jieba_user_dict.txt")


@event_priority(100)  # before the search plugin loads jieba's dictionaries
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Teach jieba the course's terms (预训练, 后训练 …) so that searching for them works."""
    search = config.plugins.get("material/search")
    if search is not None and not search.config.jieba_dict_user:
        search.config.jieba_dict_user = str(JIEBA_USER_DICT)
    return config


def _absolute(config: MkDocsConfig, link: str) -> str:
    return urljoin(config.site_url or "/", link.lstrip("/"))


@event_priority(-50)  # after static-i18n has set this page's alternates
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    # static-i18n sets the attribute (not the key) for each page; the templates read it
    alternates = getattr(config.extra, "alternate", None) or []
    for alternate in alternates:
        alternate["link"] = _absolute(config, alternate["link"])
    default = next((a for a in alternates if a.get("lang") == "zh"), None)
    context["hreflang_default"] = default["link"] if default else None
    return context


DEFAULT_LANGUAGE = "zh"
RE_CONFIG_BASE = '<script id="__config" type="application/json">'
RE_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>", re.DOTALL)
_default_templates: dict[tuple[str, str], str] = {}


def _page_language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or DEFAULT_LANGUAGE)


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point Material's search of a non-default language at that language's own index."""
    language = _page_language(config)
    if language == DEFAULT_LANGUAGE or RE_CONFIG_BASE not in output:
        return output
    head, _, rest = output.partition(RE_CONFIG_BASE)
    data, _, tail = rest.partition("</script>")
    settings = json.loads(data)
    # Material resolves the index and result links against this base: keep the trailing slash.
    settings["base"] = f"{settings['base']}/{language}/".removeprefix("./")
    return f"{head}{RE_CONFIG_BASE}{json.dumps(settings, ensure_ascii=False)}</script>{tail}"


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Give every language its own `404.html` and `sitemap.xml`.

    Each language build renders these at the site root; the default language keeps the root
    and the others get a copy in their own folder.
    """
    language = _page_language(config)
    if template_name not in ("404.html", "sitemap.xml"):
        return output
    if language == DEFAULT_LANGUAGE:
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
    for language in {lang.locale for lang in i18n.config.languages} - {DEFAULT_LANGUAGE}:
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
