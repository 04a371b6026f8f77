"""A real `mkdocs serve` keeps running through a broken quiz and shows it fixed again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.build import copy_project, free_port

pytestmark = pytest.mark.serve

OVERALL_SECONDS = 90.0
POLL_SECONDS = 0.2
CHAPTER = "zh/post-training.md"
# One parity note per full build: it counts the builds, whatever static-i18n runs inside them.
DRAFT_NOTE = "zh/draft.md has no en version (en/draft.md does not exist)"
STARTED = "Building documentation..."


class Server:
    """A `mkdocs serve` subprocess whose terminal output goes to a file."""

    def __init__(self, project: Path, output: Path) -> None:
        self.port = free_port()
        self.output = output
        self.deadline = time.monotonic() + OVERALL_SECONDS
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
        command += ["--dev-addr", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml")]
        with output.open("w", encoding="utf-8") as sink:
            self.process = subprocess.Popen(
                command,
                cwd=project,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )

    def page(self, path: str) -> str:
        """Return the served page, or an empty string while the server is not answering."""
        url = f"http://127.0.0.1:{self.port}/{path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return ""

    def log(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        """Poll until `condition` holds; fail at the overall deadline or if the server died."""
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited ({self.process.returncode}):\n{self.log()}")
            if time.monotonic() > self.deadline:
                pytest.fail(f"timed out waiting for {what}; server output:\n{self.log()}")
            time.sleep(POLL_SECONDS)

    def stop(self) -> None:
        """Stop like Ctrl+C (so serve removes its temporary site), then harder if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        for escalate in (self.process.terminate, self.process.kill):
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                escalate()
            else:
                return
        self.process.wait(timeout=10)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "zh" / "draft.md").write_text("# 草稿\n", encoding="utf-8")
    return project


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[Server]:
    running = Server(project, tmp_path / "serve.log")
    try:
        yield running
    finally:
        running.stop()


def widget_shown(html: str) -> bool:
    return 'class="quiz"' in html and "quiz-error" not in html


def test_serve_survives_a_broken_quiz(project: Path, server: Server) -> None:
    chapter = project / "docs" / CHAPTER
    good = chapter.read_text(encoding="utf-8")
    page = CHAPTER.removeprefix("zh/").replace(".md", ".html")  # zh is the default language
    server.wait_for("the first build", lambda: widget_shown(server.page(page)))

    bad = good.replace("- [x] ", "- [ ] ", 1)
    line = good.splitlines().index("/// quiz") + 1
    warning = f"{CHAPTER}:{line}: quiz has no correct option; mark one with [x]"
    chapter.write_text(bad, encoding="utf-8")
    server.wait_for("the error box", lambda: "quiz-error" in server.page(page))
    server.wait_for("the warning in the terminal", lambda: warning in server.log())
    assert server.process.poll() is None, "mkdocs serve stopped on a content problem"

    chapter.write_text(good, encoding="utf-8")
    server.wait_for("the widget to come back", lambda: widget_shown(server.page(page)))

    def builds() -> list[str]:
        return server.log().split(STARTED)[1:]

    # Every build, the first and each rebuild, reports parity exactly once.
    server.wait_for("three reported builds", lambda: sum(DRAFT_NOTE in b for b in builds()) >= 3)
    assert [build.count(DRAFT_NOTE) for build in builds()[:3]] == [1, 1, 1]


# A header name YAML reads as a boolean, and a quiz inside a quiz.
NESTED_QUIZ = (
    "\n/// quiz\n    yes: true\n\nOuter?\n\n- [x] a\n- [ ] b\n\n"
    "/// quiz\nInner?\n\n- [x] c\n///\n///\n"
)


def test_serve_starts_on_input_that_once_crashed_the_build(project: Path, tmp_path: Path) -> None:
    chapter = project / "docs" / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8") + NESTED_QUIZ, encoding="utf-8")
    page = CHAPTER.removeprefix("zh/").replace(".md", ".html")
    running = Server(project, tmp_path / "crash.log")
    try:
        running.wait_for("the error boxes", lambda: server_page_boxes(running, page) == 2)
        assert "Traceback" not in running.log()
        assert "quiz contains another quiz" in running.log()
        assert running.process.poll() is None
    finally:
        running.stop()


def server_page_boxes(server: Server, page: str) -> int:
    return server.page(page).count("admonition failure quiz-error")
