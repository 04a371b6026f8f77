"""The sites `benchmarks.search_eval` searches: the project's own, and an English-only anchor.

The anchor is what an English-only Material site gets: the English pages alone at the site root
and Material's search as it comes (the plugin without options, so its English defaults: `lang:
[en]`, separator `[\\s\\-]+`, pipeline `stopWordFilter`; Material's own worker), without the
site's hooks and template overrides. The project's Markdown extensions, stylesheet and quiz
plugin stay, so that both index the same text (the plugin keeps answers out of both indexes).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config

from benchmarks.common import bench_env, mkdocs_command, timed_run

ANCHOR_LANGUAGE = "en"


def build_project(project: Path, site: Path, url: str) -> Path:
    """Build `project` strictly into `site`, for both languages, as it is published."""
    env = bench_env(SITE_URL=url)
    for name in ("BUILD_ONLY_LOCALE", "SEARCH", "QUIZ_PARITY"):
        env.pop(name, None)
    command = mkdocs_command("build", "--strict", "-q", "-f", str(project / "mkdocs.yml"))
    timed_run([*command, "-d", str(site)], env, cwd=project)
    return site


def build_anchor(project: Path, folder: Path, url: str) -> Path:
    """Write the English-only copy of `project` into `folder`, build it, return its site."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = copy_language_docs(project / "docs", folder / "docs", ANCHOR_LANGUAGE)
    config = folder / "mkdocs.yml"
    config.write_text(anchor_config(project / "mkdocs.yml", docs, url), encoding="utf-8")
    site = folder / "site"
    command = mkdocs_command("build", "--strict", "-q", "-f", str(config), "-d", str(site))
    timed_run(command, bench_env(), cwd=folder)
    return site


def copy_language_docs(source: Path, destination: Path, language: str) -> Path:
    """Copy one language's pages to the root of `destination`, with the shared files."""
    shutil.copytree(source / language, destination)
    for entry in source.iterdir():
        if entry.is_dir() and not (entry / "index.md").exists():
            shutil.copytree(entry, destination / entry.name, dirs_exist_ok=True)
        elif entry.is_file():
            shutil.copy(entry, destination / entry.name)
    return destination


def anchor_config(project_config: Path, docs: Path, url: str) -> str:
    """Return the project's mkdocs.yml as an English-only site with Material's stock search."""
    loaded = load_config(str(project_config))
    language = next(
        entry for entry in loaded.plugins["i18n"].config.languages if entry.locale == "en"
    )
    names = language.nav_translations or {}
    nav = [{names.get(title, title): page} for item in loaded.nav for title, page in item.items()]
    root = yaml.compose(project_config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    replace(root, "site_name", language.site_name)
    replace(root, "site_description", language.site_description)
    replace(root, "site_url", url)
    replace(root, "docs_dir", str(docs))
    replace(root, "nav", nav)
    replace(root, "plugins", ["search", {"quiz": {"parity": False}}])
    replace(root, "hooks", [])
    theme = value_of(root, "theme")
    replace(theme, "language", ANCHOR_LANGUAGE)
    remove(theme, "custom_dir")
    remove(theme, "icon")  # the course's logo lives in the overrides (custom_dir)
    return str(yaml.serialize(root, allow_unicode=True))


def value_of(mapping: yaml.MappingNode, key: str) -> Any:
    """Return the node of `key` in a YAML mapping node."""
    return next(value for name, value in mapping.value if name.value == key)


def replace(mapping: yaml.MappingNode, key: str, value: object) -> None:
    """Set `key` of a YAML mapping node to `value`, keeping every other node (and its tags)."""
    remove(mapping, key)
    node = yaml.compose(yaml.safe_dump(value, allow_unicode=True), Loader=yaml.SafeLoader)
    mapping.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", key), node))


def remove(mapping: yaml.MappingNode, key: str) -> None:
    """Remove `key` from a YAML mapping node, if it is there."""
    mapping.value[:] = [(name, value) for name, value in mapping.value if name.value != key]
