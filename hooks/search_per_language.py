"""Search per language: an index of its own for each language, made for that language.

static-i18n merges every language's pages into one index at the site root; this hook splits it
again so that a reader searches the language being read, gives each index the tokenizing and
analysis of its language (`search_settings.py`), and points every page's search at the site's
worker (`search_worker.py`), which makes the query side agree with the index. jieba learns the
course's terms from `jieba_user_dict.txt`. No template counterpart: the index location and the
worker come from the `base` and `search` entries of Material's `__config` script (`base.html`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from search_settings import index_config
from search_worker import project_worker_url
from site_languages import (
    build_language,
    built_languages,
    default_language,
    i18n_plugin,
    is_nested_build,
)

log = get_plugin_logger("search_per_language")

JIEBA_USER_DICT = Path(__file__).with_name("jieba_user_dict.txt")
CONFIG_SCRIPT = '<script id="__config" type="application/json">'


@event_priority(100)  # before the search plugin loads jieba's dictionaries
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Teach jieba the course's terms (such as 预训练, 后训练) so that searching finds them."""
    search = config.plugins.get("material/search")
    if search is None:
        return config
    if not search.config.jieba_dict_user:
        search.config.jieba_dict_user = str(JIEBA_USER_DICT)
    if not search.config.enabled and not hasattr(search, "search_index"):
        # static-i18n 1.3 reads the index of a disabled search plugin too (SEARCH=false)
        search.search_index = SearchIndex(**search.config)
    return config


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point the page's search at its language's index and at the site's search worker."""
    return point_search(output, config, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Point the 404 page's search, as a page's (before `pages_per_language` copies it)."""
    return point_search(output, config) if template_name == "404.html" else output


def point_search(output: str, config: MkDocsConfig, where: str = "404.html") -> str:
    """Rewrite the `base` and `search` entries of the output's Material `__config`."""
    # Material's base.html writes the page's settings in this script (not a documented API):
    # without it, or without its `base`, search would read the default language's index.
    head, found, rest = output.partition(CONFIG_SCRIPT)
    data, _, tail = rest.partition("</script>")
    settings = json.loads(data) if found else {}
    if "base" not in settings:
        log.warning(
            f"{where}: Material's page settings (<script id=\"__config\">, its 'base') are "
            "not where the search hook expects them; see CONTRIBUTING.md, 'What the site "
            "relies on in other packages'"
        )
        return output
    language = build_language(config)
    if language != default_language(config):
        # Material resolves the index and result links against this base: keep the slash.
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/".removeprefix("./")
    search = config.plugins.get("material/search")
    if search is not None and search.config.enabled:
        settings["search"] = project_worker_url(settings.get("search"), config)
    # As Jinja's `tojson` does for Material: no "<" that could end the script element.
    data = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")
    return f"{head}{CONFIG_SCRIPT}{data}</script>{tail}"


@event_priority(-150)  # after static-i18n has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    """Split the search index that static-i18n merges into one per language."""
    if i18n_plugin(config) is None or is_nested_build(config):
        return
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    if not root_index.exists():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    documents = index["docs"]
    languages = built_languages(config)
    for language in languages[1:]:
        prefix = f"{language}/"
        own = [
            {**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in documents
            if doc["location"].startswith(prefix)
        ]
        documents = [doc for doc in documents if not doc["location"].startswith(prefix)]
        if own:
            folder = Path(config.site_dir) / language / "search"
            write_index(folder, {"config": index_config(language, index["config"]), "docs": own})
    root_config = index_config(languages[0], index["config"])
    write_index(root_index.parent, {**index, "config": root_config, "docs": documents})


def write_index(folder: Path, index: dict[str, Any]) -> None:
    """Write a search index as compact JSON into `folder/search_index.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(text, encoding="utf-8")
