"""`make check` and `make translated`: outdated translations listed, recorded, bad input refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.build import ROOT, copy_project
from tests.helpers.translations import (
    CHAPTER,
    EN_EDIT,
    ZH_EDIT,
    ZH_SECTION,
    add_reading_pages,
    edit,
    heading_line,
    run_cli,
    run_in,
    section_lines,
)

RECORD = Path("docs") / "translations.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def make(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the project's Makefile in a scratch copy, with the tests' Python as its `.venv`."""
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    stamp = project / "installed"  # newer than the lock: make installs nothing
    stamp.touch()
    variables = [f"BIN={Path(sys.executable).parent}", f"STAMP={stamp}"]
    return run_in(project, ["make", "--no-print-directory", *arguments, *variables], 120)


def outdated_line(project: Path) -> str:
    zh = project / "docs" / "zh" / CHAPTER
    heading = heading_line(zh, ZH_SECTION)
    return (
        f'INFO    -  en/post-training.md is behind its original zh/post-training.md: "{heading}" '
        f"changed (zh/post-training.md:{section_lines(zh, heading)}); update the translation, "
        "then run 'make translated PAGE=en/post-training.md'"
    )


def assert_failed(result: subprocess.CompletedProcess[str]) -> None:
    """Make reports a failed command (its exit status 1) with its own status, 2."""
    assert (result.returncode, result.stderr.splitlines()[-1][-7:]) == (2, "Error 1")


def assert_refused(result: subprocess.CompletedProcess[str], record: bytes, path: Path) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == record, "the record is untouched"


def test_the_committed_record_covers_todays_pages() -> None:
    result = run_cli(ROOT, "check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "Compared 2 translations with their originals: all up to date."
    ]


def test_check_lists_an_outdated_translation_and_passes(project: Path) -> None:
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    result = make(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert outdated_line(project) in result.stdout.splitlines()
    assert "Compared en with zh: no warnings." in result.stdout, "the quiz parity check ran too"
    assert "Compared 2 translations with their originals: 1 behind." in result.stdout


def test_strict_check_fails_on_an_outdated_translation(project: Path) -> None:
    assert make(project, "check", "STRICT=1").returncode == 0
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    result = make(project, "check", "STRICT=1")
    assert_failed(result)
    assert outdated_line(project) in result.stdout.splitlines()
    assert run_cli(project, "check", "--strict").returncode == 1


def test_check_fails_when_the_quiz_parity_check_fails(project: Path) -> None:
    edit(project / "docs" / "en" / CHAPTER, "- [x] ", "- [ ] ")
    result = make(project, "check")
    assert_failed(result)
    assert "Compared 2 translations with their originals: all up to date." in result.stdout


def test_translated_records_the_page_and_the_notice_goes(project: Path) -> None:
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    before = (project / RECORD).read_text(encoding="utf-8")
    result = make(project, "translated", "PAGE=en/post-training.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "Recorded en/post-training.md as up to date with zh/post-training.md "
        "(1 section had changed)." in result.stdout
    )
    after = (project / RECORD).read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 1, "one line: the section recorded"
    assert ZH_SECTION in changed[0]
    assert run_cli(project, "check", "--strict").returncode == 0


def test_a_page_may_be_named_from_the_project_folder(project: Path) -> None:
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    assert run_cli(project, "record", "docs/en/post-training.md").returncode == 0
    assert run_cli(project, "check", "--strict").returncode == 0


def test_translated_without_page_records_only_new_pairs(project: Path) -> None:
    add_reading_pages(project)
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    result = make(project, "translated")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Recorded zh/reading.md as up to date with en/reading.md (new)." in result.stdout
    check = run_cli(project, "check")
    assert outdated_line(project) in check.stdout.splitlines(), "an outdated one stays so"
    assert "not recorded yet" not in check.stdout
    assert make(project, "translated").stdout.splitlines()[-1] == (
        "Nothing to record: docs/translations.yml is up to date."
    )


def test_translated_all_records_every_translation(project: Path) -> None:
    edit(project / "docs" / "zh" / CHAPTER, *ZH_EDIT)
    edit(project / "docs" / "zh" / "index.md", "## 适合谁", "## 适合哪些读者")
    result = make(project, "translated", "ALL=1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Recorded en/index.md" in result.stdout
    assert "Recorded en/post-training.md" in result.stdout
    assert run_cli(project, "check", "--strict").returncode == 0


def test_entries_of_pages_that_are_gone_are_dropped(project: Path) -> None:
    add_reading_pages(project)
    assert run_cli(project, "record").returncode == 0
    (project / "docs" / "zh" / "reading.md").unlink()
    check = run_cli(project, "check")
    assert "zh/reading.md is no longer a translation of en/reading.md" in check.stdout
    result = run_cli(project, "record")
    assert "Dropped zh/reading.md from the record" in result.stdout
    assert "reading" not in (project / RECORD).read_text(encoding="utf-8")


def test_a_page_that_does_not_exist_is_refused(project: Path) -> None:
    record = (project / RECORD).read_bytes()
    result = make(project, "translated", "PAGE=en/post-trainig.md")
    assert_refused(result, record, project / RECORD)
    assert "Invalid value for PAGE: en/post-trainig.md does not exist" in result.stderr
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "zh/post-training.md",
            (
                "Error: zh/post-training.md is the original of its page, not a translation; record "
                "its translation instead: make translated PAGE=en/post-training.md"
            ),
        ),
        (
            "en/reading.md",
            (
                "Error: en/reading.md has no original: no other language folder has reading.md; "
                "nothing to record"
            ),
        ),
    ],
    ids=["original", "no-original"],
)
def test_a_page_with_no_original_is_refused(project: Path, page: str, message: str) -> None:
    (project / "docs" / "en" / "reading.md").write_text("# Reading\n", encoding="utf-8")
    record = (project / RECORD).read_bytes()
    result = run_cli(project, "record", page)
    assert_refused(result, record, project / RECORD)
    assert result.stderr.strip() == message


