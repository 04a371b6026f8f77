"""Text the course progress shows to readers, per language.

The build writes some into the pages (the tools under the home page's outline, the line after a
chapter's quizzes); the scripts get the others, those of their kind of page, as JSON on the
progress script's tag, and fill in the `{names}` in braces.
"""

from __future__ import annotations

import json
from typing import Final, Literal

from quiz_plugin.labels import language_of

PageKind = Literal["home", "chapter"]

COURSE_LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "new": "Not started",
        "started": "{answered} of {total} answered, {correct} correct",
        "completed": "Completed: {correct} of {total} correct",
        "mark": "completed",
        "next": "Next chapter: ",
        "planned": "The next chapter is still being written: {outline} lists what comes next.",
        "outline": "the course outline",
        "hint": "Your progress is kept in this browser only. To go on in another browser, "
        "export it to a file and import the file there.",
        "export": "Export progress",
        "import": "Import progress",
        "reset": "Reset all progress",
        "confirmReset": "Reset all progress? Your answers in every chapter will be cleared. "
        "This cannot be undone.",
        "resetDone": "All progress was reset.",
        "exported": "Exported {answers} to {file}.",
        "imported": "Imported {answers}.",
        "importedNone": "The file has no answer newer than those in this browser. "
        "Nothing was changed.",
        "foreign": "This file is not a progress file exported from this course. "
        "Nothing was changed.",
        "newer": "This progress file comes from a newer version of the course and cannot be "
        "read here. Nothing was changed.",
        "damaged": "This progress file is damaged and cannot be read. Nothing was changed.",
        "answerOne": "1 answer",
        "answerMany": "{count} answers",
    },
    "zh": {
        "new": "未开始",
        "started": "已答 {answered} / {total} 题，答对 {correct} 题",
        "completed": "已完成：答对 {correct} / {total} 题",
        "mark": "已完成",
        "next": "下一章：",
        "planned": "下一章还在编写中，首页的“{outline}”列出了接下来的章节。",
        "outline": "课程路线",
        "hint": "进度只保存在这个浏览器里。要在另一个浏览器里接着学，"
        "先把进度导出成文件，再在那里导入。",
        "export": "导出进度",
        "import": "导入进度",
        "reset": "清除全部进度",
        "confirmReset": "要清除全部进度吗？所有章节的作答记录都会删除，无法恢复。",
        "resetDone": "已清除全部进度。",
        "exported": "已把 {answers}导出到 {file}。",
        "imported": "已导入 {answers}。",
        "importedNone": "文件里没有比这个浏览器里更新的答案，进度没有改变。",
        "foreign": "这个文件不是本课程导出的进度文件，进度没有改变。",
        "newer": "这个进度文件来自更新版本的课程网站，这里还读不了，进度没有改变。",
        "damaged": "这个进度文件已损坏，无法读取，进度没有改变。",
        "answerOne": "1 个答案",
        "answerMany": "{count} 个答案",
    },
}

# The strings the scripts use on each kind of page (progress.js, and progress-tools.js at home).
SCRIPT_KEYS: Final[dict[PageKind, tuple[str, ...]]] = {
    "home": (
        "new",
        "started",
        "completed",
        "mark",
        "confirmReset",
        "resetDone",
        "exported",
        "imported",
        "importedNone",
        "foreign",
        "newer",
        "damaged",
        "answerOne",
        "answerMany",
    ),
    "chapter": ("mark",),
}


def course_labels_for(locale: str | None) -> dict[str, str]:
    """Return the strings for a locale such as `zh`, `zh-Hans` or `en_US` (default: English)."""
    return COURSE_LABELS[language_of(locale, COURSE_LABELS)]


def script_labels(locale: str | None, kind: PageKind) -> str:
    """Return, as JSON, the strings the scripts need on a page of this kind and language."""
    labels = course_labels_for(locale)
    texts = {key: labels[key] for key in SCRIPT_KEYS[kind]}
    return json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
