"""`python -m quiz_plugin check`: the parity report without a build, and its exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.build import ROOT, copy_project

CHAPTER = "post-training.md"


def run(*arguments: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz_plugin", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def header_line(path: Path, number: int) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, start=1) if line.strip() == "/// quiz"][number - 1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def move_first_answer(chapter: Path) -> None:
    """Mark the first option of the first quiz correct instead of the one that was."""
    first, rest = chapter.read_text(encoding="utf-8").split("- [x] ", 1)
    chapter.write_text(first.replace("- [ ] ", "- [x] ", 1) + "- [ ] " + rest, encoding="utf-8")


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout
    result = run("check", "--help")
    assert result.returncode == 0
    assert "DOCS_DIR" in result.stdout
    assert "--config-file" in result.stdout


def test_the_real_docs_pass() -> None:
    result = run("check", "docs/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout
    assert result.stdout.rstrip().endswith("no warnings.")


def test_a_mismatch_exits_1_and_names_both_files_and_lines(project: Path) -> None:
    move_first_answer(project / "docs" / "en" / CHAPTER)
    zh = header_line(project / "docs" / "zh" / CHAPTER, 1)
    en = header_line(project / "docs" / "en" / CHAPTER, 1)
    result = run("check", "docs", "--default-language", "zh", cwd=project)
    assert result.returncode == 1
    assert (
        f"WARNING -  quiz 1 differs between zh/{CHAPTER}:{zh} and en/{CHAPTER}:{en}: "
        "correct option is 2 in zh, 1 in en;" in result.stdout
    )
    assert result.stdout.rstrip().endswith("Compared en with zh: 1 warning.")


def test_a_malformed_quiz_is_a_warning(project: Path) -> None:
    chapter = project / "docs" / "en" / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("- [x] ", "- [ ] ", 1))
    line = header_line(chapter, 1)
    result = run("check", project / "docs")
    assert result.returncode == 1
    assert (
        f"WARNING -  en/{CHAPTER}:{line}: quiz has no correct option; mark one with [x]"
        in result.stdout.splitlines()
    )


def test_a_missing_translation_is_listed_and_passes(project: Path) -> None:
    (project / "docs" / "zh" / "draft.md").write_text("# 草稿\n", encoding="utf-8")
    result = run("check", project / "docs")
    assert result.returncode == 0
    assert "INFO    -  zh/draft.md has no en version (en/draft.md does not exist)" in result.stdout


def test_config_file_gives_languages_and_the_default(project: Path) -> None:
    move_first_answer(project / "docs" / "en" / CHAPTER)
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")
    result = run("check", "docs", "-f", "mkdocs.yml", cwd=project)
    assert result.returncode == 1
    assert f"quiz 1 differs between zh/{CHAPTER}:" in result.stdout
    assert "fr/" not in result.stdout  # fr is a folder, not a configured language
    assert "Compared en with zh: 1 warning." in result.stdout


def test_folders_are_the_languages_without_config(project: Path) -> None:
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")
    move_first_answer(project / "docs" / "fr" / CHAPTER)
    result = run("check", "docs", "-d", "zh", cwd=project)
    assert result.returncode == 1
    assert f"and fr/{CHAPTER}:" in result.stdout
    assert "Compared en, fr with zh: 1 warning." in result.stdout


def test_a_missing_folder_exits_2_without_a_traceback(tmp_path: Path) -> None:
    result = run("check", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_unknown_default_language_exits_2(project: Path) -> None:
    result = run("check", "docs", "-d", "fr", cwd=project)
    assert result.returncode == 2
    assert "'fr' is not one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_to_compare_passes(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    result = run("check", tmp_path)
    assert result.returncode == 0
    assert "Nothing to compare" in result.stdout
