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
    """Return every sentence of the seed in one language."""
    pattern = RE_ZH_SENTENCE if language == "zh" else RE_EN_SENTENCE
    found: list[str] = []
    for text in seed_texts()[language]:
        found += [s.strip() for s in pattern.findall(text) if s.strip()]
    return found
