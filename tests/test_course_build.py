"""The course manifest and what the build adds to pages for the reader's progress."""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import page_weight
from benchmarks.page_weight import PROGRESS_LOADED
from quiz_plugin.course import ChapterPage, Course, CourseQuiz
from quiz_plugin.course_pages import add_tools, render_next
from tests.helpers.build import Site, build_site, copy_project, free_port
from tests.helpers.pages import HOMES, SITE_PAGES, tags
from tests.helpers.progress import (
    FIRST_QUESTION,
    MANIFEST,
    NEW_TITLES,
    add_chapter_and_reword_first_quiz,
    manifest,
    widget_keys,
)
from tests.helpers.quiz_pages import CHAPTERS, CORRECT

TITLES = {"zh": "从预训练到后训练", "en": "From Pretraining to Post-Training"}
RE_CORRECT_ITEMS = re.compile(r'<ul class="quiz__options">(.*?)</ul>', re.DOTALL)


@dataclass
class ChangedCourse:
    """The site with a second chapter and the first quiz reworded in Chinese."""

    root: Path
    chapters: list[dict]


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> ChangedCourse:
    project = copy_project(tmp_path_factory.mktemp("changed-course"))
    add_chapter_and_reword_first_quiz(project)
    root = tmp_path_factory.mktemp("changed-course-site")
    log = build_site(project, root, f"http://127.0.0.1:{free_port()}/", strict=True)
    assert [r.getMessage() for r in log if r.levelno >= 30] == []
    return ChangedCourse(root, manifest(root)["chapters"])


def correct_positions(page_html: str) -> list[list[int]]:
    """Return each widget's correct positions (from 0) as the page writes them."""
    return [
        [
            n
            for n, item in enumerate(re.findall(r"<li\b[^>]*>", items))
            if "data-quiz-correct" in item
        ]
        for items in RE_CORRECT_ITEMS.findall(page_html)
    ]


def test_the_manifest_lists_the_chapter_in_both_languages(site: Site) -> None:
    data = manifest(site.root)
    assert data["version"] == 1
    assert [chapter["pages"] for chapter in data["chapters"]] == [
        {language: {"title": TITLES[language], "url": CHAPTERS[language]} for language in CHAPTERS}
    ]


@pytest.mark.parametrize("language", CHAPTERS)
def test_the_manifest_has_the_keys_of_each_language_s_widgets(site: Site, language: str) -> None:
    quizzes = manifest(site.root)["chapters"][0]["quizzes"]
    page = site.html(CHAPTERS[language])
    assert [quiz["key"] for quiz in quizzes] == widget_keys(page)
    assert [quiz["correct"] for quiz in quizzes] == correct_positions(page)
    assert [quiz["correct"] for quiz in quizzes] == [[position] for position in CORRECT]
    assert [quiz["options"] for quiz in quizzes] == [4, 4, 4]
    assert [quiz.get("multiple", False) for quiz in quizzes] == [False] * 3


def test_a_page_without_quizzes_is_not_a_chapter(site: Site) -> None:
    urls = [
        page["url"]
        for chapter in manifest(site.root)["chapters"]
        for page in chapter["pages"].values()
    ]
    assert set(HOMES.values()).isdisjoint(urls)


def test_the_manifest_is_small_json_written_once(site: Site) -> None:
    text = (site.root / MANIFEST).read_text(encoding="utf-8")
    assert json.loads(text)
    assert "\n" not in text
    assert len(text.encode()) < 1024
    assert not (site.root / "en" / MANIFEST).exists()


def test_a_multiple_choice_quiz_says_so(tmp_path: Path) -> None:
    course = Course()
    quiz = CourseQuiz("abc", (0, 2), 4, multiple=True)
    assert quiz.as_json() == {"key": "abc", "correct": [0, 2], "options": 4, "multiple": True}
    assert CourseQuiz("abc", (1,), 2, multiple=False).as_json() == {
        "key": "abc",
        "correct": [1],
        "options": 2,
    }
    assert course.manifest(["zh"]) == {"version": 1, "chapters": []}


