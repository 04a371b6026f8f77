"""A page's sections and their digests: where a page splits, and what counts as a change."""

from __future__ import annotations

import re
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown

from tests.helpers.build import hook_module

sections = hook_module("translation_sections")
split_page = sections.split_page

CHAPTER = dedent(
    """\
    ---
    description: 一页。
    ---

    # 标题

    导语。

    ## 第一节

    正文。

    ## 第二节

    正文。
    """
)


def outline(source: str) -> list[tuple[str, int, int]]:
    return [(s.heading, s.first_line, s.last_line) for s in split_page(source).sections]


def digests(source: str) -> list[str]:
    return [section.digest for section in split_page(source).sections]


def test_a_page_splits_at_every_heading_and_level() -> None:
    source = "# Title\n\nLead.\n\n## One\nText.\n### One point one\n#### Deep\n\n## Two\n"
    assert outline(source) == [
        ("# Title", 1, 3),
        ("## One", 5, 6),
        ("### One point one", 7, 7),
        ("#### Deep", 8, 8),
        ("## Two", 10, 10),
    ]


def test_the_front_matter_is_a_section_of_its_own() -> None:
    assert outline(CHAPTER) == [
        (sections.FRONT_MATTER, 1, 3),
        ("# 标题", 5, 7),
        ("## 第一节", 9, 11),
        ("## 第二节", 13, 15),
    ]


def test_text_above_the_first_heading_is_a_section() -> None:
    assert outline("Intro.\n\n# Title\n") == [(sections.PAGE_TOP, 1, 1), ("# Title", 3, 3)]
    assert outline("\n\n# Title\n") == [("# Title", 3, 3)]


@pytest.mark.parametrize(
    "code",
    [
        "```bash\n# a comment\n## another\n```",
        "~~~\n# a comment\n~~~",
        "````markdown\n```\n# inside a fence shown as code\n```\n````",
        "!!! note\n\n    ```python\n# at the margin, still code\n    ```",
    ],
    ids=["backticks", "tildes", "longer-fence", "indented-fence"],
)
def test_hash_lines_in_fenced_code_are_not_headings(code: str) -> None:
    source = f"# Title\n\n{code}\n\n## After\n"
    assert [heading for heading, *_ in outline(source)] == ["# Title", "## After"]


def test_hashes_follow_python_markdown() -> None:
    # Python-Markdown needs no space after the hashes; indented hashes are text or code.
    source = "#Tight\n\n   # indented\n\n    # code\n\n## Closed ##\n"
    assert [heading for heading, *_ in outline(source)] == ["#Tight", "## Closed ##"]


def test_repeated_headings_are_sections_of_their_own() -> None:
    source = "## Example\n\nOne.\n\n## Example\n\nTwo.\n"
    first, second = split_page(source).sections
    assert (first.first_line, second.first_line) == (1, 5)
    assert first.digest != second.digest
    changed = split_page(source.replace("Two.", "Three."))
    assert [s.digest for s in changed.sections] == [first.digest, changed.sections[1].digest]
    assert changed.sections[1].digest != second.digest


def test_a_renamed_heading_changes_its_section_only() -> None:
    renamed = digests(CHAPTER.replace("## 第一节", "## 第一部分"))
    original = digests(CHAPTER)
    assert [old == new for old, new in zip(original, renamed, strict=True)] == [
        True,
        True,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Pretraining takes about three months.", "Pretraining takes\nabout three\nmonths."),
        ("Pretraining takes about three months.", "  Pretraining   takes about three months.  "),
        ("预训练大约需要三个月。", "预训练大约\n需要三个月。"),
        ("base 模型是文档模拟器。", "base模型是文档模拟器。"),
        ("一段。\n\n另一段。", "一段。\n\n\n\n另一段。"),
        ("Line one.\nLine two.", "Line one.\r\nLine two."),
    ],
    ids=["rewrap", "spaces", "rewrap-chinese", "space-by-chinese", "blank-lines", "crlf"],
)
def test_white_space_is_no_change(old: str, new: str) -> None:
    page = "# Title\n\n{}\n\n## Next\n\nText.\n"
    assert digests(page.format(old)) == digests(page.format(new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("about three months", "about four months"),
        ("the base model", "the basic model"),
        ("[SFT](sft.md)", "[SFT](rlhf.md)"),
        ("`tokens`", "`token`"),
        ("```python\nif a:\n    b()\n```", "```python\nif a:\n  b()\n```"),
        ("```python\nx = 1\n```", "```text\nx = 1\n```"),
        ("- [ ] One\n- [x] Two", "- [x] One\n- [ ] Two"),
        ("A, B", "A。B"),
    ],
    ids=["number", "word", "link", "inline-code", "code-indent", "code-language", "quiz", "mark"],
)
def test_any_other_change_is_a_change(old: str, new: str) -> None:
    page = "# Title\n\nText.\n\n## Section\n\n{}\n\n## Next\n\nText.\n"
    before, after = digests(page.format(old)), digests(page.format(new))
    assert [one == other for one, other in zip(before, after, strict=True)] == [True, False, True]


