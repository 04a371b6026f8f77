"""Check the site's Chinese copy with AutoCorrect (a command, not a hook): `make lint`.

The copy is every Chinese page (docs/zh/) and every file that holds Chinese text readers see:
the quiz's labels and messages, mkdocs.yml (site name, description, navigation, palette), the
templates and the figures. AutoCorrect's settings are in `.autocorrectrc`. Prints one line per
finding, `file:line:column: found -> expected`, and exits with 1 if there is any.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import autocorrect_py

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".autocorrectrc"
# Files with Chinese UI strings, besides the Chinese pages and their figures.
UI_FILES = (
    "mkdocs.yml",
    "quiz_plugin/labels.py",
    "quiz_plugin/messages.py",
    "quiz_plugin/course_labels.py",
    "overrides",
)


def copy_files(root: Path = ROOT) -> list[Path]:
    """Return every file of the Chinese copy, pages first."""
    pages = sorted((root / "docs" / "zh").rglob("*.md")) + sorted(
        (root / "docs" / "zh").rglob("*.svg")
    )
    ui: list[Path] = []
    for name in UI_FILES:
        path = root / name
        ui += sorted(path.rglob("*.html")) if path.is_dir() else [path]
    return pages + ui


def findings(paths: list[Path], root: Path = ROOT) -> Iterator[str]:
    """Yield `file:line:column: found -> expected` for each of AutoCorrect's findings."""
    # The module has load_config; its type stub does not list it.
    autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    for path in paths:
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        for line in result.lines:
            name = path.relative_to(root).as_posix()
            yield f"{name}:{line.line}:{line.col}: {line.old.strip()} -> {line.new.strip()}"


def main() -> int:
    """Lint the copy; return the exit status."""
    paths = copy_files()
    found = list(findings(paths))
    for finding in found:
        print(finding)
    print(f"AutoCorrect checked {len(paths)} files of Chinese copy: {len(found)} findings.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
