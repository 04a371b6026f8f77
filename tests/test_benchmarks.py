"""The build benchmark's instruction count, with a stand-in for valgrind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks import instructions


def fake_valgrind(folder: Path, script: str) -> None:
    """Put an executable `valgrind` running `script` first on PATH."""
    program = folder / "valgrind"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)


@pytest.fixture
def arms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return {"quiz": tmp_path / "mkdocs.yml", "off": tmp_path / "mkdocs-off.yml"}


def test_count_reads_what_callgrind_collected_for_each_arm(
    tmp_path: Path, arms: dict[str, Path]
) -> None:
    # callgrind ends with "==PID== Collected : N"; the stand-in tells the arms apart by config.
    fake_valgrind(
        tmp_path,
        'case "$*" in *mkdocs-off.yml*) n=1000;; *) n=1030;; esac\n'
        'echo "==42== Events    : Ir"; echo "==42== Collected : $n"',
    )
    assert instructions.available()
    assert instructions.count(arms) == {"quiz": 1030, "off": 1000}


def test_a_failed_build_names_its_arm(tmp_path: Path, arms: dict[str, Path]) -> None:
    fake_valgrind(tmp_path, 'echo "Config file does not exist"; exit 1')
    with pytest.raises(RuntimeError, match="the quiz build under callgrind failed"):
        instructions.count(arms)
