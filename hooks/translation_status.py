"""Which translations are behind their originals, and which sections of the originals changed.

A page's versions are the files of the same name in the language folders (`zh/page.md`,
`en/page.md`). The original is the default language's version, unless the front matter of a
version names another language (`original: en`); every other version translates it. The record
says what each original looked like when its translation was last brought up to date; sections
are matched in order: sections left as they were anchor the match; between them, sections with
the same heading are that section changed, the others pair up in order (a renamed heading is that
section changed) and the rest were added to or removed from the original.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from site_languages import all_languages, default_language
from translation_record import RECORD_NAME, RecordedSection, RecordEntry, read_record
from translation_sections import FRONT_MATTER, PageSections, Section, split_page

ORIGINAL_KEY = "original"
CHANGED, ADDED, REMOVED = "changed", "added", "removed"


@dataclass(frozen=True)
class SectionChange:
    """One difference between an original as recorded and as it is now."""

    kind: str  # CHANGED, ADDED or REMOVED
    now: Section | None  # the original's section as it is now (None: removed)
    recorded_index: int | None  # its place in the record (None: added)


@dataclass(frozen=True)
class TranslationStatus:
    """A translation, its original, and how the original changed since the record."""

    path: str
    original: str
    translation_page: PageSections
    original_page: PageSections
    entry: RecordEntry | None  # None: not recorded yet (or recorded with another original)
    changes: tuple[SectionChange, ...] = ()

    @property
    def outdated(self) -> bool:
        """Tell whether the original changed since the translation was brought up to date."""
        return self.entry is not None and bool(self.changes)

    def recorded(self, change: SectionChange) -> RecordedSection | None:
        """Return the recorded section a change is about (None for an added one)."""
        if self.entry is None or change.recorded_index is None:
            return None
        return self.entry.sections[change.recorded_index]

    def counterpart(self, change: SectionChange) -> Section | None:
        """Return the translation's section that translates the recorded section of a change.

        The translation follows the original as recorded: its front matter translates the
        front matter, and its other sections translate the other sections, in order.
        """
        recorded = self.recorded(change)
        if self.entry is None or recorded is None or change.recorded_index is None:
            return None
        own = self.translation_page.sections
        if recorded.heading == FRONT_MATTER:
            return next((section for section in own if section.heading == FRONT_MATTER), None)
        before = self.entry.sections[: change.recorded_index]
        place = sum(1 for section in before if section.heading != FRONT_MATTER)
        body = [section for section in own if section.heading != FRONT_MATTER]
        return body[place] if place < len(body) else None


@dataclass
class StatusReport:
    """Every translation of a site, with the warnings and notes that reading them gave."""

    translations: list[TranslationStatus] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def outdated(self) -> list[TranslationStatus]:
        """Return the translations whose originals changed since the record."""
        return [status for status in self.translations if status.outdated]

    @property
    def unrecorded(self) -> list[TranslationStatus]:
        """Return the translations the record does not know (with this original) yet."""
        return [status for status in self.translations if status.entry is None]

    def find(self, path: str) -> TranslationStatus | None:
        """Return the status of the translation `path` (such as `en/page.md`), if it is one."""
        return next((status for status in self.translations if status.path == path), None)


@dataclass(frozen=True)
class TranslatedSite:
    """Where a site's pages and its translation record are, and its languages."""

    docs_dir: Path
    languages: tuple[str, ...]  # the default one first
    record_path: Path
    record_name: str  # the record's path as shown in messages, such as docs/translations.yml

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> TranslatedSite:
        """Return the site a MkDocs configuration describes (static-i18n's languages)."""
        docs_dir = Path(config.docs_dir)
        record_path = docs_dir / RECORD_NAME
        project = Path(config.config_file_path or ".").resolve().parent
        shown = Path(os.path.relpath(record_path.resolve(), project)).as_posix()
        languages = [default_language(config), *all_languages(config)]
        return cls(docs_dir, tuple(dict.fromkeys(languages)), record_path, shown)

    def read_record(self) -> dict[str, RecordEntry]:
        """Return the record's entries; RecordError says where it is damaged."""
        return read_record(self.record_path, self.record_name)

    def status(self, record: Mapping[str, RecordEntry]) -> StatusReport:
        """Compare every translation of the site with the record."""
        return site_status(
            self.docs_dir, self.languages, self.languages[0], record, self.record_name
        )


