"""Find the source lines of `/// quiz` headers, for messages that name file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable

RE_QUIZ_HEADER = re.compile(
    r"^[ \t]*(?P<slashes>/{3,})[ \t]*quiz(?:[ \t]*\|.*)?[ \t]*$", re.IGNORECASE
)
RE_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
# Lines whose indented content is Markdown, not code: list items, admonitions, collapsible
# blocks, content tabs, footnotes and definitions.
RE_CONTAINER = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?|===|\[\^[^\]]+\]:|:[ \t])")
RE_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")
CODE_INDENT = 4


def quiz_header_lines(lines: Iterable[str], first_line: int = 1) -> list[int]:
    """Return the line numbers of `/// quiz` headers that are not inside fenced or indented code."""
    found: list[int] = []
    fence: str | None = None
    # Non-blank lines outside fenced code, each with whether it opens a container whose
    # indented lines are Markdown (a list item, an admonition …): to tell indented code apart.
    above: list[tuple[str, bool]] = []
    after_blank = True
    for number, line in enumerate(lines, start=first_line):
        match = RE_FENCE.match(line)
        if fence is not None:
            if match and match.group("fence").startswith(fence) and not line[match.end() :].strip():
                fence = None
                above.append((line, False))
            continue
        if match:
            fence = match.group("fence")
        elif RE_QUIZ_HEADER.match(line) and not _is_indented_code(line, above):
            found.append(number)
        if line.strip():
            previous = above[-1] if above else None
            above.append((line, _opens_container(line, previous, after_blank=after_blank)))
        after_blank = not line.strip()
    return found


def _indent(line: str) -> int:
    expanded = line.expandtabs(CODE_INDENT)
    return len(expanded) - len(expanded.lstrip())


def _opens_container(line: str, previous: tuple[str, bool] | None, *, after_blank: bool) -> bool:
    """Tell whether a line opens a container: a list only after a blank line or another item.

    A list cannot interrupt a paragraph in Python-Markdown: `- item` right under a line of
    text is more of that text.
    """
    if RE_CONTAINER.match(line) is None:
        return False
    if after_blank or previous is None or RE_LIST_ITEM.match(line) is None:
        return True
    text, is_container = previous
    return is_container or _indent(text) > _indent(line)


def _is_indented_code(line: str, above: list[tuple[str, bool]]) -> bool:
    """Tell whether an indented line is code: no list item, admonition or tab above owns it."""
    indent = _indent(line)
    if indent < CODE_INDENT:
        return False
    owner = next(
        (entry for entry in reversed(above) if _indent(entry[0]) <= indent - CODE_INDENT), None
    )
    return owner is None or not owner[1]
