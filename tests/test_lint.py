"""The house style holds: ruff (lint and format) and mypy are clean."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_plugin.assets_files import shipped

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


@pytest.mark.parametrize("script", sorted((ROOT / "quiz_plugin" / "assets").glob("*.js")))
def test_script_is_valid_javascript(script: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Node.js must be installed in CI to check the widget's script")
        pytest.skip("Node.js is not installed")
    for source in (script.read_text(encoding="utf-8"), shipped(script.read_text("utf-8"), ".js")):
        result = subprocess.run(
            [node, "--check", "--input-type=commonjs"],
            input=source,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
