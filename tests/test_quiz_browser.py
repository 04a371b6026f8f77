"""The quiz widget in a real Chromium, on the built site served from 127.0.0.1."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import pytest

from tests.helpers.build import Site, build_site, copy_project, free_port, serve_directory
from tests.helpers.pages import option_texts

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Locator,
        Page,
        Response,
        Route,
    )

pytestmark = pytest.mark.browser

CHAPTERS = {"zh": "post-training.html", "en": "en/post-training.html"}
STATUS = {
    "zh": {
        "correct": "✓ 回答正确。",
        "incorrect": "✗ 回答错误。可以再试一次,或者显示答案。",
        "incomplete": "◐ 答对了一部分:你选的都对,但还有正确选项没选。",
        "revealed": "已显示答案:正确选项已标出。",
        "score": "答对 {} / {} 题",
    },
    "en": {
        "correct": "✓ Correct.",
        "incorrect": "✗ Not quite. Try again, or show the answer.",
        "incomplete": "◐ Partly right: what you chose is correct, but some correct options are "
        "missing.",
        "revealed": "Answer shown: the correct option is marked.",
        "score": "{} / {} correct",
    },
}
# Position of the correct option in each of the chapter's three quizzes.
CORRECT = [1, 2, 1]
# How the first quiz's correct feedback and its explanation begin (docs/*/post-training.md).
FIRST_ANSWER = {
    "zh": ("正确。base 模型只会生成", "回到正文「base 模型:互联网文档模拟器」一节"),
    "en": ("Correct. The base model only generates", 'See "The base model: an internet-document'),
}
BUTTONS = {"zh": ["检查答案", "再试一次", "显示答案"], "en": ["Check", "Try again", "Show answer"]}
# Where each piece of the quiz stands once the script has run: for every option, its feedback
# count and whether its mark comes before its feedback; what follows the options and the
# status; what is left in the no-script <details>; and the order of what the script built.
LAYOUT = """
quiz => ({
  widget: [...quiz.children].map(child => child.className),
  fieldset: [...quiz.querySelector('fieldset').children].map(child => child.className),
  option: [...quiz.querySelector('.quiz__option').children].map(child => child.className),
  options: [...quiz.querySelectorAll('.quiz__option')].map(option => [
    option.querySelectorAll('.quiz__mark').length,
    option.querySelectorAll('.quiz__feedback').length,
    option.querySelector('.quiz__mark').nextElementSibling?.className ?? null,
  ]),
  afterOptions: quiz.querySelector('.quiz__options').nextElementSibling.className,
  afterStatus: quiz.querySelector('.quiz__status').nextElementSibling?.className ?? null,
  inAnswer: [...quiz.querySelector('.quiz__answer').children].map(child => child.className),
  explanations: quiz.querySelectorAll('.quiz__explanation').length,
})
"""
# What the script builds of each option, from the server's plain list item.
OPTION_CONTROLS = """
quiz => [...quiz.querySelectorAll('.quiz__options > li')].map(option => {
  const input = option.querySelector('input'), labels = [...input.labels];
  return [
    option.className, input.className, input.type, input.name === quiz.id, input.value,
    labels.map(label => [label.className, label.textContent.replace(/\\s+/g, ' ').trim()]),
  ];
})
"""
# How the fieldset is named and described: the text of the elements its ARIA attributes name.
FIELDSET_ARIA = """
quiz => {
  const fieldset = quiz.querySelector('fieldset'), text = id => id &&
    document.getElementById(id).textContent.replace(/\\s+/g, ' ').trim();
  return {
    isFirstChild: quiz.firstElementChild === fieldset,
    labelledBy: text(fieldset.getAttribute('aria-labelledby')),
    describedBy: text(fieldset.getAttribute('aria-describedby')),
  };
}
"""
# Computed styles that quiz.css changes from the browser's and Material's own.
STYLED = """
quiz => {
  const style = selector => getComputedStyle(quiz.querySelector(selector));
  return [
    getComputedStyle(quiz).borderTopStyle,
    style('.quiz__fieldset').borderTopStyle,
    style('.quiz__options').listStyleType,
    style('.quiz__option').display,
  ];
}
"""
STYLED_VALUES = ["solid", "none", "none", "flex"]
# Where the page links the stylesheet from.
STYLESHEET_LINKS = """
() => [...document.querySelectorAll('link[rel=stylesheet][href$="quiz.css"]')].map(link => ({
  inHead: link.parentElement === document.head,
  beforeFirstWidget: link.nextElementSibling === document.querySelector('.quiz'),
}))
"""
DUPLICATE_IDS = """
() => {
  const ids = [...document.querySelectorAll('[id]')].map(element => element.id);
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}
"""
FOCUS_BEFORE_FIRST_QUIZ = """
() => {
  let element = document.querySelector('.quiz');
  do element = element.previousElementSibling; while (!element.matches('h1, h2, h3, h4, h5, h6'));
  element.querySelector('a').focus();
}
"""
DENY_QUIZ_STORAGE = """
for (const name of ['getItem', 'setItem', 'removeItem']) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith('quiz:')) throw new DOMException('denied', 'SecurityError');
    return original.call(this, key, ...rest);
  };
}
"""
NO_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true, get() { throw new DOMException('denied', 'SecurityError'); },
});
"""
COUNT_STATUS_WRITES = """
window.__statusWrites = 0;
new MutationObserver(records => { window.__statusWrites += records.length; })
  .observe(document.querySelector('.quiz__status'), {childList: true, characterData: true});
"""
MULTIPLE_QUIZ = """
/// quiz
    id: multi-check

{question}
{{: #own-question }}

- [x] {first}
- [ ] {second}
- [x] {third}
- [ ] {fourth}
///
"""


