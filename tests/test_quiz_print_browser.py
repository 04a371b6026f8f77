"""The printed chapter is a worksheet: Chromium's print to PDF, read back page by page.

Every question, numbered, with its options and an empty box before each; no answer under any
question; one answer key, numbered like the questions, starting on a page of its own after the
last quiz; no heading alone at the foot of a page; each figure on the page of its caption. In
both languages, untouched, answered and without JavaScript.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from string import ascii_uppercase
from typing import Any

import pytest

from quiz_plugin.labels import LABELS
from tests.helpers.build import Site
from tests.helpers.pdf import gray_page, line_starts, normalized
from tests.helpers.printouts import (
    STATES,
    Printout,
    QuizText,
    chapter_figures,
    chapter_headings,
    chapter_quizzes,
    chapter_tree,
    print_chapter,
)
from tests.helpers.quiz_pages import CHAPTERS, MULTIPLE_WORDS

pytestmark = pytest.mark.browser

PRINTOUTS = [(language, state) for language in CHAPTERS for state in STATES]
IDS = [f"{language}-{state}" for language, state in PRINTOUTS]
# An option's letter as a word of its own at the start of a line: "A." to "Z.".
RE_LETTER = re.compile(r"^[A-Z]\.$")
# What no question may have under it: the widget's marks, its status symbols, its score line.
MARK_SYMBOLS = ("✓", "✗", "◆", "◐")
KEY_TITLES = {"zh": "参考答案", "en": "Answer key"}
RE_SCORE = {"zh": re.compile(r"答对\s*\d+\s*/\s*\d+\s*题"), "en": re.compile(r"\d+ / \d+ correct")}


@pytest.fixture(scope="module")
def pdfs(site: Site, browser: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The chapter in both languages, printed fresh, answered and without JavaScript."""
    folder = tmp_path_factory.mktemp("printouts")
    return {
        name: print_chapter(browser, site.url, language, state, folder / f"{name}.pdf")
        for name, (language, state) in zip(IDS, PRINTOUTS, strict=True)
    }


def printout(pdfs: dict[str, Path], language: str, state: str) -> Printout:
    return Printout.read(pdfs[f"{language}-{state}"], KEY_TITLES[language])


def quizzes(site: Site, language: str) -> list[QuizText]:
    found = chapter_quizzes(site.html(CHAPTERS[language]))
    assert len(found) == 3
    return found


