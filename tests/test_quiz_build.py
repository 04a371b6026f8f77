"""Whole builds: the real two-language site, and a copy with malformed quizzes."""

from __future__ import annotations

import gzip
import json
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from posixpath import dirname, join, normpath

import pytest
from mkdocs.exceptions import Abort

from quiz_plugin.assets_files import shipped
from tests.helpers.build import ROOT, Site, build_site, copy_project
from tests.helpers.markdown import VOID_ELEMENTS
from tests.helpers.pages import HOMES, article_text_joined, option_texts
from tests.helpers.quiz_pages import CORRECT

CHAPTERS = {"zh": "post-training.html", "en": "en/post-training.html"}
INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
SCRIPT = "assets/quiz/quiz.js"
STYLESHEET = "assets/quiz/quiz.css"
RE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
RE_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL)
RE_QUIZ_MARKUP = re.compile(r'class="quiz|data-quiz|quiz\.js|quiz\.css')
RE_STYLESHEET = re.compile(r'<link\b[^>]*\bhref="(?P<href>[^"]*quiz\.css)"[^>]*>')
FIRST_WIDGET = '<div class="quiz" '
# The printed answer key: the last element of a chapter's content (its list closes it).
RE_ANSWER_KEY = re.compile(r'<div class="quiz-key"[^>]*>.*?</ol>\s*</div>', re.DOTALL)
# What the script builds; the page only holds what reads well without it.
SCRIPT_ONLY_TAGS = ("fieldset", "input", "label", "button")
SCRIPT_ONLY_CLASSES = ("quiz__fieldset", "quiz__option", "quiz__label", "quiz__status")
ZERO_WIDTH = "\u200b"


class ClassCollector(HTMLParser):
    """Collect the elements of a page: tag, attributes and text, by class."""

    VOID = VOID_ELEMENTS

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in self.VOID:
            self.elements.append((tag, attributes, ""))
        else:
            self.open.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, attributes, parts = self.open.pop()
            self.elements.append((name, attributes, "".join(parts)))
            if self.open:
                self.open[-1][2].extend(parts)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)


@dataclass
class Element:
    """One element of a built page."""

    tag: str
    attrs: dict[str, str]
    text: str


def elements(html: str, class_name: str | None = None) -> list[Element]:
    """Return a page's elements in closing order, optionally those with a class."""
    collector = ClassCollector()
    collector.feed(html)
    collector.close()
    found = [Element(tag, attrs, text) for tag, attrs, text in collector.elements]
    if class_name is None:
        return found
    return [e for e in found if class_name in e.attrs.get("class", "").split()]


def squeeze(text: str) -> str:
    """Drop whitespace and the zero-width spaces the search index puts between Chinese words."""
    return re.sub(r"\s+", "", text.replace(ZERO_WIDTH, ""))


def head(html: str) -> str:
    return html.partition("</head>")[0]


def inline_blocks(html: str) -> list[str]:
    """Return the page's inline scripts and style elements."""
    scripts = [m.group(0) for m in RE_SCRIPT.finditer(html) if "src=" not in m.group("attrs")]
    return scripts + RE_STYLE.findall(html)


def resolve(page: str, link: str) -> str:
    return normpath(join(dirname(page), link))


# --- the project's own site ---------------------------------------------------------------


def test_strict_build_logs_no_quiz_warning(site: Site) -> None:
    quiz_records = [r for r in site.log if "quiz" in r.name and r.levelno >= logging.WARNING]
    assert quiz_records == []


@pytest.mark.parametrize("language", CHAPTERS)
def test_chapter_has_three_quizzes_and_a_score(site: Site, language: str) -> None:
    html = site.html(CHAPTERS[language])
    assert len(elements(html, "quiz")) == 3
    assert len(elements(html, "quiz-score")) == 1
    assert elements(html, "quiz-error") == []


def test_chapters_share_quiz_keys_across_languages(site: Site) -> None:
    keys = {
        language: [q.attrs["data-quiz-key"] for q in elements(site.html(page), "quiz")]
        for language, page in CHAPTERS.items()
    }
    assert len(set(keys["zh"])) == 3
    assert keys["zh"] == keys["en"]