def site_status(
    docs_dir: Path,
    languages: Sequence[str],
    default: str,
    record: Mapping[str, RecordEntry],
    record_name: str,
) -> StatusReport:
    """Compare every translation under `docs_dir` with the record."""
    report = StatusReport()
    for _, versions in sorted(language_versions(docs_dir, languages).items()):
        pages = {path: read_page(docs_dir / path) for path in versions.values()}
        original = original_language(versions, pages, languages, default, report.warnings)
        if original is None:
            continue
        for path in versions.values():
            if path != versions[original]:
                report.translations.append(
                    translation_status(path, versions[original], pages, record.get(path))
                )
    report.notes = _record_notes(report.translations, record, record_name)
    return report


def _record_notes(
    translations: Sequence[TranslationStatus], record: Mapping[str, RecordEntry], record_name: str
) -> list[str]:
    """Return a note for each translation the record lacks, and each entry it no longer needs."""
    notes = []
    known = {status.path: status for status in translations}
    for path, status in known.items():
        if path not in record:
            notes.append(
                f"{path} translates {status.original} and is not in {record_name} yet, so it "
                "counts as up to date; run 'make translated' to record it"
            )
        elif status.entry is None:
            entry = record[path]
            notes.append(
                f"{record_name}:{entry.line}: {path} is recorded as a translation of "
                f"{entry.original}, but its original is now {status.original}; run "
                f"'make translated' to record it as up to date with {status.original}"
            )
    notes += [
        f"{record_name}:{entry.line}: {path} is no longer a translation of {entry.original}; "
        "run 'make translated' to drop its entry"
        for path, entry in sorted(record.items())
        if path not in known
    ]
    return notes


def language_versions(docs_dir: Path, languages: Sequence[str]) -> dict[str, dict[str, str]]:
    """Return, for each page path in a language folder, its versions by language."""
    versions: dict[str, dict[str, str]] = {}
    for language in languages:
        folder = docs_dir / language
        for source in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            slug = source.relative_to(folder).as_posix()
            versions.setdefault(slug, {})[language] = f"{language}/{slug}"
    return versions


def read_page(path: Path) -> PageSections:
    """Return the sections of a Markdown file, read again only once it has changed."""
    # `mkdocs serve` compares every page on each rebuild; a save changes one of them.
    stat = path.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    known = _pages_read.get(path)
    if known is not None and known[0] == version:
        return known[1]
    page = split_page(path.read_text(encoding="utf-8-sig"))
    _pages_read[path] = (version, page)
    return page


_pages_read: dict[Path, tuple[tuple[int, int], PageSections]] = {}


def original_language(
    versions: Mapping[str, str],
    pages: Mapping[str, PageSections],
    languages: Sequence[str],
    default: str,
    warnings: list[str],
) -> str | None:
    """Return the language of a page's original (None when there is nothing to compare)."""
    claims = [
        (path, line, value)
        for path in versions.values()
        for line, value in [original_claim(path, pages[path], languages, warnings)]
        if value is not None
    ]
    if claims:
        first_path, first_line, named = claims[0]
        other = next((claim for claim in claims if claim[2] != named), None)
        if other is not None:
            warnings.append(
                f"{other[0]}:{other[1]}: front matter 'original: {other[2]}' disagrees with "
                f"'original: {named}' in {first_path}:{first_line}; name the same original in "
                "every version"
            )
        elif named in versions:
            return named if len(versions) > 1 else None
        else:
            slug = first_path.split("/", 1)[1]
            warnings.append(
                f"{first_path}:{first_line}: front matter 'original: {named}' names "
                f"{named}/{slug}, which does not exist; name a version that exists, or remove "
                "the line"
            )
    if len(versions) < 2:
        return None
    return default if default in versions else next(lang for lang in languages if lang in versions)