def in_order(text: str, parts: list[str]) -> list[str]:
    """Return the parts (normalized) not found in the text one after the other."""
    missing, position = [], 0
    for part in parts:
        found = text.find(normalized(part), position)
        if found < 0:
            missing.append(part)
        else:
            position = found + len(normalized(part))
    return missing


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_every_question_is_printed_numbered_with_its_lettered_options(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    text = normalized(printout(pdfs, language, state).before_key())
    expected = []
    for number, quiz in enumerate(quizzes(site, language), start=1):
        expected.append(f"{number}. {quiz.question}")
        expected += [f"{ascii_uppercase[n]}. {option}" for n, option in enumerate(quiz.options)]
    assert in_order(text, expected) == []


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_no_answer_feedback_mark_or_control_is_printed_under_a_question(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    questions = printout(pdfs, language, state).before_key()
    text = normalized(questions)
    labels = LABELS[language]
    secrets = [s for quiz in quizzes(site, language) for s in [*quiz.feedback, quiz.explanation]]
    assert len(secrets) == 3 * 4 + 3
    assert [secret for secret in secrets if normalized(secret) in text] == []
    statuses = [labels[name] for name in ("correct", "incorrect", "incomplete", "revealed")]
    assert [status for status in statuses if normalized(status) in text] == []
    assert [symbol for symbol in MARK_SYMBOLS if symbol in questions] == []
    controls = [labels[name] for name in ("check", "retry", "reveal", "answer", "reset")]
    lines = {normalized(line) for line in questions.splitlines()}
    assert [control for control in controls if normalized(control) in lines] == []
    # An answer line ("Answer: …") would repeat the correct options' words after the options.
    assert unicodedata.normalize("NFKC", labels["key"].strip()) not in questions
    found = quizzes(site, language)
    first = text.find(normalized(f"1. {found[0].question}"))
    assert first >= 0
    options = [option for quiz in found for option in quiz.options]
    assert [option for option in options if text[first:].count(normalized(option)) != 1] == []
    assert RE_SCORE[language].search(questions) is None


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_one_answer_key_starts_a_page_of_its_own_after_the_last_question(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    printed = printout(pdfs, language, state)
    assert printed.key_page is not None, "no page starts with the answer key's title"
    title = normalized(KEY_TITLES[language])
    assert [normalized(page).count(title) for page in printed.pages].count(1) == 1
    last_question = normalized(quizzes(site, language)[-1].question)
    assert last_question in normalized(printed.pages[printed.key_page - 1])


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_the_printout_ends_with_the_key_not_with_the_line_to_the_next_chapter(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    printed = printout(pdfs, language, state)
    on_screen = chapter_tree(site.html(CHAPTERS[language])).find(".//p[@class='course-next']")
    assert on_screen is not None
    assert normalized("".join(on_screen.itertext())) not in normalized("".join(printed.pages))
    last_answer = normalized(quizzes(site, language)[-1].explanation)
    assert normalized(printed.pages[-1]).rstrip().endswith(last_answer[-12:])


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_answer_key_gives_each_quiz_its_number_correct_options_and_explanation(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    key = normalized(printout(pdfs, language, state).key())
    separator = LABELS[language]["keySeparator"]
    expected = []
    for number, quiz in enumerate(quizzes(site, language), start=1):
        answers = separator.join(f"{ascii_uppercase[n]}. {quiz.options[n]}" for n in quiz.correct)
        expected.append(f"{number}. {answers} {quiz.explanation}")
    assert in_order(key, expected) == []
    wrong = [
        option
        for quiz in quizzes(site, language)
        for n, option in enumerate(quiz.options)
        if n not in quiz.correct
    ]
    assert [option for option in wrong if normalized(option) in key] == []


@pytest.mark.parametrize(("language", "state"), PRINTOUTS, ids=IDS)
def test_every_option_has_an_empty_box_before_it(
    site: Site, pdfs: dict[str, Path], language: str, state: str
) -> None:
    pdf = pdfs[f"{language}-{state}"]
    printed = printout(pdfs, language, state)
    letters, boxes = [], []
    for number in range(1, len(printed.pages[: printed.key_page]) + 1):
        starts = [word for word in line_starts(pdf, number) if RE_LETTER.match(word.text)]
        if not starts:
            continue
        page = gray_page(pdf, number)
        for word in starts:
            letters.append(word.text)
            # The box sits in the option's first column, left of the letter, on its first line.
            boxes.append(page.ink(word.x_min - 30, word.y_min - 2, word.x_min - 2, word.y_max + 2))
    options = [len(quiz.options) for quiz in quizzes(site, language)]
    assert letters == [f"{ascii_uppercase[n]}." for count in options for n in range(count)]
    for box in boxes:
        assert box is not None, "no box before an option"
        assert 6 <= box.width <= 14, box
        assert 6 <= box.height <= 14, box
        assert abs(box.width - box.height) <= 1.5, box
        assert box.hollow, f"the box before an option is not empty: {box}"


def test_no_printed_page_ends_with_a_heading(site: Site, pdfs: dict[str, Path]) -> None:
    ending = []
    for language, state in PRINTOUTS:
        headings = [*chapter_headings(site.html(CHAPTERS[language])), KEY_TITLES[language]]
        assert len(headings) >= 6
        for number, page in enumerate(printout(pdfs, language, state).pages, start=1):
            ending += [
                f"{language}-{state} page {number}: {heading}"
                for heading in headings
                if normalized(page).endswith(normalized(heading))
            ]
    assert ending == []


def test_every_printed_figure_is_on_the_page_of_its_caption(
    site: Site, pdfs: dict[str, Path]
) -> None:
    apart = []
    for language, state in PRINTOUTS:
        pages = [normalized(page) for page in printout(pdfs, language, state).pages]
        figures = chapter_figures(site.root, CHAPTERS[language])
        assert figures
        assert all(texts and caption for texts, caption in figures)
        for texts, caption in figures:
            with_caption = [page for page in pages if normalized(caption) in page]
            assert len(with_caption) == 1, f"{language}-{state}: caption printed {with_caption}"
            away = [text for text in texts if normalized(text) not in with_caption[0]]
            apart += [f"{language}-{state}: {text}" for text in away]
    assert apart == []


@pytest.mark.parametrize("language", CHAPTERS)
def test_answer_key_gives_every_correct_option_of_a_multiple_choice_quiz(
    multi_site: str, browser: Any, tmp_path: Path, language: str
) -> None:
    pdf = print_chapter(browser, multi_site, language, "fresh", tmp_path / "multi.pdf")
    printed = Printout.read(pdf, KEY_TITLES[language])
    words = MULTIPLE_WORDS[language]
    separator = LABELS[language]["keySeparator"]
    hint = LABELS[language]["hint"]
    assert in_order(normalized(printed.before_key()), [f"4. {words['question']}", hint]) == []
    answer = f"4. A. {words['first']}{separator}C. {words['third']} {words['explanation']}"
    assert in_order(normalized(printed.key()), [answer]) == []
    everything = normalized("".join(printed.pages))
    feedback = [words["second_feedback"], words["third_feedback"]]
    assert [text for text in feedback if normalized(text) in everything] == []
