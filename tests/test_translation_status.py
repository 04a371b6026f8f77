"""Which translations are behind: originals, sections matched with the record, messages."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from tests.helpers.build import hook_module

status_module = hook_module("translation_status")
record_module = hook_module("translation_record")
sections_module = hook_module("translation_sections")
RecordEntry = record_module.RecordEntry
CHANGED, ADDED, REMOVED = status_module.CHANGED, status_module.ADDED, status_module.REMOVED
SHOWN = "docs/translations.yml"

ZH = dedent(
    """\
    ---
    description: 一章。
    ---

    # 一章

    导语。

    ## 甲

    甲的正文。

    ## 乙

    乙的正文。

    ## 丙

    丙的正文。
    """
)
EN = dedent(
    """\
    ---
    description: A chapter.
    ---

    # A chapter

    Lead.

    ## Alpha

    Alpha's text.

    ## Beta

    Beta's text.

    ## Gamma

    Gamma's text.
    """
)


def changes(old: str, new: str) -> list[tuple[str, str | None, int | None]]:
    """Return (kind, heading now, recorded place) for each change from `old` to `new`."""
    recorded = RecordEntry.of("zh/page.md", sections_module.split_page(old).sections).sections
    now = sections_module.split_page(new).sections
    return [
        (change.kind, change.now.heading if change.now else None, change.recorded_index)
        for change in status_module.compare_sections(recorded, now)
    ]


def test_an_unchanged_original_has_no_changes() -> None:
    assert changes(ZH, ZH.replace("乙的正文。", "乙的\n正文。")) == []


def test_a_changed_section_is_named_with_its_place() -> None:
    assert changes(ZH, ZH.replace("乙的正文。", "乙的新正文。")) == [(CHANGED, "## 乙", 3)]


def test_a_renamed_heading_is_that_section_changed() -> None:
    assert changes(ZH, ZH.replace("## 乙", "## 乙二")) == [(CHANGED, "## 乙二", 3)]


def test_added_and_removed_sections() -> None:
    added = ZH.replace("## 丙", "## 新\n\n新的正文。\n\n## 丙")
    assert changes(ZH, added) == [(ADDED, "## 新", None)]
    removed = ZH.replace("## 乙\n\n乙的正文。\n\n", "")
    assert changes(ZH, removed) == [(REMOVED, None, 3)]


def test_a_change_next_to_an_added_section_keeps_both_apart() -> None:
    edited = ZH.replace("## 乙\n\n乙的正文。", "## 新\n\n新的正文。\n\n## 乙\n\n乙的新正文。")
    assert changes(ZH, edited) == [(ADDED, "## 新", None), (CHANGED, "## 乙", 3)]


def test_repeated_headings_are_told_apart_by_place() -> None:
    repeated = ZH.replace("## 乙", "## 例").replace("## 丙", "## 例")
    edited = repeated.replace("丙的正文。", "丙的新正文。")
    assert changes(repeated, edited) == [(CHANGED, "## 例", 4)]
    assert changes(repeated, repeated.replace("乙的正文。", "改了。")) == [(CHANGED, "## 例", 3)]


def test_the_front_matter_is_compared_too() -> None:
    assert changes(ZH, ZH.replace("一章。", "两章。")) == [(CHANGED, "(front matter)", 0)]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    for language, text in (("zh", ZH), ("en", EN)):
        (tmp_path / language).mkdir()
        (tmp_path / language / "page.md").write_text(text, encoding="utf-8")
    return tmp_path


def status_of(docs: Path, record: dict[str, object] | None = None) -> object:
    return status_module.site_status(docs, ("zh", "en"), "zh", record or {}, SHOWN)


def name_original(page: Path, language: str) -> None:
    """Add `original: LANGUAGE` to the end of a page's front matter."""
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n\n", f"original: {language}\n---\n\n", 1), encoding="utf-8")


def recorded(docs: Path, translation: str, original: str) -> dict[str, object]:
    page = status_module.read_page(docs / original)
    return {translation: RecordEntry.of(original, page.sections)}


def test_the_default_language_is_the_original(docs: Path) -> None:
    report = status_of(docs)
    assert [(s.path, s.original) for s in report.translations] == [("en/page.md", "zh/page.md")]
    assert report.notes == [
        (
            f"en/page.md translates zh/page.md and is not in {SHOWN} yet, so it counts as up to "
            "date; run 'make translated' to record it"
        )
    ]
    assert report.outdated == []
    assert report.warnings == []


