"""Drive the quiz widgets of a chapter in a real browser, and read what they show."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.build import build_site, copy_project, free_port, serve_directory

CHAPTERS = {"zh": "post-training.html", "en": "en/post-training.html"}
STATUS = {
    "zh": {
        "correct": "✓ 回答正确。",
        "incorrect": "✗ 回答错误。可以再试一次，或者显示答案。",
        "incomplete": "◐ 答对了一部分：你选的都对，但还有正确选项没选。",
        "revealed": "已显示答案：正确选项标有“◆ 正确答案”。",
        "choose": "请先选择一个选项。",
        "score": "答对 {} / {} 题",
    },
    "en": {
        "correct": "✓ Correct.",
        "incorrect": "✗ Not quite. Try again, or show the answer.",
        "incomplete": "◐ Partly right: what you chose is correct, but some correct options are "
        "missing.",
        "revealed": "Answer shown: the correct options are marked “◆ The answer”.",
        "choose": "Choose an option first.",
        "score": "{} / {} correct",
    },
}
MARKS = {
    "zh": {"right": "✓ 正确", "wrong": "✗ 错误", "answer": "◆ 正确答案"},
    "en": {"right": "✓ Correct", "wrong": "✗ Wrong", "answer": "◆ The answer"},
}
# How the first quiz's correct feedback and its explanation begin (docs/*/post-training.md).
FIRST_ANSWER = {
    "zh": ("正确。base 模型只会生成", "回到正文"),
    "en": ("Correct. The base model only generates", 'See "The base model: an internet-document'),
}
# Position of the correct option in each of the chapter's three quizzes.
CORRECT = [1, 2, 1]
BUTTONS = {"zh": ["检查答案", "再试一次", "显示答案"], "en": ["Check", "Try again", "Show answer"]}
# The two viewports every behaviour a reader sees is checked at.
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}

# Everything a widget shows, option by option (in the order shown), by kind rather than text.
SHOWN = """
quiz => {
  const visible = element => Boolean(element) && element.checkVisibility();
  const button = name => visible(quiz.querySelector('.quiz__' + name));
  return {
    state: quiz.dataset.quizState ?? null,
    status: quiz.querySelector('.quiz__status').textContent,
    options: [...quiz.querySelectorAll('.quiz__option')].map(option => ({
      position: option.querySelector('input').value,
      checked: option.querySelector('input').checked,
      locked: option.querySelector('input').getAttribute('aria-disabled') === 'true',
      mark: option.dataset.quizMark ?? null,
      markText: option.querySelector('.quiz__mark').textContent,
      feedback: visible(option.querySelector('.quiz__feedback')),
    })),
    explanation: visible(quiz.querySelector('.quiz__explanation')),
    buttons: {check: button('check'), retry: button('retry'), reveal: button('reveal')},
  };
}
"""

MULTIPLE_QUIZ = """
/// quiz
    id: multi-check