def test_a_damaged_record_is_refused_with_its_line(project: Path) -> None:
    path = project / RECORD
    damaged = path.read_text(encoding="utf-8").replace("original: zh/index.md", "original:", 1)
    path.write_text(damaged, encoding="utf-8")
    line = damaged.splitlines().index("  original:") + 1
    record = path.read_bytes()
    for arguments in (("record",), ("record", "en/index.md"), ("check",)):
        result = run_cli(project, *arguments)
        assert_refused(result, record, path)
        assert result.stderr.startswith(
            f"Error: docs/translations.yml:{line}: expected the path of the original"
        ), result.stderr


def test_a_wrong_original_in_a_front_matter_is_refused(project: Path) -> None:
    add_reading_pages(project)
    edit(project / "docs" / "en" / "reading.md", "original: en", "original: EN")
    edit(project / "docs" / "en" / "reading.md", *EN_EDIT)
    record = (project / RECORD).read_bytes()
    warning = (
        "WARNING -  en/reading.md:3: front matter 'original: EN' is not a language of this "
        "site; write one of original: zh, original: en, or remove the line"
    )
    check = run_cli(project, "check")
    assert check.returncode == 1
    assert warning in check.stdout.splitlines()
    result = run_cli(project, "record")
    assert_refused(result, record, project / RECORD)
    assert warning in result.stdout.splitlines()
    assert "fix the warnings above first; nothing was recorded" in result.stderr


def test_a_missing_configuration_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(ROOT, "check", "-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_one_language_configuration_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    record = (project / RECORD).read_bytes()
    result = run_cli(project, "record", "--all")
    assert result.returncode == 2
    assert "build_only_locale (BUILD_ONLY_LOCALE) is set" in result.stderr
    assert_refused(result, record, project / RECORD)
