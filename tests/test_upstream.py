"""The plugin's checks of what it relies on in pymdownx.blocks beyond its documented API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from pymdownx.blocks.block import Block

from quiz_plugin import upstream
from quiz_plugin.extension import QuizExtension


def fresh_problems() -> tuple[str, ...]:
    return upstream.problems.__wrapped__()  # type: ignore[attr-defined,no-any-return]


def test_the_installed_pymdownx_has_everything() -> None:
    assert fresh_problems() == ()


def test_a_missing_validate_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(Block, "_validate")
    assert fresh_problems() == (
        (
            "pymdownx.blocks no longer validates headers with Block._validate; "
            "the quiz plugin needs pymdown-extensions 13.1 (see CONTRIBUTING.md)"
        ),
    )


def test_a_validate_that_takes_other_arguments_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Block, "_validate", lambda self, parent, arguments: True)
    assert len(fresh_problems()) == 1


def test_a_manager_without_trackers_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="has no tracker of 'quiz' blocks; the quiz plugin"):
        upstream.trackers(object(), "quiz")


def test_the_extension_refuses_to_run_without_what_it_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(upstream, "problems", lambda: ("pymdownx.blocks lacks something",))
    with pytest.raises(RuntimeError, match=r"pymdownx\.blocks lacks something"):
        markdown.Markdown(extensions=[QuizExtension()])


def test_the_plugin_stops_the_build_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - quiz\n")
    config: Any = load_config(str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(upstream, "problems", lambda: ("pymdownx.blocks lacks something",))
    with pytest.raises(PluginError, match=r"^quiz_plugin: pymdownx\.blocks lacks something$"):
        config.plugins["quiz"].on_config(config)
