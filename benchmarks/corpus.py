"""Generate a synthetic bilingual project: N chapters per language with K quizzes each.

The project is the real one at scale: its `mkdocs.yml` is the repository's, with only the nav
(and static-i18n's nav translations) replaced, and `docs/` assets, `overrides/` and `hooks/` are
copied, so every plugin and Markdown extension the site uses runs on the corpus.

    python -m benchmarks.corpus DEST --chapters 100 --quizzes 6
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

from benchmarks import corpus_text as text
from benchmarks.common import ROOT

LANGUAGES = ("zh", "en")
RE_NAV = re.compile(r"^nav:\n(?:[ \t]+.*\n|\n)*", re.MULTILINE)
RE_NAV_TRANSLATIONS = re.compile(
    r"^(?P<indent>[ \t]+)nav_translations:\n(?:(?P=indent)[ \t]+.*\n)*", re.MULTILINE
)


def chapter_name(number: int) -> str:
    """Return the file name of a chapter (same in both languages)."""
    return f"chapter-{number:03d}.md"


def generate(destination: Path, chapters: int, quizzes: int, seed: int = 0) -> Path:
    """Write a whole project into `destination` (replacing it); return its `mkdocs.yml`."""
    if destination.exists():
        shutil.rmtree(destination)
    for name in ("overrides", "hooks"):
        shutil.copytree(ROOT / name, destination / name)
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns("*.md"))
    titles = {lang: [chapter_title(n, lang) for n in range(1, chapters + 1)] for lang in LANGUAGES}
    for index, lang in enumerate(LANGUAGES):
        folder = destination / "docs" / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(home_page(titles[lang], index), encoding="utf-8")
        for number in range(1, chapters + 1):
            page = chapter_page(number, quizzes, index, random.Random(seed * 100_003 + number))
            (folder / chapter_name(number)).write_text(page, encoding="utf-8")
    config = destination / "mkdocs.yml"
    config.write_text(derive_config(titles["zh"], titles["en"]), encoding="utf-8")
    return config


def chapter_title(number: int, lang: str) -> str:
    """Return a chapter's title in one language."""
    index = LANGUAGES.index(lang)
    topic = text.TOPICS[(number - 1) % len(text.TOPICS)][index]
    return text.UI["chapter"][index].format(number=number, topic=topic)


def derive_config(zh_titles: list[str], en_titles: list[str]) -> str:
    """Return the repository's `mkdocs.yml` with the corpus's nav and nav translations."""
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    home_zh, home_en = text.UI["home"]
    nav = [f"  - {json.dumps(home_zh, ensure_ascii=False)}: index.md"]
    nav += [
        f"  - {json.dumps(title, ensure_ascii=False)}: {chapter_name(number)}"
        for number, title in enumerate(zh_titles, start=1)
    ]
    source = _replace_once(RE_NAV, source, "nav:\n" + "\n".join(nav) + "\n\n", "nav")
    match = RE_NAV_TRANSLATIONS.search(source)
    if match is None:
        raise RuntimeError("mkdocs.yml has no `nav_translations:` under the English language")
    indent = match.group("indent") + "  "
    pairs = [(home_zh, home_en), *zip(zh_titles, en_titles, strict=True)]
    lines = [
        f"{indent}{json.dumps(zh, ensure_ascii=False)}: {json.dumps(en, ensure_ascii=False)}"
        for zh, en in pairs
    ]
    replacement = f"{match.group('indent')}nav_translations:\n" + "\n".join(lines) + "\n"
    return source[: match.start()] + replacement + source[match.end() :]


def _replace_once(pattern: re.Pattern[str], source: str, replacement: str, what: str) -> str:
    result, count = pattern.subn(lambda _: replacement, source, count=1)
    if count != 1:
        raise RuntimeError(f"mkdocs.yml has no top-level `{what}:` to replace")
    return result


def _plugin_entry(lines: list[str], plugin: str) -> tuple[int, int, str]:
    """Return where `- <plugin>` and its options start and end, and its indent."""
    entry = re.compile(rf"^(?P<indent>[ \t]*)- {re.escape(plugin)}:?[ \t]*$")
    for number, line in enumerate(lines):
        match = entry.match(line)
        if match is not None:
            end = number + 1
            while end < len(lines) and lines[end].startswith(match.group("indent") + "    "):
                end += 1
            return number, end, match.group("indent")
    raise RuntimeError(f"mkdocs.yml has no `- {plugin}` plugin entry")


def set_plugin_option(config_text: str, plugin: str, option: str, value: str) -> str:
    """Return `mkdocs.yml` text with `option: value` set under `plugins: - <plugin>`."""
    lines = config_text.splitlines()
    start, end, indent = _plugin_entry(lines, plugin)
    prefix = f"{indent}    {option}:"
    options = [line for line in lines[start + 1 : end] if not line.startswith(prefix)]
    lines[start:end] = [f"{indent}- {plugin}:", f"{prefix} {value}", *options]
    return "\n".join(lines) + "\n"


def remove_plugin(config_text: str, plugin: str) -> str:
    """Return `mkdocs.yml` text without the `- <plugin>` entry and its options."""
    lines = config_text.splitlines()
    start, end, _ = _plugin_entry(lines, plugin)
    del lines[start:end]
    return "\n".join(lines) + "\n"