@dataclass
class Watch:
    """What went wrong while pages of one browser context were open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Return everything that must not happen on any page."""
        return [
            *(f"console error: {e}" for e in self.console_errors),
            *(f"page error: {e}" for e in self.page_errors),
            *(f"failed request: {e}" for e in self.failed),
            *(f"request leaving 127.0.0.1: {e}" for e in self.foreign),
        ]


@contextlib.contextmanager
def watched_context(
    browser: Browser, *, clean: bool = True, **options: Any
) -> Iterator[tuple[BrowserContext, Watch]]:
    """Open a browser context that only reaches 127.0.0.1 and records every problem."""
    context = browser.new_context(**options)
    watch = Watch()

    def route(request_route: Route) -> None:
        if urlparse(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            watch.foreign.append(request_route.request.url)
            request_route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)

    def response(answer: Response) -> None:
        if answer.status >= 400:
            watch.failed.append(f"{answer.status} {answer.url}")

    def attach(page: Page) -> None:
        page.on("console", console)
        page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
        page.on("requestfailed", lambda r: watch.failed.append(f"{r.url} {r.failure}"))
        page.on("response", response)

    context.route("**/*", route)
    context.on("page", attach)
    try:
        yield context, watch
        if clean:
            assert watch.problems() == []
    finally:
        context.close()


@pytest.fixture
def watch_context(browser: Browser) -> Iterator[tuple[BrowserContext, Watch]]:
    with watched_context(browser) as pair:
        yield pair


@pytest.fixture
def context(watch_context: tuple[BrowserContext, Watch]) -> BrowserContext:
    return watch_context[0]


def open_chapter(context: BrowserContext, base_url: str, language: str = "zh") -> Page:
    """Open a chapter and wait until its quizzes are interactive."""
    page = context.new_page()
    page.goto(base_url + CHAPTERS[language])
    page.wait_for_selector(".quiz[data-quiz-ready]")
    return page


def quiz(page: Page, number: int = 0) -> Locator:
    return page.locator(".quiz").nth(number)


def reload(page: Page) -> None:
    """Reload once the page is idle (a request cut short by the reload would count as failed)."""
    page.wait_for_load_state("networkidle")
    page.reload()
    page.wait_for_selector(".quiz[data-quiz-ready]")


# Whether the browser skips rendering an element for now (`content-visibility: auto` offscreen).
SKIPPED = "element => !element.checkVisibility({contentVisibilityAuto: true})"


def rendered(widget: Locator) -> Locator:
    """Scroll a widget into view and wait until the browser renders it: it skips rendering an
    offscreen widget (which has no `innerText` then)."""
    widget.scroll_into_view_if_needed()
    # Polled from here: pages without JavaScript run no timers or animation frames.
    for _ in range(100):
        if not widget.evaluate(f"widget => ({SKIPPED})(widget.firstElementChild)"):
            return widget
        widget.page.wait_for_timeout(50)
    raise AssertionError("the widget scrolled into view was never rendered")


def choose(page: Page, number: int, option: int) -> None:
    quiz(page, number).locator(".quiz__label").nth(option).click()


def check(page: Page, number: int = 0) -> None:
    quiz(page, number).locator(".quiz__check").click()


def status(page: Page, number: int = 0) -> str:
    return str(quiz(page, number).locator(".quiz__status").text_content())


def text_of(locator: Locator) -> str:
    """Return an element's text, white space collapsed."""
    return " ".join(str(locator.text_content()).split())


