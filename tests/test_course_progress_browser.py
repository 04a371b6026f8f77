"""Course progress in a real Chromium: the outline, the navigation mark, the tools, in both
languages, with storage blocked and without JavaScript."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers.browsing import axe_violations, next_frame, serve_as, watched_context
from tests.helpers.build import Site
from tests.helpers.pages import HOMES
from tests.helpers.progress import (
    BUTTONS,
    MARK,
    MESSAGES,
    SYMBOLS,
    add_chapter_and_reword_first_quiz,
    answer_chapter,
    expected_line,
    manifest,
    open_home,
    outline,
    saved_answers,
    visible_marks,
)
from tests.helpers.quiz_pages import CHAPTERS, CORRECT, serve_copy, status
from tests.helpers.storage import NO_STORAGE

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

LANGUAGES = ("zh", "en")
# What the outline says after each way of answering the chapter's three quizzes.
ANSWERS = {
    "none": ([], "new", 0, 0),
    "one right": (["right"], "started", 1, 1),
    "right, wrong, revealed": (["right", "wrong", "revealed"], "started", 3, 1),
    "all right": (["right", "right", "right"], "completed", 3, 3),
}


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a second chapter and the first quiz reworded; its URL."""
    yield from serve_copy(tmp_path_factory, "changed-progress", add_chapter_and_reword_first_quiz)


def line_of(page: Page) -> dict[str, Any]:
    """Return what the outline shows of the first chapter."""
    return outline(page)[0]


@pytest.mark.parametrize("answers", ANSWERS.values(), ids=ANSWERS.keys())
@pytest.mark.parametrize("answered_in", LANGUAGES)
def test_answers_in_one_language_show_on_both_home_pages(
    site: Site, sized_context: BrowserContext, answered_in: str, answers: tuple
) -> None:
    given, state, answered, correct = answers
    answer_chapter(sized_context, site.url, answered_in, given)
    for language in LANGUAGES:
        page = open_home(sized_context, site.url, language)
        shown = line_of(page)
        assert shown["state"] == state
        assert shown["text"] == expected_line(language, state, answered, correct)
        assert shown["symbol"].startswith(f'"{SYMBOLS[state]}')
        line = page.locator(".course-progress")
        line.scroll_into_view_if_needed()
        box = line.bounding_box()
        width = page.viewport_size["width"]
        # Under the chapter's link, in view without scrolling the table sideways.
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
        link = page.locator(".course-outline a").first.bounding_box()
        assert link is not None
        assert box["y"] >= link["y"] + link["height"] - 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_outline_counts_what_the_widgets_show(
    multi_site: str, context: BrowserContext, language: str
) -> None:
    # Four quizzes here, one with two correct options: partly right counts as answered.
    page = answer_chapter(context, multi_site, language, ["right", "", "wrong"])
    widget = page.locator(".quiz").nth(3)
    widget.locator(".quiz__label").nth(0).click()
    widget.locator(".quiz__check").click()
    states = page.locator(".quiz").evaluate_all("qs => qs.map(q => q.dataset.quizState ?? null)")
    assert states == ["correct", None, "incorrect", "incomplete"]
    home = open_home(context, multi_site, language)
    assert line_of(home)["text"] == expected_line(language, "started", 3, 1, total=4)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_completed_chapter_is_marked_in_the_navigation_on_every_page(
    site: Site, sized_context: BrowserContext, language: str
) -> None:
    page = answer_chapter(sized_context, site.url, language, ["right", "right"])
    assert visible_marks(page) == []
    answer_chapter_last = page.locator(".quiz").nth(2)
    answer_chapter_last.locator(".quiz__label").nth(1).click()
    answer_chapter_last.locator(".quiz__check").click()
    page.locator(".course-mark:not([hidden])").first.wait_for(state="attached")
    desktop = page.viewport_size["width"] > 1000
    marks = [MARK[language]] * 2  # the current page's entry has a label and a link
    if desktop:
        assert visible_marks(page) == [MARK[language]]
    else:
        page.locator("label.md-header__button[for=__drawer]").click()
        assert len(visible_marks(page)) >= 1
    assert (
        page.locator(".md-nav--primary .course-mark").evaluate_all(
            "ms => ms.map(m => m.getAttribute('aria-label'))"
        )
        == marks
    )
    for other in LANGUAGES:
        home = open_home(sized_context, site.url, other)
        entry = home.locator(
            ".md-nav--primary a.md-nav__link", has=home.locator(".course-mark:not([hidden])")
        )
        assert entry.count() == 1
        name = entry.evaluate("a => a.querySelector('.md-ellipsis').textContent.trim()")
        mark = entry.locator(".course-mark")
        assert mark.get_attribute("role") == "img"
        assert mark.get_attribute("aria-label") == MARK[other]
        assert name in {"从预训练到后训练", "From Pretraining to Post-Training"}