def test_a_new_chapter_is_listed_after_the_first_in_navigation_order(
    changed: ChangedCourse,
) -> None:
    assert [chapter["pages"]["zh"]["url"] for chapter in changed.chapters] == [
        "post-training.html",
        "sft.html",
    ]
    assert changed.chapters[1]["pages"] == {
        "zh": {"title": NEW_TITLES["zh"], "url": "sft.html"},
        "en": {"title": NEW_TITLES["en"], "url": "en/sft.html"},
    }
    assert changed.chapters[1]["quizzes"] == [
        {
            "key": widget_keys((changed.root / "sft.html").read_text("utf-8"))[0],
            "correct": [0],
            "options": 2,
        }
    ]


def test_a_reworded_quiz_gets_a_new_key_in_both_languages(
    site: Site, changed: ChangedCourse
) -> None:
    before = [quiz["key"] for quiz in manifest(site.root)["chapters"][0]["quizzes"]]
    after = [quiz["key"] for quiz in changed.chapters[0]["quizzes"]]
    assert after[0] != before[0]
    assert after[1:] == before[1:]
    for language in CHAPTERS:
        assert widget_keys((changed.root / CHAPTERS[language]).read_text("utf-8")) == after
    assert FIRST_QUESTION[1] in (changed.root / CHAPTERS["zh"]).read_text("utf-8")


# --- what the build adds to pages -----------------------------------------------------------


def progress_scripts(page_html: str) -> list[dict[str, str]]:
    return [attrs for attrs in tags(page_html, "script") if "progress.js" in attrs.get("src", "")]


@pytest.mark.parametrize("path", SITE_PAGES)
def test_only_home_and_chapter_pages_load_the_progress_script(site: Site, path: str) -> None:
    scripts = progress_scripts(site.html(path))
    if "404" in path:
        assert scripts == []
        return
    language = "en" if path.startswith("en/") else "zh"
    depth = "../" if language == "en" else ""
    assert [(s["src"], "defer" in s, s["data-course-language"]) for s in scripts] == [
        (f"{depth}assets/course/progress.js", True, language)
    ]
    labels = json.loads(scripts[0]["data-course-labels"])
    assert labels["mark"] == {"zh": "已完成", "en": "completed"}[language]
    # A chapter needs only the mark's text; the home page the outline's and the tools' too.
    assert ("confirmReset" in labels) is (path in HOMES.values())


@pytest.mark.parametrize("language", HOMES)
def test_the_home_page_has_the_tools_hidden_after_its_outline(site: Site, language: str) -> None:
    page = site.html(HOMES[language])
    start = page.index('<div class="course-outline" id="course-outline">')
    stylesheet = '<link rel="stylesheet" href="' + ("../" if language == "en" else "")
    assert page[:start].endswith(stylesheet + 'assets/course/progress.css">')
    tools = page.index('<div class="course-tools" hidden data-search-exclude>')
    assert (
        page.index("</table>", start)
        < tools
        < page.index("</div>", page.index("</table>", start)) + 1
    )
    actions = re.findall(r'data-course-action="(\w+)">([^<]+)<', page)
    assert (
        actions
        == {
            "zh": [("export", "导出进度"), ("import", "导入进度"), ("reset", "清除全部进度")],
            "en": [
                ("export", "Export progress"),
                ("import", "Import progress"),
                ("reset", "Reset all progress"),
            ],
        }[language]
    )
    assert '<p class="course-tools__status" role="status"></p>' in page


def test_the_chapters_and_404_pages_have_no_tools(site: Site) -> None:
    for path in SITE_PAGES:
        if path not in HOMES.values():
            assert "course-tools" not in site.html(path)
            assert "progress.css" not in site.html(path)