{question}
{{: #own-question }}

- [x] {first}
- [ ] {second}

    {second_feedback}

- [x] {third}

    {third_feedback}

- [ ] {fourth}

{explanation}
///
"""
MULTIPLE_WORDS = {
    "zh": {
        "question": "哪些属于后训练？",
        "first": "用对话数据继续训练",
        "second": "从头训练新网络",
        "second_feedback": "不对：后训练在 base 模型的基础上继续训练。",
        "third": "在 base 模型上继续训练，把它打磨成能回答问题、能和人对话的助手",
        "third_feedback": "正确：后训练从 base 模型出发。",
        "fourth": "只写提示词",
        "explanation": "后训练换了数据，没有换算法。",
    },
    "en": {
        "question": "Which belong to post-training?",
        "first": "Training further on conversation data",
        "second": "A new network trained from scratch",
        "second_feedback": "No: post-training starts from the base model.",
        "third": "Training the base model further until it becomes an assistant that answers "
        "questions and holds a conversation",
        "third_feedback": "Right: post-training starts from the base model.",
        "fourth": "Only writing prompts",
        "explanation": "Post-training changes the data, not the algorithm.",
    },
}
MULTIPLE_CORRECT = [0, 2]


def open_chapter(context: Any, base_url: str, language: str = "zh") -> Any:
    """Open a chapter and wait until its quizzes are interactive."""
    page = context.new_page()
    page.goto(base_url + CHAPTERS[language])
    page.wait_for_selector(".quiz[data-quiz-ready]")
    return page


def quiz(page: Any, number: int = 0) -> Any:
    """Return the page's quiz `number` (from 0)."""
    return page.locator(".quiz").nth(number)


def reload(page: Any) -> None:
    """Reload the page and wait until its quizzes are interactive again."""
    page.reload(wait_until="load")
    page.wait_for_selector(".quiz[data-quiz-ready]")


# Whether the browser skips rendering an element for now (`content-visibility: auto` offscreen).
SKIPPED = "element => !element.checkVisibility({contentVisibilityAuto: true})"


def rendered(widget: Any) -> Any:
    """Scroll a widget into view and wait until the browser renders it.

    The browser skips rendering an offscreen widget, which has no `innerText` then.
    """
    widget.scroll_into_view_if_needed()
    # Polled from here: pages without JavaScript run no timers or animation frames.
    for _ in range(100):
        if not widget.evaluate(f"widget => ({SKIPPED})(widget.firstElementChild)"):
            return widget
        widget.page.wait_for_timeout(50)
    raise AssertionError("the widget scrolled into view was never rendered")


def choose(page: Any, number: int, option: int) -> None:
    """Click the label of option `option` (as shown, from 0) of quiz `number`."""
    quiz(page, number).locator(".quiz__label").nth(option).click()


def check(page: Any, number: int = 0) -> None:
    """Press the quiz's Check button."""
    quiz(page, number).locator(".quiz__check").click()


def reveal(page: Any, number: int = 0) -> None:
    """Press the quiz's Show answer button."""
    quiz(page, number).locator(".quiz__reveal").click()


def answer_every_kind(page: Any) -> None:
    """Leave the chapter with a wrong, a right and a revealed answer."""
    choose(page, 0, 0)
    check(page, 0)
    choose(page, 1, CORRECT[1])
    check(page, 1)
    reveal(page, 2)


def status(page: Any, number: int = 0) -> str:
    """Return the text of the quiz's status region."""
    return str(quiz(page, number).locator(".quiz__status").text_content())


def text_of(locator: Any) -> str:
    """Return an element's text, white space collapsed."""
    return " ".join(str(locator.text_content()).split())


def left_edge(locator: Any) -> float:
    """Return where an element's box starts, in CSS pixels from the viewport's left."""
    box = locator.bounding_box()
    assert box is not None, "element is not rendered"
    return round(box["x"], 1)


def marks(page: Any, number: int) -> list[str | None]:
    """Return each option's mark (`right`, `wrong`, `answer` or None), in the order shown."""
    options = quiz(page, number).locator(".quiz__option")
    return [options.nth(i).get_attribute("data-quiz-mark") for i in range(options.count())]


def shown(widget: Any) -> dict[str, Any]:
    """Return everything the widget shows: state, status, each option, explanation, buttons."""
    result: dict[str, Any] = rendered(widget).evaluate(SHOWN)
    return result


def without_texts(view: dict[str, Any]) -> dict[str, Any]:
    """Return what a widget shows without its texts, to compare two languages' widgets."""
    options = [{**option, "markText": bool(option["markText"])} for option in view["options"]]
    return {**view, "status": bool(view["status"]), "options": options}


def serve_copy(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    edit: Callable[[Path], None],
    *,
    strict: bool = True,
) -> Iterator[str]:
    """Copy the project, edit the copy, build it and serve it; yield its URL."""
    project = copy_project(tmp_path_factory.mktemp(name))
    edit(project)
    port = free_port()
    root = tmp_path_factory.mktemp(f"{name}-site")
    log = build_site(project, root, f"http://127.0.0.1:{port}/", strict=strict)
    assert [r.getMessage() for r in log if r.levelno >= 30 and "quiz" in r.name] == []
    with serve_directory(root, port) as url:
        yield url


def append_to_chapters(project: Path, quiz: str, words: dict[str, dict[str, str]]) -> None:
    """End each language's chapter with `quiz`, filled in with that language's `words`."""
    for language, values in words.items():
        chapter = project / "docs" / language / "post-training.md"
        addition = quiz.format(**values)
        chapter.write_text(chapter.read_text(encoding="utf-8") + addition, encoding="utf-8")


def add_multiple_quiz(project: Path) -> None:
    """End each chapter with a fourth quiz, with two correct options of four."""
    append_to_chapters(project, MULTIPLE_QUIZ, MULTIPLE_WORDS)


def turn_on_instant_navigation(project: Path) -> None:
    """Turn on Material's instant navigation in a copy of the project."""
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    config.write_text(source.replace("  features:\n", "  features:\n    - navigation.instant\n", 1))
    assert "navigation.instant" in config.read_text(encoding="utf-8")