def original_claim(
    path: str, page: PageSections, languages: Sequence[str], warnings: list[str]
) -> tuple[int, str | None]:
    """Return the line of a version's `original:` key and the language it names, if valid."""
    if ORIGINAL_KEY not in page.front_matter:
        return 0, None
    value: Any = page.front_matter[ORIGINAL_KEY]
    line = next(
        (
            number
            for number, text in enumerate(page.front_matter_lines, 1)
            if text.split(":", 1)[0].strip() == ORIGINAL_KEY
        ),
        1,
    )
    if isinstance(value, str) and value in languages:
        return line, value
    warnings.append(
        f"{path}:{line}: front matter 'original: {value}' is not a language of this site; "
        f"write one of {', '.join(f'original: {lang}' for lang in languages)}, or remove the line"
    )
    return line, None


def translation_status(
    path: str, original: str, pages: Mapping[str, PageSections], entry: RecordEntry | None
) -> TranslationStatus:
    """Return how the original of the translation `path` changed since the record."""
    if entry is None or entry.original != original:
        return TranslationStatus(path, original, pages[path], pages[original], None)
    changes = compare_sections(entry.sections, pages[original].sections)
    return TranslationStatus(path, original, pages[path], pages[original], entry, tuple(changes))


def compare_sections(
    recorded: Sequence[RecordedSection], now: Sequence[Section]
) -> list[SectionChange]:
    """Return the sections of an original that changed, were added or were removed."""
    digests = SequenceMatcher(
        None,
        [section.digest for section in recorded],
        [section.digest for section in now],
        autojunk=False,
    )
    changes: list[SectionChange] = []
    for tag, old_start, old_end, new_start, new_end in digests.get_opcodes():
        if tag != "equal":
            old, new = range(old_start, old_end), range(new_start, new_end)
            changes += _pair_sections(recorded, old, now, new)
    return changes


def _pair_sections(
    recorded: Sequence[RecordedSection], old: range, now: Sequence[Section], new: range
) -> list[SectionChange]:
    """Pair the sections of a stretch that differs: same heading first, then in order."""
    headings = SequenceMatcher(
        None, [recorded[i].heading for i in old], [now[j].heading for j in new], autojunk=False
    )
    changes = []
    for _, old_start, old_end, new_start, new_end in headings.get_opcodes():
        olds, news = old[old_start:old_end], new[new_start:new_end]
        changes += [SectionChange(CHANGED, now[j], i) for i, j in zip(olds, news, strict=False)]
        changes += [SectionChange(REMOVED, None, i) for i in olds[len(news) :]]
        changes += [SectionChange(ADDED, now[j], None) for j in news[len(olds) :]]
    return changes


def outdated_message(status: TranslationStatus) -> str:
    """Return the INFO line for an outdated translation: what changed, where, what to do."""
    changes = ", ".join(_describe(status, change) for change in status.changes)
    return (
        f"{status.path} is behind its original {status.original}: {changes}; update the "
        f"translation, then run 'make translated PAGE={status.path}'"
    )


def _describe(status: TranslationStatus, change: SectionChange) -> str:
    if change.now is not None:
        return f"{_name(change.now.heading)} {change.kind} ({status.original}:{change.now.lines})"
    recorded, translated = status.recorded(change), status.counterpart(change)
    where = f" (translated at {status.path}:{translated.lines})" if translated else ""
    return f"{_name(recorded.heading if recorded else '')} {REMOVED}{where}"


def _name(heading: str) -> str:
    return f'"{heading}"' if heading.startswith("#") else f"the {heading.strip('()')}"
