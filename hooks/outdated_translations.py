"""Translations whose originals changed since they were brought up to date: readers see a notice.

Once per full build, before the first language is built, the pages are compared with the
translation record (`docs/translations.yml`, see `translation_record.py`); every outdated
translation gets a notice at the top in its own language, and once every language is built the
log has one INFO line per outdated or unrecorded translation. Template counterpart:
`overrides/main.html` includes `overrides/partials/translation-outdated.html` where the page
context has `translation_outdated`. `translation_cli.py` is the command line (`make check`,
`make translated`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site_languages import (
    build_language,
    default_language,
    is_nested_build,
    is_one_language_preview,
)
from translation_notice import HeadingAnchors, Notice, page_notice
from translation_record import RecordError
from translation_status import StatusReport, TranslatedSite, TranslationStatus, outdated_message

log = get_plugin_logger("translations")


@dataclass
class FullBuild:
    """What the hooks know during one full build (every language)."""

    report: StatusReport | None = None
    outdated: dict[str, TranslationStatus] = field(default_factory=dict)
    anchors: HeadingAnchors | None = None

    def start(self, report: StatusReport | None) -> None:
        """Forget the last build; keep this one's comparison (None: nothing to compare)."""
        self.report, self.anchors = report, None
        self.outdated = {status.path: status for status in report.outdated} if report else {}


build = FullBuild()


def on_pre_build(config: MkDocsConfig) -> None:
    """Compare the translations with the record, once per full build."""
    if is_nested_build(config):
        return
    # A one-language preview does not know which language is the original.
    build.start(None if is_one_language_preview(config) else compare_with_record(config))


def compare_with_record(config: MkDocsConfig) -> StatusReport | None:
    """Return how the translations compare with the record; None (and a warning) if damaged."""
    site = TranslatedSite.from_config(config)
    try:
        record = site.read_record()
    except RecordError as error:
        log.warning(str(error))
        return None
    except OSError as error:
        raise PluginError(f"Cannot read {site.record_name}: {error.strerror}") from error
    return site.status(record)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give an outdated translation's template the notice to show."""
    notice = translation_notice(page, config)
    if notice is not None:
        context["translation_outdated"] = notice
    return context


@event_priority(-150)  # after static-i18n's on_post_build (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    """List the outdated and unrecorded translations, once per full build."""
    if is_nested_build(config) or build.report is None:
        return
    for warning in build.report.warnings:
        log.warning(warning)
    for status in build.report.outdated:
        log.info(outdated_message(status))
    for note in build.report.notes:
        log.info(note)


def translation_notice(page: Page, config: MkDocsConfig) -> Notice | None:
    """Return the notice of a page that translates an original changed since, if it is one."""
    language = build_language(config)
    # A fallback page (shown in a language it is not written in) is no translation.
    if getattr(page.file, "locale", language) != language:
        return None
    status = build.outdated.get(page.file.src_uri)
    if status is None:
        return None
    if build.anchors is None:
        build.anchors = HeadingAnchors(config.mdx_configs.get("toc", {}))
    original_language = status.original.split("/", 1)[0]
    link = get_relative_url(original_url(page, status.original, config), page.url)
    return page_notice(status, (language, original_language), link, build.anchors)


def original_url(page: Page, original: str, config: MkDocsConfig) -> str:
    """Return the site URL of the original `original` (such as `zh/page.md`) of a page."""
    language = original.split("/", 1)[0]
    # static-i18n keeps each page's versions in the File's `alternates` (not public API);
    # without it, the URL is derived from the path as static-i18n lays the site out.
    alternate = getattr(page.file, "alternates", {}).get(language)
    if alternate is not None:
        return str(alternate.url)
    file = File(original, config.docs_dir, config.site_dir, config.use_directory_urls)
    if language != default_language(config):
        return str(file.url)
    # Without it: the default language is built at the site root, the others in their folder.
    return str(file.url).removeprefix(f"{language}/")