def test_the_front_matter_digest_is_of_its_values() -> None:
    folded = CHAPTER.replace("description: 一页。", "description: >-\n  一页。")
    with_original = CHAPTER.replace("---\n\n", "original: zh\n---\n\n", 1)
    described = CHAPTER.replace("一页。", "两页。", 1)
    assert digests(folded) == digests(CHAPTER) == digests(with_original)
    assert digests(described)[0] != digests(CHAPTER)[0]
    assert digests(described)[1:] == digests(CHAPTER)[1:]
    assert split_page(with_original).front_matter["original"] == "zh"


def test_digests_are_stable() -> None:
    """The committed record holds these digests: another algorithm would outdate every page."""
    assert digests(CHAPTER) == [
        "7cd07820385afa81",
        "03afaf16316acebf",
        "3eee5062a9105b21",
        "a827eb3badef5f99",
    ]


# Property-based: pages made of headings, paragraphs and fenced code, compared with what
# Python-Markdown and SuperFences make of them.
WORDS = st.text(alphabet="ab中文 #`~\\", max_size=10)
HEADING = st.builds(lambda level, text: "#" * level + text, st.integers(1, 7), WORDS)
PARAGRAPH = st.lists(WORDS.filter(lambda line: line.strip()), min_size=1, max_size=3).map("\n".join)
FENCE = st.builds(
    lambda fence, lines: "\n".join([fence, *lines, fence]),
    st.sampled_from(["```", "~~~", "````"]),
    st.lists(WORDS, max_size=4),
)
PAGE = st.lists(st.one_of(HEADING, PARAGRAPH, FENCE), max_size=8).map("\n\n".join)
RE_RENDERED_HEADING = re.compile(r"<h(?P<level>[1-6])>")


@settings(deadline=None)
@given(PAGE)
def test_sections_start_where_python_markdown_makes_headings(source: str) -> None:
    rendered = Markdown(extensions=["pymdownx.superfences"]).convert(source)
    levels = [int(match["level"]) for match in RE_RENDERED_HEADING.finditer(rendered)]
    found = [s.heading for s in split_page(source).sections if s.is_heading]
    assert [min(len(h) - len(h.lstrip("#")), 6) for h in found] == levels


PROSE_WORD = st.text(alphabet="abc中文,。", min_size=1, max_size=6)


@settings(deadline=None)
@given(
    st.lists(st.lists(PROSE_WORD, min_size=1, max_size=12), min_size=1, max_size=4),
    st.integers(1, 5),
    st.data(),
)
def test_rewrapping_never_changes_a_digest_and_an_edit_always_does(
    paragraphs: list[list[str]], width: int, data: st.DataObject
) -> None:
    def page(texts: list[list[str]], wrap: int) -> str:
        body = "\n\n".join(
            "\n".join(" ".join(words[i : i + wrap]) for i in range(0, len(words), wrap))
            for words in texts
        )
        return f"# Title\n\n{body}\n\n## Next\n\nText.\n"

    assert digests(page(paragraphs, width)) == digests(page(paragraphs, 100))
    which = data.draw(st.integers(0, len(paragraphs) - 1))
    edited = [*paragraphs[:which], [*paragraphs[which], "x"], *paragraphs[which + 1 :]]
    assert digests(page(edited, width))[0] != digests(page(paragraphs, width))[0]
    assert digests(page(edited, width))[1] == digests(page(paragraphs, width))[1]
