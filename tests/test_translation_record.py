"""The translation record file: written readably, read back exactly, damage named by line."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.build import hook_module

record = hook_module("translation_record")
RecordEntry, RecordedSection = record.RecordEntry, record.RecordedSection
SHOWN = "docs/translations.yml"
DIGEST = "0123456789abcdef"

ENTRIES = {
    "en/post-training.md": RecordEntry(
        "zh/post-training.md",
        (
            RecordedSection("(front matter)", "1111111111111111"),
            RecordedSection("# 从预训练到后训练", "2222222222222222"),
            RecordedSection('## "Quoted": a #hash', "3333333333333333"),
        ),
    ),
    "en/index.md": RecordEntry("zh/index.md", (RecordedSection("# 首页", DIGEST),)),
}


def test_the_file_is_sorted_with_one_line_per_section() -> None:
    text = record.format_record(ENTRIES)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == [
        "en/index.md:",
        "  original: zh/index.md",
        "  sections:",
        '    - {digest: 0123456789abcdef, heading: "# 首页"}',
        "en/post-training.md:",
        "  original: zh/post-training.md",
        "  sections:",
        '    - {digest: 1111111111111111, heading: "(front matter)"}',
        '    - {digest: 2222222222222222, heading: "# 从预训练到后训练"}',
        '    - {digest: 3333333333333333, heading: "## \\"Quoted\\": a #hash"}',
    ]
    assert text.startswith("# ")
    assert "make translated" in text.split("\n\n")[0]


def test_what_is_written_reads_back_with_the_line_of_each_entry() -> None:
    entries = record.parse_record(record.format_record(ENTRIES), SHOWN)
    assert entries == {
        path: RecordEntry(entry.original, entry.sections, entries[path].line)
        for path, entry in ENTRIES.items()
    }
    lines = record.format_record(ENTRIES).splitlines()
    assert lines[entries["en/post-training.md"].line - 1] == "en/post-training.md:"


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=20).map(lambda name: f"en/{name}.md"),
        st.lists(st.text(min_size=1, max_size=30), max_size=5),
        max_size=4,
    )
)
def test_any_paths_and_headings_read_back_unchanged(pages: dict[str, list[str]]) -> None:
    entries = {
        path: RecordEntry(f"zh/{path[3:]}", tuple(RecordedSection(h, DIGEST) for h in headings))
        for path, headings in pages.items()
    }
    read = record.parse_record(record.format_record(entries), SHOWN)
    assert {path: (e.original, e.sections) for path, e in read.items()} == {
        path: (e.original, e.sections) for path, e in entries.items()
    }


def test_an_empty_or_missing_file_is_an_empty_record(tmp_path: Path) -> None:
    assert record.read_record(tmp_path / "translations.yml", SHOWN) == {}
    (tmp_path / "translations.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert record.read_record(tmp_path / "translations.yml", SHOWN) == {}


GOOD = record.format_record(ENTRIES)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("en/index.md:\n  original: [zh/index.md\n", 3, "not valid YAML"),
        ("- en/index.md\n", 1, "the file must map each translation to its record"),
        ("en/index.md:\n  sections: []\n", 1, "the entry of en/index.md has no 'original'"),
        (
            "en/index.md:\n  original: zh/index.md\n  sections: []\n  notes: x\n",
            4,
            "the entry of en/index.md has an unknown key 'notes'",
        ),
        (
            "en/index.md:\n  original: zh/index.md\n  sections: {}\n",
            3,
            "the sections of en/index.md must be a list",
        ),
        (
            GOOD.replace("1111111111111111", "11111111111"),
            GOOD[: GOOD.index("11111111")].count("\n") + 1,
            "the digest of section 1 of en/post-training.md is not 16 hex digits",
        ),
        (
            GOOD.replace('heading: "(front matter)"', "title: x"),
            GOOD[: GOOD.index("(front matter)")].count("\n") + 1,
            "section 1 of en/post-training.md has an unknown key 'title'",
        ),
        (
            GOOD + "en/index.md:\n  original: zh/index.md\n  sections: []\n",
            GOOD.count("\n") + 1,
            "en/index.md is recorded twice",
        ),
        ("en/index.md:\n\toriginal: zh/index.md\n", 2, "not valid YAML"),
    ],
    ids=[
        "yaml",
        "not-a-mapping",
        "no-original",
        "unknown-key",
        "sections-not-a-list",
        "short-digest",
        "no-heading",
        "twice",
        "tab",
    ],
)
def test_a_damaged_record_names_its_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(record.RecordError) as raised:
        record.parse_record(text, SHOWN)
    message = str(raised.value)
    assert message.startswith(f"{SHOWN}:{line}: {problem}"), message
    assert "git checkout -- docs/translations.yml" in message


def test_a_file_that_is_not_utf8_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "translations.yml"
    path.write_bytes(b"en/index.md:\n  original: \xff\n")
    with pytest.raises(record.RecordError, match=r"^docs/translations.yml:2: not UTF-8 text"):
        record.read_record(path, SHOWN)


def test_writing_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "translations.yml"
    path.write_text("old\n", encoding="utf-8")
    record.write_record(path, ENTRIES)
    assert path.read_text(encoding="utf-8") == GOOD
    assert [p.name for p in tmp_path.iterdir()] == ["translations.yml"]


def test_the_header_says_what_the_file_is() -> None:
    header = dedent(record.HEADER)
    assert "make translated" in header
    assert "CONTRIBUTING.md" in header
