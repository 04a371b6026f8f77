"""The Chinese copy: AutoCorrect finds nothing; built Chinese pages use Chinese punctuation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.build import ROOT, Site, load_hook
from tests.helpers.pages import SITE_PAGES, visible_text

copy = load_hook("chinese_copy")
CJK = "\u3400-\u9fff"
RE_CJK = re.compile(f"[{CJK}]")
# Half-width punctuation between two Chinese characters (spaces allowed around it).
RE_HALF_WIDTH = re.compile(f"[{CJK}] ?[,:;?!()] ?[{CJK}]")
RE_CORNER_QUOTES = re.compile("[「」『』]")
RE_SCRIPT_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)
RE_ASCII_QUOTED_CHINESE = re.compile(f'"[^"\\n]*[{CJK}][^"\\n]*"')
# Files with Chinese text that readers never see: tooling, tests, benchmarks, documentation.
NOT_COPY = re.compile(
    r"^(tests/|benchmarks/|README\.md|CONTRIBUTING\.md|hooks/|docs/translations\.yml|\.)"
)


def test_autocorrect_finds_nothing_in_the_chinese_copy() -> None:
    assert list(copy.findings(copy.copy_files())) == []


@pytest.mark.parametrize(
    "text", ["后训练,便宜得多。", "后训练:几小时。", "后训练(几小时)", "base模型"]
)
def test_autocorrect_finds_what_the_copy_must_not_have(tmp_path: Path, text: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# 标题\n\n{text}\n", encoding="utf-8")
    assert len(list(copy.findings([page], root=tmp_path))) == 1


def without_comments(name: str, text: str) -> str:
    """Return a script's or stylesheet's text without its comments (examples, not UI)."""
    if name.endswith((".js", ".css")):
        return RE_SCRIPT_COMMENT.sub("", text)
    return text


def test_every_file_with_chinese_ui_text_is_checked() -> None:
    checked = {path.relative_to(ROOT).as_posix() for path in copy.copy_files()}
    tracked = [
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if path.is_file() and ".venv" not in path.parts and ".git" not in path.parts
    ]
    with_chinese = {
        name
        for name in tracked
        if name.endswith((".md", ".py", ".html", ".yml", ".svg", ".js", ".css", ".xml"))
        and not name.startswith(("site/", "node_modules/", "benchmarks/results/"))
        and RE_CJK.search(without_comments(name, (ROOT / name).read_text("utf-8", "replace")))
    }
    assert {name for name in with_chinese if not NOT_COPY.match(name)} <= checked


def test_the_copy_quotes_with_one_style_of_quotation_marks() -> None:
    # GB/T 15834's curly quotation marks, never corner brackets.
    for path in copy.copy_files():
        assert not RE_CORNER_QUOTES.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("path", [p for p in SITE_PAGES if not p.startswith("en/")])
def test_built_chinese_pages_use_chinese_punctuation(site: Site, path: str) -> None:
    text = visible_text(site.html(path))
    assert RE_HALF_WIDTH.findall(text) == []
    assert RE_CORNER_QUOTES.findall(text) == []
    assert RE_ASCII_QUOTED_CHINESE.findall(text) == []
