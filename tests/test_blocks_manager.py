"""The quicker `pymdownx.blocks` manager: same output as pymdownx's own, less work."""

from __future__ import annotations

import itertools
import logging
import re
import textwrap
import xml.etree.ElementTree as etree
from typing import Any

import markdown
import pymdownx.blocks
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from quiz_plugin import blocks_manager
from quiz_plugin.blocks_manager import FastBlocksProcessor, _ElementsWhenNested, simple_options
from quiz_plugin.extension import QuizExtension
from tests.helpers.build import ROOT
from tests.helpers.markdown import SITE_CONFIGS, SITE_EXTENSIONS

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
    assert 'class="quiz"' in quick
    assert "Deep text." in quick
    assert "Tab text." in quick


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
    assert 'id="quiz-nested"' in html
    assert '<details class="warning" open="open">' in html
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


# --- verified versions, and the same HTML as pymdownx's manager ---------------------------


@pytest.mark.parametrize(
    ("version", "fast"),
    [((13, 1), True), ((13, 0), False), ((13, 2), False), ((12, 9), False), ((14, 0), False)],
)
def test_the_faster_manager_parses_only_on_verified_versions(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    version: tuple[int, int],
    fast: bool,
) -> None:
    monkeypatch.setattr(blocks_manager, "pymdownx_version", lambda: version)
    caplog.set_level(logging.DEBUG)
    md = markdown.Markdown(extensions=[QuizExtension(), *BLOCK_EXTENSIONS])
    manager = md.parser.blockprocessors["blocks"]
    assert isinstance(manager, FastBlocksProcessor) is fast
    assert type(manager) is (FastBlocksProcessor if fast else pymdownx.blocks.BlocksProcessor)
    notes = [r.getMessage() for r in caplog.records if "verified" in r.getMessage()]
    assert bool(notes) is not fast
    assert 'class="quiz"' in md.convert("/// quiz\nQ?\n\n- [x] a\n- [ ] b\n///\n")


def test_the_installed_pymdownx_is_a_verified_version() -> None:
    # What the lock installs is what the comparisons below ran with.
    assert blocks_manager.verified(blocks_manager.pymdownx_version())


def corpus() -> dict[str, str]:
    """Block documents: golden files, the pages, the guide's examples, nestings, odd headers."""
    documents = {f"golden/{p.name}": get_data(p.read_text("utf-8"))[0] for p in GOLDEN}
    documents |= {
        f"docs/{p.parent.name}/{p.name}": get_data(p.read_text("utf-8"))[0] for p in PAGES
    }
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for number, example in enumerate(RE_GUIDE_EXAMPLE.findall(guide)):
        documents[f"CONTRIBUTING example {number}"] = textwrap.dedent(example)
    for outer, inner in itertools.product(BLOCK_KINDS, repeat=2):
        documents[f"{outer} in {outer}"] = nest(outer, nest(outer, QUIZ))
        documents[f"{inner} in {outer}"] = nest(outer, nest(inner, QUIZ))
    for number, header in enumerate(ODD_HEADERS):
        documents[f"odd header {number}"] = f"/// quiz\n{header}\nQ?\n\n- [x] a\n- [ ] b\n///\n"
        documents[f"odd note header {number}"] = f"/// note\n{header}\nText.\n///\n"
    return documents


def nest(kind: str, content: str) -> str:
    """Return `content` inside a block of this kind, as an author writes it."""
    if kind.startswith(("!!!", "???", "===")):
        return f"{kind}\n\n{textwrap.indent(content, '    ')}\n"
    if kind == "- item":
        return f"- item\n\n{textwrap.indent(content, '    ')}\n"
    return f"{kind}\n{content}\n{'/' * 3}\n"


GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.md"))
PAGES = sorted((ROOT / "docs").glob("*/*.md"))
RE_GUIDE_EXAMPLE = re.compile(r"^```markdown\n(.*?)^```", re.DOTALL | re.MULTILINE)
BLOCK_KINDS = [
    '!!! note "Note"',
    '??? tip "Details"',
    '=== "Tab"',
    "- item",
    "/// note",
    "/// details | Details",
    "/// tab | Tab",
]
QUIZ = "/// quiz\n    id: inner\n\nQ?\n\n- [x] a\n\n    Feedback.\n\n- [ ] b\n\nWhy.\n///\n"
ODD_HEADERS = [
    "    yes: true\n",
    "    1: x\n",
    "    ~: x\n",
    "    id: a\x0c\n",
    "    id: a\x0b\n",
    "    id: a\x0cshuffle: true\n",
    "    multiple: [true\n",
    "    {id: a, shuffle: true}\n",
    "    id: x # comment\n",
    "    type: warning\n    open: true\n",
    "    - a list\n",
    "\n",
]


@pytest.mark.parametrize("name", list(corpus()))
def test_both_managers_give_the_same_html(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    source = corpus()[name]
    fast = convert_with(source)
    monkeypatch.setattr(blocks_manager, "verified", lambda version: False)
    assert convert_with(source, expect_fast=False) == fast


def convert_with(source: str, *, expect_fast: bool = True) -> str:
    md = markdown.Markdown(
        extensions=[QuizExtension(), *SITE_EXTENSIONS], extension_configs=SITE_CONFIGS
    )
    assert isinstance(md.parser.blockprocessors["blocks"], FastBlocksProcessor) is expect_fast
    return md.convert(source)