@pytest.mark.parametrize(
    ("language", "check", "score"),
    [("zh", "检查答案", "答对 0 / 3 题"), ("en", "Check", "0 / 3 correct")],
)
def test_chapter_widgets_speak_the_page_language(
    site: Site, language: str, check: str, score: str
) -> None:
    html = site.html(CHAPTERS[language])
    strings = json.loads(elements(html, "quiz")[0].attrs["data-quiz-i18n"])
    assert strings["check"] == check
    assert strings["score"].format(correct=0, total=3) == score
    assert [s.text for s in elements(html, "quiz-score__text")] == [score]


@pytest.mark.parametrize("language", CHAPTERS)
def test_only_the_first_widget_carries_the_script_strings(site: Site, language: str) -> None:
    html = site.html(CHAPTERS[language])
    assert ["data-quiz-i18n" in q.attrs for q in elements(html, "quiz")] == [True, False, False]
    assert html.count("data-quiz-i18n") == 1


@pytest.mark.parametrize("language", CHAPTERS)
def test_chapter_has_no_buttons_or_marks_before_the_script_runs(site: Site, language: str) -> None:
    html = site.html(CHAPTERS[language])
    buttons = [
        e for e in elements(html) if e.tag == "button" and "quiz" in e.attrs.get("class", "")
    ]
    assert [b.attrs["class"] for b in buttons] == ["quiz-score__reset"]
    assert elements(html, "quiz__actions") == []
    assert elements(html, "quiz__mark") == []


def quiz_markup(html: str) -> str:
    """Return a chapter's markup from its first widget up to the score after its last."""
    return html[html.index(FIRST_WIDGET) : html.index('class="quiz-score"')]


@pytest.mark.parametrize("language", CHAPTERS)
def test_chapter_options_are_plain_list_items_before_the_script_runs(
    site: Site, language: str
) -> None:
    markup = quiz_markup(site.html(CHAPTERS[language]))
    assert [e.tag for e in elements(markup) if e.tag in SCRIPT_ONLY_TAGS] == []
    assert [name for name in SCRIPT_ONLY_CLASSES if elements(markup, name)] == []
    assert 'role="status"' not in markup
    items = [e for e in elements(markup) if e.tag == "li"]
    assert len(items) == 3 * 4
    assert {tuple(sorted(item.attrs)) for item in items} == {(), ("data-quiz-correct",)}
    assert sum("data-quiz-correct" in item.attrs for item in items) == 3


@pytest.mark.parametrize("language", CHAPTERS)
def test_chapter_links_the_script_once_from_the_head_with_defer(site: Site, language: str) -> None:
    page = CHAPTERS[language]
    html = site.html(page)
    scripts = [e for e in elements(html) if "quiz.js" in e.attrs.get("src", "")]
    in_head = [e for e in elements(head(html)) if "quiz.js" in e.attrs.get("src", "")]
    assert len(scripts) == len(in_head) == 1
    assert in_head[0].tag == "script"
    assert "defer" in in_head[0].attrs
    assert resolve(page, in_head[0].attrs["src"]) == SCRIPT


@pytest.mark.parametrize("language", CHAPTERS)
def test_chapter_links_the_stylesheet_once_right_before_the_first_widget(
    site: Site, language: str
) -> None:
    # In the body, the stylesheet holds back only what follows it: the text above paints first.
    page = CHAPTERS[language]
    html = site.html(page)
    links = list(RE_STYLESHEET.finditer(html))
    assert len(links) == 1
    assert 'rel="stylesheet"' in links[0].group(0)
    assert resolve(page, links[0].group("href")) == STYLESHEET
    assert "quiz.css" not in head(html)
    assert links[0].end() == html.index(FIRST_WIDGET)


@pytest.mark.parametrize("asset", [SCRIPT, STYLESHEET])
def test_assets_are_the_package_files_minified(site: Site, asset: str) -> None:
    package_file = ROOT / "quiz_plugin" / "assets" / Path(asset).name
    source = package_file.read_text(encoding="utf-8")
    built = (site.root / asset).read_text(encoding="utf-8")
    assert built == shipped(source, package_file.suffix)
    assert "/*" in source
    assert "/*" not in built
    assert len(built) < 0.8 * len(source)


def test_shipped_script_loses_comments_and_space_but_not_strings() -> None:
    source = "/* About. */\nconst answer = (value) => {\n  return '/* kept */ ' + value; // why\n};"
    assert shipped(source, ".js") == "const answer=(value)=>{return'/* kept */ '+value;};"


def test_shipped_stylesheet_loses_comments_and_space() -> None:
    source = "/* About. */\n.quiz {\n  color: red;\n  content: '/* kept */';\n}\n"
    assert shipped(source, ".css") == ".quiz{color:red;content:'/* kept */'}"


