"""Parity between translations: the comparison itself, then whole two-language builds."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from quiz_plugin.parity import (
    COUNT_FIX,
    QUIZ_FIX,
    ParityReport,
    QuizReader,
    compare_languages,
    locale_folders,
)
from tests.helpers.build import ROOT, build_site, copy_project

FRONT_MATTER = "---\ndescription: A page.\nhide:\n  - navigation\n---\n"


def quiz(correct: Iterable[int], options: int = 4, *, multiple: bool = False) -> str:
    """Return a quiz block whose options `correct` (1-based) are marked [x]."""
    header = "/// quiz\n    multiple: true\n\n" if multiple else "/// quiz\n"
    marks = ["x" if number in set(correct) else " " for number in range(1, options + 1)]
    items = "\n".join(f"- [{mark}] Option {n}" for n, mark in enumerate(marks, start=1))
    return f"{header}Which one?\n\n{items}\n///\n"


def page(*blocks: str, front_matter: bool = False) -> str:
    """Return a page with a title, some prose and the given blocks."""
    head = FRONT_MATTER if front_matter else ""
    return head + "# Chapter\n\nSome prose.\n\n" + "\n".join(blocks)


def write(docs: Path, path: str, text: str) -> None:
    target = docs / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def header_line(docs: Path, path: str, number: int) -> str:
    """Return `path:line` of the page's `number`-th quiz header, counted in the raw file."""
    lines = (docs / path).read_text(encoding="utf-8").splitlines()
    found = [i for i, line in enumerate(lines, start=1) if line.strip() == "/// quiz"]
    return f"{path}:{found[number - 1]}"


def check(docs: Path, reporter: list[str] | None = None) -> ParityReport:
    reader = QuizReader(reporter=None if reporter is None else reporter.append)
    return compare_languages(docs, "zh", ["zh", "en"], reader)


def differs(docs: Path, number: int, difference: str, zh_number: int | None = None) -> str:
    zh = header_line(docs, "zh/a.md", zh_number or number)
    en = header_line(docs, "en/a.md", number)
    return f"quiz {number} differs between {zh} and {en}: {difference}; {QUIZ_FIX}"


def test_identical_quizzes_give_nothing(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([2]), quiz([1, 3]), front_matter=True))
    write(tmp_path, "en/a.md", page(quiz([2]), quiz([1, 3])))
    assert check(tmp_path) == ParityReport()


def test_page_in_one_language_is_a_note_not_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([2])))
    write(tmp_path, "en/a.md", page(quiz([2])))
    write(tmp_path, "zh/only-zh.md", page(quiz([1])))
    write(tmp_path, "en/only-en.md", page(quiz([1])))
    assert check(tmp_path) == ParityReport(
        notes=[
            "en/only-en.md has no zh version (zh/only-en.md does not exist)",
            "zh/only-zh.md has no en version (en/only-zh.md does not exist)",
        ]
    )


def test_different_option_count(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([2]), front_matter=True))
    write(tmp_path, "en/a.md", page(quiz([2], options=3)))
    assert check(tmp_path).warnings == [differs(tmp_path, 1, "has 4 options in zh, 3 in en")]


def test_moved_correct_answer(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([1]), quiz([2]), front_matter=True))
    write(tmp_path, "en/a.md", page(quiz([1]), quiz([3])))
    warnings = check(tmp_path).warnings
    assert warnings == [differs(tmp_path, 2, "correct option is 2 in zh, 3 in en")]
    assert "zh/a.md:19 and en/a.md:14" in warnings[0]  # zh counts its 5 lines of front matter


def test_moved_correct_answers_of_a_multiple_choice_quiz(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([1, 3])))
    write(tmp_path, "en/a.md", page(quiz([1, 2, 3])))
    difference = "correct options are 1 and 3 in zh, 1, 2 and 3 in en"
    assert check(tmp_path).warnings == [differs(tmp_path, 1, difference)]


def test_single_versus_multiple_choice(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([2])))
    write(tmp_path, "en/a.md", page(quiz([2], multiple=True)))
    difference = "is single choice in zh, multiple choice in en"
    assert check(tmp_path).warnings == [differs(tmp_path, 1, difference)]


def test_different_quiz_count_names_the_first_that_differs(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([1]), quiz([2]), quiz([3])))
    write(tmp_path, "en/a.md", page(quiz([1]), quiz([3]), front_matter=True))
    zh, en = header_line(tmp_path, "zh/a.md", 2), header_line(tmp_path, "en/a.md", 2)
    assert check(tmp_path).warnings == [
        (
            f"zh/a.md has 3 quizzes, en/a.md has 2: the first that differs is quiz 2 ({zh}, {en}); "
            f"{COUNT_FIX}"
        )
    ]


def test_different_quiz_count_names_the_extra_quiz(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([1])))
    write(tmp_path, "en/a.md", page(quiz([1]), quiz([2])))
    extra = header_line(tmp_path, "en/a.md", 2)
    assert check(tmp_path).warnings == [
        f"zh/a.md has 1 quiz, en/a.md has 2: quiz 2 ({extra}) has no counterpart in zh; {COUNT_FIX}"
    ]


