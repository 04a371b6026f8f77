"""What the site hooks read of mkdocs-static-i18n beyond its documented options, checked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers.build import load_hook

languages = load_hook("site_languages")


def config_with(i18n: object | None) -> Any:
    return SimpleNamespace(plugins={"i18n": i18n} if i18n else {}, theme={"language": "zh"})


@pytest.mark.parametrize("missing", ["current_language", "default_language", "building"])
def test_static_i18n_without_its_state_is_a_clear_error(missing: str) -> None:
    state = {"current_language": "zh", "default_language": "zh", "building": False}
    del state[missing]
    with pytest.raises(PluginError, match=f"mkdocs-static-i18n has no {missing} any more"):
        languages.i18n_plugin(config_with(SimpleNamespace(**state)))


def test_a_page_static_i18n_gave_no_alternates_is_a_clear_error() -> None:
    i18n = SimpleNamespace(current_language="zh", default_language="zh", building=False)
    page = SimpleNamespace(src_uri="zh/page.md")
    with pytest.raises(PluginError, match=r"gave zh/page\.md no 'alternates'"):
        languages.alternates(page, config_with(i18n))


def test_a_site_without_static_i18n_has_no_alternates() -> None:
    assert languages.alternates(SimpleNamespace(src_uri="page.md"), config_with(None)) == {}
    assert languages.is_nested_build(config_with(None)) is False