def test_only_scripts_and_stylesheets_are_minified() -> None:
    with pytest.raises(ValueError, match=r"no minifier for '\.svg' files"):
        shipped("<svg/>", ".svg")


def test_chinese_home_has_no_quiz_at_all(site: Site) -> None:
    assert "quiz" not in site.html(HOMES["zh"]).lower()


@pytest.mark.parametrize("page", ["index.html", "en/index.html", "404.html", "en/404.html"])
def test_pages_without_a_quiz_carry_no_quiz_markup(site: Site, page: str) -> None:
    # The English home speaks of "quizzes" in its prose; what must be absent is the markup.
    assert RE_QUIZ_MARKUP.findall(site.html(page)) == []


@pytest.mark.parametrize("language", CHAPTERS)
def test_quiz_adds_no_inline_script_or_style(site: Site, language: str) -> None:
    chapter = site.html(CHAPTERS[language])
    home = site.html(HOMES[language])
    assert sorted(inline_blocks(chapter)) == sorted(inline_blocks(home))


@pytest.mark.parametrize("language", CHAPTERS)
def test_quiz_markup_has_no_inline_style_or_handlers(site: Site, language: str) -> None:
    html = site.html(CHAPTERS[language])
    start = html.index('<div class="quiz"')
    end = html.index('class="quiz-score"')
    quiz_markup = html[start:end]
    assert "<script" not in quiz_markup
    assert "<style" not in quiz_markup
    assert re.findall(r"\s(?:style|on[a-z]+)=", quiz_markup) == []


def secret_texts(html: str) -> list[str]:
    """Return the feedback and explanation texts of a built page."""
    hidden = elements(html, "quiz__feedback") + elements(html, "quiz__explanation")
    return [squeeze(element.text) for element in hidden if squeeze(element.text)]


def without_answer_key(html: str) -> tuple[str, str]:
    """Split a built page into the page without its printed answer key, and the key."""
    keys = list(RE_ANSWER_KEY.finditer(html))
    assert len(keys) == 1, "a chapter has one answer key"
    return html[: keys[0].start()] + html[keys[0].end() :], keys[0].group(0)


@pytest.mark.parametrize("language", CHAPTERS)
def test_each_feedback_and_explanation_is_on_the_page_once(site: Site, language: str) -> None:
    # Once for every reader on screen; the printed key, hidden on screen, repeats explanations.
    html, key = without_answer_key(site.html(CHAPTERS[language]))
    secrets = secret_texts(html)
    page_text = squeeze(article_text_joined(html))
    assert {secret: page_text.count(secret) for secret in secrets} == dict.fromkeys(secrets, 1)
    assert re.match(r'<div class="quiz-key" data-search-exclude="" hidden="">', key)


@pytest.mark.parametrize(("language", "title"), [("zh", "参考答案"), ("en", "Answer key")])
def test_chapter_ends_with_one_answer_key_hidden_on_screen(
    site: Site, language: str, title: str
) -> None:
    html = site.html(CHAPTERS[language])
    keys = elements(html, "quiz-key")
    assert len(keys) == 1
    assert {"hidden", "data-search-exclude"} <= set(keys[0].attrs)
    assert html.index('<div class="quiz-key"') > html.index('class="quiz-score"')
    assert [squeeze(e.text) for e in elements(html, "quiz-key__title")] == [squeeze(title)]
    options = option_texts(html)
    assert [squeeze(e.text) for e in elements(html, "quiz-key__answer")] == [
        squeeze(f"{'ABCD'[position]}. {options[n][position]}") for n, position in enumerate(CORRECT)
    ]
    assert [q.attrs["data-quiz-number"] for q in elements(html, "quiz")] == ["1", "2", "3"]


@pytest.mark.parametrize(("language", "title"), [("zh", "参考答案"), ("en", "Answer key")])
def test_search_index_has_no_answer_key(site: Site, language: str, title: str) -> None:
    index = json.loads((site.root / INDEXES[language]).read_text(encoding="utf-8"))
    indexed = squeeze(" ".join(doc["text"] + doc["title"] for doc in index["docs"]))
    _, key = without_answer_key(site.html(CHAPTERS[language]))
    assert squeeze(title) in squeeze(key)
    assert squeeze(title) not in indexed


