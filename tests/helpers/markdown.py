"""Convert Markdown with the quiz extension and read the widget HTML it gives."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

from quiz_plugin.extension import QuizExtension, QuizPage

# The site's own block-level extensions (mkdocs.yml), so conversions show what readers get.
SITE_EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
]
SITE_CONFIGS = {
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.blocks.tab": {"alternate_style": True},
}

SINGLE = """
    /// quiz
    Which one is right?

    - [ ] Wrong one
    - [x] Right one
    - [ ] Another wrong one
    ///
"""

WITH_FEEDBACK = """
    /// quiz
    Which one is right?

    - [ ] Wrong one

        FEEDBACK-WRONG

    - [x] Right one

        FEEDBACK-RIGHT

    - [ ] Silent one

    EXPLANATION-TEXT
    ///
"""

MULTIPLE = """
    /// quiz
    Which are right?

    - [x] First right
    - [ ] Wrong
    - [X] Second right
    ///
"""

TWO_QUIZZES = SINGLE + "\n" + SINGLE

# Feedback and an explanation of several paragraphs each.
LONG_FEEDBACK = """
    /// quiz
    Which one is right?

    - [ ] Wrong one

        WRONG-FIRST

        WRONG-SECOND

    - [x] Right one

        RIGHT-FIRST

        RIGHT-SECOND

    EXPLANATION-FIRST

    EXPLANATION-SECOND
    ///
"""


INNER = "/// quiz\nWhich one is right?\n\n- [ ] Wrong one\n- [x] Right one\n///\n"
INDENTED = textwrap.indent(INNER, "    ")
# Each container: source, extensions, their configuration, and the tag or class it renders.
NESTED = {
    "admonition": (f'!!! note "Check yourself"\n\n{INDENTED}', ("admonition",), {}, "admonition"),
    "collapsible details": (
        f'??? note "Check yourself"\n\n{INDENTED}',
        ("pymdownx.details",),
        {},
        "details",
    ),
    "details block": (
        f"/// details | Check yourself\n{INNER}///\n",
        ("pymdownx.blocks.details",),
        {},
        "details",
    ),
    "content tab": (
        f'=== "Tab"\n\n{INDENTED}\n=== "Other"\n\n    Nothing here.\n',
        ("pymdownx.tabbed",),
        {"pymdownx.tabbed": {"alternate_style": True}},
        "tabbed-block",
    ),
    "tab block": (f"/// tab | Tab\n{INNER}///\n", ("pymdownx.blocks.tab",), {}, "tabbed-content"),
}


@dataclass
class Converted:
    """What one conversion produced."""

    html: str
    root: etree.Element
    warnings: list[str]

    def by_class(self, name: str) -> list[etree.Element]:
        """Return the elements that carry a class."""
        return [el for el in self.root.iter() if name in el.get("class", "").split()]

    def one(self, name: str) -> etree.Element:
        """Return the only element that carries a class."""
        found = self.by_class(name)
        assert len(found) == 1, f"expected one .{name}, found {len(found)} in\n{self.html}"
        return found[0]

    def parent_map(self) -> dict[etree.Element, etree.Element]:
        """Return each element's parent."""
        return {child: parent for parent in self.root.iter() for child in parent}


# HTML elements that have no end tag.
VOID_ELEMENTS = frozenset(
    ("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
)


class TreeParser(HTMLParser):
    """Parse HTML (void elements, bare attributes) into an ElementTree."""

    VOID = VOID_ELEMENTS

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [etree.Element("root")]
        self.last: etree.Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = etree.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        self.last = element
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
            self.last = self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if (
            self.last is not None
            and self.last is not parent
            and len(parent)
            and parent[-1] is self.last
        ):
            self.last.tail = (self.last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse_html(html: str) -> etree.Element:
    """Return the fragment as children of a `<root>` element."""
    parser = TreeParser()
    parser.feed(html)
    parser.close()
    assert len(parser.stack) == 1, f"unclosed <{parser.stack[-1].tag}>"
    return parser.stack[0]


def convert(
    source: str,
    *extensions: str,
    page: QuizPage | None = None,
    configs: dict[str, dict[str, Any]] | None = None,
    extension: QuizExtension | None = None,
) -> Converted:
    """Convert dedented source with the quiz extension and superfences (plus `extensions`)."""
    quiz = extension or QuizExtension()
    warnings: list[str] = []
    quiz.reporter = warnings.append
    if page is not None:
        quiz.page = page
    md = markdown.Markdown(
        extensions=[quiz, "pymdownx.superfences", *extensions], extension_configs=configs or {}
    )
    html = md.convert(textwrap.dedent(source))
    return Converted(html, parse_html(html), warnings)


def text(element: etree.Element | None) -> str:
    """Return an element's text content, whitespace collapsed."""
    assert element is not None
    return " ".join("".join(element.itertext()).split())


def options(result: Converted) -> list[etree.Element]:
    """Return the items of the only widget's list of options."""
    return list(result.one("quiz__options"))


def correct_marks(result: Converted) -> list[str | None]:
    """Return each option's `data-quiz-correct` attribute (None where it is absent)."""
    return [o.get("data-quiz-correct") for o in options(result)]
