"""A faster manager for every `pymdownx.blocks` block of the site, with the same output.

pymdownx.blocks parses every `///` block (admonition, details, tab, quiz …) through one manager.
The quiz extension registers the one below in its place when it is the first blocks extension
of a Markdown instance (the plugin puts it first), so it parses every block of the site, not
only quizzes: `tests/test_blocks_manager.py` converts a corpus with both managers and requires
the same HTML.

`pymdownx.blocks` spends most of a block's parsing time on two things that a block rarely needs:

- for every paragraph inside a block it maps the parent of every element of the page so far,
  which it uses only to count the list items around a block nested in another block;
- it reads every header (`id: why-post-training`) with a full YAML parser.

The manager below builds that map only while a block is nested in another, and reads headers of
plain `name: word` lines directly, handing anything else to YAML.

Whichever manager parses the page, its header reading is made safe: YAML reads `yes:` or `1:` as
a boolean or a number, and pymdownx passes option names on as keyword arguments, which must be
strings (a `TypeError` that stopped the whole build).
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any, cast

import pymdownx
import yaml
from markdown import Markdown
from mkdocs.plugins import get_plugin_logger
from pymdownx.blocks import BlocksMgrExtension, BlocksProcessor, BlocksTreeprocessor
from pymdownx.util import escape_chars

log = get_plugin_logger(__name__)

# The pymdown-extensions versions whose blocks manager this one was compared with (the same
# HTML on a corpus of block documents: tests/test_blocks_manager.py, tests/test_quiz_fuzz.py):
# at least the first, below the second. On any other version pymdownx's own manager parses.
VERIFIED_PYMDOWNX = ((13, 1), (13, 2))

# A header line that reads the same in YAML and as `name: value` text: a lowercase name and a
# value that YAML takes as a string (a word starting with a letter) or as `true` / `false`.
RE_SIMPLE_OPTION = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*):[ ]+(?P<value>[a-z][a-z0-9-]*)[ ]*$")
# A top-level `name:` of a YAML header, as written.
RE_HEADER_NAME = re.compile(r"^(?P<name>[^\s#][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.MULTILINE)
# Words YAML 1.1 reads as booleans or null rather than as strings.
YAML_SPECIAL_WORDS = frozenset({"yes", "no", "on", "off", "null", "true", "false"})
YAML_BOOLEANS = {"true": True, "false": False}


def simple_options(header: str) -> dict[str, Any] | None:
    """Return the options of a header made of plain `name: word` lines, else None."""
    options: dict[str, Any] = {}
    # Lines end at "\n" only, as in YAML (str.splitlines() also breaks at form feeds).
    for line in header.rstrip("\n").split("\n"):
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


def string_names(options: dict[Any, Any], header: str) -> dict[str, Any]:
    """Return the options with every name a string, as the author wrote it where possible.

    YAML reads `yes:`, `1:`, `null:` or `~:` as a boolean, a number or null: such an option is
    then an unknown option (a warning for a quiz), not a crash of the whole build.
    """
    written = RE_HEADER_NAME.findall(textwrap.dedent(header))
    if len(written) != len(options):
        written = [yaml.safe_dump(name).removesuffix("\n...\n").strip() for name in options]
    return dict(zip(written, options.values(), strict=True))


class _ElementsWhenNested:
    """Stand in for the element whose parent map `parse_blocks` builds, empty unless nested."""

    def __init__(self, manager: BlocksProcessor, element: etree.Element) -> None:
        self.manager = manager
        self.element = element

    def iter(self) -> Iterator[etree.Element]:
        """Walk the element while a block is open inside another one; else walk nothing."""
        return self.element.iter() if len(self.manager.stack) > 1 else iter(())


class FastBlocksProcessor(BlocksProcessor):
    """The blocks manager, without the page-wide parent map and YAML for simple headers."""

    def parse_blocks(self, blocks: list[str], current_parent: etree.Element) -> None:
        """Parse a block's content; the parent map is only read for nested blocks."""
        super().parse_blocks(
            blocks, cast("etree.Element", _ElementsWhenNested(self, current_parent))
        )

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


class FastBlocksManagerExtension(BlocksMgrExtension):
    """Register `FastBlocksProcessor` where `pymdownx.blocks` registers its manager."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the manager and its tree processor, with the names and priorities of pymdownx."""
        md.registerExtension(self)
        escape_chars(md, ["/"])
        self.extension = FastBlocksProcessor(md.parser, md)
        md.parser.blockprocessors.register(self.extension, "blocks", 89.99)
        md.treeprocessors.register(
            BlocksTreeprocessor(md, self.extension), "blocks_on_inline_end", 19.99
        )


def register_manager(md: Markdown) -> BlocksProcessor:
    """Return the Markdown instance's blocks manager, registering one if there is none.

    The faster one on the pymdown-extensions versions it was verified with, else pymdownx's.
    """
    if "blocks" in md.parser.blockprocessors:
        manager = cast("BlocksProcessor", md.parser.blockprocessors["blocks"])
    elif verified(pymdownx_version()):
        fast = FastBlocksManagerExtension()
        fast.extendMarkdown(md)
        manager = fast.extension
    else:
        log.debug(
            "pymdown-extensions %s is not a version the faster blocks manager was verified "
            "with (%s to %s): pymdownx's own manager parses the blocks",
            ".".join(map(str, pymdownx_version())),
            *(".".join(map(str, bound)) for bound in VERIFIED_PYMDOWNX),
        )
        own = BlocksMgrExtension()
        own.extendMarkdown(md)
        manager = own.extension
    read_headers_safely(manager)
    return manager


def pymdownx_version() -> tuple[int, int]:
    """Return the installed pymdown-extensions' major and minor version."""
    info = pymdownx.__version_info__
    return int(info.major), int(info.minor)


def verified(version: tuple[int, int]) -> bool:
    """Tell whether the faster manager was verified with this pymdown-extensions version."""
    lowest, beyond = VERIFIED_PYMDOWNX
    return lowest <= version < beyond


def read_headers_safely(manager: BlocksProcessor) -> None:
    """Make the manager give every block option names that are strings (once per manager)."""
    if getattr(manager, "reads_headers_safely", False):
        return
    read = manager.split_header

    def split_header(block: str, length: int) -> tuple[dict[str, Any] | None, str]:
        options, rest = read(block, length)
        if options and not all(isinstance(name, str) for name in options):
            header = manager.yaml_line.match(block)
            return string_names(options, header.group(0) if header else ""), rest
        return options, rest

    # The manager's own method, replaced on this instance only: pymdownx calls it from `test`.
    manager.split_header = split_header
    manager.reads_headers_safely = True
