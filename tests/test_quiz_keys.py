"""The keys that saved answers are stored under."""

from __future__ import annotations

from quiz_plugin.extension import QuizPage
from tests.helpers.markdown import (
    SINGLE,
    convert,
)


def test_key_is_stable_across_builds() -> None:
    first = convert(SINGLE, page=QuizPage(key_path="chapter.md")).one("quiz").get("data-quiz-key")
    again = convert(SINGLE, page=QuizPage(key_path="chapter.md")).one("quiz").get("data-quiz-key")
    assert first == again


def test_key_differs_between_pages() -> None:
    one = convert(SINGLE, page=QuizPage(key_path="one.md")).one("quiz").get("data-quiz-key")
    two = convert(SINGLE, page=QuizPage(key_path="two.md")).one("quiz").get("data-quiz-key")
    assert one != two


def test_key_changes_when_the_question_changes() -> None:
    page = QuizPage(key_path="chapter.md")
    before = convert(SINGLE, page=page).one("quiz").get("data-quiz-key")
    after = convert(SINGLE.replace("right?", "correct?"), page=QuizPage(key_path="chapter.md"))
    assert after.one("quiz").get("data-quiz-key") != before


def test_translation_shares_the_keys_of_the_default_language() -> None:
    shared: dict[tuple[str, str], str] = {}
    zh = QuizPage(language="zh", key_path="chapter.md", shared_fingerprints=shared)
    en = QuizPage(
        language="en", key_path="chapter.md", shared_fingerprints=shared, key_language=False
    )
    chinese = convert(SINGLE.replace("Which one is right?", "哪一个对?"), page=zh)
    english = convert(SINGLE, page=en)
    assert chinese.one("quiz").get("data-quiz-key") == english.one("quiz").get("data-quiz-key")


# --- where a quiz may stand ---------------------------------------------------------------
