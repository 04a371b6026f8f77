"""Text the widget shows to readers, per language."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "check": "Check",
        "retry": "Try again",
        "reveal": "Show answer",
        "hint": "Select all that apply",
        "answer": "Answer",
        "key": "Answer: ",
        "keySeparator": "; ",
        "keyTitle": "Answer key",
        "correct": "✓ Correct.",
        "incorrect": "✗ Not quite. Try again, or show the answer.",
        "incomplete": "◐ Partly right: what you chose is correct, "
        "but some correct options are missing.",
        "revealed": "Answer shown: the correct options are marked “◆ The answer”.",
        "optionCorrect": "✓ Correct",
        "optionWrong": "✗ Wrong",
        "optionAnswer": "◆ The answer",
        "choose": "Choose an option first.",
        "score": "{correct} / {total} correct",
        "reset": "Reset this page's quizzes",
        "error": "This quiz cannot be shown",
    },
    "zh": {
        "check": "检查答案",
        "retry": "再试一次",
        "reveal": "显示答案",
        "hint": "多选：选出所有正确答案",
        "answer": "答案",
        "key": "答案：",
        "keySeparator": "；",
        "keyTitle": "参考答案",
        "correct": "✓ 回答正确。",
        "incorrect": "✗ 回答错误。可以再试一次，或者显示答案。",
        "incomplete": "◐ 答对了一部分：你选的都对，但还有正确选项没选。",
        "revealed": "已显示答案：正确选项标有“◆ 正确答案”。",
        "optionCorrect": "✓ 正确",
        "optionWrong": "✗ 错误",
        "optionAnswer": "◆ 正确答案",
        "choose": "请先选择一个选项。",
        "score": "答对 {correct} / {total} 题",
        "reset": "重做本页测验",
        "error": "这道测验题无法显示",
    },
}

DEFAULT_LOCALE: Final = "en"

# Keys the browser script reads from the `data-quiz-i18n` attribute of a page's first widget.
SCRIPT_KEYS: Final = (
    "check",
    "retry",
    "reveal",
    "correct",
    "incorrect",
    "incomplete",
    "revealed",
    "optionCorrect",
    "optionWrong",
    "optionAnswer",
    "choose",
    "score",
)


def language_of(locale: str | None, known: Collection[str]) -> str:
    """Return the language of a locale such as `zh`, `zh-Hans` or `en_US` if known, else English."""
    if locale:
        language = locale.replace("_", "-").split("-")[0].lower()
        if language in known:
            return language
    return DEFAULT_LOCALE


def labels_for(locale: str | None) -> dict[str, str]:
    """Return the labels for a locale such as `zh`, `zh-Hans` or `en_US` (default: English)."""
    return LABELS[language_of(locale, LABELS)]
