"""Scratch projects whose translations fall behind: edits, an English-first page, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.build import copy_project

CHAPTER = "post-training.md"
# A section of the Chinese chapter (its heading starts so, whatever its punctuation), its English
# translation's heading, and the anchor on the Chinese page; the edit changes one word of it.
ZH_SECTION = "## 变的是数据"
EN_SECTION = "The data changes, not the algorithm"
ZH_ANCHOR = "变的是数据不是算法"
ZH_EDIT = ("下一章就从这些对话数据讲起。", "下一章就从这些人写的对话数据讲起。")

# A page written in English first (`original: en`), with a repeated heading.
READING = {
    "en": """\
---
description: Further reading on how assistants are trained.
original: en
---

# Further reading

Books and papers on training assistants.

## Papers

The InstructGPT paper describes post-training with human feedback.

## Papers

Papers on reward models and preference data.
""",
    "zh": """\
---
description: 关于助手怎样训练出来的延伸阅读。
---

# 延伸阅读

关于训练助手的书和论文。

## 论文

InstructGPT 论文介绍了基于人类反馈的后训练。

## 论文

关于奖励模型和偏好数据的论文。
""",
}
EN_EDIT = ("Papers on reward models and preference data.", "Papers on reward models.")
READING_ANCHOR = "papers_1"


def drifted_project(folder: Path) -> Path:
    """Copy the project, add the English-first page, record it; then change both originals."""
    project = copy_project(folder)
    add_reading_pages(project)
    result = run_cli(project, "record")
    assert result.returncode == 0, result.stdout + result.stderr
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    edit(project / "docs" / "en" / "reading.md", *EN_EDIT)
    return project


def run_cli(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `python hooks/translation_cli.py ARGUMENTS` in a project, as `make` does."""
    return run_in(project, [sys.executable, "hooks/translation_cli.py", *arguments])


def run_in(
    project: Path, command: list[str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a command in a project's folder, capturing its output; never raise on failure."""
    return subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must be in the file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_reading_pages(project: Path) -> None:
    """Add the English-first page and its Chinese translation."""
    for language, text in READING.items():
        (project / "docs" / language / "reading.md").write_text(text, encoding="utf-8")


def heading_line(path: Path, start: str) -> str:
    """Return the heading of a page that starts with `start`."""
    return next(
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(start)
    )


def section_lines(path: Path, heading: str, occurrence: int = 1) -> str:
    """Return `first-last`: the lines of a section (to the next heading), blank lines aside."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [number for number, line in enumerate(lines) if line.strip() == heading]
    first = starts[occurrence - 1]
    end = next(
        (n for n in range(first + 1, len(lines)) if lines[n].startswith("#")),
        len(lines),
    )
    last = max(n for n in range(first, end) if lines[n].strip())
    return f"{first + 1}-{last + 1}"
