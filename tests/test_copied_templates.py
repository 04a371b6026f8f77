"""Templates copied from Material and mkdocs-static-i18n: each is the original plus its edit.

When an upgrade changes an original, the comparison fails and says which file to copy again
(and which edit to make again); the edits are the documented ones, listed below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import material
import mkdocs_static_i18n
import pytest

from tests.helpers.build import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
STATIC_I18N = Path(mkdocs_static_i18n.__file__).parent / "custom_i18n_sitemap"
RE_COMMENT = re.compile(r"\{#-?.*?-?#\}", re.DOTALL)


@dataclass(frozen=True)
class Copy:
    """A copied template (or one block of it), where it came from and what was changed."""

    copy: str  # path in the project
    original: Path  # the installed original
    edits: tuple[tuple[str, str], ...]  # (original text, the copy's text), in order
    block: str | None = None  # only this Jinja block is copied

    def expected(self) -> str:
        """Return the original (or its block) with the edits made."""
        text = read_block(self.original, self.block)
        for old, new in self.edits:
            assert old in text, (
                f"{self.original.name} no longer has {old!r}: copy it again into {self.copy} "
                f"and make the edit again (see its leading comment)"
            )
            text = text.replace(old, new, 1)
        return normalized(text)

    def actual(self) -> str:
        """Return the copy (or its block) as the project has it."""
        return normalized(read_block(ROOT / self.copy, self.block))


def read_block(path: Path, block: str | None) -> str:
    """Return a template's text, or one of its blocks' (`{% block name %}` to its end)."""
    text = path.read_text(encoding="utf-8")
    if block is None:
        return text
    start = text.index(f"{{% block {block} %}}")
    return text[start : text.index("{% endblock %}", start) + len("{% endblock %}")]


def normalized(text: str) -> str:
    """Return a template without Jinja comments, blank lines and indentation."""
    lines = (line.strip() for line in RE_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in lines if line)


COPIES = [
    Copy(
        "overrides/main.html",
        MATERIAL / "base.html",
        (
            (
                '{% if page.canonical_url %}\n        <link rel="canonical"',
                (
                    '{% if is_fallback %}\n<meta name="robots" content="noindex">\n'
                    '{% elif page.canonical_url %}\n<link rel="canonical"'
                ),
            ),
            (
                (
                    "{% if config.extra.alternate is iterable %}\n"
                    "        {% for alt in config.extra.alternate %}\n"
                    '          <link rel="alternate" href="{{ alt.link | url }}" '
                    "hreflang=\"{{ alt.lang | d(lang.t('language')) }}\">\n"
                    "        {% endfor %}\n      {% endif %}"
                ),
                (
                    "{% for language, href in hreflang | default([]) %}\n"
                    '<link rel="alternate" href="{{ href }}" hreflang="{{ language }}">\n'
                    "{% endfor %}"
                ),
            ),
        ),
        block="site_meta",
    ),
    Copy(
        "overrides/main.html",
        MATERIAL / "base.html",
        (
            (
                "{% if page.meta and page.meta.title %}",
                (
                    "{% if page and page.is_index and page.is_top_level %}\n"
                    "<title>{{ config.site_name }}</title>\n"
                    "{% elif page.meta and page.meta.title %}"
                ),
            ),
            ("{% elif page.title and not page.is_homepage %}", "{% elif page.title %}"),
        ),
        block="htmltitle",
    ),
    Copy(
        "overrides/partials/search.html",
        MATERIAL / "partials" / "search.html",
        (
            (
                'data-md-component="search" role="dialog">',
                'data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
            ),
        ),
    ),
    Copy(
        "overrides/partials/footer.html",
        MATERIAL / "partials" / "footer.html",
        (
            (
                '<footer class="md-footer">',
                (
                    '{%- set colon = "：" if (config.theme.language or "en").startswith("zh") '
                    'else ": " -%}\n<footer class="md-footer">'
                ),
            ),
            (
                "{{ direction }}: {{ page.previous_page.title",
                "{{ direction }}{{ colon }}{{ page.previous_page.title",
            ),
            (
                "{{ direction }}: {{ page.next_page.title",
                "{{ direction }}{{ colon }}{{ page.next_page.title",
            ),
        ),
    ),
    Copy(
        "overrides/partials/javascripts/base.html",
        MATERIAL / "partials" / "javascripts" / "base.html",
        (
            (
                '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))',
                (
                    "__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem("
                    't.pathname+"."+e))}catch(e){return null}}'
                ),
            ),
            (
                "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(",
                "__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(",
            ),
        ),
    ),
    Copy(
        "overrides/sitemap.xml",
        STATIC_I18N / "sitemap.xml",
        (
            (
                "{%- for i18n_locale, i18n_file in file.alternates.items() %}",
                (
                    "{%- for i18n_locale, i18n_file in file.alternates.items() %}\n"
                    "{%- if i18n_file.locale is defined and i18n_file.locale != i18n_locale %}\n"
                    "{%- continue %}\n{%- endif %}"
                ),
            ),
        ),
    ),
]


@pytest.mark.parametrize("copy", COPIES, ids=lambda c: f"{c.copy} {c.block or ''}".strip())
def test_each_copy_is_its_original_with_its_edit(copy: Copy) -> None:
    assert copy.actual() == copy.expected(), (
        f"{copy.copy} differs from {copy.original} with its edits: if the original changed, "
        "copy it again and make the edits again"
    )


def test_every_copied_template_is_listed() -> None:
    # A copy says so in its leading comment ("Material's …", "mkdocs-static-i18n's …").
    copies = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "overrides").rglob("*")
        if path.suffix in (".html", ".xml")
        and re.search(r"\{#-\s*(Material's|mkdocs-static-i18n's)", path.read_text("utf-8"))
    }
    assert copies == {copy.copy for copy in COPIES}


def test_a_changed_original_fails_the_comparison(tmp_path: Path) -> None:
    original = tmp_path / "search.html"
    text = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8")
    original.write_text(text.replace("md-search__inner", "md-search__box"), encoding="utf-8")
    changed = Copy(COPIES[2].copy, original, COPIES[2].edits)
    assert changed.actual() != changed.expected()
