"""Search per language: each index's configuration, the site's worker, and the upstream checks."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers.build import Site, build_site, copy_project, free_port, load_hook

RE_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
PAGES = ["index.html", "post-training.html", "404.html", "en/index.html", "en/post-training.html"]
INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
settings = load_hook("search_settings")
worker = load_hook("search_worker")


def material_worker(site: Site) -> Path:
    (path,) = (site.root / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return path


def page_config(site: Site, page: str) -> dict[str, object]:
    match = RE_CONFIG.search(site.html(page))
    assert match, f"{page} has no __config"
    config: dict[str, object] = json.loads(match.group(1))
    return config


@pytest.mark.parametrize(
    ("language", "lang", "pipeline"),
    [("zh", ["zh"], ["stemmer"]), ("en", ["en"], ["trimmer", "stopWordFilter", "stemmer"])],
)
def test_each_index_is_configured_for_its_language(
    site: Site, language: str, lang: list[str], pipeline: list[str]
) -> None:
    config = json.loads(site.html(INDEXES[language]))["config"]
    assert (config["lang"], config["pipeline"]) == (lang, pipeline)
    assert config["fields"]["title"]["boost"] > config["fields"]["text"]["boost"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("监督微调(SFT)", ["监督微调", "SFT"]),
        ("监督微调（SFT）", ["监督微调", "SFT"]),
        ("全景图:我们", ["全景图", "我们"]),
        ("全景图：我们", ["全景图", "我们"]),
        ("「对话」，“数据”；为什么?为什么？", ["对话", "数据", "为什么", "为什么"]),
        ("\u200b后训练\u200b——\u200b第二阶段\u200b。", ["后训练", "第二阶段"]),
    ],
)
def test_chinese_separator_splits_at_either_width_of_punctuation(
    text: str, words: list[str]
) -> None:
    separator = re.compile(settings.SETTINGS["zh"].separator)
    assert [word for word in separator.split(text) if word] == words


def test_separators_can_be_split_by_materials_highlighter() -> None:
    # Material's page highlighter splits a separator at "|" and drops lookarounds.
    for language in settings.SETTINGS.values():
        assert "|" not in language.separator
        assert "(?" not in language.separator


def test_a_language_without_settings_is_named_with_the_fix() -> None:
    with pytest.raises(PluginError, match=r"search_settings\.py .* 'fr' .*add its lang"):
        settings.index_config("fr", {"fields": {}})


@pytest.mark.parametrize("page", PAGES)
def test_every_page_starts_the_site_worker_in_front_of_materials(site: Site, page: str) -> None:
    url = str(page_config(site, page)["search"])
    upstream = material_worker(site).name
    assert url.endswith(f"assets/javascripts/search/worker.js?upstream={upstream}")
    served = urljoin(site.url + page, url.split("?", maxsplit=1)[0]).removeprefix(site.url)
    assert (site.root / served).is_file()


def test_404_pages_search_their_own_language(site: Site) -> None:
    assert page_config(site, "404.html")["base"] == "/"
    assert page_config(site, "en/404.html")["base"] == "/en/"


def test_materials_worker_still_has_what_the_site_worker_needs(site: Site) -> None:
    assert worker.upstream_problems(material_worker(site).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("pattern", "replacement", "need"),
    [
        (r'addEventListener\("message",', "(self.onmessage=", "registers its message listener"),
        (r"self\.lunr=", "self.lunrjs=", "exposes lunr as self.lunr"),
        (r"this\.index\.invertedIndex\)", "this.index.tokenSet)", "passes the index's"),
        (r"(\w+)\.slice\((\w+),(\w+)\)in (\w+)", r"\4.has(\1.slice(\2,\3))", "looks segments"),
    ],
)
def test_a_change_in_materials_worker_is_named(
    site: Site, pattern: str, replacement: str, need: str
) -> None:
    source = material_worker(site).read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, source)
    assert count >= 1
    problems = worker.upstream_problems(changed)
    assert len(problems) == 1
    assert problems[0].startswith(need)


def test_an_unknown_worker_url_is_left_alone_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker.warn_once.cache_clear()
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[]))
    with caplog.at_level(logging.WARNING):
        assert worker.project_worker_url("assets/search.js", config) == "assets/search.js"
    assert "is not a worker" in caplog.text
    assert "Material's own worker" in caplog.text


def test_pages_keep_materials_worker_when_it_no_longer_fits(site: Site, tmp_path: Path) -> None:
    """A Material whose worker changed: a warning (a strict build fails), and search still works."""
    worker.warn_once.cache_clear()
    project = copy_project(tmp_path / "project")
    upstream = material_worker(site)
    changed = project / "overrides" / "assets" / "javascripts" / "workers" / upstream.name
    changed.parent.mkdir(parents=True)
    source = upstream.read_text(encoding="utf-8")
    changed.write_text(source.replace('addEventListener("message",', "(self.onmessage="))
    url = f"http://127.0.0.1:{free_port()}/"
    records = build_site(project, tmp_path / "site", url)
    warnings = [r.getMessage() for r in records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "no longer registers its message listener with addEventListener" in warnings[0]
    page = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    match = RE_CONFIG.search(page)
    assert match
    assert json.loads(match.group(1))["search"].endswith(f"workers/{upstream.name}")


def test_the_rewritten_config_cannot_end_its_script_element() -> None:
    hook = load_hook("search_per_language")
    config = SimpleNamespace(theme={"language": "zh"}, plugins={})
    settings = json.dumps({"base": ".", "text": "</script>"}).replace("<", "\\u003c")
    page = f"{hook.CONFIG_SCRIPT}{settings}</script>"
    rewritten = hook.point_search(page, config)
    assert rewritten.count("</script>") == 1
    data = rewritten.removeprefix(hook.CONFIG_SCRIPT).removesuffix("</script>")
    assert json.loads(data)["text"] == "</script>"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>no settings</body></html>",
        '<script id="__config" type="application/json">{}</script>',
    ],
    ids=["no settings script", "no base"],
)
def test_settings_not_where_material_writes_them_are_a_warning(
    page: str, caplog: pytest.LogCaptureFixture
) -> None:
    hook = load_hook("search_per_language")
    config = SimpleNamespace(theme={"language": "en"}, plugins={})
    with caplog.at_level(logging.WARNING):
        assert hook.point_search(page, config, "en/page.md") == page
    assert "en/page.md: Material's page settings" in caplog.text
