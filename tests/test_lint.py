"""The house style holds: ruff (lint and format) and mypy are clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "quiz_plugin", "hooks", "tests", "benchmarks"],
        ["ruff", "format", "--check", "quiz_plugin", "hooks", "tests", "benchmarks"],
        ["mypy"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    tool = BIN / command[0]
    executable = str(tool) if tool.exists() else shutil.which(command[0])
    assert executable, f"{command[0]} is not installed (run `make test`)"
    result = subprocess.run(
        [executable, *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