def test_the_mark_goes_when_a_quiz_is_tried_again(site: Site, context: BrowserContext) -> None:
    page = answer_chapter(context, site.url, "zh", ["right"] * 3)
    page.locator(".course-mark:not([hidden])").first.wait_for(state="attached")
    assert visible_marks(page) == [MARK["zh"]]
    page.locator(".quiz").nth(0).locator(".quiz__retry").click()
    page.wait_for_function("!document.querySelector('.course-mark:not([hidden])')")
    assert visible_marks(page) == []


def test_an_answer_checked_from_the_keyboard_completes_the_chapter(
    site: Site, context: BrowserContext
) -> None:
    page = answer_chapter(context, site.url, "zh", ["right", "right"])
    last = page.locator(".quiz").nth(2)
    last.locator(".quiz__input").nth(CORRECT[2]).check()
    last.locator(".quiz__input").nth(CORRECT[2]).press("Enter")
    page.locator(".course-mark:not([hidden])").first.wait_for(state="attached")
    assert visible_marks(page) == [MARK["zh"]]


def test_progress_follows_instant_navigation(instant_site: str, context: BrowserContext) -> None:
    page = answer_chapter(context, instant_site, "zh", ["right"] * 3)
    page.locator(".course-mark:not([hidden])").first.wait_for(state="attached")
    # To the home page and back, without loading either: the outline and the mark are drawn.
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_selector(".course-outline .course-progress")
    assert line_of(page)["text"] == expected_line("zh", "completed", 3, 3)
    assert page.locator(".course-tools").is_visible()
    page.locator(".course-outline a").first.click()
    page.wait_for_selector(".quiz[data-quiz-ready]")
    page.locator(".md-nav--primary .course-mark:not([hidden])").first.wait_for(state="attached")
    assert visible_marks(page) == [MARK["zh"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chapter_ends_with_the_score_and_the_next_chapter(
    changed_site: str, context: BrowserContext, language: str
) -> None:
    page = answer_chapter(context, changed_site, language, ["right", "right"])
    score = page.locator(".quiz-score__text")
    assert score.text_content() == {"zh": "答对 2 / 3 题", "en": "2 / 3 correct"}[language]
    next_line = page.locator(".course-next")
    assert next_line.is_visible()
    below = page.evaluate(
        "() => document.querySelector('.quiz-score').compareDocumentPosition("
        "document.querySelector('.course-next')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert below
    with page.expect_navigation():
        next_line.locator("a").click()
    assert page.url.endswith({"zh": "/sft.html", "en": "/en/sft.html"}[language])
    planned = page.locator(".course-next a")
    with page.expect_navigation():
        planned.click()
    assert page.url.endswith(HOMES[language] + "#course-outline")
    assert page.locator("#course-outline").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reworded_quiz_counts_as_not_answered_and_a_new_chapter_as_not_started(
    site: Site, changed_site: str, context: BrowserContext, language: str
) -> None:
    answer_chapter(context, site.url, "zh", ["right"] * 3)
    assert line_of(open_home(context, site.url, language))["state"] == "completed"
    # The same reader, the same address: the site is published again with the course changed.
    serve_as(context, site.url, changed_site)
    home = open_home(context, site.url, language)
    shown = outline(home)
    assert [(line["state"], line["text"]) for line in shown] == [
        ("started", expected_line(language, "started", 2, 2)),
        ("new", expected_line(language, "new", 0, 0)),
    ]
    assert visible_marks(home) == []


def choose_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator("[data-course-action=import]").click()
    chooser.value.set_files(str(path))


def tools_status(page: Page, text: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('.course-tools__status').textContent === text", arg=text
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_export_then_import_in_a_fresh_browser(
    site: Site, browser: Any, tmp_path: Path, language: str
) -> None:
    with watched_context(browser) as (first, _):
        answer_chapter(first, site.url, "zh", ["right", "wrong"])
        home = open_home(first, site.url, language)
        buttons = home.locator(".course-tools__button").all_text_contents()
        assert buttons == list(BUTTONS[language].values())
        with home.expect_download() as download:
            home.locator("[data-course-action=export]").click()
        tools_status(home, MESSAGES[language]["exported"].format(n=2))
        assert download.value.suggested_filename == "course-progress.json"
        exported = tmp_path / "course-progress.json"
        download.value.save_as(exported)
        answers = saved_answers(home)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "course-progress"
    assert data["version"] == 1
    assert data["answers"] == answers
    with watched_context(browser) as (second, _):
        home = open_home(second, site.url, language)
        assert line_of(home)["state"] == "new"
        choose_file(home, exported)
        tools_status(home, MESSAGES[language]["imported"].format(n=2))
        assert line_of(home)["text"] == expected_line(language, "started", 2, 1)
        assert saved_answers(home) == answers
        choose_file(home, exported)
        tools_status(home, MESSAGES[language]["none"])
        chapter = answer_chapter(second, site.url, language, [])
        assert status(chapter, 0) != ""
        assert status(chapter, 2) == ""


def test_import_keeps_the_newer_answer_of_each_quiz(
    site: Site, context: BrowserContext, tmp_path: Path
) -> None:
    keys = [quiz["key"] for quiz in manifest(site.root)["chapters"][0]["quizzes"]]
    right = {"chosen": [1], "revealed": False, "at": 2000}
    wrong = {"chosen": [3], "revealed": False, "at": 1000}
    file = tmp_path / "progress.json"
    answers = {keys[0]: right, keys[1]: wrong}
    file.write_text(json.dumps({"format": "course-progress", "version": 1, "answers": answers}))
    home = open_home(context, site.url, "en")
    here = (
        {"chosen": [0], "revealed": False, "at": 1500},
        {"chosen": [2], "revealed": False, "at": 1500},
    )
    home.evaluate(
        "([keys, values]) => keys.forEach((key, n) => "
        "localStorage.setItem('quiz:' + key, JSON.stringify(values[n])))",
        [keys[:2], list(here)],
    )
    choose_file(home, file)
    tools_status(home, MESSAGES["en"]["importedOne"])
    saved = saved_answers(home)
    assert saved[keys[0]] == right
    assert saved[keys[1]] == here[1]


BAD_FILES = {
    "another file": ("foreign", b"\x89PNG\r\n\x1a\n not a progress file"),
    "another JSON": ("foreign", b'{"answers": {}}'),
    "a newer format": ("newer", b'{"format": "course-progress", "version": 2, "answers": {}}'),
    "cut short": ("damaged", b'{"format": "course-progress", "version": 1, "answers": {"ab'),
    "a bad answer": (
        "damaged",
        b'{"format": "course-progress", "version": 1, "answers": {"ab12": {"chosen": "1"}}}',
    ),
    "no answers": ("damaged", b'{"format": "course-progress", "version": 1}'),
    "a bad version": ("damaged", b'{"format": "course-progress", "version": "1", "answers": {}}'),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("bad", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_changes_nothing_and_says_why(
    site: Site, context: BrowserContext, tmp_path: Path, language: str, bad: tuple[str, bytes]
) -> None:
    kind, content = bad
    answer_chapter(context, site.url, "zh", ["right"])
    home = open_home(context, site.url, language)
    before = saved_answers(home)
    file = tmp_path / "bad.json"
    file.write_bytes(content)
    choose_file(home, file)
    tools_status(home, MESSAGES[language][kind])
    assert saved_answers(home) == before
    assert line_of(home)["text"] == expected_line(language, "started", 1, 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_reset_asks_first_and_clears_every_answer(
    site: Site, context: BrowserContext, language: str
) -> None:
    answer_chapter(context, site.url, "zh", ["right"] * 3)
    home = open_home(context, site.url, language)
    asked: list[str] = []
    with home.expect_event("dialog") as first:
        home.locator("[data-course-action=reset]").click(no_wait_after=True)
    asked.append(first.value.message)
    first.value.dismiss()
    next_frame(home)
    assert line_of(home)["state"] == "completed"
    home.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    home.locator("[data-course-action=reset]").click()
    tools_status(home, MESSAGES[language]["reset"])
    assert asked[1] == asked[0]
    assert {"zh": "要清除全部进度吗？", "en": "Reset all progress?"}[language] in asked[0]
    assert line_of(home)["state"] == "new"
    assert saved_answers(home) == {}
    assert home.locator(".md-nav--primary .course-mark:not([hidden])").count() == 0


# What the outline and the tools read as, for comparing pages.
OUTLINE_AS_READ = """
() => ({
  outline: document.querySelector('.course-outline').innerText,
  tools: document.querySelector('.course-tools').checkVisibility(),
  progress: document.querySelectorAll('.course-progress').length,
})
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_storage_blocked_or_without_javascript_the_outline_reads_as_written(
    site: Site, browser: Any, language: str
) -> None:
    with watched_context(browser, java_script_enabled=False) as (context, _):
        page = context.new_page()
        page.goto(site.url + HOMES[language])
        text = page.locator(".course-outline").inner_text()
        assert page.locator(".course-tools").is_hidden()
        assert page.locator(".course-progress").count() == 0
    with watched_context(browser) as (context, seen):
        context.add_init_script(NO_STORAGE)
        page = context.new_page()
        page.goto(site.url + HOMES[language])
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # time for the script to fetch the manifest, were it to
        assert page.evaluate(OUTLINE_AS_READ) == {"outline": text, "tools": False, "progress": 0}
        chapter = context.new_page()
        chapter.goto(site.url + CHAPTERS[language])
        chapter.wait_for_selector(".quiz[data-quiz-ready]")
        assert chapter.locator(".course-next").is_visible()
        assert chapter.locator(".course-mark").count() == 0
        assert seen.problems() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_a_chapter_still_ends_with_the_next_chapter(
    site: Site, browser: Any, language: str
) -> None:
    with watched_context(browser, java_script_enabled=False) as (context, _):
        page = context.new_page()
        page.goto(site.url + CHAPTERS[language])
        assert page.locator(".course-next a").get_attribute("href") == "index.html#course-outline"


@pytest.mark.parametrize(
    "saved",
    ["{not json", "null", '{"chosen":[42],"revealed":false}', '{"chosen":[1,1],"revealed":false}'],
)
def test_damaged_answers_count_as_not_answered(
    site: Site, context: BrowserContext, saved: str
) -> None:
    keys = [quiz["key"] for quiz in manifest(site.root)["chapters"][0]["quizzes"]]
    context.add_init_script(
        f"if (location.protocol === 'http:') for (const key of {keys!r}) "
        f"localStorage.setItem('quiz:' + key, {saved!r});"
    )
    home = open_home(context, site.url, "zh")
    assert line_of(home)["state"] == "new"


def test_answers_saved_in_the_earlier_format_count(site: Site, context: BrowserContext) -> None:
    keys = [quiz["key"] for quiz in manifest(site.root)["chapters"][0]["quizzes"]]
    values = ['{"s":[1],"r":"correct"}', '{"s":[0],"r":"incorrect"}', '{"s":[],"r":"revealed"}']
    context.add_init_script(
        "if (location.protocol === 'http:') {"
        + "".join(
            f"localStorage.setItem('quiz:{k}', {v!r});" for k, v in zip(keys, values, strict=True)
        )
        + "}"
    )
    home = open_home(context, site.url, "en")
    assert line_of(home)["text"] == expected_line("en", "started", 3, 1)


def without_material_navigation(route: Any) -> None:
    response = route.fetch()
    body = response.text().replace("md-nav--primary", "md-nav--elsewhere")
    route.fulfill(response=response, body=body)


@pytest.mark.parametrize("path", [HOMES["en"], CHAPTERS["zh"]])
def test_without_the_navigation_it_relies_on_there_is_no_mark_and_no_error(
    site: Site, browser: Any, path: str
) -> None:
    with watched_context(browser) as (context, seen):
        answer_chapter(context, site.url, "zh", ["right"] * 3)
        page = context.new_page()
        page.route("**/*.html", without_material_navigation)
        # The progress script runs: it reads the manifest, and then finds no navigation to mark.
        with page.expect_response(lambda response: response.url.endswith("course.json")):
            page.goto(site.url + path)
        page.wait_for_load_state("load")
        if path in HOMES.values():
            page.wait_for_selector(".course-progress")
            assert line_of(page)["state"] == "completed"
        else:
            page.wait_for_selector(".quiz[data-quiz-ready]")
            page.wait_for_timeout(300)
        assert page.locator(".course-mark").count() == 0
        assert seen.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_nothing_with_progress_shown(
    site: Site, browser: Any, language: str, scheme: str
) -> None:
    with watched_context(browser, color_scheme=scheme) as (context, _):
        chapter = answer_chapter(context, site.url, language, ["right"] * 3)
        chapter.locator(".course-mark:not([hidden])").first.wait_for(state="attached")
        assert axe_violations(chapter) == []
        home = open_home(context, site.url, language)
        home.locator(".course-tools__button").first.wait_for()
        assert axe_violations(home) == []
    with watched_context(browser, color_scheme=scheme) as (context, _):
        answer_chapter(context, site.url, language, ["", "wrong"])
        home = open_home(context, site.url, language)
        assert line_of(home)["state"] == "started"
        assert axe_violations(home) == []
