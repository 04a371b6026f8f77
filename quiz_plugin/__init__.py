"""MkDocs plugin that turns `/// quiz` blocks into accessible multiple-choice widgets."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
