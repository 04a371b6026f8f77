"""Golden files: each `tests/golden/*.md` must convert to its `*.html` byte for byte.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`, then
review the diff of the `.html` files before committing them.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from quiz_plugin.extension import QuizExtension, QuizPage
from tests.helpers.markdown import SITE_CONFIGS, SITE_EXTENSIONS

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.md"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def render(source_path: Path) -> str:
    """Convert a golden source like MkDocs would; `name.zh.md` is a Chinese page."""
    source = source_path.read_text(encoding="utf-8")
    body, _ = get_data(source)
    language = "zh" if source_path.name.endswith(".zh.md") else "en"
    extension = QuizExtension()
    extension.page = QuizPage(
        path=source_path.name,
        language=language,
        line_offset=source.count("\n") - body.count("\n"),
        key_path=source_path.name,
    )
    warnings: list[str] = []
    extension.reporter = warnings.append
    md = markdown.Markdown(extensions=[extension, *SITE_EXTENSIONS], extension_configs=SITE_CONFIGS)
    html: str = md.convert(body)
    return html + "\n" + "".join(f"<!-- WARNING {warning} -->\n" for warning in warnings)


def test_every_case_has_a_golden_file() -> None:
    assert len(CASES) >= 5
    missing = [case.name for case in CASES if not case.with_suffix(".html").exists()]
    assert UPDATE or not missing, f"no .html for {missing}; run with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_golden(case: Path) -> None:
    expected_path = case.with_suffix(".html")
    actual = render(case)
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
        return
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(expected_path.relative_to(GOLDEN.parent)),
            tofile=f"{case.name} (rendered now)",
        )
        pytest.fail(
            "golden file differs (UPDATE_GOLDEN=1 regenerates it):\n" + "".join(diff),
            pytrace=False,
        )
