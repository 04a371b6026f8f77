"""What the notice above an outdated translation says: its sections, named and linked.

Sections are named by their headings in the translation (the page's language) and linked to the
same section of the original, at the anchor the site's `toc` extension gives the original's
heading. Template counterpart: `overrides/partials/translation-outdated.html`.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown import Markdown

from translation_sections import FRONT_MATTER, RE_HEADING, Section
from translation_status import ADDED, REMOVED, SectionChange, TranslationStatus


@dataclass(frozen=True)
class NoticeSection:
    """One section the notice lists."""

    change: str  # changed, added or removed
    name: str | None  # the heading's text (None: the text above the first heading)
    language: str  # the language the name is in
    href: str | None  # the section of the original (None: removed from it)


@dataclass(frozen=True)
class Notice:
    """The notice of one translated page: its original and the sections that differ."""

    original_language: str
    original_url: str
    sections: tuple[NoticeSection, ...]


class HeadingAnchors:
    """Name and anchor of each heading, as the site's `toc` extension makes them."""

    def __init__(self, toc_config: Mapping[str, Any]) -> None:
        """Use the site's `toc` settings: its `slugify` function and separator."""
        settings = {**toc_config, "toc_depth": 6, "permalink": False, "anchorlink": False}
        self.markdown = Markdown(
            extensions=["toc", "attr_list"], extension_configs={"toc": settings}
        )

    def of(self, sections: Sequence[Section]) -> dict[Section, tuple[str, str]]:
        """Return the name and anchor of each section that starts at a heading."""
        headings = [section for section in sections if section.is_heading]
        # Converted together, as on the page: a repeated heading gets the next free anchor.
        self.markdown.reset().convert("\n\n".join(section.heading for section in headings))
        tokens = list(_flatten(getattr(self.markdown, "toc_tokens", [])))
        return {
            section: (html.unescape(token["name"]), str(token["id"]))
            for section, token in zip(headings, tokens, strict=False)
        }


def _flatten(tokens: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for token in tokens:
        yield token
        yield from _flatten(token.get("children", []))


def page_notice(
    status: TranslationStatus,
    languages: tuple[str, str],
    original_url: str,
    anchors: HeadingAnchors,
) -> Notice | None:
    """Return the notice of an outdated translation, or None when readers see no difference.

    `languages` are the translation's and the original's. Readers never see the front matter:
    a change there is for contributors only.
    """
    headings = _Headings(
        anchors.of(status.translation_page.sections),
        anchors.of(status.original_page.sections),
        languages,
    )
    sections = tuple(
        headings.notice_section(status, change, original_url)
        for change in status.changes
        if not _in_front_matter(status, change)
    )
    return Notice(languages[1], original_url, sections) if sections else None


def _in_front_matter(status: TranslationStatus, change: SectionChange) -> bool:
    recorded = status.recorded(change)
    return FRONT_MATTER in (
        getattr(change.now, "heading", None),
        getattr(recorded, "heading", None),
    )


@dataclass(frozen=True)
class _Headings:
    """The names and anchors of the headings of a translation and of its original."""

    translation: dict[Section, tuple[str, str]]
    original: dict[Section, tuple[str, str]]
    languages: tuple[str, str]

    def notice_section(
        self, status: TranslationStatus, change: SectionChange, original_url: str
    ) -> NoticeSection:
        """Name a change by the translation's heading where there is one, else the original's."""
        counterpart = status.counterpart(change) if change.kind != ADDED else None
        translated = self.translation.get(counterpart) if counterpart else None
        original = self.original.get(change.now) if change.now else None
        href = None if change.kind == REMOVED else original_url
        if href is not None and original is not None:
            href = f"{href}#{original[1]}"
        if translated is not None:
            return NoticeSection(change.kind, translated[0], self.languages[0], href)
        if original is not None:
            return NoticeSection(change.kind, original[0], self.languages[1], href)
        recorded = status.recorded(change)
        if recorded is not None and recorded.heading.startswith("#"):
            match = RE_HEADING.match(recorded.heading)
            name = match["text"].strip() if match else recorded.heading
            return NoticeSection(change.kind, name, self.languages[1], href)
        # The text above the first heading.
        return NoticeSection(change.kind, None, self.languages[0], href)
