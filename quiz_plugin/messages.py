"""How each quiz problem is explained: to the contributor in the log, to readers on the page."""

from __future__ import annotations

from typing import Final

from quiz_plugin.model import QuizProblem

# The log speaks English (like MkDocs); each message says how to fix the problem.
LOG_MESSAGES: Final[dict[str, str]] = {
    "invalid_header": "quiz options are not valid YAML; write them as 'name: value' lines "
    "indented under '/// quiz'",
    "argument": "quiz takes no title after '|' ('{argument}'); put the question inside the block",
    "unknown_option": "quiz has an unknown option '{name}'; use multiple, shuffle or id",
    "invalid_boolean": "quiz option '{name}' must be true or false, not '{value}'",
    "invalid_id": "quiz option 'id' must be a slug of lowercase letters, digits and hyphens, "
    "not '{value}'",
    "duplicate_id": "quiz id '{value}' is used twice on this page; give each quiz its own id",
    "no_question": "quiz has no question; write the question above the options",
    "no_options": "quiz has no options; add a task list with '- [ ]' and '- [x]' items",
    "single_option": "quiz has only one option; add at least one more '- [ ]' option",
    "empty_option": "quiz option {position} is empty; write its text after the brackets "
    "or remove it",
    "no_correct": "quiz has no correct option; mark one with [x]",
    "contains_quiz": "quiz contains another quiz (line {line}); close this quiz with '///' "
    "before the next one starts",
}

PAGE_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "invalid_header": "The options under “/// quiz” are not valid YAML. Write them as "
        "“name: value” lines indented under the header.",
        "argument": "A quiz takes no title after “|”. Put the question inside the block.",
        "unknown_option": "Unknown option “{name}”. Use multiple, shuffle or id.",
        "invalid_boolean": "Option “{name}” must be true or false, not “{value}”.",
        "invalid_id": "Option “id” must be a slug of lowercase letters, digits and hyphens.",
        "duplicate_id": "The id “{value}” is used by another quiz on this page.",
        "no_question": "The quiz has no question. Write it above the options.",
        "no_options": "The quiz has no options. Add a task list with “- [ ]” and “- [x]” items.",
        "single_option": "The quiz has only one option. Add at least one more.",
        "empty_option": "Option {position} is empty. Write its text or remove it.",
        "no_correct": "The quiz has no correct option. Mark one with [x].",
        "contains_quiz": "Another quiz starts inside this one (line {line}). Close this quiz "
        "with “///” before the next one starts.",
        "inside_quiz": "This quiz starts inside the quiz of line {line}. Close that quiz with "
        "“///” before this one.",
    },
    "zh": {
        "invalid_header": "“/// quiz”下面的选项不是合法的 YAML。"
        "请在标题下缩进，每行写一个选项，例如“multiple: true”。",
        "argument": "测验标题行的“|”后面不能写内容。请把问题写在块里面。",
        "unknown_option": "未知选项“{name}”。可用的选项是 multiple、shuffle 和 id。",
        "invalid_boolean": "选项“{name}”只能是 true 或 false，而不是“{value}”。",
        "invalid_id": "选项“id”只能由小写字母、数字和连字符组成。",
        "duplicate_id": "本页已有另一道测验使用了 id“{value}”。",
        "no_question": "这道测验没有题干。请把问题写在选项上方。",
        "no_options": "这道测验没有选项。请用“- [ ]”和“- [x]”写出任务列表。",
        "single_option": "这道测验只有一个选项。请至少再加一个。",
        "empty_option": "第 {position} 个选项是空的。请写上内容或删掉它。",
        "no_correct": "这道测验没有正确选项。请用 [x] 标出至少一个。",
        "contains_quiz": "这道测验里面又开始了另一道测验（第 {line} 行）。"
        "请先用“///”结束这道测验，再开始下一道。",
        "inside_quiz": "这道测验位于第 {line} 行那道测验的里面。请先用“///”结束那道测验。",
    },
}


def log_message(item: QuizProblem) -> str:
    """Return the English message for the build log."""
    return LOG_MESSAGES[item.code].format(**item.values())


def page_message(item: QuizProblem, language: str) -> str:
    """Return the message shown to readers in the error box, in their language."""
    messages = PAGE_MESSAGES.get(language, PAGE_MESSAGES["en"])
    return messages[item.code].format(**item.values())
