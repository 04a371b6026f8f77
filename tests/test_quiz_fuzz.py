"""Random quiz-like Markdown never breaks a conversion (a property-based test, Hypothesis).

The documents mix quiz blocks of every shape (odd headers, missing questions, options or
closing lines, blank lines in odd places) with every container a quiz may stand in, nested
blocks and code. Whatever the input, converting it raises nothing, every `/// quiz` header
ends as a widget or an error box, or, inside code, as untouched text, and the faster blocks
manager gives the HTML of pymdownx's own.

`make test` runs a bounded number of examples from a fixed seed; `make bench` runs many more
(QUIZ_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from unittest.mock import patch

import markdown
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from quiz_plugin import blocks_manager
from quiz_plugin.extension import QuizExtension, QuizPage
from tests.helpers.markdown import SITE_CONFIGS, SITE_EXTENSIONS, parse_html

RE_HEADER_TEXT = re.compile(r"^[ \t]*/{3,}[ \t]*quiz\b", re.MULTILINE)
# A widget's part given to a paragraph that holds a block (fenced code, a table) is invalid HTML.
RE_BLOCK_IN_PARAGRAPH = re.compile(r'<p class="quiz[^"]*"[^>]*>\s*<(?:div|pre|table)\b')
EXAMPLES = int(os.environ.get("QUIZ_FUZZ_EXAMPLES", "250"))
DEFAULT_SEED = 20261201
SEED = int(os.environ.get("QUIZ_FUZZ_SEED", DEFAULT_SEED))


@dataclass
class Piece:
    """Generated Markdown and the quiz headers it holds.

    `headers` are outside code; `in_code` are in code outside any quiz, which stays on the page
    unless a quiz left open swallows it; `quiz_code` are in code inside a quiz, which goes if
    that quiz turns out malformed (an error box takes its place, content and all). `uncertain`
    documents leave a block open, or nest an indented container (an admonition, a list item)
    in a `///` block (a quiz included), where pymdownx.blocks reads later blocks as code.
    """

    lines: list[str]
    headers: int = 0
    in_code: int = 0
    quiz_code: int = 0
    uncertain: bool = False
    kinds: set[str] = field(default_factory=set)

    def __add__(self, other: Piece) -> Piece:
        return Piece(
            self.lines + other.lines,
            self.headers + other.headers,
            self.in_code + other.in_code,
            self.quiz_code + other.quiz_code,
            self.uncertain or other.uncertain,
            self.kinds | other.kinds,
        )


WORDS = st.sampled_from(
    ["Question", "base 模型", "后训练？", "`code`", "**bold**", "[link](x.md)", "x", "{ .c }", "|"]
)
TEXT = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
BLANK = st.sampled_from([[""], [""], [], ["", ""]])  # usually one blank line, at times none
OPTION_NAMES = st.sampled_from(
    ["multiple", "shuffle", "id", "yes", "no", "on", "null", "~", "1", "true", "Id", "random"]
)
OPTION_VALUES = st.sampled_from(
    ["true", "false", "what-changes", "Bad_Id", "1", "[true", "'x", "null", "yes", "~", "a b"]
)


@st.composite
def header(draw: st.DrawFn) -> list[str]:
    slashes = "/" * draw(st.integers(3, 4))
    argument = draw(st.sampled_from(["", "", " | Title", " |"]))
    lines = [f"{slashes} quiz{argument}"]
    options = draw(st.lists(st.tuples(OPTION_NAMES, OPTION_VALUES), max_size=3))
    lines += [f"    {name}: {value}" for name, value in options]
    if options:
        lines += draw(BLANK)
    return lines


@st.composite
def option_list(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        marker = draw(st.sampled_from(["- [x] ", "- [ ] ", "- [X] ", "- ", "* [ ] ", "1. [x] "]))
        lines.append(marker + draw(st.sampled_from(["", "Option", "选项", "`a`"])))
        if draw(st.booleans()):
            lines += [*draw(BLANK), "    Feedback " + draw(TEXT), *draw(BLANK)]
    return lines


@st.composite
def quiz_block(draw: st.DrawFn, depth: int) -> Piece:
    top = draw(header())
    slashes = top[0].split(" ")[0]
    body: list[str] = []
    if draw(st.booleans()):
        body += [draw(TEXT), *draw(BLANK)]
    body += draw(option_list())
    inner = Piece([])
    if depth > 0 and draw(st.integers(0, 4)) == 0:
        inner = draw(document(depth - 1))
    body += [*draw(BLANK), *inner.lines]
    if draw(st.booleans()):
        body += [*draw(BLANK), draw(TEXT)]
    closing = [slashes] if draw(st.integers(0, 5)) else []  # now and then left open
    return Piece(
        top + body + closing,
        headers=1 + inner.headers,
        quiz_code=inner.in_code + inner.quiz_code,
        uncertain=inner.uncertain or not closing or bool(inner.kinds & INDENTED_KINDS),
        kinds={"quiz"} | inner.kinds,
    )


# Containers whose content is indented; inside a `///` block, pymdownx.blocks may read the
# blocks they hold as indented code.
INDENTED_KINDS = frozenset({"admonition", "details", "tab", "list"})


def indented(piece: Piece) -> list[str]:
    return [f"    {line}" if line else "" for line in piece.lines]


@st.composite
def container(draw: st.DrawFn, depth: int) -> Piece:
    kind = draw(
        st.sampled_from(["admonition", "details", "tab", "list", "note", "blocks-details", "tab2"])
    )
    content = draw(document(depth - 1))
    if kind in ("admonition", "details", "tab", "list"):
        opening = {
            "admonition": '!!! note "Check"',
            "details": '??? note "Check"',
            "tab": '=== "Tab"',
            "list": "- An item",
        }[kind]
        # A list cannot interrupt a paragraph: it starts after a blank line.
        lines = [*([""] if kind == "list" else []), opening, "", *indented(content)]
    else:
        opening = {
            "note": "/// note",
            "blocks-details": "/// details | Check",
            "tab2": "/// tab | T",
        }
        closed = draw(st.booleans())
        lines = [opening[kind], *content.lines, *(["///"] if closed else [])]
        uncertain = not closed or bool(content.kinds & INDENTED_KINDS)
        return Piece(lines, kinds={kind}, uncertain=uncertain) + Piece([], *astuple(content)[1:-1])
    return Piece(lines, kinds={kind}) + Piece([], *astuple(content)[1:-1])


@st.composite
def code(draw: st.DrawFn) -> Piece:
    fence = draw(st.sampled_from(["```", "~~~", "````"]))
    inside = draw(st.integers(1, 2))
    # After a blank line: a fence glued to the `///` of a block whose header was refused goes
    # with that block's hidden rest.
    lines = ["", fence + draw(st.sampled_from(["", "markdown"]))]
    lines += ["/// quiz", "Q", "", "- [x] a", "///"] * inside
    return Piece([*lines, fence], in_code=inside, kinds={"code"})


@st.composite
def document(draw: st.DrawFn, depth: int = 2) -> Piece:
    choices = [st.builds(lambda text: Piece([text]), TEXT), quiz_block(depth), code()]
    if depth > 0:
        choices.append(container(depth))
    pieces = draw(st.lists(st.one_of(choices), min_size=1, max_size=4))
    result = Piece([])
    for piece in pieces:
        result = result + Piece(draw(BLANK)) + piece
    return result


def random_documents(test: Callable[[Piece], None]) -> Callable[[], None]:
    """Run a test on random documents: EXAMPLES of them, drawn from SEED."""
    return seed(SEED)(
        settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )(given(document())(test))
    )


def convert(source: str) -> tuple[str, list[str]]:
    quiz = QuizExtension()
    quiz.page = QuizPage(path="random.md", language="zh")
    warnings: list[str] = []
    quiz.reporter = warnings.append
    converter = markdown.Markdown(
        extensions=[quiz, *SITE_EXTENSIONS], extension_configs=SITE_CONFIGS
    )
    return converter.convert(source), warnings


def classes(html: str) -> list[str]:
    return [el.get("class", "") for el in parse_html(html).iter()]


def headers_in_text(html: str) -> int:
    """Count header lines left as text: outside code and outside error boxes."""
    root = parse_html(html)
    hidden = {
        element
        for container in root.iter()
        if container.tag in ("pre", "code") or "quiz-error" in container.get("class", "")
        for element in container.iter()
    }
    texts = [el.text or "" for el in root.iter() if el not in hidden]
    texts += [el.tail or "" for el in root.iter() if el not in hidden or el.tag == "pre"]
    return sum(bool(RE_HEADER_TEXT.search(text)) for text in texts)


def headers_in_code(html: str) -> int:
    """Count header lines in code, but not in the answer key's copies of explanations."""
    root = parse_html(html)
    copies = {
        pre for key in root.iter() if "quiz-key" in key.get("class", "") for pre in key.iter()
    }
    code = "\n".join("".join(pre.itertext()) for pre in root.iter("pre") if pre not in copies)
    return len(RE_HEADER_TEXT.findall(code))  # a header with a title too: `/// quiz | Title`


