"""MkDocs event hooks of the quiz plugin: each hook hands its work to a module."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from quiz_plugin import assets_files, course, course_pages, parity, site, upstream
from quiz_plugin.config import QuizConfig
from quiz_plugin.extension import QuizExtension, QuizPage

log = get_plugin_logger(__name__)


class QuizPlugin(BasePlugin[QuizConfig]):
    """Turn `/// quiz` blocks into widgets, check translations' quizzes, show course progress."""

    def __init__(self) -> None:
        """Keep state that lives across the per-language builds of mkdocs-static-i18n."""
        self.extension = QuizExtension()
        self.extension.reporter = log.warning
        self.fingerprints: dict[tuple[str, str], str] = {}
        self.pages_with_quizzes: set[str] = set()
        # The quizzes of every page converted since the last parity report, by source path.
        self.converted: dict[str, parity.PageQuizzes] = {}
        self.assets_on_every_page = False
        self.course = course.Course()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Register the Markdown extension and, under instant navigation, the assets."""
        if not self.config.enabled:
            return config
        for missing in upstream.problems():
            raise PluginError(f"quiz_plugin: {missing}")
        if not any(isinstance(ext, QuizExtension) for ext in config.markdown_extensions):
            # First, so that the other blocks (admonition, details, tab) share its quicker manager.
            config.markdown_extensions.insert(0, self.extension)
        # `features:` left empty in mkdocs.yml reads as None.
        features = config.theme.get("features") or []
        self.assets_on_every_page = "navigation.instant" in features
        if self.assets_on_every_page:
            assets_files.add_to_every_page(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        """Serve the widget's and the progress's scripts and stylesheets."""
        if self.config.enabled:
            assets_files.add_asset_files(files, config)
        return files

    @event_priority(-150)  # after static-i18n's on_nav (-100) gave the language its home page
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Note the order of the chapters and the home page, for the course manifest."""
        if self.config.enabled:
            self.course.record_navigation(site.build_language(config), nav, config)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Tell the extension which page it converts: file, language and line offset."""
        language = site.build_language(config)
        self.extension.page = QuizPage(
            path=page.file.src_uri,
            language=language,
            line_offset=site.front_matter_lines(page, markdown),
            key_path=site.path_without_language(page.file.src_uri, config),
            shared_fingerprints=self.fingerprints,
            key_language=language == self._default_language(config),
        )
        return markdown

    def _default_language(self, config: MkDocsConfig) -> str:
        return self.config.default_language or site.default_language(config)

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Remember the page's quizzes: for its assets, the parity report and the manifest."""
        reports, self.extension.reports = self.extension.reports, []
        if any(report.quiz for report in reports):
            self.pages_with_quizzes.add(page.file.dest_uri)
        path = page.file.src_uri
        self.converted[path] = parity.PageQuizzes(path, path.split("/")[0], reports)
        language = site.build_language(config)
        self.course.record_page(language, page, reports, config)
        if self.course.page_kind(language, page) == "home":
            return course_pages.add_tools(html, page.url, language)
        return html

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """End a chapter with the next chapter (every page of the language is converted now)."""
        language = site.build_language(config)
        if page.content and self.course.page_kind(language, page) == "chapter":
            following = self.course.next_chapter(language, page, config)
            home = self.course.homes.get(language)
            page.content += course_pages.render_next(language, page.url, following, home)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        """Link the widget's assets (pages with a quiz) and the progress script (home, chapters)."""
        url = page.url or page.file.url
        if not self.assets_on_every_page and page.file.dest_uri in self.pages_with_quizzes:
            output = assets_files.add_to_page(output, url)
        language = site.build_language(config)
        kind = self.course.page_kind(language, page)
        if kind is not None:
            # Instant navigation keeps the first page's <head>: it needs every kind's strings.
            labels_kind = "home" if self.assets_on_every_page else kind
            output = course_pages.add_script(output, url, language, labels_kind)
        return output

    @event_priority(-150)  # after static-i18n's on_post_build (-100) built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Once per full build: compare translations' quizzes, write the course manifest."""
        if not parity.all_languages_built(config):
            return
        if self.config.parity:
            parity.log_report(parity.check_site(config, known=self.converted))
            self.converted = {}
        if self.config.enabled:
            course.write_manifest(self.course, config)
