"""Every example in CONTRIBUTING.md does what the guide says.

Conventions of the guide: a fenced `markdown` example is valid and must convert without a
warning; one right below `<!-- mistake: TEXT -->` must give exactly the warning TEXT (without
`file:line: `); one below `<!-- translation mistake: TEXT -->` is the English translation of the
example before it, and comparing the two must give exactly the parity warning TEXT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown import Markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from quiz_plugin import parity
from quiz_plugin.extension import QuizExtension, QuizPage, QuizReport
from quiz_plugin.locate import quiz_header_lines
from quiz_plugin.messages import LOG_MESSAGES
from tests.helpers.build import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
RE_FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,})markdown\s*$")
RE_NOTE = re.compile(r"^\s*<!-- (?P<kind>mistake|translation mistake): (?P<text>.+) -->\s*$")
RE_LOCATION = re.compile(r"^CONTRIBUTING\.md:(?P<line>\d+): (?P<text>.*)$")


@dataclass
class Example:
    """A fenced `markdown` example of the guide and what the guide says it does."""

    line: int
    source: str
    kind: str = "valid"
    warning: str = ""

    def __str__(self) -> str:
        return f"CONTRIBUTING.md:{self.line}"


def read_examples(text: str) -> list[Example]:
    lines = text.splitlines()
    examples = []
    number = 0
    while number < len(lines):
        opening = RE_FENCE_OPEN.match(lines[number])
        number += 1
        if opening is None:
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        start = number
        while lines[number].strip() != fence:
            number += 1
        body = "\n".join(line[indent:] for line in lines[start:number]) + "\n"
        note = RE_NOTE.match(lines[start - 2]) if start >= 2 else None
        example = Example(start, body)  # the fence's line, 1-based
        if note is not None:
            example.kind, example.warning = note["kind"], note["text"]
        examples.append(example)
    return examples


EXAMPLES = read_examples(GUIDE.read_text(encoding="utf-8"))
VALID = [example for example in EXAMPLES if example.kind == "valid"]
MISTAKES = [example for example in EXAMPLES if example.kind == "mistake"]


class Converter:
    """The site's Markdown extensions plus the quiz extension, collecting warnings."""

    def __init__(self) -> None:
        config = load_config(str(ROOT / "mkdocs.yml"))
        self.warnings: list[str] = []
        self.extension = QuizExtension()
        self.extension.reporter = self.warnings.append
        self.markdown = Markdown(
            extensions=[*config.markdown_extensions, self.extension],
            extension_configs=config.mdx_configs,
        )

    def convert(self, source: str) -> list[QuizReport]:
        self.warnings.clear()
        markdown, _ = get_data(source)
        offset = source.count("\n") - markdown.count("\n")
        self.extension.page = QuizPage(path="CONTRIBUTING.md", line_offset=offset)
        self.markdown.reset().convert(markdown)
        return self.extension.reports


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter()


def test_the_guide_has_examples_of_every_kind() -> None:
    assert len(VALID) >= 10
    assert len(MISTAKES) >= len(LOG_MESSAGES)
    assert [e.kind for e in EXAMPLES].count("translation mistake") == 1


@pytest.mark.parametrize("example", VALID, ids=str)
def test_valid_example_converts_without_warnings(example: Example, converter: Converter) -> None:
    reports = converter.convert(example.source)
    assert converter.warnings == []
    headers = quiz_header_lines(example.source.splitlines())
    assert [report.line for report in reports] == headers
    assert all(report.quiz is not None for report in reports)


@pytest.mark.parametrize("example", MISTAKES, ids=str)
def test_mistake_gives_the_warning_the_guide_shows(example: Example, converter: Converter) -> None:
    converter.convert(example.source)
    assert len(converter.warnings) == 1, converter.warnings
    location = RE_LOCATION.match(converter.warnings[0])
    assert location is not None, converter.warnings[0]
    assert location["text"] == example.warning
    assert int(location["line"]) in quiz_header_lines(example.source.splitlines())


def template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", template)
    return re.compile(".+".join(re.escape(part) for part in parts) + "$")


@pytest.mark.parametrize("code", sorted(LOG_MESSAGES))
def test_every_warning_is_listed_verbatim_with_an_example(code: str) -> None:
    template = LOG_MESSAGES[code]
    assert f"`{template}`" in GUIDE.read_text(encoding="utf-8")
    pattern = template_pattern(template)
    assert any(pattern.match(example.warning) for example in MISTAKES)


def test_parity_warnings_are_listed() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert parity.QUIZ_FIX in guide
    assert parity.COUNT_FIX in guide


def test_translation_mistake_gives_the_parity_warning_the_guide_shows(tmp_path: Path) -> None:
    position = next(i for i, e in enumerate(EXAMPLES) if e.kind == "translation mistake")
    original, translation = EXAMPLES[position - 1], EXAMPLES[position]
    for language, example in (("zh", original), ("en", translation)):
        (tmp_path / language).mkdir()
        (tmp_path / language / "chapter.md").write_text(example.source, encoding="utf-8")
    reader = parity.QuizReader()
    report = parity.compare_languages(tmp_path, "zh", ["zh", "en"], reader)
    assert report == parity.ParityReport(warnings=[translation.warning])
