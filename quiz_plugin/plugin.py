"""MkDocs event hooks of the quiz plugin: each hook hands its work to a module."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from quiz_plugin import assets_files, parity, site, upstream
from quiz_plugin.config import QuizConfig
from quiz_plugin.extension import QuizExtension, QuizPage

log = get_plugin_logger(__name__)


class QuizPlugin(BasePlugin[QuizConfig]):
    """Turn `/// quiz` blocks into widgets, and check that translations keep the same quizzes."""

    def __init__(self) -> None:
        """Keep state that lives across the per-language builds of mkdocs-static-i18n."""
        self.extension = QuizExtension()
        self.extension.reporter = log.warning
        self.fingerprints: dict[tuple[str, str], str] = {}
        self.pages_with_quizzes: set[str] = set()
        # The quizzes of every page converted since the last parity report, by source path.
        self.converted: dict[str, parity.PageQuizzes] = {}
        self.assets_on_every_page = False

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
        """Serve the widget's script and stylesheet."""
        if self.config.enabled:
            assets_files.add_asset_files(files, config)
        return files

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
        """Remember the page's quizzes: for its assets, and for the parity report."""
        reports, self.extension.reports = self.extension.reports, []
        if any(report.quiz for report in reports):
            self.pages_with_quizzes.add(page.file.dest_uri)
        path = page.file.src_uri
        self.converted[path] = parity.PageQuizzes(path, path.split("/")[0], reports)
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        """Link the script and stylesheet from pages that have a quiz."""
        if self.assets_on_every_page or page.file.dest_uri not in self.pages_with_quizzes:
            return output
        return assets_files.add_to_page(output, page.url or page.file.url)

    @event_priority(-150)  # after static-i18n's on_post_build (-100) built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Compare each page's quizzes with its translations, once per full build."""
        if self.config.parity and parity.all_languages_built(config):
            parity.log_report(parity.check_site(config, known=self.converted))
            self.converted = {}
