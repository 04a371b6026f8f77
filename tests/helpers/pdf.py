"""Read a printed page back: text per page, where each line starts, and the ink around it.

The text and the words' boxes come from poppler's `pdftotext`, the ink from `pdftoppm`
(poppler-utils, installed with the browser tests' other Debian packages).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path

# Points per inch: PDF coordinates are in points.
POINTS = 72
RE_LINE = re.compile(r"<line\b[^>]*>(?P<words>.*?)</line>", re.DOTALL)
RE_WORD = re.compile(
    r'<word xMin="(?P<x_min>[\d.]+)" yMin="(?P<y_min>[\d.]+)" '
    r'xMax="(?P<x_max>[\d.]+)" yMax="(?P<y_max>[\d.]+)">(?P<text>[^<]*)</word>'
)
# A binary PGM's header: "P5", width, height, largest shade, one white-space byte.
RE_PGM_HEADER = re.compile(rb"P5\s+(?P<width>\d+)\s+(?P<height>\d+)\s+255\s")
# A shade darker than this is ink: borders and text, not the light lines of the widget's frame.
DARK_SHADE = 160


@dataclass(frozen=True)
class Word:
    """A word of a PDF page and its box, in points from the page's top left corner."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Ink:
    """The box around the dark pixels of an area of a page, in points."""

    left: float
    top: float
    right: float
    bottom: float
    hollow: bool  # nothing dark in the middle half of the box

    @property
    def width(self) -> float:
        """Return the box's width in points."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """Return the box's height in points."""
        return self.bottom - self.top


def normalized(text: str) -> str:
    """Return text as letters and digits only, compatibility characters folded (NFKC).

    What the comparison of a PDF's text with a page's needs: the PDF breaks lines where the page
    had none, `pdftotext` joins a word broken after a hyphen without it, and CJK fonts map some
    glyphs to compatibility characters (⼀, KANGXI RADICAL ONE, for 一).
    """
    return "".join(char for char in unicodedata.normalize("NFKC", text) if char.isalnum())


def page_texts(pdf: Path) -> list[str]:
    """Return the text of each page of a PDF, in reading order."""
    text = _run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"])
    pages = text.split("\f")
    return [unicodedata.normalize("NFKC", page) for page in pages[:-1]]


def line_starts(pdf: Path, page: int) -> list[Word]:
    """Return the first word of each line of a page (from 1)."""
    layout = _run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"])
    starts = []
    for line in RE_LINE.finditer(layout):
        first = RE_WORD.search(line.group("words"))
        if first is not None:
            starts.append(_word(first))
    return starts


@dataclass(frozen=True)
class GrayPage:
    """A page rendered in shades of grey (0 black, 255 white) at some resolution."""

    width: int
    height: int
    dpi: int
    shades: bytes

    def ink(self, left: float, top: float, right: float, bottom: float) -> Ink | None:
        """Return the box around the dark pixels of an area given in points (None if blank)."""
        scale = self.dpi / POINTS
        columns = range(max(0, int(left * scale)), min(self.width, int(right * scale) + 1))
        rows = range(max(0, int(top * scale)), min(self.height, int(bottom * scale) + 1))
        dark = [
            (x, y) for y in rows for x in columns if self.shades[y * self.width + x] < DARK_SHADE
        ]
        if not dark:
            return None
        xs, ys = [x for x, _ in dark], [y for _, y in dark]
        box = (min(xs), min(ys), max(xs), max(ys))
        middle_x = _middle_half(box[0], box[2])
        middle_y = _middle_half(box[1], box[3])
        hollow = not any(x in middle_x and y in middle_y for x, y in dark)
        return Ink(*(side / scale for side in box), hollow=hollow)


def gray_page(pdf: Path, page: int, dpi: int = 144) -> GrayPage:
    """Render one page (from 1) of a PDF in grey."""
    command = ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page)]
    output = subprocess.run([*command, str(pdf)], capture_output=True, check=True).stdout
    header = RE_PGM_HEADER.match(output)
    assert header is not None, "pdftoppm did not write an 8-bit PGM"
    width, height = int(header["width"]), int(header["height"])
    return GrayPage(width, height, dpi, output[header.end() : header.end() + width * height])


def _middle_half(start: int, end: int) -> range:
    """Return the pixels of a span without its outer quarters."""
    quarter = (end - start) // 4
    return range(start + quarter + 1, end - quarter)


def _word(match: re.Match[str]) -> Word:
    return Word(
        text=unescape(match.group("text")),
        x_min=float(match.group("x_min")),
        y_min=float(match.group("y_min")),
        x_max=float(match.group("x_max")),
        y_max=float(match.group("y_max")),
    )


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout
