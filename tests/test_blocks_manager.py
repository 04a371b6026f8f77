"""The quicker `pymdownx.blocks` manager: same output as pymdownx's own, less work."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree
from typing import Any

import markdown
import pymdownx.blocks
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_plugin.blocks_manager import FastBlocksProcessor, _ElementsWhenNested, simple_options
from quiz_plugin.extension import QuizExtension

BLOCK_EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
]

# Blocks nested in blocks and in list items: where pymdownx reads its parent map.
NESTED = """
    - item

        /// note | In a list
        Text.

        - inner item

            /// details | Deeper
            Deep text.

            /// tab | One
            Tab text.
            ///
            ///

        After.
        ///

    /// quiz
        id: nested

    Question?

    - [ ] No

        /// note
        Feedback in a block.
        ///

    - [x] Yes

    /// details | Explanation
        open: true
        type: warning

    Explained.
    ///
    ///

    Closing paragraph.
"""

# Headers, and whether the manager reads them without YAML (then exactly as YAML would).
HEADERS = [
    ("id: why-post-training\n", True),
    ("multiple: true\nshuffle: false\n", True),
    ("id: a1-b2\nid: c3\n", True),
    ("type: warning\nopen: true\n", True),
    ("multiple: yes\n", False),
    ("shuffle: on\n", False),
    ("id: null\n", False),
    ("id: 123\n", False),
    ("id: True\n", False),
    ("id: two words\n", False),
    ("id: 'quoted'\n", False),
    ("attrs: {class: x}\n", False),
    ("on: true\n", False),
    ("id: x # comment\n", False),
    # YAML breaks lines at "\n" only, not at a form feed or a vertical tab.
    ("id: a\x0c\n", False),
    ("id: a\x0c", False),
    ("id: a\x0b\n", False),
    ("id: a\x0cshuffle: true\n", False),
]


@pytest.mark.parametrize(("header", "quick"), HEADERS)
def test_headers_are_read_as_yaml_reads_them(header: str, quick: bool) -> None:
    assert simple_options(header) == (yaml.safe_load(header) if quick else None)


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abcyesnotrufl_1 \t\x0c\x0b:#-'", max_size=8),
            st.text(alphabet="abcyesnotrufl_1 \t\x0c\x0b:#-'", max_size=10),
        ),
        min_size=1,
        max_size=3,
    )
)
@settings(max_examples=300, database=None, derandomize=True)
def test_any_header_read_without_yaml_reads_as_in_yaml(lines: list[tuple[str, str]]) -> None:
    header = "".join(f"{name}: {value}\n" for name, value in lines)
    options = simple_options(header)
    if options is not None:
        assert options == yaml.safe_load(header)


def convert(source: str, *, quiz_first: bool) -> str:
    """Convert with the quiz extension before the other blocks (quicker manager) or after."""
    quiz = QuizExtension()
    extensions: list[Any] = [*BLOCK_EXTENSIONS]
    extensions = [quiz, *extensions] if quiz_first else [*extensions, quiz]
    md = markdown.Markdown(extensions=extensions)
    manager = md.parser.blockprocessors["blocks"]
    assert isinstance(manager, FastBlocksProcessor) is quiz_first
    return md.convert(textwrap.dedent(source))


def test_quicker_manager_renders_nested_blocks_like_pymdownx() -> None:
    quick = convert(NESTED, quiz_first=True)
    assert quick == convert(NESTED, quiz_first=False)
    assert quick.count('class="admonition note"') == 2
    assert 'class="quiz"' in quick and "Deep text." in quick and "Tab text." in quick


def test_other_blocks_share_the_quicker_manager() -> None:
    md = markdown.Markdown(extensions=[QuizExtension(), *BLOCK_EXTENSIONS])
    manager = md.parser.blockprocessors["blocks"]
    assert isinstance(manager, FastBlocksProcessor)
    assert {"quiz", "admonition", "details", "tab", "note"} <= set(manager.blocks)


def test_simple_headers_do_not_reach_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def frontmatter(text: str) -> dict[str, Any] | None:
        read.append(text)
        return dict(yaml.safe_load(text))

    monkeypatch.setattr(pymdownx.blocks, "get_frontmatter", frontmatter)
    html = convert(NESTED, quiz_first=True)
    assert read == []
    assert 'id="quiz-nested"' in html and '<details class="warning" open="open">' in html
    convert(NESTED.replace("id: nested", 'id: "nested"'), quiz_first=True)
    assert [text.strip() for text in read] == ['id: "nested"']


def test_parent_map_walks_the_page_only_for_nested_blocks() -> None:
    page = etree.Element("div")
    etree.SubElement(etree.SubElement(page, "ul"), "li")
    manager = FastBlocksProcessor(markdown.Markdown().parser, markdown.Markdown())
    manager.stack.append(object())  # type: ignore[arg-type]
    assert list(_ElementsWhenNested(manager, page).iter()) == []
    manager.stack.append(object())  # type: ignore[arg-type]
    assert [element.tag for element in _ElementsWhenNested(manager, page).iter()] == [
        "div",
        "ul",
        "li",
    ]
