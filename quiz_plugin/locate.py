"""Find the source lines of `/// quiz` headers, for messages that name file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable

RE_QUIZ_HEADER = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*quiz(?:[ \t]*\|.*)?[ \t]*$", re.I)
RE_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")


def quiz_header_lines(lines: Iterable[str], first_line: int = 1) -> list[int]:
    """Return the line numbers of `/// quiz` headers that are not inside fenced code."""
    found: list[int] = []
    fence: str | None = None
    for number, line in enumerate(lines, start=first_line):
        match = RE_FENCE.match(line)
        if fence is not None:
            if match and match.group("fence").startswith(fence) and not line[match.end() :].strip():
                fence = None
        elif match:
            fence = match.group("fence")
        elif RE_QUIZ_HEADER.match(line):
            found.append(number)
    return found
