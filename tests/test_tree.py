"""Finding and replacing quizzes in a page's element tree."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from quiz_plugin.tree import Parents


def page() -> tuple[etree.Element, etree.Element, etree.Element]:
    root = etree.Element("div")
    etree.SubElement(root, "p")
    box = etree.SubElement(root, "div", {"class": "admonition"})
    quiz = etree.SubElement(box, "div", {"class": "pending"})
    return root, box, quiz


def test_parent_is_where_the_block_was_created_without_mapping_the_page() -> None:
    root, box, quiz = page()
    parents = Parents(root, {quiz: box})
    assert parents.of(quiz) is box
    assert parents._page is None  # noqa: SLF001 (the map is built only when needed)


def test_element_moved_after_creation_is_found_by_mapping_the_page() -> None:
    root, box, quiz = page()
    box.remove(quiz)
    root.append(quiz)
    parents = Parents(root, {quiz: box})
    widget = etree.Element("section")
    parents.replace(quiz, widget)
    assert list(root)[-1] is widget
    assert list(box) == []


def test_score_goes_after_the_top_level_element_holding_the_last_quiz() -> None:
    root, box, quiz = page()
    etree.SubElement(root, "p", {"class": "after"})
    parents = Parents(root, {quiz: box})
    parents.insert_after_top_level(quiz, etree.Element("aside"))
    assert [child.tag for child in root] == ["p", "div", "aside", "p"]
