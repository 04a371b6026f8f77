"""Where the quizzes sit in a page's element tree, and moving things around them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from quiz_plugin.locate import RE_QUIZ_HEADER

RE_BLOCK_END = re.compile(r"^[ \t]*(?P<slashes>/{3,})[ \t]*$", re.MULTILINE)


class Parents:
    """The parent of each element: where a block was created, else from a map of the page.

    Mapping a whole page costs as much as rendering its quizzes, so it is built only when an
    element is not where it was created, or for a header that pymdownx.blocks refused.
    """

    def __init__(self, root: etree.Element, created_in: dict[etree.Element, etree.Element]) -> None:
        self.root = root
        self.created_in = created_in
        self._page: dict[etree.Element, etree.Element] | None = None

    def page(self) -> dict[etree.Element, etree.Element]:
        """Return the parent of every element of the page."""
        if self._page is None:
            self._page = {child: parent for parent in self.root.iter() for child in parent}
        return self._page

    def of(self, element: etree.Element) -> etree.Element | None:
        """Return the element's parent (None for the root)."""
        parent = self.created_in.get(element)
        if parent is not None and element in parent:
            return parent
        return self.page().get(element)

    def replace(self, old: etree.Element, new: etree.Element) -> None:
        """Put `new` where `old` is."""
        parent = self.of(old)
        if parent is None:
            return
        new.tail = old.tail
        parent[list(parent).index(old)] = new
        self.created_in[new] = parent
        if self._page is not None:
            self._page[new] = parent

    def insert_after_top_level(self, element: etree.Element, new: etree.Element) -> None:
        """Insert `new` after the child of the root that holds `element`."""
        parent = self.of(element)
        while parent is not None and parent is not self.root:
            element, parent = parent, self.page().get(parent)
        self.root.insert(list(self.root).index(element) + 1, new)


def is_refused_header(element: etree.Element) -> bool:
    """Tell whether a paragraph is a `/// quiz` header that pymdownx.blocks left as text."""
    if element.tag != "p" or not element.text or "/" not in element.text:
        return False
    return RE_QUIZ_HEADER.match(element.text.split("\n", 1)[0]) is not None


def remove_rest_of_block(
    parents: Parents, header: etree.Element, quizzes: set[etree.Element]
) -> None:
    """Remove what follows a refused header up to its `///`, so no answer shows as plain text."""
    match = RE_QUIZ_HEADER.match((header.text or "").split("\n", 1)[0])
    length = len(match.group("slashes")) if match else 3
    parent = parents.of(header)
    if parent is None:
        return
    rest: list[etree.Element] = []
    for sibling in list(parent)[list(parent).index(header) + 1 :]:
        if any(element in quizzes for element in sibling.iter()):
            return
        rest.append(sibling)
        text = "".join(sibling.itertext())
        if any(len(end.group("slashes")) == length for end in RE_BLOCK_END.finditer(text)):
            for element in rest:
                parent.remove(element)
            return