def left_edge(locator: Locator) -> float:
    """Return where an element's box starts, in CSS pixels from the viewport's left."""
    box = locator.bounding_box()
    assert box is not None, "element is not rendered"
    return round(box["x"], 1)


def marks(page: Page, number: int) -> list[str | None]:
    options = quiz(page, number).locator(".quiz__option")
    return [options.nth(i).get_attribute("data-quiz-mark") for i in range(options.count())]


# --- answering ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", CHAPTERS)
def test_wrong_answer_says_incorrect(site: Site, context: BrowserContext, language: str) -> None:
    page = open_chapter(context, site.url, language)
    choose(page, 0, 0)
    check(page)
    assert status(page) == STATUS[language]["incorrect"]
    assert marks(page, 0) == ["wrong", None, None, None]


@pytest.mark.parametrize("language", CHAPTERS)
def test_right_answer_says_correct(site: Site, context: BrowserContext, language: str) -> None:
    page = open_chapter(context, site.url, language)
    choose(page, 0, CORRECT[0])
    check(page)
    assert status(page) == STATUS[language]["correct"]
    assert marks(page, 0) == [None, "correct", None, None]


def test_answer_shows_the_chosen_feedback_and_the_explanation(
    site: Site, context: BrowserContext
) -> None:
    page = open_chapter(context, site.url)
    choose(page, 0, 0)
    check(page)
    feedback = quiz(page, 0).locator(".quiz__feedback")
    assert [feedback.nth(i).is_visible() for i in range(feedback.count())] == [
        True,
        False,
        False,
        False,
    ]
    assert quiz(page, 0).locator(".quiz__explanation").is_visible()


