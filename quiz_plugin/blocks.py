"""A `pymdownx.blocks` manager that costs less per block, with the same output.

`pymdownx.blocks` spends most of a quiz's parsing time on two things that a quiz rarely needs:

- for every paragraph inside a block it maps the parent of every element of the page so far,
  which it uses only to count the list items around a block nested in another block;
- it reads every header (`id: why-post-training`) with a full YAML parser.

The manager below builds that map only while a block is nested in another, and reads headers of
plain `name: word` lines directly, handing anything else to YAML. The quiz extension registers it
when it is the first blocks extension of a Markdown instance (the plugin puts it first); the other
blocks (admonition, details, tab) then share it.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any, cast

from markdown import Markdown
from pymdownx.blocks import BlocksMgrExtension, BlocksProcessor, BlocksTreeprocessor
from pymdownx.util import escape_chars

# A header line that reads the same in YAML and as `name: value` text: a lowercase name and a
# value that YAML takes as a string (a word starting with a letter) or as `true` / `false`.
RE_SIMPLE_OPTION = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*):[ ]+(?P<value>[a-z][a-z0-9-]*)[ ]*$")
# Words YAML 1.1 reads as booleans or null rather than as strings.
YAML_SPECIAL_WORDS = frozenset({"yes", "no", "on", "off", "null", "true", "false"})
YAML_BOOLEANS = {"true": True, "false": False}


def simple_options(header: str) -> dict[str, Any] | None:
    """Return the options of a header made of plain `name: word` lines, else None."""
    options: dict[str, Any] = {}
    for line in header.splitlines():
        match = RE_SIMPLE_OPTION.match(line)
        if match is None or match.group("name") in YAML_SPECIAL_WORDS:
            return None
        value = match.group("value")
        if value in YAML_BOOLEANS:
            options[match.group("name")] = YAML_BOOLEANS[value]
        elif value in YAML_SPECIAL_WORDS:
            return None
        else:
            options[match.group("name")] = value
    return options


class _ElementsWhenNested:
    """Stand in for the element whose parent map `parse_blocks` builds, empty unless nested."""

    def __init__(self, manager: BlocksProcessor, element: etree.Element) -> None:
        self.manager = manager
        self.element = element

    def iter(self) -> Iterator[etree.Element]:
        """Walk the element while a block is open inside another one; else walk nothing."""
        return self.element.iter() if len(self.manager.stack) > 1 else iter(())


class QuizBlocksProcessor(BlocksProcessor):
    """The blocks manager, without the page-wide parent map and YAML for simple headers."""

    def parse_blocks(self, blocks: list[str], current_parent: etree.Element) -> None:
        """Parse a block's content; the parent map is only read for nested blocks."""
        super().parse_blocks(blocks, cast(etree.Element, _ElementsWhenNested(self, current_parent)))

    def split_header(self, block: str, length: int) -> tuple[dict[str, Any] | None, str]:
        """Split the options from the content, reading simple headers without YAML."""
        header = self.yaml_line.match(block)
        if header is not None and not any(
            len(end.group(1)) == length for end in self.end.finditer(block)
        ):
            options = simple_options(textwrap.dedent(header.group(0)))
            if options is not None:
                return options, block[header.end() :]
        split: tuple[dict[str, Any] | None, str] = super().split_header(block, length)
        return split


class QuizBlocksManagerExtension(BlocksMgrExtension):
    """Register `QuizBlocksProcessor` where `pymdownx.blocks` registers its manager."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the manager and its tree processor, with the names and priorities of pymdownx."""
        md.registerExtension(self)
        escape_chars(md, ["/"])
        self.extension = QuizBlocksProcessor(md.parser, md)
        md.parser.blockprocessors.register(self.extension, "blocks", 89.99)
        md.treeprocessors.register(
            BlocksTreeprocessor(md, self.extension), "blocks_on_inline_end", 19.99
        )


def register_manager(md: Markdown) -> BlocksProcessor:
    """Return the Markdown instance's blocks manager, registering the quicker one if none is."""
    if "blocks" in md.parser.blockprocessors:
        return cast(BlocksProcessor, md.parser.blockprocessors["blocks"])
    manager = QuizBlocksManagerExtension()
    manager.extendMarkdown(md)
    return manager.extension
