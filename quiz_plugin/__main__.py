"""Command line: `python -m quiz_plugin check docs/` compares quizzes across translations."""

from __future__ import annotations

from pathlib import Path

import click
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from quiz_plugin import parity


@click.group()
def main() -> None:
    """Tools for the quizzes of a bilingual MkDocs site."""


@main.command()
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--config-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Take the languages and Markdown extensions from this mkdocs.yml (static-i18n) "
    "instead of DOCS_DIR's folders named like locales.",
)
@click.option(
    "-d",
    "--default-language",
    metavar="LOCALE",
    help="Language the others are compared with (default: static-i18n's default with -f, "
    "else the folder with the most pages, the first in alphabetical order on a tie).",
)
def check(docs_dir: Path, config_file: Path | None, default_language: str | None) -> None:
    """Compare the quizzes of DOCS_DIR's language folders without building the site.

    Lists pages that exist in one language only, every quiz that differs between a page and
    its translation, and every malformed quiz. Exits with 1 if there is any warning.
    """
    config = _load_config(config_file) if config_file is not None else None
    languages = _languages(docs_dir, config)
    if len(languages) < 2:
        click.echo(f"Nothing to compare: found fewer than two languages in {docs_dir}.")
        return
    default = default_language or languages[0]
    if default not in languages:
        raise click.BadParameter(f"'{default}' is not one of {', '.join(languages)}")
    warnings: list[str] = []
    extensions = parity.STRUCTURE_EXTENSIONS if config is None else parity.site_extensions(config)
    report = parity.compare_languages(
        docs_dir, default, languages, parity.QuizReader(extensions, warnings.append)
    )
    warnings += report.warnings
    for note in report.notes:
        click.echo(f"INFO    -  {note}")
    for warning in warnings:
        click.echo(f"WARNING -  {warning}")
    others = ", ".join(language for language in languages if language != default)
    click.echo(f"Compared {others} with {default}: {_count(len(warnings), 'warning')}.")
    if warnings:
        raise SystemExit(1)


def _load_config(config_file: Path) -> MkDocsConfig:
    try:
        return load_config(str(config_file))
    except ConfigurationError as error:
        raise click.UsageError(f"{config_file}: {error}") from None


def _languages(docs_dir: Path, config: MkDocsConfig | None) -> list[str]:
    """Return the languages to compare, the default (or most likely original) first."""
    if config is not None:
        found = parity.site_languages(config)
        if found is None:
            return []
        default, languages = found
        return [default, *(language for language in languages if language != default)]
    folders = parity.locale_folders(docs_dir)
    # The original language is usually the most complete one; sorted() keeps ties alphabetical.
    return sorted(folders, key=lambda folder: -len(parity.markdown_pages(docs_dir / folder)))


def _count(number: int, noun: str) -> str:
    return f"no {noun}s" if number == 0 else f"{number} {noun}" + ("s" if number > 1 else "")


if __name__ == "__main__":
    main(prog_name="python -m quiz_plugin")