def test_script_replaces_the_no_script_answer(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    assert quiz(page, 0).locator(".quiz__actions").is_visible()
    assert quiz(page, 0).locator(".quiz__answer").is_hidden()
    assert quiz(page, 0).locator(".quiz__status").get_attribute("role") == "status"


def test_widgets_below_the_fold_are_rendered_once_scrolled_to(
    site: Site, context: BrowserContext
) -> None:
    # The quizzes close the chapter, far below the first screen: the browser need not lay them
    # out while the page starts up, only when the reader gets near them.
    page = open_chapter(context, site.url)
    question = quiz(page, 2).locator(".quiz__question")
    assert question.evaluate(SKIPPED) is True
    rendered(quiz(page, 2))
    assert question.is_visible()


# Counts the widgets already built when DOMContentLoaded has run all its handlers: a listener
# on `window` hears the event after every listener on `document`, the theme's included.
BUILT_AT_DOM_CONTENT_LOADED = """
window.addEventListener('DOMContentLoaded', () => {
  window.__builtAtLoaded = document.querySelectorAll('.quiz[data-quiz-ready]').length;
});
"""


def test_widgets_are_built_in_a_task_after_the_theme_starts_up(
    site: Site, context: BrowserContext
) -> None:
    # The theme's start-up runs in the DOMContentLoaded task and is long on a phone; building
    # the widgets in that same task too would make it longer still (total blocking time).
    context.add_init_script(BUILT_AT_DOM_CONTENT_LOADED)
    page = open_chapter(context, site.url)
    assert page.evaluate("window.__builtAtLoaded") == 0
    assert page.locator(".quiz[data-quiz-ready]").count() == 3


@pytest.mark.parametrize("language", CHAPTERS)
def test_fieldset_is_named_by_the_question(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    for number in range(3):
        widget = quiz(page, number)
        question = text_of(widget.locator(".quiz__question"))
        assert widget.evaluate(FIELDSET_ARIA) == {
            "isFirstChild": True,
            "labelledBy": question,
            "describedBy": None,  # only a multiple-choice quiz has a hint
        }
        group = widget.get_by_role("group", name=question, exact=True)
        assert group.evaluate("group => group.className") == "quiz__fieldset"


@pytest.mark.parametrize("language", CHAPTERS)
def test_options_become_native_radios_with_labels(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    texts = option_texts(site.html(CHAPTERS[language]))
    assert len(texts) == 3
    for number, options in enumerate(texts):
        widget = quiz(page, number)
        assert widget.evaluate(OPTION_CONTROLS) == [
            ["quiz__option", "quiz__input", "radio", True, str(index), [["quiz__label", text]]]
            for index, text in enumerate(options)
        ]
        radios = [widget.get_by_role("radio", name=text, exact=True) for text in options]
        assert [radio.count() for radio in radios] == [1] * len(options)
    assert page.evaluate(DUPLICATE_IDS) == []


def test_status_region_is_there_before_any_answer(site: Site, context: BrowserContext) -> None:
    # A live region announces changes only if it was in the page before them.
    page = open_chapter(context, site.url, "en")
    for number in range(3):
        status_region = quiz(page, number).locator(".quiz__fieldset > [role=status]")
        assert status_region.count() == 1
        assert status_region.get_attribute("class") == "quiz__status"
        assert status_region.text_content() == ""
    choose(page, 0, 0)
    check(page)
    assert quiz(page, 0).get_by_role("status").text_content() == STATUS["en"]["incorrect"]


@pytest.mark.parametrize("language", CHAPTERS)
def test_widget_is_styled_by_the_stylesheet_before_it(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    assert page.evaluate(STYLESHEET_LINKS) == [{"inHead": False, "beforeFirstWidget": True}]
    assert [quiz(page, number).evaluate(STYLED) for number in range(3)] == [STYLED_VALUES] * 3


@pytest.mark.parametrize("language", CHAPTERS)
def test_script_adds_buttons_in_the_page_language(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    for number in range(3):
        buttons = quiz(page, number).locator(".quiz__actions > button")
        assert buttons.all_text_contents() == BUTTONS[language]
        assert [b.get_attribute("type") for b in buttons.all()] == ["button"] * 3
        assert [b.is_visible() for b in buttons.all()] == [True, False, True]
    assert page.locator(".quiz__actions").count() == 3


def test_script_moves_the_answer_next_to_the_options(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    layout = quiz(page, 0).evaluate(LAYOUT)
    assert layout == {
        "widget": ["quiz__fieldset", "quiz__answer"],
        "fieldset": [
            "quiz__question",
            "quiz__options",
            "quiz__actions",
            "quiz__status",
            "quiz__explanation",
        ],
        "option": ["quiz__input", "quiz__label", "quiz__mark", "quiz__feedback"],
        "options": [[1, 1, "quiz__feedback"]] * 4,
        "afterOptions": "quiz__actions",
        "afterStatus": "quiz__explanation",
        "inAnswer": ["", "quiz__key"],  # the <summary> and the key stay for print
        "explanations": 1,
    }
    assert quiz(page, 0).locator(".quiz__feedback:visible, .quiz__explanation:visible").count() == 0


@pytest.mark.parametrize("language", CHAPTERS)
def test_right_answer_shows_its_feedback_in_its_option_and_the_explanation(
    site: Site, context: BrowserContext, language: str
) -> None:
    page = open_chapter(context, site.url, language)
    choose(page, 0, CORRECT[0])
    check(page)
    feedback, explanation = FIRST_ANSWER[language]
    option = quiz(page, 0).locator(".quiz__option").nth(CORRECT[0])
    assert option.locator(".quiz__feedback").is_visible()
    assert left_edge(option.locator(".quiz__feedback")) > left_edge(option.locator(".quiz__input"))
    assert text_of(option.locator(".quiz__feedback")).startswith(feedback)
    after_status = quiz(page, 0).locator(".quiz__status + .quiz__explanation")
    assert after_status.is_visible()
    assert text_of(after_status).startswith(explanation)
    assert quiz(page, 0).locator(".quiz__answer").is_hidden()
    assert quiz(page, 0).locator(".quiz__feedback:visible").count() == 1


def test_nothing_can_be_checked_before_a_selection(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    assert quiz(page, 0).locator(".quiz__check").is_disabled()
    choose(page, 0, 0)
    assert quiz(page, 0).locator(".quiz__check").is_enabled()


def test_try_again_resets_the_quiz(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    choose(page, 0, 0)
    check(page)
    quiz(page, 0).locator(".quiz__retry").click()
    assert status(page) == ""
    assert marks(page, 0) == [None] * 4
    inputs = quiz(page, 0).locator(".quiz__input")
    assert [inputs.nth(i).is_checked() or inputs.nth(i).is_disabled() for i in range(4)] == [
        False
    ] * 4
    assert quiz(page, 0).locator(".quiz__check").is_disabled()
    assert page.evaluate("document.activeElement.classList.contains('quiz__input')")


def test_show_answer_reveals_the_correct_option(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "en")
    quiz(page, 1).locator(".quiz__reveal").click()
    assert status(page, 1) == STATUS["en"]["revealed"]
    assert quiz(page, 1).locator(".quiz__input").nth(CORRECT[1]).is_checked()
    assert marks(page, 1)[CORRECT[1]] == "correct"
    assert quiz(page, 1).locator(".quiz__explanation").is_visible()
    assert quiz(page, 1).locator(".quiz__reveal").is_hidden()


# --- keyboard -----------------------------------------------------------------------------


def focus_before_first_quiz(page: Page) -> None:
    """Focus the permalink of the heading that precedes the chapter's quizzes."""
    page.evaluate(FOCUS_BEFORE_FIRST_QUIZ)


def test_keyboard_alone_answers_a_quiz(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    first = quiz(page, 0).locator(".quiz__input").nth(0)
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    page.keyboard.press("ArrowDown")
    assert quiz(page, 0).locator(".quiz__input").nth(1).is_checked()
    assert status(page) == ""
    assert quiz(page, 0).get_attribute("data-quiz-state") is None
    page.keyboard.press("Space")
    assert status(page) == ""
    page.keyboard.press("Enter")
    assert status(page) == STATUS["zh"]["correct"]


def test_arrow_keys_never_submit(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "en")
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"):
        page.keyboard.press(key)
        assert status(page) == ""
    assert quiz(page, 0).locator(".quiz__input:checked").count() == 1


def test_enter_without_a_selection_does_nothing(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    focus_before_first_quiz(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert status(page) == ""
    assert quiz(page, 0).locator(".quiz__input:disabled").count() == 0


def test_enter_on_the_check_button_submits(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "en")
    choose(page, 0, 0)
    quiz(page, 0).locator(".quiz__check").focus()
    page.keyboard.press("Enter")
    assert status(page) == STATUS["en"]["incorrect"]
    assert page.evaluate("document.activeElement.classList.contains('quiz__retry')")


# --- several correct options ------------------------------------------------------------


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


MULTIPLE_WORDS = {
    "zh": (
        "哪些属于后训练?",
        "用对话数据",
        "从头训练新网络",
        "在 base 模型上继续训练",
        "只写提示词",
    ),
    "en": (
        "Which belong to post-training?",
        "Conversation data",
        "A new network",
        "Training the base model further",
        "Only writing prompts",
    ),
}


def append_to_chapters(project: Path, quiz: str) -> None:
    """End each language's chapter with `quiz`, filled with that language's words."""
    for language, (question, first, second, third, fourth) in MULTIPLE_WORDS.items():
        chapter = project / "docs" / language / "post-training.md"
        addition = quiz.format(
            question=question, first=first, second=second, third=third, fourth=fourth
        )
        chapter.write_text(chapter.read_text(encoding="utf-8") + addition, encoding="utf-8")


def add_multiple_quiz(project: Path) -> None:
    """End each chapter with a fourth quiz, with two correct options of four."""
    append_to_chapters(project, MULTIPLE_QUIZ)


@pytest.fixture(scope="module")
def multi_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a fourth, multiple-choice quiz at the end of each chapter."""
    yield from serve_copy(tmp_path_factory, "multi", add_multiple_quiz)


def test_multiple_choice_uses_checkboxes_and_says_so(
    multi_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, multi_site)
    multi = page.locator("#quiz-multi-check")
    assert multi.locator(".quiz__input[type=checkbox]").count() == 4
    assert multi.locator(".quiz__hint").text_content() == "多选:选出所有正确答案"
    options = MULTIPLE_WORDS["zh"][1:]
    assert [multi.get_by_role("checkbox", name=o, exact=True).count() for o in options] == [1] * 4


@pytest.mark.parametrize("language", CHAPTERS)
def test_multiple_choice_fieldset_is_named_by_its_question_and_described_by_the_hint(
    multi_site: str, context: BrowserContext, language: str
) -> None:
    # The question has an id of its own (attr_list) on a paragraph inside it.
    from playwright.sync_api import expect

    page = open_chapter(context, multi_site, language)
    multi = page.locator("#quiz-multi-check")
    question = MULTIPLE_WORDS[language][0]
    hint = text_of(multi.locator(".quiz__hint"))
    assert multi.locator("#own-question").text_content() == question
    assert multi.evaluate(FIELDSET_ARIA) == {
        "isFirstChild": True,
        "labelledBy": question,
        "describedBy": hint,
    }
    fieldset = multi.locator("fieldset")
    expect(fieldset).to_have_accessible_name(question)
    expect(fieldset).to_have_accessible_description(hint)
    assert page.evaluate(DUPLICATE_IDS) == []


def test_multiple_choice_marks_every_option(multi_site: str, context: BrowserContext) -> None:
    page = open_chapter(context, multi_site, "en")
    choose(page, 3, 0)
    choose(page, 3, 1)
    check(page, 3)
    assert status(page, 3) == STATUS["en"]["incorrect"]
    assert marks(page, 3) == ["correct", "wrong", "missed", None]
    mark_texts = quiz(page, 3).locator(".quiz__mark")
    assert [mark_texts.nth(i).text_content() for i in range(3)] == [
        "✓ Correct",
        "✗ Wrong",
        "○ Missed",
    ]


def test_multiple_choice_with_some_right_is_incomplete(
    multi_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, multi_site)
    choose(page, 3, 2)
    check(page, 3)
    assert status(page, 3) == STATUS["zh"]["incomplete"]
    assert marks(page, 3) == ["missed", None, "correct", None]


def test_multiple_choice_with_all_right_is_correct(
    multi_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, multi_site)
    choose(page, 3, 0)
    choose(page, 3, 2)
    check(page, 3)
    assert status(page, 3) == STATUS["zh"]["correct"]
    assert page.locator(".quiz-score__text").text_content() == STATUS["zh"]["score"].format(1, 4)


SHUFFLED_QUIZ = """
/// quiz
    id: shuffled
    shuffle: true

{question}

- [ ] OPTION-0

    FEEDBACK-0

- [ ] OPTION-1

    FEEDBACK-1

- [x] OPTION-2

    FEEDBACK-2

- [ ] OPTION-3

    FEEDBACK-3

EXPLANATION-SHUFFLED
///
"""
# With Math.random() always 0, quiz.js's Fisher-Yates shuffle puts the options in this order.
SHUFFLED_ORDER = ["1", "2", "3", "0"]


def add_shuffled_quiz(project: Path) -> None:
    """End each chapter with a shuffled quiz whose feedback names its option."""
    append_to_chapters(project, SHUFFLED_QUIZ)


@pytest.fixture(scope="module")
def shuffled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a fourth, shuffled quiz at the end of each chapter."""
    yield from serve_copy(tmp_path_factory, "shuffled", add_shuffled_quiz)


def test_shuffled_options_keep_their_own_feedback(
    shuffled_site: str, context: BrowserContext
) -> None:
    context.add_init_script("Math.random = () => 0;")
    page = open_chapter(context, shuffled_site, "en")
    shuffled = page.locator("#quiz-shuffled")
    options = shuffled.locator(".quiz__option")
    values = [str(options.nth(i).locator(".quiz__input").get_attribute("value")) for i in range(4)]
    assert values == SHUFFLED_ORDER
    feedback = [text_of(options.nth(i).locator(".quiz__feedback")) for i in range(4)]
    assert feedback == [f"FEEDBACK-{v}" for v in SHUFFLED_ORDER]
    shuffled.locator(".quiz__reveal").click()
    correct = options.nth(SHUFFLED_ORDER.index("2"))
    assert correct.locator(".quiz__input").is_checked()
    assert correct.locator(".quiz__feedback").is_visible()
    assert shuffled.locator(".quiz__feedback:visible").count() == 1
    assert shuffled.locator(".quiz__status + .quiz__explanation").is_visible()


# --- saved progress -----------------------------------------------------------------------


def test_reload_restores_the_answer(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    choose(page, 1, 0)
    check(page, 1)
    reload(page)
    assert status(page, 1) == STATUS["zh"]["incorrect"]
    assert quiz(page, 1).locator(".quiz__input").nth(0).is_checked()
    assert quiz(page, 1).locator(".quiz__retry").is_visible()
    assert status(page, 0) == ""


def test_answer_in_chinese_shows_in_english(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url, "zh")
    choose(page, 2, CORRECT[2])
    check(page, 2)
    english = open_chapter(context, site.url, "en")
    assert status(english, 2) == STATUS["en"]["correct"]
    assert quiz(english, 2).locator(".quiz__input").nth(CORRECT[2]).is_checked()
    assert english.locator(".quiz-score__text").text_content() == STATUS["en"]["score"].format(1, 3)


def test_quiz_works_when_storage_refuses_its_keys(site: Site, browser: Browser) -> None:
    with watched_context(browser) as (context, _):
        context.add_init_script(DENY_QUIZ_STORAGE)
        page = open_chapter(context, site.url)
        choose(page, 0, CORRECT[0])
        check(page)
        assert status(page) == STATUS["zh"]["correct"]
        reload(page)
        assert status(page) == ""
        assert quiz(page, 0).locator(".quiz__retry").is_hidden()


def page_errors_of(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    """Open a page, wait until it is idle, and return it with its uncaught errors."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, errors


def test_quiz_works_without_local_storage(site: Site, browser: Browser) -> None:
    # Material's own inline scripts read localStorage unguarded and throw when it is blocked;
    # the quiz must work and add no error of its own (compared with a page without quizzes).
    with watched_context(browser, clean=False) as (context, watch):
        context.add_init_script(NO_STORAGE)
        _, home_errors = page_errors_of(context, site.url)
        page, chapter_errors = page_errors_of(context, site.url + CHAPTERS["zh"])
        choose(page, 0, CORRECT[0])
        check(page)
        assert status(page) == STATUS["zh"]["correct"]
        score = page.locator(".quiz-score__text").text_content()
        assert score == STATUS["zh"]["score"].format(1, 3)
        assert chapter_errors == home_errors
        assert watch.console_errors == []
        assert watch.failed == []
        assert watch.foreign == []


@pytest.mark.parametrize(
    "saved", ["{not json", '{"s":[42],"r":"correct"}', '"text"', "[]", '{"s":[0,1],"r":"correct"}']
)
def test_corrupt_saved_answers_are_ignored(site: Site, context: BrowserContext, saved: str) -> None:
    keys = re.findall(r'data-quiz-key="([0-9a-f]+)"', site.html(CHAPTERS["zh"]))
    context.add_init_script(
        f"if (location.protocol === 'http:') for (const key of {keys!r}) "
        f"localStorage.setItem('quiz:' + key, {saved!r});"
    )
    page = open_chapter(context, site.url)
    assert page.evaluate(f"localStorage.getItem('quiz:{keys[0]}')") == saved
    assert [status(page, n) for n in range(3)] == ["", "", ""]
    assert page.locator(".quiz__input:disabled").count() == 0
    choose(page, 0, CORRECT[0])
    check(page)
    assert status(page) == STATUS["zh"]["correct"]


# --- score --------------------------------------------------------------------------------


def test_score_counts_correct_answers_and_resets(site: Site, context: BrowserContext) -> None:
    page = open_chapter(context, site.url)
    score = page.locator(".quiz-score__text")
    assert score.is_visible()
    assert score.text_content() == STATUS["zh"]["score"].format(0, 3)
    choose(page, 0, CORRECT[0])
    check(page, 0)
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    choose(page, 1, 0)
    check(page, 1)
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    quiz(page, 2).locator(".quiz__reveal").click()
    assert score.text_content() == STATUS["zh"]["score"].format(1, 3)
    page.locator(".quiz-score__reset").click()
    assert score.text_content() == STATUS["zh"]["score"].format(0, 3)
    assert [status(page, n) for n in range(3)] == ["", "", ""]


# --- without JavaScript, and in print -----------------------------------------------------


@pytest.mark.parametrize(("language", "summary"), [("zh", "答案"), ("en", "Answer")])
def test_without_javascript_details_reveals_the_answer(
    site: Site, browser: Browser, language: str, summary: str
) -> None:
    with watched_context(browser, java_script_enabled=False) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        assert page.locator(".quiz").count() == 3
        assert page.locator(".quiz button, .quiz__mark").count() == 0
        assert page.locator(".quiz-score__reset").is_hidden()
        script_parts = ".quiz :is(fieldset, input, label, [role=status], .quiz__option)"
        assert page.locator(script_parts).count() == 0
        texts = option_texts(site.html(CHAPTERS[language]))
        items = [
            rendered(quiz(page, n)).locator(".quiz__options > li").all_inner_texts()
            for n in range(3)
        ]
        assert [[" ".join(item.split()) for item in quiz_items] for quiz_items in items] == texts
        options_list = quiz(page, 0).locator(".quiz__options")
        assert options_list.evaluate("list => getComputedStyle(list).listStyleType") != "none"
        assert quiz(page, 0).evaluate("quiz => getComputedStyle(quiz).borderTopStyle") == "solid"
        first = quiz(page, 0)
        assert first.locator(".quiz__option .quiz__feedback:visible").count() == 0
        answer = first.locator(".quiz__answer")
        key = answer.locator(".quiz__key")
        feedback = answer.locator(".quiz__feedback")
        explanation = answer.locator(".quiz__explanation")
        assert [key.is_hidden(), feedback.is_hidden(), explanation.is_hidden()] == [True] * 3
        answer.locator("summary", has_text=summary).click()
        assert answer.get_attribute("open") is not None
        assert key.is_visible()
        assert text_of(key).endswith(texts[0][CORRECT[0]])
        assert feedback.is_visible()
        assert feedback.get_attribute("data-quiz-for") == str(CORRECT[0])
        assert left_edge(feedback) == left_edge(key)  # not indented like feedback under an option
        assert text_of(feedback).startswith(FIRST_ANSWER[language][0])
        assert explanation.is_visible()
        assert text_of(explanation).startswith(FIRST_ANSWER[language][1])
        assert first.locator(".quiz__option .quiz__feedback:visible").count() == 0


def test_print_shows_question_options_and_answer_but_no_buttons(
    site: Site, context: BrowserContext
) -> None:
    page = open_chapter(context, site.url, "en")
    choose(page, 0, CORRECT[0])
    check(page)
    first = quiz(page, 0)
    assert first.locator(".quiz__explanation").is_visible()
    page.emulate_media(media="print")
    assert first.locator(".quiz__question").is_visible()
    assert first.locator(".quiz__label").nth(3).is_visible()
    assert first.locator(".quiz__actions").is_hidden()
    assert first.locator(".quiz__status").is_hidden()
    assert page.locator(".quiz-score").is_hidden()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert first.locator(".quiz__key").is_visible()
    assert first.locator(".quiz__answer summary").is_hidden()
    assert first.locator(".quiz__explanation").is_hidden()
    assert first.locator(".quiz__feedback:visible, .quiz__mark:visible").count() == 0


# --- instant navigation -------------------------------------------------------------------


def turn_on_instant_navigation(project: Path) -> None:
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    config.write_text(source.replace("  features:\n", "  features:\n    - navigation.instant\n", 1))
    assert "navigation.instant" in config.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with Material's instant navigation."""
    # Not strict: static-i18n warns that its language switcher ignores instant navigation.
    yield from serve_copy(tmp_path_factory, "instant", turn_on_instant_navigation, strict=False)


def test_instant_navigation_binds_each_handler_once(
    instant_site: str, context: BrowserContext
) -> None:
    page = open_chapter(context, instant_site)
    choose(page, 1, CORRECT[1])
    check(page, 1)
    for _ in range(2):
        page.locator("a.md-footer__link--prev").click()
        page.wait_for_function("document.querySelectorAll('.quiz').length === 0")
        page.locator("a.md-footer__link--next").click()
        page.wait_for_selector(".quiz[data-quiz-ready]")
    assert page.locator(".quiz").count() == 3
    assert page.locator(".quiz__check").count() == 3
    assert page.locator(".quiz__mark").count() == 12
    assert page.locator(".quiz__feedback").count() == 12
    assert page.locator(".quiz__explanation").count() == 3
    assert page.locator(".quiz-score").count() == 1
    assert page.locator("script[src$='quiz.js']").count() == 1
    # Under instant navigation the <head> stays: the stylesheet is linked there, for every page.
    assert page.evaluate(STYLESHEET_LINKS) == [{"inHead": True, "beforeFirstWidget": False}]
    assert [quiz(page, number).evaluate(STYLED) for number in range(3)] == [STYLED_VALUES] * 3
    assert status(page, 1) == STATUS["zh"]["correct"]  # restored after navigating back
    page.evaluate(COUNT_STATUS_WRITES)
    choose(page, 0, 0)
    check(page, 0)
    assert status(page, 0) == STATUS["zh"]["incorrect"]
    assert page.evaluate("window.__statusWrites") == 1
    assert page.locator(".quiz-score__text").text_content() == STATUS["zh"]["score"].format(1, 3)


# --- accessibility ------------------------------------------------------------------------


def axe_violations(page: Page) -> set[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return {
        (violation["id"], " ".join(node["target"]))
        for violation in results.response["violations"]
        for node in violation["nodes"]
    }


def answer_every_kind(page: Page) -> None:
    """Leave the chapter with a wrong, a right and a revealed answer."""
    choose(page, 0, 0)
    check(page, 0)
    choose(page, 1, CORRECT[1])
    check(page, 1)
    quiz(page, 2).locator(".quiz__reveal").click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", CHAPTERS)
@pytest.mark.parametrize("answered", [False, True], ids=["fresh", "answered"])
def test_axe_finds_nothing(
    site: Site, context: BrowserContext, language: str, scheme: str, answered: bool
) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(site.url + CHAPTERS[language])
    page.wait_for_selector(".quiz[data-quiz-ready]")
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    if answered:
        answer_every_kind(page)
    assert axe_violations(page) == set()


def serve_empty_script(route: Route) -> None:
    route.fulfill(status=200, content_type="text/javascript", body="")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", CHAPTERS)
def test_axe_finds_nothing_in_the_markup_without_the_script(
    site: Site, context: BrowserContext, language: str, scheme: str
) -> None:
    # What a reader gets while quiz.js is missing: the list of options and the open answers.
    page = context.new_page()
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.route("**/quiz.js", serve_empty_script)
    page.goto(site.url + CHAPTERS[language], wait_until="networkidle")
    assert page.locator(".quiz__options > li").count() == 3 * 4
    assert page.locator(".quiz[data-quiz-ready], .quiz input").count() == 0
    for summary in page.locator(".quiz__answer > summary").all():
        summary.click()
    assert page.locator(".quiz__answer[open]").count() == 3
    assert axe_violations(page) == set()
