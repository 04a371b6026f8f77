"""The site hook that keeps compiled theme templates between builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

from tests.helpers.build import load_hook


def environment(folder: Path, cache_dir: Path) -> Environment:
    # As MkDocs makes it for the theme's HTML templates: no autoescape.
    env = Environment(loader=FileSystemLoader(str(folder)))  # noqa: S701
    env = load_hook("template_cache").on_env(env, config=None, files=None)
    assert isinstance(env.bytecode_cache, FileSystemBytecodeCache)
    env.bytecode_cache.directory = str(cache_dir)  # keep the test's cache apart
    return env


def test_second_build_reuses_the_compiled_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    first = environment(tmp_path, cache)
    assert first.get_template("page.html").render(title="A") == "<h1>A</h1>"
    assert len(list(cache.iterdir())) == 1

    second = environment(tmp_path, cache)

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compile)
    assert second.get_template("page.html").render(title="B") == "<h1>B</h1>"


def test_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text("old {{ x }}", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    assert environment(tmp_path, cache).get_template("page.html").render(x=1) == "old 1"
    template.write_text("new {{ x }}", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(x=2) == "new 2"
