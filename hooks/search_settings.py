"""How each language's search index is tokenized and analysed (a module, not a hook).

Material's search plugin writes one configuration for the whole site: with `lang: [zh, en]` and
the first build's separator, English got lunr's multi-language pipeline and the Chinese
separator, and its stemmer never met the same words at index and query time. The site's indexes
are split per language (`search_per_language.py`), so each gets a configuration of its own here:

- `zh`: lunr-languages' `zh` with Material's Chinese separator plus the punctuation that sits
  between jieba's words on our pages, half- and full-width (commas, colons, brackets, quotation
  marks and the rest), so that "(SFT)" indexes as `sft` with either kind of brackets. Material's
  Chinese pipeline (the stemmer only, an identity for Chinese): jieba has already cut the words,
  and stop words must stay findable.
- `en`: Material's English separator and lunr's English pipeline: trimmer, stop words and the
  Porter stemmer, which makes "assistants", "trained" and "conversations" index as `assist`,
  `train` and `convers`. The site's search worker stems the reader's words the same way.

`lang`, `separator` and `pipeline` mean what they mean in Material's search plugin options.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class SearchSettings:
    """What Material's search worker reads from an index's `config` to build the lunr index."""

    lang: tuple[str, ...]
    separator: str
    pipeline: tuple[str, ...]


# No "|" and no lookaround in a separator: Material's page highlighter splits it at "|".
# No lunr query syntax (+ ~ ^ *) either: the query side splits words with it too.
CHINESE_PUNCTUATION = "、。，．？！；：（）【】《》〈〉「」『』“”‘’…—·"  # noqa: RUF001
LATIN_PUNCTUATION = r",.:;!?()\[\]=/→"

SETTINGS = {
    "zh": SearchSettings(
        lang=("zh",),
        separator=rf"[\s\u200b\u3000\-{CHINESE_PUNCTUATION}{LATIN_PUNCTUATION}]+",
        pipeline=("stemmer",),
    ),
    "en": SearchSettings(
        lang=("en",),
        separator=r"[\s\-]+",
        pipeline=("trimmer", "stopWordFilter", "stemmer"),
    ),
}


def index_config(language: str, site_config: dict[str, Any]) -> dict[str, Any]:
    """Return the `config` of `language`'s index: its settings, and the site's field boosts."""
    settings = SETTINGS.get(language)
    if settings is None:
        known = ", ".join(sorted(SETTINGS))
        raise PluginError(
            f"hooks/search_settings.py has no search settings for the language '{language}' "
            f"(it has {known}); add its lang, separator and pipeline to SETTINGS"
        )
    return {
        **site_config,
        "lang": list(settings.lang),
        "separator": settings.separator,
        "pipeline": list(settings.pipeline),
    }