PLANNED = {
    "zh": '<p class="course-next" data-search-exclude>下一章还在编写中，首页的“'
    '<a href="index.html#course-outline">课程路线</a>”列出了接下来的章节。</p>',
    "en": '<p class="course-next" data-search-exclude>The next chapter is still being written: '
    '<a href="index.html#course-outline">the course outline</a> lists what comes next.</p>',
}


@pytest.mark.parametrize("language", CHAPTERS)
def test_the_last_chapter_ends_with_the_planned_note(site: Site, language: str) -> None:
    page = site.html(CHAPTERS[language])
    assert page.count('class="course-next"') == 1
    assert PLANNED[language] in page
    assert page.index("quiz-score") < page.index("course-next")


@pytest.mark.parametrize("language", CHAPTERS)
def test_a_chapter_ends_with_a_link_to_the_next(changed: ChangedCourse, language: str) -> None:
    page = (changed.root / CHAPTERS[language]).read_text("utf-8")
    start = {"zh": "下一章：", "en": "Next chapter: "}[language]
    link = f'<a href="sft.html">{NEW_TITLES[language]}</a>'
    assert f'<p class="course-next" data-search-exclude>{start}{link}</p>' in page
    last = (changed.root / ("en/sft.html" if language == "en" else "sft.html")).read_text("utf-8")
    assert PLANNED[language] in last


@pytest.mark.parametrize("language", CHAPTERS)
def test_the_next_chapter_line_is_not_searched(site: Site, language: str) -> None:
    index = json.loads(
        (site.root / ("en/" if language == "en" else "") / "search/search_index.json").read_text(
            "utf-8"
        )
    )
    text = " ".join(doc["text"] for doc in index["docs"])
    assert {"zh": "列出了接下来的章节", "en": "lists what comes next"}[language] not in text
    assert {"zh": "导出进度", "en": "Export progress"}[language] not in text


def test_a_home_page_without_an_outline_is_left_as_it_is() -> None:
    content = "<h1>Home</h1>\n<table><tr><td>x</td></tr></table>\n"
    assert add_tools(content, "index.html", "en") == content


def test_the_planned_note_without_a_home_page_has_no_link() -> None:
    line = render_next("zh", "a.html", None, None)
    assert "<a " not in line
    assert "“课程路线”" in line
    chapter = ChapterPage('A <b> & "c"', "b.html", ())
    assert html.escape('A <b> & "c"') in render_next("en", "a.html", chapter, None)


def test_a_dirty_build_keeps_what_the_last_build_said_of_pages_it_did_not_convert() -> None:
    course = Course()
    course.navigation = {"zh": [("index.md", "index.html"), ("a.md", "a.html"), ("b.md", "b.html")]}
    kept = {
        "pages": {"zh": {"title": "B", "url": "b.html"}},
        "quizzes": [{"key": "k", "correct": [0], "options": 2}],
    }
    gone = {"pages": {"zh": {"title": "C", "url": "c.html"}}, "quizzes": []}
    previous = {"version": 1, "chapters": [kept, gone]}
    course.pages[("zh", "a.md")] = ChapterPage(
        "A", "a.html", (CourseQuiz("q", (1,), 2, multiple=False),)
    )
    course.converted = {("zh", "a.md"), ("zh", "index.md")}
    chapters = course.manifest(["zh"], previous)["chapters"]
    assert [chapter["pages"]["zh"]["title"] for chapter in chapters] == ["A", "B"]
    # A page converted again without its quizzes is no longer a chapter.
    course.converted.add(("zh", "b.md"))
    assert [c["pages"]["zh"]["title"] for c in course.manifest(["zh"], previous)["chapters"]] == [
        "A"
    ]


def test_the_progress_script_and_manifest_weigh_at_most_1536_bytes_gzipped(site: Site) -> None:
    progress = page_weight.print_progress(site.root)
    sizes = [len(gzip.compress((site.root / path).read_bytes(), 9)) for path in PROGRESS_LOADED]
    assert progress["progress_loaded_gzip_total"] == sum(sizes) <= 1536, sizes
    assert progress["progress_pages_as_expected"]
