"""Search per language: each index's configuration."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers.build import Site, load_hook

INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
settings = load_hook("search_settings")


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
        ("监督微调（SFT）", ["监督微调", "SFT"]),  # noqa: RUF001
        ("全景图:我们", ["全景图", "我们"]),
        ("全景图：我们", ["全景图", "我们"]),  # noqa: RUF001
        ("「对话」，“数据”；为什么?为什么？", ["对话", "数据", "为什么", "为什么"]),  # noqa: RUF001
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
        assert "|" not in language.separator and "(?" not in language.separator


def test_a_language_without_settings_is_named_with_the_fix() -> None:
    with pytest.raises(PluginError, match=r"search_settings\.py .* 'fr' .*add its lang"):
        settings.index_config("fr", {"fields": {}})
