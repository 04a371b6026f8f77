"""The notice's content: sections named in the page's language, linked to the original's anchors."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown import Markdown
from mkdocs.config import load_config

from tests.helpers.build import ROOT, hook_module, load_hook
from tests.test_translation_status import EN, ZH, recorded

notice_module = hook_module("translation_notice")
status_module = hook_module("translation_status")
NoticeSection = notice_module.NoticeSection


@pytest.fixture(scope="module")
def config() -> object:
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def anchors(config: object) -> object:
    return notice_module.HeadingAnchors(config.mdx_configs["toc"])


def anchors_of(anchors: object, source: str) -> list[tuple[str, str]]:
    page = hook_module("translation_sections").split_page(source)
    found = anchors.of(page.sections)
    return [found[section] for section in page.headings]


def site_anchors(config: object, source: str) -> list[str]:
    """Return the ids the site's own Markdown extensions give the headings of `source`."""
    markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return re.findall(r'<h[1-6] id="([^"]*)"', markdown.convert(source))


def test_anchors_are_the_sites_toc_anchors(config: object, anchors: object) -> None:
    source = "## 📝 本章测验\n\n## 变的是数据,不是算法\n\n## The **data** & `code`\n"
    found = anchors_of(anchors, source)
    assert [name for name, _ in found] == ["📝 本章测验", "变的是数据,不是算法", "The data & code"]
    assert [anchor for _, anchor in found] == site_anchors(config, source)
    assert found[0][1] == "-本章测验"


def test_repeated_headings_get_the_next_free_anchor(config: object, anchors: object) -> None:
    source = "# Papers\n\n## Papers\n\n## Papers { #own-anchor }\n\n## Papers\n"
    assert [anchor for _, anchor in anchors_of(anchors, source)] == site_anchors(config, source)
    assert site_anchors(config, source) == [
        "papers",
        "papers_1",
        "own-anchor",
        "papers_2",
    ]


def notice_for(tmp_path: Path, anchors: object, edit: object) -> object:
    for language, text in (("zh", ZH), ("en", EN)):
        (tmp_path / language).mkdir()
        (tmp_path / language / "page.md").write_text(text, encoding="utf-8")
    record = recorded(tmp_path, "en/page.md", "zh/page.md")
    zh = tmp_path / "zh" / "page.md"
    zh.write_text(edit(zh.read_text(encoding="utf-8")), encoding="utf-8")
    report = status_module.site_status(tmp_path, ("zh", "en"), "zh", record, "record")
    [status] = report.outdated
    return notice_module.page_notice(status, ("en", "zh"), "../page.html", anchors)


def test_sections_are_named_in_the_page_language_and_linked_to_the_original(
    tmp_path: Path, anchors: object
) -> None:
    def edit(text: str) -> str:
        text = text.replace("乙的正文。", "乙的新正文。").replace("## 甲\n\n甲的正文。\n\n", "")
        return text + "\n## 丁\n\n丁的正文。\n"

    notice = notice_for(tmp_path, anchors, edit)
    assert notice.original_language == "zh"
    assert notice.original_url == "../page.html"
    assert notice.sections == (
        NoticeSection("removed", "Alpha", "en", None),
        NoticeSection("changed", "Beta", "en", "../page.html#乙"),
        NoticeSection("added", "丁", "zh", "../page.html#丁"),
    )


def test_a_renamed_heading_links_to_its_new_anchor(tmp_path: Path, anchors: object) -> None:
    notice = notice_for(tmp_path, anchors, lambda text: text.replace("## 丙", "## 丙二"))
    assert notice.sections == (NoticeSection("changed", "Gamma", "en", "../page.html#丙二"),)


def test_a_change_readers_cannot_see_gives_no_notice(tmp_path: Path, anchors: object) -> None:
    assert notice_for(tmp_path, anchors, lambda text: text.replace("一章。", "两章。")) is None


def test_text_above_the_first_heading_links_to_the_top(tmp_path: Path, anchors: object) -> None:
    notice = notice_for(
        tmp_path, anchors, lambda text: text.replace("---\n\n", "---\n\n引言。\n\n")
    )
    assert notice.sections == (NoticeSection("added", None, "en", "../page.html"),)


@pytest.mark.parametrize(
    ("original", "url"),
    [("zh/post-training.md", "post-training.html"), ("en/reading.md", "en/reading.html")],
)
def test_without_static_i18n_alternates_the_original_url_is_derived(
    config: object, original: str, url: str
) -> None:
    """static-i18n's `alternates` is not public API: the hook does without it."""
    hook = load_hook("outdated_translations")
    page = SimpleNamespace(file=SimpleNamespace())
    assert hook.original_url(page, original, config) == url