@pytest.mark.parametrize("language", CHAPTERS)
def test_search_index_has_no_feedback_or_explanation(site: Site, language: str) -> None:
    secrets = secret_texts(site.html(CHAPTERS[language]))
    assert len(secrets) == 3 * 4 + 3  # four options with feedback and an explanation per quiz
    index = json.loads((site.root / INDEXES[language]).read_text(encoding="utf-8"))
    indexed = squeeze(" ".join(doc["text"] + doc["title"] for doc in index["docs"]))
    assert [secret for secret in secrets if secret in indexed] == []


@pytest.mark.parametrize(
    ("language", "controls"),
    [
        ("zh", ["检查答案", "显示答案", "重做本页测验"]),
        ("en", ["Try again", "this page's quizzes"]),
    ],
)
def test_search_index_has_no_quiz_controls(site: Site, language: str, controls: list[str]) -> None:
    index = json.loads((site.root / INDEXES[language]).read_text(encoding="utf-8"))
    chapter = [doc for doc in index["docs"] if doc["location"].startswith("post-training.html")]
    indexed = " ".join(doc["text"] for doc in chapter).replace(ZERO_WIDTH, "")
    assert chapter
    assert [control for control in controls if control in indexed] == []


@pytest.mark.parametrize(
    ("language", "question"),
    [("zh", "为什么在拿到base模型之后"), ("en", "Whydowestillneedpost-training")],
)
def test_search_index_still_has_the_questions(site: Site, language: str, question: str) -> None:
    index = json.loads((site.root / INDEXES[language]).read_text(encoding="utf-8"))
    assert question in squeeze(" ".join(doc["text"] for doc in index["docs"]))


def test_assets_weigh_at_most_4_kb_gzipped(site: Site) -> None:
    sizes = [len(gzip.compress((site.root / asset).read_bytes())) for asset in (SCRIPT, STYLESHEET)]
    assert sum(sizes) <= 4096, sizes


def test_theme_with_an_empty_features_list_builds(tmp_path: Path) -> None:
    # `features:` with every item removed is None in the loaded config, not an empty list.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^  features:\n(    - .*\n)+", "  features:\n", text))
    assert "  features:\n  # The toggle" in config.read_text(encoding="utf-8")
    build_site(project, tmp_path / "site", "http://127.0.0.1:8000/", strict=True)
    chapter = (tmp_path / "site" / "post-training.html").read_text(encoding="utf-8")
    assert len(elements(chapter, "quiz")) == 3


def test_plugin_reads_an_empty_features_list_as_no_features(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: t\ntheme:\n  name: material\n  features:\nplugins:\n  - quiz\n"
    )
    config = load_config(str(config_file))
    assert config.theme.get("features") is None
    plugin = config.plugins["quiz"]
    plugin.on_config(config)
    assert plugin.assets_on_every_page is False


# --- a copy of the project with malformed quizzes -----------------------------------------


BROKEN_EN = "\n/// quiz\nWhich one?\n\n- [ ] one\n- [ ] two\n///\n"
BROKEN_ZH = "\n/// quiz\n    colour: red\n\n哪一个?\n\n- [x] 一\n- [ ] 二\n///\n"


@dataclass
class BrokenBuild:
    """A non-strict build of a project copy whose chapters end with a malformed quiz."""

    project: Path
    root: Path
    log: list[logging.LogRecord]
    lines: dict[str, int]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenBuild:
    project = copy_project(tmp_path_factory.mktemp("broken"))
    # Without the zh/en comparison, the quiz block's own warnings are the only ones.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("parity: !ENV [QUIZ_PARITY, true]", "parity: false"))
    assert "parity: false" in config.read_text(encoding="utf-8")
    lines = {}
    for language, addition in (("en", BROKEN_EN), ("zh", BROKEN_ZH)):
        chapter = project / "docs" / language / "post-training.md"
        source = chapter.read_text(encoding="utf-8")
        chapter.write_text(source + addition, encoding="utf-8")
        lines[language] = len(source.splitlines()) + 2  # after the blank line that follows
    root = tmp_path_factory.mktemp("broken-site")
    log = build_site(project, root, "http://127.0.0.1:8000/", strict=False)
    return BrokenBuild(project, root, log, lines)


def quiz_warnings(log: list[logging.LogRecord]) -> list[str]:
    return [
        r.getMessage()
        for r in log
        if r.levelno == logging.WARNING and r.name == "mkdocs.plugins.quiz_plugin.plugin"
    ]


