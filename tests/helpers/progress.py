"""Course progress: the built manifest, a copy of the site with a course that changed, and the
home page's outline as a reader sees it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.helpers.pages import HOMES
from tests.helpers.quiz_pages import CORRECT, check, choose, open_chapter, reveal

MANIFEST = "assets/course/course.json"
# What the outline says of a chapter, per state (see quiz_plugin/course_labels.py).
PROGRESS = {
    "zh": {
        "new": "未开始",
        "started": "已答 {answered} / {total} 题，答对 {correct} 题",
        "completed": "已完成：答对 {correct} / {total} 题",
    },
    "en": {
        "new": "Not started",
        "started": "{answered} of {total} answered, {correct} correct",
        "completed": "Completed: {correct} of {total} correct",
    },
}
SYMBOLS = {"new": "○", "started": "◐", "completed": "✓"}
MARK = {"zh": "已完成", "en": "completed"}
BUTTONS = {
    "zh": {"export": "导出进度", "import": "导入进度", "reset": "清除全部进度"},
    "en": {"export": "Export progress", "import": "Import progress", "reset": "Reset all progress"},
}
MESSAGES = {
    "zh": {
        "reset": "已清除全部进度。",
        "exported": "已把 {n} 个答案导出到 course-progress.json。",
        "imported": "已导入 {n} 个答案。",
        "importedOne": "已导入 1 个答案。",
        "none": "文件里没有比这个浏览器里更新的答案，进度没有改变。",
        "foreign": "这个文件不是本课程导出的进度文件，进度没有改变。",
        "newer": "这个进度文件来自更新版本的课程网站，这里还读不了，进度没有改变。",
        "damaged": "这个进度文件已损坏，无法读取，进度没有改变。",
    },
    "en": {
        "reset": "All progress was reset.",
        "exported": "Exported {n} answers to course-progress.json.",
        "imported": "Imported {n} answers.",
        "importedOne": "Imported 1 answer.",
        "none": "The file has no answer newer than those in this browser. Nothing was changed.",
        "foreign": "This file is not a progress file exported from this course. "
        "Nothing was changed.",
        "newer": "This progress file comes from a newer version of the course and cannot be read "
        "here. Nothing was changed.",
        "damaged": "This progress file is damaged and cannot be read. Nothing was changed.",
    },
}
# A second chapter, with one quiz, listed in the navigation and linked from the outline.
NEW_CHAPTER = {
    "zh": "# 监督微调\n\n## 本章测验\n\n/// quiz\n    id: sft-data\n\n"
    "监督微调用的是什么数据？\n\n- [x] 人写的示范对话\n- [ ] 随机网页\n///\n",
    "en": "# Supervised fine-tuning\n\n## Chapter quiz\n\n/// quiz\n    id: sft-data\n\n"
    "What data does supervised fine-tuning use?\n\n- [x] Example conversations written by "
    "people\n- [ ] Random web pages\n///\n",
}
NEW_TITLES = {"zh": "监督微调", "en": "Supervised Fine-Tuning"}
OUTLINE_ROWS = {"zh": "监督微调（SFT）", "en": "Supervised fine-tuning (SFT)"}
# The first quiz's question in the default language, and the same question reworded.
FIRST_QUESTION = (
    "为什么在拿到 base 模型之后，我们还需要后训练？",
    "拿到 base 模型之后，为什么还要后训练？",
)

# What the outline shows of each chapter: its link's text, its state and its line's text, and
# the symbol the stylesheet draws before the line.
OUTLINE = """
() => [...document.querySelectorAll('.course-outline a')].map(link => {
  const line = link.parentElement.querySelector('.course-progress');
  return {
    chapter: link.textContent,
    state: line ? line.dataset.courseState : null,
    text: line ? line.textContent : null,
    symbol: line ? getComputedStyle(line, '::before').content : null,
  };
})
"""


def manifest(root: Path) -> dict[str, Any]:
    """Return a built site's course manifest."""
    data: dict[str, Any] = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    return data


def widget_keys(html: str) -> list[str]:
    """Return the keys of a built page's widgets, in order."""
    return re.findall(r'data-quiz-key="([^"]+)"', html)


def add_chapter_and_reword_first_quiz(project: Path) -> None:
    """Add a second chapter in both languages; reword the first quiz's question in Chinese."""
    for language, text in NEW_CHAPTER.items():
        (project / "docs" / language / "sft.md").write_text(text, encoding="utf-8")
        home = project / "docs" / language / "index.md"
        row = OUTLINE_ROWS[language]
        source = home.read_text(encoding="utf-8")
        home.write_text(source.replace(f"| {row} |", f"| [{row}](sft.md) |", 1), encoding="utf-8")
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    source = source.replace(
        "  - 从预训练到后训练: post-training.md\n",
        "  - 从预训练到后训练: post-training.md\n  - 监督微调: sft.md\n",
    ).replace(
        "            从预训练到后训练: From Pretraining to Post-Training\n",
        "            从预训练到后训练: From Pretraining to Post-Training\n"
        "            监督微调: Supervised Fine-Tuning\n",
    )
    config.write_text(source, encoding="utf-8")
    chapter = project / "docs" / "zh" / "post-training.md"
    text = chapter.read_text(encoding="utf-8")
    assert FIRST_QUESTION[0] in text
    chapter.write_text(text.replace(*FIRST_QUESTION), encoding="utf-8")


def open_home(context: Any, base_url: str, language: str) -> Any:
    """Open a home page and wait until its outline shows progress."""
    page = context.new_page()
    page.goto(base_url + HOMES[language])
    page.wait_for_selector(".course-progress")
    return page


def outline(page: Any) -> list[dict[str, Any]]:
    """Return what the outline shows of each chapter it links to."""
    shown: list[dict[str, Any]] = page.evaluate(OUTLINE)
    return shown


def expected_line(language: str, state: str, answered: int, correct: int, total: int = 3) -> str:
    """Return the words the outline shows for a chapter."""
    return PROGRESS[language][state].format(answered=answered, correct=correct, total=total)


def answer_chapter(context: Any, base_url: str, language: str, answers: list[str]) -> Any:
    """Answer the chapter's quizzes: "right", "wrong", "revealed" or "" (left alone) each."""
    page = open_chapter(context, base_url, language)
    for number, answer in enumerate(answers):
        if answer == "revealed":
            reveal(page, number)
        elif answer:
            choose(page, number, CORRECT[number] if answer == "right" else 3)
            check(page, number)
    return page


def visible_marks(page: Any) -> list[str | None]:
    """Return the screen-reader text of each visible completion mark in the navigation."""
    marks: list[str | None] = page.locator(".md-nav--primary .course-mark:visible").evaluate_all(
        "marks => marks.map(mark => mark.getAttribute('aria-label'))"
    )
    return marks


def saved_answers(page: Any) -> dict[str, Any]:
    """Return every answer saved in the page's storage, by quiz key."""
    found: dict[str, Any] = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('quiz:'))"
        ".map(k => [k.slice(5), JSON.parse(localStorage.getItem(k))]))"
    )
    return found
