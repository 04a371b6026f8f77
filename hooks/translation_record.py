"""The translation record: which state of its original each translation was last updated to.

One YAML file in the docs folder, `docs/translations.yml` (mkdocs.yml's `exclude_docs` keeps it
out of the site), written by `make translated` and read by every build and `make check`:

    en/post-training.md:
      original: zh/post-training.md
      sections:
        - {digest: 0f5be0e5d2d1f3d5, heading: "# 从预训练到后训练"}

Translations in alphabetical order, one line per section of the original, so that a diff shows
which sections a commit brought up to date. The headings are there for people reading the file
and for naming a section once it is gone from the original.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import yaml

from translation_sections import DIGEST_LENGTH, Section

# libyaml's loader, where PyYAML has it, reads the record in a fraction of a millisecond (the
# Python one takes a few per build).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RECORD_NAME = "translations.yml"
RE_DIGEST = re.compile(rf"^[0-9a-f]{{{DIGEST_LENGTH}}}$")
RE_PLAIN = re.compile(r"^[A-Za-z0-9_][\w./-]*$")
# Characters a YAML file cannot hold as they are, or reads as line breaks.
RE_NOT_YAML_TEXT = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
HEADER = """\
# Which state of its original each translation was last brought up to date with: for every
# translation, the digest of each section of its original at that time. Written by
# `make translated` (see CONTRIBUTING.md, "Keep translations current"); builds and `make check`
# compare it with the pages. Change it with `make translated`, not by hand.
"""


@dataclass(frozen=True)
class RecordedSection:
    """A section of an original as the record keeps it: heading line and digest."""

    heading: str
    digest: str


@dataclass(frozen=True)
class RecordEntry:
    """What the record holds for one translation: its original, and the original's sections."""

    original: str
    sections: tuple[RecordedSection, ...]
    line: int = 0  # where the entry starts in the record file (0: not read from one)

    @classmethod
    def of(cls, original: str, sections: tuple[Section, ...]) -> RecordEntry:
        """Return the entry that records `original` as it is now, with these sections."""
        kept = tuple(RecordedSection(section.heading, section.digest) for section in sections)
        return cls(original, kept)

    def same_state(self, other: RecordEntry) -> bool:
        """Tell whether two entries record the same original in the same state."""
        return (self.original, self.sections) == (other.original, other.sections)


class RecordError(Exception):
    """The record file cannot be read: where, and what is wrong."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        """Keep the file's name as shown to people, the 1-based line and the problem."""
        super().__init__(path, line, problem)
        self.path, self.line, self.problem = path, line, problem

    def __str__(self) -> str:
        """Return `docs/translations.yml:7: problem; how to fix it`."""
        return (
            f"{self.path}:{self.line}: {self.problem}; fix that line, or restore the file with "
            f"'git checkout -- {self.path}', then run 'make translated'"
        )


def read_record(path: Path, shown_as: str) -> dict[str, RecordEntry]:
    """Return the record's entries by translation (none when the file does not exist yet)."""
    if not path.exists():
        return {}
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RecordError(
            shown_as, data[: error.start].count(b"\n") + 1, "not UTF-8 text"
        ) from None
    return parse_record(text, shown_as)


def parse_record(text: str, shown_as: str) -> dict[str, RecordEntry]:
    """Return the entries of a record file's text; RecordError names the line of any problem."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RecordError(
            shown_as, mark.line + 1 if mark else 1, f"not valid YAML: {problem}"
        ) from None
    if root is None:
        return {}
    reader = _NodeReader(shown_as)
    entries: dict[str, RecordEntry] = {}
    for key, value in reader.mapping(root, "the file must map each translation to its record"):
        translation = reader.scalar(key, "a translation's path, such as en/post-training.md")
        if translation in entries:
            reader.fail(key, f"{translation} is recorded twice; keep one of its entries")
        entries[translation] = reader.entry(value, translation, key.start_mark.line + 1)
    return entries


class _NodeReader:
    """Read the record's YAML nodes, failing with the line of the first one out of shape."""

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as

    def fail(self, node: yaml.Node, problem: str) -> NoReturn:
        self._fail_at(node.start_mark.line + 1, problem)

    def _fail_at(self, line: int, problem: str) -> NoReturn:
        raise RecordError(self.shown_as, line, problem)

    def mapping(self, node: yaml.Node, expected: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, expected)
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        return pairs

    def scalar(self, node: yaml.Node, expected: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not node.value:
            self.fail(node, f"expected {expected}")
        return str(node.value)

    def fields(
        self, node: yaml.Node, names: tuple[str, ...], what: str, line: int = 0
    ) -> dict[str, yaml.Node]:
        found: dict[str, yaml.Node] = {}
        for key, value in self.mapping(node, f"{what} must be a mapping of {', '.join(names)}"):
            name = self.scalar(key, f"one of {', '.join(names)}")
            if name not in names or name in found:
                self.fail(
                    key, f"{what} has {'a second' if name in found else 'an unknown'} key '{name}'"
                )
            found[name] = value
        for name in names:
            if name not in found:
                self._fail_at(line or node.start_mark.line + 1, f"{what} has no '{name}'")
        return found

    def entry(self, node: yaml.Node, translation: str, line: int) -> RecordEntry:
        fields = self.fields(node, ("original", "sections"), f"the entry of {translation}", line)
        original = self.scalar(fields["original"], "the path of the original, such as zh/page.md")
        listed = fields["sections"]
        if not isinstance(listed, yaml.SequenceNode):
            self.fail(listed, f"the sections of {translation} must be a list")
        sections = []
        for number, item in enumerate(listed.value, 1):
            what = f"section {number} of {translation}"
            values = self.fields(item, ("digest", "heading"), what)
            digest = self.scalar(values["digest"], f"the digest of {what}")
            if not RE_DIGEST.match(digest):
                self.fail(
                    values["digest"], f"the digest of {what} is not {DIGEST_LENGTH} hex digits"
                )
            sections.append(RecordedSection(self.scalar(values["heading"], "a heading"), digest))
        return RecordEntry(original, tuple(sections), line)


def format_record(entries: Mapping[str, RecordEntry]) -> str:
    """Return the record file's text: translations sorted, one line per section."""
    lines = [HEADER.rstrip("\n")]
    for translation in sorted(entries):
        entry = entries[translation]
        lines += [f"{_scalar(translation)}:", f"  original: {_scalar(entry.original)}"]
        lines.append("  sections:" if entry.sections else "  sections: []")
        lines += [
            f"    - {{digest: {section.digest}, heading: {_quoted(section.heading)}}}"
            for section in entry.sections
        ]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    return text if RE_PLAIN.match(text) else _quoted(text)


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar, once what YAML cannot hold is escaped.
    quoted = json.dumps(text, ensure_ascii=False)
    return RE_NOT_YAML_TEXT.sub(lambda match: f"\\u{ord(match[0]):04x}", quoted)


def write_record(path: Path, entries: Mapping[str, RecordEntry]) -> None:
    """Write the record file, replacing the old one only once the new one is complete."""
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(format_record(entries), encoding="utf-8")
    temporary.replace(path)