@random_documents
def test_every_quiz_header_ends_as_a_widget_an_error_box_or_code(piece: Piece) -> None:
    source = "\n".join(piece.lines) + "\n"
    html, warnings = convert(source)
    found = classes(html)
    widgets, boxes = found.count("quiz"), found.count("admonition failure quiz-error")
    in_code = headers_in_code(html)
    assert bool(warnings) == bool(boxes), source
    assert headers_in_text(html) == 0, source
    assert RE_BLOCK_IN_PARAGRAPH.search(html) is None, source
    if piece.uncertain:
        # pymdownx.blocks may take a later header in as indented code, inside the block or
        # inside the error box that replaces a malformed quiz.
        assert widgets + boxes + in_code >= min(piece.headers, 1), source
        assert in_code <= piece.headers + piece.in_code + piece.quiz_code, source
    else:
        assert widgets + boxes == piece.headers, source
        assert piece.in_code <= in_code <= piece.in_code + piece.quiz_code, source


# Documents Hypothesis found (5,000 examples): an explanation that is fenced code holding quiz
# blocks, which the answer key copies, and which used to end inside the explanation's `<p>`; a
# titled header taken in as code, which the count of headers in code used to miss.
QUIZ = ["/// quiz", "Question", "", "- [x] Option", "- [x] Option", "", "", ""]
CODE_QUIZ = ["/// quiz", "Q", "", "- [x] a", "///"]
FOUND = [
    Piece(["", *QUIZ, "```", *CODE_QUIZ, "```", "///"], headers=1, quiz_code=1),
    Piece(["", *QUIZ, "```", *CODE_QUIZ, *CODE_QUIZ, "```"], 1, quiz_code=2, uncertain=True),
    # A header with a title in an admonition, in a `///` block left open: read as code.
    Piece(
        ["", "/// note", "", "Q", "", "/// note", "Q", '!!! note "Check"', "", "    /// quiz | T"],
        headers=1,
        uncertain=True,
    ),
]


