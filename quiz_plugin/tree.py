"""Where the quizzes sit in a page's element tree, and moving things around them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from quiz_plugin.locate import RE_QUIZ_HEADER

# A header on a line of its own within a paragraph's text (after a line break).
RE_HEADER_LINE = re.compile(
    r"(?<=\n)[ \t]*/{3,}[ \t]*quiz(?:[ \t]*\|.*)?[ \t]*$", re.MULTILINE | re.IGNORECASE
)
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

    def insert_after(self, element: etree.Element, new: etree.Element) -> None:
        """Insert `new` right after `element`."""
        parent = self.of(element)
        if parent is None:
            return
        parent.insert(list(parent).index(element) + 1, new)
        self.created_in[new] = parent
        if self._page is not None:
            self._page[new] = parent

    def insert_after_top_level(self, element: etree.Element, new: etree.Element) -> None:
        """Insert `new` after the child of the root that holds `element`."""
        parent = self.of(element)
        while parent is not None and parent is not self.root:
            element, parent = parent, self.page().get(parent)
        self.root.insert(list(self.root).index(element) + 1, new)


def nested_quizzes(quizzes: list[etree.Element]) -> dict[etree.Element, etree.Element]:
    """Map each quiz that stands inside another quiz to the outermost quiz around it."""
    outer_of: dict[etree.Element, etree.Element] = {}
    if len(quizzes) < 2:
        return outer_of
    members = set(quizzes)
    for quiz in quizzes:  # in document order: an outer quiz comes before those inside it
        if quiz in outer_of:
            continue
        for element in quiz.iter():
            if element is not quiz and element in members:
                outer_of.setdefault(element, quiz)
    return outer_of


def split_refused_headers(root: etree.Element) -> None:
    """Start a paragraph at each `/// quiz` line that pymdownx.blocks left inside other text.

    A header right under a line of text (or of an option, with no blank line between), whose
    options pymdownx.blocks refused, stays in that text; on a paragraph of its own it is found
    like any refused header.
    """
    for parent in list(root.iter()):
        if parent.tag == "li":
            if RE_QUIZ_HEADER.match((parent.text or "").split("\n", 1)[0]):
                parent.text = "\n" + (parent.text or "")  # the item starts with the header
            parent.extend(_split_off(parent))  # the paragraphs go inside the list item
        for index in reversed(range(len(parent))):
            if parent[index].tag == "p":
                paragraph = parent[index]
                parent[index : index + 1] = [paragraph, *_split_off(paragraph)]


def _split_off(element: etree.Element) -> list[etree.Element]:
    """Cut the element's content before each header line; return the paragraphs cut off."""
    segments = [(element.text or "", -1)] + [(c.tail or "", i) for i, c in enumerate(element)]
    for text, owner in segments:
        match = RE_HEADER_LINE.search(text)
        if match is None:
            continue
        rest = etree.Element("p")
        rest.text = text[match.start() :]
        rest.extend(list(element)[owner + 1 :])
        element[:] = list(element)[: owner + 1]
        if owner < 0:
            element.text = text[: match.start()].rstrip("\n")
        else:
            element[owner].tail = text[: match.start()].rstrip("\n")
        return [rest, *_split_off(rest)]
    return []


def is_refused_header(element: etree.Element) -> bool:
    """Tell whether a paragraph is a `/// quiz` header that pymdownx.blocks left as text."""
    if element.tag != "p" or not element.text or "/" not in element.text:
        return False
    return RE_QUIZ_HEADER.match(element.text.split("\n", 1)[0]) is not None


def remove_rest_of_block(
    parents: Parents, header: etree.Element, quizzes: set[etree.Element]
) -> None:
    """Remove what follows a refused header up to its `///`, so no answer shows as plain text.

    Text right after the `///` in the same paragraph stays; in a list item (the options' list
    without a blank line before the `///`) it goes with the block until its header is fixed.
    """
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
        end = next((m for m in RE_BLOCK_END.finditer(text) if len(m["slashes"]) == length), None)
        if end is not None:
            for element in rest:
                parent.remove(element)
            _keep_after_end(parent, sibling, end, list(parent).index(header) + 1)
            return


def _keep_after_end(
    parent: etree.Element, last: etree.Element, end: re.Match[str], index: int
) -> None:
    """Put back what follows the block's `///` in the same paragraph, as pymdownx.blocks does."""
    text = last.text or ""
    if last.tag != "p" or end.end() > len(text):
        return  # the `///` stands after inline markup: the paragraph goes whole
    last.text = text[end.end() :].lstrip("\n")
    if last.text or len(last):
        parent.insert(index, last)
