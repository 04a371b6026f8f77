"""What the plugin relies on in pymdownx.blocks beyond its documented API, checked once.

CONTRIBUTING.md ("What the site relies on in other packages") lists every such reliance of the
site. The plugin's are checked here, when the plugin configures a build (a clear PluginError)
and when the extension extends a Markdown instance (a RuntimeError outside MkDocs):

- `Block._validate(parent, arg, **options)`: pymdownx.blocks calls it to accept or refuse a
  block's header. `QuizBlock` overrides it to accept every header, so that a wrong option is
  reported in place of the quiz instead of the block shown as plain text.
- `BlocksProcessor.trackers[name]`: the dict a block type's `tracker` is, kept by the manager
  for the page; the tree processor finds the page's quizzes there.

Checked with pymdown-extensions 13.1.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, cast

from markdown import Markdown
from pymdownx.blocks import BlocksProcessor
from pymdownx.blocks.block import Block

VALIDATE_PARAMETERS = ("self", "parent", "arg", "options")
ADVICE = "the quiz plugin needs pymdown-extensions 13.1 (see CONTRIBUTING.md)"


@functools.cache  # the installed package does not change while a process runs
def problems() -> tuple[str, ...]:
    """Return what is missing from pymdownx.blocks for the plugin (nothing: empty)."""
    found = []
    validate = getattr(Block, "_validate", None)
    if validate is None or tuple(inspect.signature(validate).parameters) != VALIDATE_PARAMETERS:
        found.append("pymdownx.blocks no longer validates headers with Block._validate")
    markdown = Markdown()
    if not isinstance(getattr(BlocksProcessor(markdown.parser, markdown), "trackers", None), dict):
        found.append("pymdownx.blocks' manager no longer keeps its blocks in `trackers`")
    return tuple(f"{problem}; {ADVICE}" for problem in found)


def trackers(manager: Any, name: str) -> dict[Any, Any]:
    """Return the manager's tracker of one block type (a clear error if it has none)."""
    tracked = getattr(manager, "trackers", None)
    if not isinstance(tracked, dict) or not isinstance(tracked.get(name), dict):
        # Not a wrong argument: pymdownx.blocks changed (a RuntimeError, as for the others).
        raise RuntimeError(  # noqa: TRY004
            f"pymdownx.blocks' manager has no tracker of '{name}' blocks; {ADVICE}"
        )
    return cast("dict[Any, Any]", tracked[name])