@pytest.mark.parametrize("piece", FOUND, ids=["closed", "left open", "titled, as code"])
def test_documents_found_by_hypothesis(piece: Piece) -> None:
    test_every_quiz_header_ends_as_a_widget_an_error_box_or_code.hypothesis.inner_test(piece)


@random_documents
def test_the_faster_blocks_manager_gives_pymdownx_html(piece: Piece) -> None:
    source = "\n".join(piece.lines) + "\n"
    fast = convert(source)
    with patch.object(blocks_manager, "verified", lambda version: False):
        assert convert(source) == fast, source


def test_the_generator_makes_every_kind_of_document() -> None:
    # A generator that never nests, never writes code or never opens a container would test
    # little: check once that a sample of its documents has all of them.
    seen: set[str] = set()

    @seed(DEFAULT_SEED)
    @settings(max_examples=300, database=None, suppress_health_check=list(HealthCheck))
    @given(document())
    def collect(piece: Piece) -> None:
        seen.update(piece.kinds)

    collect()
    assert seen >= {"quiz", "code", "admonition", "details", "tab", "list", "note", "tab2"}


def test_a_quiz_inside_a_quiz_gives_one_warning_and_two_boxes() -> None:
    source = textwrap.dedent(
        """\
        /// quiz
        Outer?

        - [x] a
        - [ ] b

        /// quiz
        Inner?

        - [x] c
        - [ ] d
        ///
        ///
        """
    )
    html, warnings = convert(source)
    assert warnings == [
        (
            "random.md:1: quiz contains another quiz (line 7); close this quiz with '///' "
            "before the next one starts"
        )
    ]
    assert classes(html).count("admonition failure quiz-error") == 2
    assert "第 1 行那道测验的里面" in html