def test_malformed_quiz_is_skipped_but_keeps_its_number(tmp_path: Path) -> None:
    write(tmp_path, "zh/a.md", page(quiz([]), quiz([2])))
    write(tmp_path, "en/a.md", page(quiz([1]), quiz([3])))
    malformed: list[str] = []
    warnings = check(tmp_path, malformed).warnings
    assert warnings == [differs(tmp_path, 2, "correct option is 2 in zh, 3 in en")]
    no_correct = header_line(tmp_path, "zh/a.md", 1)
    assert malformed == [f"{no_correct}: quiz has no correct option; mark one with [x]"]


def in_note(block: str) -> str:
    indented = "".join(f"    {line}\n" if line else "\n" for line in block.splitlines())
    return f"!!! note\n\n{indented}"


def test_quizzes_in_containers_are_compared_and_code_is_not(tmp_path: Path) -> None:
    code = "```markdown\n" + quiz([4]) + "```\n"
    details = "/// details | More\n" + quiz([2]) + "///\n"
    write(tmp_path, "zh/a.md", page(in_note(quiz([1])), code, details))
    write(tmp_path, "en/a.md", page(in_note(quiz([2])), details))
    assert check(tmp_path).warnings == [differs(tmp_path, 1, "correct option is 1 in zh, 2 in en")]


def test_locale_folders_leave_asset_folders_out(tmp_path: Path) -> None:
    for name in ("zh", "en", "pt-BR", "zh_TW", "zh-Hant-TW"):
        write(tmp_path, f"{name}/index.md", "# Home\n")
    for name in ("css", "img", "js"):
        write(tmp_path, f"{name}/site.css", "body {}\n")
    assert locale_folders(tmp_path) == ["en", "pt-BR", "zh", "zh-Hant-TW", "zh_TW"]


def test_the_real_docs_match() -> None:
    assert check(ROOT / "docs").warnings == []


# Whole builds: the report comes once per two-language build, and fails --strict.


def parity_records(records: list[logging.LogRecord]) -> list[logging.LogRecord]:
    phrases = ("differs between", "has no en version", "has no zh version")
    return [r for r in records if any(phrase in r.getMessage() for phrase in phrases)]


@pytest.fixture
def mismatched(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Path:
    """A copy of the project where en moved the answer of quiz 1 and zh has an extra page."""
    caplog.set_level(logging.INFO, logger="mkdocs")  # as the mkdocs command does, for the notes
    project = copy_project(tmp_path / "project")
    chapter = project / "docs" / "en" / "post-training.md"
    text = chapter.read_text(encoding="utf-8")
    first, rest = text.split("- [x] ", 1)
    chapter.write_text(first.replace("- [ ] ", "- [x] ", 1) + "- [ ] " + rest, encoding="utf-8")
    (project / "docs" / "zh" / "draft.md").write_text("# 草稿\n", encoding="utf-8")
    return project


def test_report_appears_once_per_full_build(mismatched: Path, tmp_path: Path) -> None:
    records = parity_records(build_site(mismatched, tmp_path / "site", "http://127.0.0.1:8000/"))
    assert [(r.levelname, r.getMessage().split(": ", 1)[0]) for r in records] == [
        ("INFO", "quiz_plugin"),
        ("WARNING", "quiz_plugin"),
    ]
    note = "zh/draft.md has no en version (en/draft.md does not exist)"
    assert records[0].getMessage().endswith(note)
    assert "quiz 1 differs between zh/post-training.md:" in records[1].getMessage()
    assert "en/post-training.md:" in records[1].getMessage()
    assert "correct option is 2 in zh, 1 in en" in records[1].getMessage()


def test_strict_build_fails_on_a_mismatch(mismatched: Path, tmp_path: Path) -> None:
    with pytest.raises(Abort):
        build_site(mismatched, tmp_path / "site", "http://127.0.0.1:8000/", strict=True)


def test_parity_option_turns_it_off(mismatched: Path, tmp_path: Path) -> None:
    config = mismatched / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "parity: !ENV [QUIZ_PARITY, true]" in text
    config.write_text(text.replace("parity: !ENV [QUIZ_PARITY, true]", "parity: false"))
    records = build_site(mismatched, tmp_path / "site", "http://127.0.0.1:8000/", strict=True)
    assert parity_records(records) == []


def test_without_static_i18n_nothing_is_compared(mismatched: Path, tmp_path: Path) -> None:
    (mismatched / "mkdocs.yml").write_text(
        "site_name: Plain\nuse_directory_urls: false\nplugins:\n  - quiz\n", encoding="utf-8"
    )
    records = build_site(mismatched, tmp_path / "site", "http://127.0.0.1:8000/")
    assert parity_records(records) == []
    assert (tmp_path / "site" / "zh" / "post-training.html").exists()
