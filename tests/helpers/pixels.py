"""Read the pixels of a PNG screenshot (8-bit RGB or RGBA, as Chromium writes them)."""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {2: 3, 6: 4}  # colour type: RGB, RGBA


def pixels(png: bytes) -> list[tuple[int, int, int]]:
    """Return every pixel's (red, green, blue), row by row."""
    assert png.startswith(PNG_SIGNATURE), "not a PNG file"
    position, chunks, header = len(PNG_SIGNATURE), [], b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            chunks.append(data)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8, "unsupported PNG: not 8 bits a channel"
    assert colour in CHANNELS, "unsupported PNG: not RGB or RGBA"
    assert not interlace, "unsupported PNG: interlaced"
    size = CHANNELS[colour]
    rows = _unfilter(zlib.decompress(b"".join(chunks)), width * size, height, size)
    return [tuple(row[x : x + 3]) for row in rows for x in range(0, width * size, size)]  # type: ignore[misc]


def _unfilter(raw: bytes, stride: int, height: int, size: int) -> list[bytearray]:
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            line[x] = (line[x] + _predict(kind, left, up, corner)) & 0xFF
        rows.append(line)
        previous = line
    return rows


def _predict(kind: int, left: int, up: int, corner: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return left
    if kind == 2:
        return up
    if kind == 3:
        return (left + up) // 2
    estimate = left + up - corner
    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
    return (left, up, corner)[distances.index(min(distances))]


def luminance(rgb: tuple[int, int, int]) -> float:
    """Return a colour's relative luminance (WCAG 2)."""
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """Return the contrast ratio of two colours (WCAG 2), from 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
