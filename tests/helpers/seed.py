"""Read the chapter seed: each line holds Chinese text followed by its English translation."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).parent.parent / "fixtures" / "seed-post-training.txt"
CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
RE_SPLIT = re.compile(rf"^(?P<zh>.*[{CJK}][^\sA-Za-z]*)\s*(?P<en>[A-Z][^{CJK}]*)$")
RE_ZH_SENTENCE = re.compile(r"[^。!?!?]+[。!?!?]?")
RE_EN_SENTENCE = re.compile(r".+?(?:[.?!](?=\s|$)|$)")
RE_BULLET = re.compile(r"^-\s*•")


def seed_texts() -> dict[str, list[str]]:
    """Return the seed's paragraphs, key points and questions, per language."""
    texts: dict[str, list[str]] = {"zh": [], "en": []}
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = RE_BULLET.sub("", raw.strip()).strip()
        if not line or line.startswith("📝"):
            continue
        match = RE_SPLIT.match(line)
        if match:
            texts["zh"].append(match.group("zh").strip())
            texts["en"].append(match.group("en").strip())
        elif re.search(f"[{CJK}]", line):
            texts["zh"].append(line)
        else:
            texts["en"].append(line)
    return texts


def sentences(language: str) -> list[str]:
    """Return every sentence of the seed in one language, with that language's punctuation."""
    pattern = RE_ZH_SENTENCE if language == "zh" else RE_EN_SENTENCE
    found: list[str] = []
    for text in seed_texts()[language]:
        written = chinese_punctuation(text) if language == "zh" else text
        found += [s.strip() for s in pattern.findall(written) if s.strip()]
    return found


FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
RE_HALF_WIDTH_NEAR_CJK = re.compile(f"(?<=[{CJK}])[,:;?!]|[,:;?!](?=[{CJK}])")


def chinese_punctuation(text: str) -> str:
    """Return Chinese text with the punctuation of GB/T 15834; the wording stays as it is.

    The seed writes half-width marks and corner quotes; the site writes full-width marks
    (brackets too, where either bracket of a pair touches Chinese) and curly quotes, with no
    space after a full-width mark.
    """
    text = _brackets(text.replace("「", "“").replace("」", "”"))
    text = RE_HALF_WIDTH_NEAR_CJK.sub(lambda mark: FULL_WIDTH[mark.group()], text)
    return re.sub(r"(?<=[，：；？！])[ ]+", "", text)


def _brackets(text: str) -> str:
    """Make a pair of brackets full-width where either of them touches Chinese."""
    opened: list[int] = []
    characters = list(text)
    for index, character in enumerate(characters):
        if character == "(":
            opened.append(index)
        elif character == ")" and opened:
            start = opened.pop()
            near = text[start - 1 : start] + text[start + 1 : start + 2] + text[index - 1 : index]
            if re.search(f"[{CJK}]", near + text[index + 1 : index + 2]):
                characters[start], characters[index] = "（", "）"
    return "".join(characters)