@pytest.mark.parametrize("written_in", ["en", "zh"])
def test_the_front_matter_can_name_the_other_language(docs: Path, written_in: str) -> None:
    name_original(docs / written_in / "page.md", "en")
    report = status_of(docs)
    assert [(s.path, s.original) for s in report.translations] == [("zh/page.md", "en/page.md")]
    assert report.warnings == []


def test_an_unknown_original_is_a_warning_with_file_and_line(docs: Path) -> None:
    name_original(docs / "en" / "page.md", "english")
    report = status_of(docs)
    assert report.warnings == [
        (
            "en/page.md:3: front matter 'original: english' is not a language of this site; write "
            "one of original: zh, original: en, or remove the line"
        )
    ]
    assert [s.original for s in report.translations] == ["zh/page.md"]


def test_originals_that_disagree_are_a_warning(docs: Path) -> None:
    for language in ("zh", "en"):
        name_original(docs / language / "page.md", language)
    assert status_of(docs).warnings == [
        (
            "en/page.md:3: front matter 'original: en' disagrees with 'original: zh' in "
            "zh/page.md:3; name the same original in every version"
        )
    ]


def test_an_original_that_does_not_exist_is_a_warning(docs: Path) -> None:
    (docs / "en" / "page.md").unlink()
    name_original(docs / "zh" / "page.md", "en")
    report = status_of(docs)
    assert report.warnings == [
        (
            "zh/page.md:3: front matter 'original: en' names en/page.md, which does not exist; "
            "name a version that exists, or remove the line"
        )
    ]
    assert report.translations == []


def test_a_page_written_in_one_language_first_is_no_translation(docs: Path) -> None:
    (docs / "zh" / "page.md").unlink()
    name_original(docs / "en" / "page.md", "en")
    report = status_of(docs)
    assert (report.translations, report.warnings, report.notes) == ([], [], [])


def test_an_outdated_translation_says_what_changed_and_where(docs: Path) -> None:
    record = recorded(docs, "en/page.md", "zh/page.md")
    zh = docs / "zh" / "page.md"
    zh.write_text(
        zh.read_text()
        .replace("乙的正文。", "乙的新正文。\n第二行。")
        .replace("## 甲\n\n甲的正文。\n\n", "")
        + "\n## 丁\n\n丁的正文。\n"
    )
    report = status_of(docs, record)
    [status] = report.outdated
    assert status_module.outdated_message(status) == (
        'en/page.md is behind its original zh/page.md: "## 甲" removed (translated at '
        'en/page.md:9-11), "## 乙" changed (zh/page.md:9-12), "## 丁" added (zh/page.md:18-20); '
        "update the translation, then run 'make translated PAGE=en/page.md'"
    )
    assert report.notes == []


def test_the_translation_follows_the_record_place_by_place(docs: Path) -> None:
    record = recorded(docs, "en/page.md", "zh/page.md")
    zh = docs / "zh" / "page.md"
    zh.write_text(zh.read_text().replace("丙的正文。", "丙的新正文。"))
    en = docs / "en" / "page.md"
    en.write_text(en.read_text().split("---\n\n", 1)[1])  # a translation without front matter
    [status] = status_of(docs, record).outdated
    [change] = status.changes
    assert status.counterpart(change).heading == "## Gamma"


def test_stale_entries_are_noted_with_their_line(docs: Path) -> None:
    record = recorded(docs, "en/page.md", "zh/page.md")
    record["en/gone.md"] = RecordEntry("zh/gone.md", (), 12)
    moved = {**record, "en/page.md": RecordEntry("fr/page.md", (), 3)}
    assert status_of(docs, record).notes == [
        (
            f"{SHOWN}:12: en/gone.md is no longer a translation of zh/gone.md; run 'make "
            "translated' to drop its entry"
        )
    ]
    assert status_of(docs, moved).notes[0] == (
        f"{SHOWN}:3: en/page.md is recorded as a translation of fr/page.md, but its original "
        "is now zh/page.md; run 'make translated' to record it as up to date with zh/page.md"
    )


def test_a_page_is_read_again_once_it_changes(docs: Path) -> None:
    """`mkdocs serve` compares every page on each rebuild: unchanged ones are not read again."""
    page = docs / "zh" / "page.md"
    first = status_module.read_page(page)
    assert status_module.read_page(page) is first
    page.write_text(ZH.replace("乙的正文。", "乙的新正文。"), encoding="utf-8")
    changed = status_module.read_page(page)
    assert changed is not first
    assert changed.sections[3].digest != first.sections[3].digest
