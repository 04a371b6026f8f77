"""Command line of the translation record: which translations are behind, and recording them.

    python hooks/translation_cli.py check [--strict]    # make check, make check STRICT=1
    python hooks/translation_cli.py record [PAGE ...]   # make translated [PAGE=en/page.md]

Not a hook (mkdocs.yml does not list it): run as a script, its folder is on `sys.path`, so it
imports the modules the hooks share by their plain names, as the hooks do.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from site_languages import is_one_language_preview
from translation_record import RecordEntry, RecordError, write_record
from translation_status import StatusReport, TranslatedSite, TranslationStatus, outdated_message

config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The site's configuration: its docs folder and static-i18n's languages.",
)


@click.group()
def main() -> None:
    """Check and record which state of its original each translation follows."""


@main.command()
@config_option
@click.option("--strict", is_flag=True, help="Exit with 1 if any translation is behind.")
def check(config_file: Path, strict: bool) -> None:
    """List the translations whose originals changed since the record, without building.

    Exits with 1 on a warning (a damaged record, a wrong `original:` in a front matter) and,
    with --strict, if a translation is behind its original.
    """
    site = _site(config_file)
    report = site.status(_read_record(site))
    _echo_report(report)
    if report.warnings or (strict and report.outdated):
        raise SystemExit(1)


@main.command()
@config_option
@click.option(
    "--all",
    "every_translation",
    is_flag=True,
    help="Record every translation, outdated or not: after a change of the originals that "
    "needs no translation, such as their punctuation.",
)
@click.argument("pages", nargs=-1, metavar="[PAGE]...")
def record(config_file: Path, every_translation: bool, pages: tuple[str, ...]) -> None:
    """Record translations as up to date with their originals as they are now.

    PAGE is a translation, such as en/post-training.md (docs/en/post-training.md works too).
    Without PAGE, records every translation the record does not know yet and drops the entries
    of pages that are no longer translations. The record is left untouched on any error.
    """
    site = _site(config_file)
    entries = _read_record(site)
    report = site.status(entries)
    if report.warnings:
        for warning in report.warnings:
            click.echo(f"WARNING -  {warning}")
        raise click.ClickException("fix the warnings above first; nothing was recorded")
    if pages:
        chosen = [_translation(site, report, page) for page in pages]
    elif every_translation:
        chosen = report.translations
    else:
        chosen = report.unrecorded
    updated = _updated(entries, report, chosen, drop_stale=not pages)
    if updated == entries:
        click.echo(f"Nothing to record: {site.record_name} is up to date.")
        return
    write_record(site.record_path, updated)
    for line in _record_summary(entries, updated, chosen):
        click.echo(line)


def _site(config_file: Path) -> TranslatedSite:
    try:
        config = load_config(str(config_file))
    except ConfigurationError as error:
        raise click.UsageError(f"{config_file}: {error}") from None
    if is_one_language_preview(config):
        raise click.UsageError(
            f"{config_file}: static-i18n's build_only_locale (BUILD_ONLY_LOCALE) is set, so its "
            "default language is not the site's; unset it"
        )
    return TranslatedSite.from_config(config)


def _read_record(site: TranslatedSite) -> dict[str, RecordEntry]:
    try:
        return site.read_record()
    except RecordError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot read {site.record_name}: {error.strerror}") from None


def _echo_report(report: StatusReport) -> None:
    for status in report.outdated:
        click.echo(f"INFO    -  {outdated_message(status)}")
    for note in report.notes:
        click.echo(f"INFO    -  {note}")
    for warning in report.warnings:
        click.echo(f"WARNING -  {warning}")
    summary = []
    if report.outdated:
        summary.append(f"{len(report.outdated)} behind")
    if report.unrecorded:
        summary.append(f"{len(report.unrecorded)} not recorded yet")
    click.echo(
        f"Compared {_count(len(report.translations), 'translation')} with their originals: "
        f"{', '.join(summary) or 'all up to date'}."
    )


def _translation(site: TranslatedSite, report: StatusReport, page: str) -> TranslationStatus:
    """Return the translation a PAGE argument names; a clear error if it names none."""
    path = _docs_path(site, page)
    if path is None or not (site.docs_dir / path).is_file():
        raise click.BadParameter(
            f"{page} does not exist: name a page of the docs folder, such as "
            f"{report.translations[0].path if report.translations else 'en/page.md'}",
            param_hint="PAGE",
        )
    status = report.find(path)
    if status is not None:
        return status
    translations = [other.path for other in report.translations if other.original == path]
    if translations:
        raise click.ClickException(
            f"{path} is the original of its page, not a translation; record its translation "
            f"instead: make translated PAGE={translations[0]}"
        )
    raise click.ClickException(
        f"{path} has no original: no other language folder has {path.split('/', 1)[-1]}; "
        "nothing to record"
    )


def _docs_path(site: TranslatedSite, page: str) -> str | None:
    """Return PAGE relative to the docs folder (`en/page.md`), whichever way it was written."""
    docs = site.docs_dir.resolve()
    for candidate in (Path(page), docs / page):
        resolved = candidate.resolve()
        if resolved.is_file() and resolved.is_relative_to(docs):
            return resolved.relative_to(docs).as_posix()
    return None


def _updated(
    entries: dict[str, RecordEntry],
    report: StatusReport,
    chosen: Sequence[TranslationStatus],
    *,
    drop_stale: bool,
) -> dict[str, RecordEntry]:
    """Return the record with the chosen translations up to date (and stale entries dropped)."""
    translations = {status.path for status in report.translations}
    updated = {
        path: entry for path, entry in entries.items() if path in translations or not drop_stale
    }
    for status in chosen:
        entry = RecordEntry.of(status.original, status.original_page.sections)
        old = updated.get(status.path)
        updated[status.path] = old if old is not None and old.same_state(entry) else entry
    return updated


def _record_summary(
    entries: dict[str, RecordEntry],
    updated: dict[str, RecordEntry],
    chosen: Sequence[TranslationStatus],
) -> list[str]:
    lines = []
    for status in chosen:
        if entries.get(status.path) is updated[status.path]:
            lines.append(f"{status.path} was already up to date with {status.original}.")
            continue
        was = f"{_count(len(status.changes), 'section')} had changed" if status.outdated else "new"
        lines.append(f"Recorded {status.path} as up to date with {status.original} ({was}).")
        lines += _structure_note(status)
    lines += [
        f"Dropped {path} from the record: it is no longer a translation."
        for path in sorted(set(entries) - set(updated))
    ]
    return lines


def _structure_note(status: TranslationStatus) -> list[str]:
    """Say so when a translation's sections do not follow its original's, one for one."""
    own = [section for section in status.translation_page.sections if section.is_heading]
    original = [section for section in status.original_page.sections if section.is_heading]
    if len(own) == len(original):
        return []
    return [
        (
            f"Note: {status.path} has {len(own)} headings and {status.original} has "
            f"{len(original)}; the notice names a translation's sections by their place, so give "
            "both the same headings in the same order."
        )
    ]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main(prog_name="python hooks/translation_cli.py")
