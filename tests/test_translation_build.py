"""Whole builds: outdated translations get a notice and an INFO line; current ones nothing."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.helpers.build import ROOT, Site, build_site, copy_project, free_port, hook_module
from tests.helpers.pages import tags
from tests.helpers.translations import (
    CHAPTER,
    EN_SECTION,
    READING_ANCHOR,
    ZH_ANCHOR,
    ZH_EDIT,
    ZH_SECTION,
    add_reading_pages,
    drifted_project,
    edit,
    heading_line,
    run_cli,
    section_lines,
)

LOGGER = "mkdocs.plugins.translations"
PREFIX = "translations: "
RE_NOTICE = re.compile(
    r'<div class="admonition warning translation-outdated"[^>]*>.*?</div>', re.DOTALL
)
RE_HEADING_ID = re.compile(r'<h[1-6]\b[^>]*\bid="(?P<id>[^"]*)"')
NOTICE_TITLES = ("This translation may be out of date", "本页译文可能已过时")


def build(project: Path) -> Site:
    url = f"http://127.0.0.1:{free_port()}/"
    records = build_site(project, project / "site", url)
    return Site(root=project / "site", url=url, log=records)


def notice(page: str) -> str | None:
    found = RE_NOTICE.findall(page)
    assert len(found) <= 1
    return found[0] if found else None


def links(html: str) -> list[tuple[str, str]]:
    return [(href, text) for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html)]


def infos(site: Site) -> list[str]:
    """Return the INFO lines of the translations hook, without their `translations: ` prefix."""
    return [
        r.getMessage().removeprefix(PREFIX)
        for r in site.log
        if r.name == LOGGER and r.levelno == logging.INFO
    ]


def warnings(site: Site) -> list[str]:
    return [r.getMessage().removeprefix(PREFIX) for r in site.log if r.levelno >= logging.WARNING]


@pytest.fixture(scope="module")
def drifted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    """Translations recorded, then one section of each original changed; a new unrecorded pair."""
    project = drifted_project(tmp_path_factory.mktemp("drifted"))
    for language, title in (("zh", "# 术语表\n\n新的一页。\n"), ("en", "# Glossary\n\nNew.\n")):
        (project / "docs" / language / "glossary.md").write_text(title, encoding="utf-8")
    return project, build(project)


def test_the_translation_shows_which_section_of_its_original_changed(
    drifted: tuple[Path, Site],
) -> None:
    page = drifted[1].html("en/post-training.html")
    found = notice(page)
    assert found is not None
    assert "This translation may be out of date" in found
    assert links(found) == [
        ("../post-training.html", "Chinese original"),
        (f"../post-training.html#{ZH_ANCHOR}", EN_SECTION),
    ]
    assert "(changed)" in found
    assert page.index(found) < page.index("<h1"), "the notice is at the top"


def test_an_english_first_page_gives_its_chinese_translation_a_chinese_notice(
    drifted: tuple[Path, Site],
) -> None:
    page = drifted[1].html("reading.html")
    found = notice(page)
    assert found is not None
    assert '<html lang="zh"' in page
    assert "本页译文可能已过时" in found
    assert "英文原文" in found
    assert links(found) == [
        ("en/reading.html", "英文原文"),
        (f"en/reading.html#{READING_ANCHOR}", "论文"),
    ]
    assert "（有改动）" in found
    assert [t.get("hreflang") for t in tags(found, "a")] == ["en", "en"]


def test_the_anchors_are_those_of_the_original(drifted: tuple[Path, Site]) -> None:
    zh = drifted[1].html("post-training.html")
    en = drifted[1].html("en/reading.html")
    assert ZH_ANCHOR in RE_HEADING_ID.findall(zh)
    assert RE_HEADING_ID.findall(en).count(READING_ANCHOR) == 1


@pytest.mark.parametrize(
    "page",
    [
        "post-training.html",
        "en/reading.html",
        "index.html",
        "en/index.html",
        "glossary.html",
        "en/glossary.html",
    ],
)
def test_originals_and_current_translations_show_nothing(
    drifted: tuple[Path, Site], page: str
) -> None:
    assert notice(drifted[1].html(page)) is None


def test_one_info_line_per_outdated_or_unrecorded_translation(
    drifted: tuple[Path, Site],
) -> None:
    project, site = drifted
    zh = project / "docs" / "zh" / CHAPTER
    heading = heading_line(zh, ZH_SECTION)
    lines = section_lines(zh, heading)
    reading = section_lines(project / "docs" / "en" / "reading.md", "## Papers", 2)
    assert infos(site) == [
        (
            f'en/post-training.md is behind its original zh/post-training.md: "{heading}" changed '
            f"(zh/post-training.md:{lines}); update the translation, then run "
            "'make translated PAGE=en/post-training.md'"
        ),
        (
            f'zh/reading.md is behind its original en/reading.md: "## Papers" changed '
            f"(en/reading.md:{reading}); update the translation, then run "
            "'make translated PAGE=zh/reading.md'"
        ),
        (
            "en/glossary.md translates zh/glossary.md and is not in docs/translations.yml yet, so "
            "it counts as up to date; run 'make translated' to record it"
        ),
    ]
    assert warnings(site) == []


def test_the_notice_is_not_in_the_search_index(drifted: tuple[Path, Site]) -> None:
    site = drifted[1]
    assert notice(site.html("en/post-training.html")) is not None
    for index in ("search/search_index.json", "en/search/search_index.json"):
        documents = json.loads(site.html(index))["docs"]
        assert documents, index
        text = json.dumps(documents, ensure_ascii=False)
        assert not [title for title in NOTICE_TITLES if title in text], index
        assert "原文新增" not in text
        assert "new in the original" not in text


def test_the_record_is_neither_copied_nor_a_page(drifted: tuple[Path, Site]) -> None:
    project, site = drifted
    assert (project / "docs" / "translations.yml").is_file()
    assert list(site.root.rglob("translations*")) == []
    assert "translations" not in site.html("sitemap.xml")


def test_recording_the_translation_removes_its_notice(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    assert notice(build(project).html("en/post-training.html")) is not None
    result = run_cli(project, "record", "en/post-training.md")
    assert result.returncode == 0, result.stdout + result.stderr
    site = build(project)
    assert notice(site.html("en/post-training.html")) is None
    assert infos(site) == []


def test_a_new_pair_is_listed_until_it_is_recorded(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_reading_pages(project)
    assert [m for m in infos(build(project)) if "zh/reading.md translates" in m]
    assert run_cli(project, "record").returncode == 0
    assert infos(build(project)) == []


def test_a_damaged_record_is_a_warning_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    record = project / "docs" / "translations.yml"
    record.write_text(record.read_text(encoding="utf-8") + "en/extra.md: [\n", encoding="utf-8")
    line = record.read_text(encoding="utf-8").count("\n") + 1
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    site = build(project)
    [warning] = warnings(site)
    assert warning.startswith(f"docs/translations.yml:{line}: not valid YAML")
    assert notice(site.html("en/post-training.html")) is None


def test_an_unknown_original_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "docs" / "en" / CHAPTER, "---\n", "---\noriginal: english\n")
    site = build(project)
    assert warnings(site) == [
        (
            "en/post-training.md:2: front matter 'original: english' is not a language of this "
            "site; write one of original: zh, original: en, or remove the line"
        )
    ]


def test_the_sites_pages_have_no_notice_and_are_all_recorded(site: Site) -> None:
    assert not [p for p in site.root.rglob("*.html") if "translation-outdated" in p.read_text()]
    assert any(r.levelno == logging.INFO for r in site.log), "the log holds INFO lines"
    assert [r.getMessage() for r in site.log if r.name == LOGGER] == []


def test_anchors_match_the_built_pages_on_every_page(site: Site) -> None:
    sections = hook_module("translation_sections")
    anchors = hook_module("translation_notice").HeadingAnchors(
        load_config(str(ROOT / "mkdocs.yml")).mdx_configs["toc"]
    )
    for source in sorted((ROOT / "docs").glob("*/*.md")):
        language, name = source.parent.name, source.with_suffix(".html").name
        built = site.html(name if language == "zh" else f"{language}/{name}")
        page = sections.split_page(source.read_text(encoding="utf-8"))
        computed = [anchors.of(page.sections)[section][1] for section in page.headings]
        assert computed == RE_HEADING_ID.findall(built), source


def test_a_one_language_preview_compares_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make serve-en` builds English as the default language: the original is not known."""
    project = copy_project(tmp_path / "project")
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    site = build(project)
    assert notice(site.html("post-training.html")) is None
    assert infos(site) == []
    assert warnings(site) == []
