"""Configuration of the quiz plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class QuizConfig(base.Config):
    """Options under `plugins: - quiz:` in `mkdocs.yml`."""

    enabled = c.Type(bool, default=True)
    """Render quizzes; when false, `/// quiz` blocks are left as they are written."""

    default_language = c.Optional(c.Type(str))
    """Language whose wording keys saved answers (default: static-i18n's default language)."""

    parity = c.Type(bool, default=True)
    """Compare the quizzes of each page with its translations on every build."""