def test_malformed_quiz_warns_with_file_line_and_fix(broken: BrokenBuild) -> None:
    assert (
        f"quiz_plugin: en/post-training.md:{broken.lines['en']}: "
        "quiz has no correct option; mark one with [x]"
    ) in quiz_warnings(broken.log)


def test_malformed_quiz_warning_names_the_chinese_file_too(broken: BrokenBuild) -> None:
    assert (
        f"quiz_plugin: zh/post-training.md:{broken.lines['zh']}: "
        "quiz has an unknown option 'colour'; use multiple, shuffle or id"
    ) in quiz_warnings(broken.log)


def test_malformed_quizzes_are_the_only_warnings(broken: BrokenBuild) -> None:
    warnings = [r.getMessage() for r in broken.log if r.levelno >= logging.WARNING]
    assert len(warnings) == 2, warnings


def test_malformed_quiz_logs_no_error_and_no_traceback(broken: BrokenBuild) -> None:
    assert [r for r in broken.log if r.levelno >= logging.ERROR or r.exc_info] == []


@pytest.mark.parametrize(
    ("language", "title"), [("en", "This quiz cannot be shown"), ("zh", "这道测验题无法显示")]
)
def test_malformed_quiz_shows_an_error_box_in_the_page_language(
    broken: BrokenBuild, language: str, title: str
) -> None:
    html = (broken.root / CHAPTERS[language]).read_text(encoding="utf-8")
    boxes = elements(html, "quiz-error")
    assert len(boxes) == 1
    assert boxes[0].text.strip().startswith(title)
    assert f"{language}/post-training.md:{broken.lines[language]}" in boxes[0].text
    assert len(elements(html, "quiz")) == 3


def test_malformed_quiz_fails_the_strict_build(
    broken: BrokenBuild, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with pytest.raises(Abort, match="strict mode"):
        build_site(
            broken.project, tmp_path_factory.mktemp("strict"), "http://127.0.0.1:8000/", strict=True
        )


# --- input that once stopped the build with a traceback ---------------------------------

CRASHERS = {
    "nested": (
        "/// quiz\nOuter?\n\n- [x] a\n- [ ] b\n\n/// quiz\nInner?\n\n- [x] c\n- [ ] d\n///\n///\n",
        (
            "quiz contains another quiz (line {inner}); close this quiz with '///' before the next "
            "one starts"
        ),
    ),
    **{
        name: (
            f"/// quiz\n    {name}: true\n\nQ?\n\n- [x] a\n- [ ] b\n///\n",
            f"quiz has an unknown option '{name}'; use multiple, shuffle or id",
        )
        for name in ("yes", "no", "1", "null", "~")
    },
}


@pytest.fixture(scope="module")
def crashers(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[logging.LogRecord], dict]:
    """A non-strict build of a copy whose zh chapter ends with every such quiz."""
    project = copy_project(tmp_path_factory.mktemp("crashers"))
    chapter = project / "docs" / "zh" / "post-training.md"
    text = chapter.read_text(encoding="utf-8")
    expected = {}
    for name, (source, warning) in CRASHERS.items():
        line = len(text.splitlines()) + 2
        expected[name] = f"zh/post-training.md:{line}: " + warning.format(inner=line + 6)
        text += "\n" + source
    chapter.write_text(text, encoding="utf-8")
    root = tmp_path_factory.mktemp("crashers-site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("[QUIZ_PARITY, true]", "false"))
    log = build_site(project, root, "http://127.0.0.1:8000/", strict=False)
    return log, {"expected": expected, "html": (root / CHAPTERS["zh"]).read_text("utf-8")}


@pytest.mark.parametrize("name", CRASHERS)
def test_input_that_crashed_the_build_is_a_warning_with_line_and_fix(
    crashers: tuple[list[logging.LogRecord], dict], name: str
) -> None:
    log, found = crashers
    assert f"quiz_plugin: {found['expected'][name]}" in quiz_warnings(log)


def test_input_that_crashed_the_build_logs_no_error_and_shows_boxes(
    crashers: tuple[list[logging.LogRecord], dict],
) -> None:
    log, found = crashers
    assert [r for r in log if r.levelno >= logging.ERROR or r.exc_info] == []
    assert len(quiz_warnings(log)) == len(CRASHERS)
    # Each quiz gets a box, the nested one two; the chapter's own three quizzes stay.
    assert len(elements(found["html"], "quiz-error")) == len(CRASHERS) + 1
    assert len(elements(found["html"], "quiz")) == 3
