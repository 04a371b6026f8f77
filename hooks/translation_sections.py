"""A page's sections and their digests: what the translation record keeps of an original.

A page is split where a line is a heading the way Python-Markdown reads one (`## Title` at the
start of a line), outside fenced code; a section runs from its heading to the next heading of any
level, so the sections of a page are flat and in order. The front matter is a section of its own,
and so is any text above the first heading. Headings indented inside an admonition or a list
stay part of their section, like setext headings (underlined with `===`).

A digest is of the section's text with its white space normalised: prose has every run of white
space read as one space, and white space next to a Chinese character dropped, so re-wrapping a
paragraph (in either language) changes nothing; lines of fenced code are kept as they are. Any
other change (words, numbers, links, code, quiz options) gives another digest. The front
matter's digest is of its values (`original:` aside), so re-wrapping the YAML changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.utils.meta import get_data

FRONT_MATTER = "(front matter)"
PAGE_TOP = "(top of the page)"
# Front-matter keys that are not the page's content: which version is the original.
NOT_CONTENT_KEYS = ("original",)
DIGEST_LENGTH = 16

# Python-Markdown's rule for a hash header, applied to one line.
RE_HEADING = re.compile(r"^(?P<level>#{1,6})(?P<text>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*$")
# A code fence as pymdownx.superfences opens one; a backtick fence's info has no backtick.
RE_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# CJK characters and punctuation (ideographs, kana, bopomofo, full-width forms).
CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef"
)
RE_SPACE = re.compile(r"\s+")
# A space before or after a Chinese character (the space first: the search skips ahead to one).
RE_SPACE_BY_CJK = re.compile(rf" (?:(?=[{CJK}])|(?<=[{CJK}] ))")


@dataclass(frozen=True)
class Section:
    """One section of a page: its heading line as written, where it is, and its digest."""

    heading: str
    first_line: int
    last_line: int
    digest: str

    @property
    def is_heading(self) -> bool:
        """Tell whether the section starts at a heading (not the front matter or the page top)."""
        return self.heading.startswith("#")

    @property
    def lines(self) -> str:
        """Return `29-35` (or `29` for a one-line section): where the section is in its file."""
        if self.first_line == self.last_line:
            return str(self.first_line)
        return f"{self.first_line}-{self.last_line}"


@dataclass(frozen=True)
class PageSections:
    """A page read for the record: its sections, front matter and the front matter's lines."""

    sections: tuple[Section, ...]
    front_matter: dict[str, Any]
    front_matter_lines: tuple[str, ...]

    @property
    def headings(self) -> list[Section]:
        """Return the sections that start at a heading, in order."""
        return [section for section in self.sections if section.is_heading]


def split_page(source: str) -> PageSections:
    """Split a page's Markdown source into its sections."""
    source = source.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    body, front_matter = get_data(source)
    lines = source.split("\n")
    # MkDocs removes the front matter (and blank lines after it) from the top only.
    top = source.count("\n") - body.count("\n") if front_matter else 0
    sections = []
    if top:
        values = {k: v for k, v in front_matter.items() if k not in NOT_CONTENT_KEYS}
        text = json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
        sections.append(Section(FRONT_MATTER, 1, _last_text_line(lines, 0, top), digest(text)))
    sections += _body_sections(lines, top)
    return PageSections(tuple(sections), dict(front_matter), tuple(lines[:top]))


def _body_sections(lines: Sequence[str], top: int) -> list[Section]:
    code = code_lines(lines[top:])
    starts = [
        number
        for number in range(top, len(lines))
        if not code[number - top] and RE_HEADING.match(lines[number])
    ]
    if not starts or any(line.strip() for line in lines[top : starts[0]]):
        starts.insert(0, top)
    sections = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        heading = lines[start].strip() if RE_HEADING.match(lines[start]) else PAGE_TOP
        text = section_text(lines[start:end], code[start - top : end - top])
        if heading == PAGE_TOP and not text:
            continue
        last = _last_text_line(lines, start, end)
        sections.append(Section(heading, start + 1, last, digest(text)))
    return sections


def _last_text_line(lines: Sequence[str], start: int, end: int) -> int:
    """Return the 1-based number of the last line in `lines[start:end]` that is not blank."""
    return next((n + 1 for n in range(end - 1, start, -1) if lines[n].strip()), start + 1)


def code_lines(lines: Sequence[str]) -> list[bool]:
    """Tell, for every line, whether it belongs to a fenced code block (its fences included).

    Like SuperFences, a fence that is never closed opens no code block.
    """
    flags = [False] * len(lines)
    number = 0
    while number < len(lines):
        opening = RE_FENCE.match(lines[number])
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            end = _closing_fence(lines, number + 1, opening["fence"])
            if end is not None:
                flags[number : end + 1] = [True] * (end + 1 - number)
                number = end
        number += 1
    return flags


def _closing_fence(lines: Sequence[str], start: int, fence: str) -> int | None:
    """Return the index of the line that closes `fence`, looking from `start` on."""
    for number in range(start, len(lines)):
        closing = lines[number].strip()
        if len(closing) >= len(fence) and closing == fence[0] * len(closing):
            return number
    return None


def section_text(lines: Sequence[str], code: Sequence[bool]) -> str:
    """Return a section's text as its digest sees it: prose normalised, code kept."""
    parts: list[str] = []
    prose: list[str] = []
    for line, is_code in zip(lines, code, strict=True):
        if not is_code:
            prose.append(line)
            continue
        parts.append(normalise_prose(" ".join(prose)))
        prose = []
        parts.append(line.rstrip())
    parts.append(normalise_prose(" ".join(prose)))
    return "\n".join(part for part in parts if part)


def normalise_prose(text: str) -> str:
    """Read every run of white space as one space; drop white space next to Chinese text."""
    return RE_SPACE_BY_CJK.sub("", RE_SPACE.sub(" ", text)).strip()


def digest(text: str) -> str:
    """Return the digest of a section's normalised text: 16 hexadecimal digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]
