"""Find the source lines of `/// quiz` headers, for messages that name file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable

RE_QUIZ_HEADER = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*quiz(?:[ \t]*\|.*)?[ \t]*$", re.I)
RE_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
# Lines whose indented content is Markdown, not code: list items, admonitions, collapsible
# blocks, content tabs, footnotes and definitions.
RE_CONTAINER = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?|===|\[\^[^\]]+\]:|:[ \t])")
CODE_INDENT = 4


def quiz_header_lines(lines: Iterable[str], first_line: int = 1) -> list[int]:
    """Return the line numbers of `/// quiz` headers that are not inside fenced or indented code."""
    found: list[int] = []
    fence: str | None = None
    above: list[str] = []  # non-blank lines outside fenced code, to tell indented code apart
    for number, line in enumerate(lines, start=first_line):
        match = RE_FENCE.match(line)
        if fence is not None:
            if match and match.group("fence").startswith(fence) and not line[match.end() :].strip():
                fence = None
                above.append(line)
            continue
        if match:
            fence = match.group("fence")
        elif RE_QUIZ_HEADER.match(line) and not _is_indented_code(line, above):
            found.append(number)
        if line.strip():
            above.append(line)
    return found


def _indent(line: str) -> int:
    expanded = line.expandtabs(CODE_INDENT)
    return len(expanded) - len(expanded.lstrip())


def _is_indented_code(line: str, above: list[str]) -> bool:
    """Tell whether an indented line is code: no list item, admonition or tab above owns it."""
    indent = _indent(line)
    if indent < CODE_INDENT:
        return False
    owner = next((text for text in reversed(above) if _indent(text) <= indent - CODE_INDENT), None)
    return owner is None or RE_CONTAINER.match(owner) is None
