"""What the course progress adds to pages: its script, the outline's tools, the next chapter.

The home page's outline is the `<div class="course-outline" id="course-outline" markdown>`
around its table of chapters. The build writes its tools there, hidden until the script shows
them (so without JavaScript, or with storage blocked, the outline reads as written), and links
their stylesheet right before the outline. A chapter ends with a link to the next chapter, or
says that it is still being written.
"""

from __future__ import annotations

import html
import re

from mkdocs.utils import get_relative_url

from quiz_plugin.assets_files import PROGRESS_SCRIPT, PROGRESS_STYLESHEET
from quiz_plugin.course import ChapterPage
from quiz_plugin.course_labels import PageKind, course_labels_for, script_labels
from quiz_plugin.render import SEARCH_EXCLUDE

OUTLINE_ID = "course-outline"
RE_OUTLINE = re.compile(r'<div\b[^>]*\bclass="course-outline"[^>]*>')
RE_DIV_END = re.compile(r"</div>")


def add_script(output: str, page_url: str, language: str, kind: PageKind) -> str:
    """Link the progress script from a page's `<head>` (deferred), with the strings it needs."""
    head, marker, rest = output.partition("</head>")
    if not marker:
        return output
    script = get_relative_url(PROGRESS_SCRIPT, page_url)
    labels = html.escape(script_labels(language, kind))
    tag = (
        f'<script src="{script}" data-course-language="{html.escape(language)}" '
        f'data-course-labels="{labels}" defer></script>\n'
    )
    return f"{head}{tag}{marker}{rest}"


def add_tools(content: str, page_url: str, language: str) -> str:
    """Write the tools at the end of the home page's outline, and link their stylesheet."""
    outline = RE_OUTLINE.search(content)
    end = RE_DIV_END.search(content, outline.end()) if outline else None
    if outline is None or end is None:
        return content
    stylesheet = f'<link rel="stylesheet" href="{get_relative_url(PROGRESS_STYLESHEET, page_url)}">'
    return "".join(
        (
            content[: outline.start()],
            stylesheet,
            content[outline.start() : end.start()],
            render_tools(language),
            content[end.start() :],
        )
    )


def render_tools(language: str) -> str:
    """Return the tools' markup: a hint, export, import and reset, and a status region."""
    labels = course_labels_for(language)
    buttons = " ".join(
        f'<button type="button" class="course-tools__button" data-course-action="{action}">'
        f"{html.escape(labels[action])}</button>"
        for action in ("export", "import", "reset")
    )
    return (
        f'<div class="course-tools" hidden {SEARCH_EXCLUDE}>\n'
        f'<p class="course-tools__hint">{html.escape(labels["hint"])}</p>\n'
        f'<div class="course-tools__buttons">{buttons}</div>\n'
        '<input type="file" class="course-tools__file" accept=".json,application/json" hidden>\n'
        '<p class="course-tools__status" role="status"></p>\n'
        "</div>\n"
    )


def render_next(
    language: str, page_url: str, next_chapter: ChapterPage | None, home_url: str | None
) -> str:
    """Return the chapter's last line: the next chapter's link, or the note that it is planned."""
    labels = course_labels_for(language)
    if next_chapter is not None:
        link = _link(get_relative_url(next_chapter.url, page_url), next_chapter.title)
        text = f"{html.escape(labels['next'])}{link}"
    else:
        outline = html.escape(labels["outline"])
        if home_url is not None:
            outline = _link(
                f"{get_relative_url(home_url, page_url)}#{OUTLINE_ID}", labels["outline"]
            )
        before, _, after = labels["planned"].partition("{outline}")
        text = f"{html.escape(before)}{outline}{html.escape(after)}"
    return f'<p class="course-next" {SEARCH_EXCLUDE}>{text}</p>\n'


def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'