def write_variant(
    config: Path,
    name: str,
    remove: tuple[str, ...] = (),
    **plugin_options: dict[str, str],
) -> Path:
    """Write `name` next to `config` with plugin options changed (`quiz={"enabled": "false"}`)
    and the plugins in `remove` removed."""
    source = config.read_text(encoding="utf-8")
    for plugin, options in plugin_options.items():
        for option, value in options.items():
            source = set_plugin_option(source, plugin, option, value)
    for plugin in remove:
        source = remove_plugin(source, plugin)
    variant = config.with_name(name)
    variant.write_text(source, encoding="utf-8")
    return variant


def home_page(titles: list[str], lang: int) -> str:
    """Return a language's home page: a lead and the table of chapters, no quiz."""
    lead = text.UI["home_lead"][lang].format(count=len(titles))
    lines = [
        "---",
        f"description: {json.dumps(lead, ensure_ascii=False)}",
        "hide:",
        "  - navigation",
        "---",
        "",
        f"# {text.UI['site_title'][lang]}",
        "",
        lead,
        "{ .lead }",
        "",
        f"## {text.UI['contents'][lang]}",
        "",
    ]
    lines += [f"1. [{title}]({chapter_name(n)})" for n, title in enumerate(titles, start=1)]
    return "\n".join(lines) + "\n"


def chapter_page(number: int, quizzes: int, lang: int, rng: random.Random) -> str:
    """Return one chapter in one language (the same structure in both, from the same seed)."""
    topic = text.TOPICS[(number - 1) % len(text.TOPICS)]
    parts = [
        "---",
        f"description: {json.dumps(_sentences(rng, 2, lang), ensure_ascii=False)}",
        "---",
        "",
        f"# {text.UI['chapter'][lang].format(number=number, topic=topic[lang])}",
        "",
        _sentences(rng, 3, lang),
        "{ .lead }",
        "",
    ]
    sections = [text.UI["section"][lang].format(topic=topic[lang], number=n) for n in range(1, 6)]
    for position, heading in enumerate(sections):
        parts += [f"## {heading}", "", *_section_body(rng, lang, figure=position == 1)]
    parts += _key_points(rng, lang)
    parts += [f"## {text.UI['quiz_heading'][lang]}", ""]
    for ordinal in range(1, quizzes + 1):
        parts += _quiz(rng, lang, f"c{number:03d}-q{ordinal}", rng.choice(sections))
    return "\n".join(parts)


def _sentences(rng: random.Random, count: int, lang: int) -> str:
    picked = rng.sample(text.SENTENCES, count)
    return ("" if lang == 0 else " ").join(pair[lang] for pair in picked)


def _section_body(rng: random.Random, lang: int, *, figure: bool) -> list[str]:
    body = [
        _sentences(rng, rng.randint(3, 5), lang),
        "",
        _sentences(rng, rng.randint(2, 4), lang),
        "",
    ]
    if figure:
        caption = text.UI["figure"][lang]
        body += ['<figure markdown="span">', f'  ![{caption}](img/two-stages.svg){{ width="720" }}']
        body += [f"  <figcaption>{caption}</figcaption>", "</figure>", ""]
    kind = rng.randrange(4)
    if kind == 0:
        body += [f"- {pair[lang]}" for pair in rng.sample(text.SENTENCES, rng.randint(3, 5))] + [""]
    elif kind == 1:
        language, code = rng.choice(text.CODE_SNIPPETS)
        body += [f"```{language}", code, "```", ""]
    elif kind == 2:
        name, title = rng.choice(text.ADMONITIONS)
        body += [f'!!! {name} "{title[lang]}"', "", f"    {_sentences(rng, 2, lang)}", ""]
    else:
        table = [
            text.UI[key][lang] for key in ("table_head", "table_rule", "table_row", "table_row2")
        ]
        body += [*table, ""]
    body += [_sentences(rng, rng.randint(2, 4), lang), ""]
    return body


def _key_points(rng: random.Random, lang: int) -> list[str]:
    points = [f"    - {pair[lang]}" for pair in rng.sample(text.SENTENCES, 5)]
    return [f'!!! abstract "{text.UI["key_points"][lang]}"', "", *points, ""]


def _quiz(rng: random.Random, lang: int, quiz_id: str, section: str) -> list[str]:
    correct = set(rng.sample(range(4), 2 if rng.random() < 0.25 else 1))
    header = ["/// quiz"]
    if rng.random() < 0.5:
        header.append(f"    id: {quiz_id}")
    if rng.random() < 0.2:
        header.append("    shuffle: true")
    lines = [*header, "", rng.choice(text.QUESTIONS)[lang], ""]
    for position, option in enumerate(rng.sample(text.OPTIONS, 4)):
        right = position in correct
        verdict = (text.FEEDBACK_RIGHT if right else text.FEEDBACK_WRONG)[lang]
        separator = "" if lang == 0 else " "
        lines += [f"- [{'x' if right else ' '}] {option[lang]}", ""]
        lines += [f"    {verdict}{separator}{rng.choice(text.SENTENCES)[lang]}", ""]
    lines += [text.UI["explanation"][lang].format(section=section), "///", ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("destination", type=Path)
    parser.add_argument("--chapters", type=int, default=100, help="chapters per language")
    parser.add_argument("--quizzes", type=int, default=6, help="quizzes per chapter")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    config = generate(arguments.destination, arguments.chapters, arguments.quizzes, arguments.seed)
    print(f"wrote {config}")


if __name__ == "__main__":
    main()
