"""Keep the theme's compiled templates between builds.

MkDocs creates a fresh Jinja environment for every build, and static-i18n builds once per
language, so the theme's ~85 templates are compiled again for each language and, under
`mkdocs serve`, on every save: about a third of a rebuild of this site. Jinja's bytecode cache
keeps the compiled code in the system's temporary folder, checked against each template's
source, so an edited or upgraded template is compiled afresh.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the build's template environment the shared bytecode cache."""
    if env.bytecode_cache is None:
        env.bytecode_cache = FileSystemBytecodeCache()
    return env
