"""Search quality: what the built site's search finds for a set of readers' queries.

    python -m benchmarks.search_eval [--project PATH]

Builds the site (or the checkout at PATH) and the English-only anchor (`search_sites.py`),
serves both with the gzip server, and types every query of `benchmarks/search_queries.yml`
into Material's search box in Chromium, on the home page of the query's language; the English
queries go to the anchor too. From the results a reader sees (`search_box.py`) it prints, per
site: recall@1 and recall@5 (the share of queries with an expected result among the first one
or five hits) and the false "missing" markers (a hit that marks a query word as missing while
its section contains the word); then recall per kind of query, and every query whose expected
result is not the first hit. The figures go to `benchmarks/results/search_eval.json`.

Targets: recall@5 = 100 % and recall@1 ≥ 90 % in both languages, no false "missing" marker,
English at least as good as the anchor. The exit status is 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks import search_sites
from benchmarks.common import ROOT, WORK, free_port, print_table, write_results
from benchmarks.search_box import Hit, open_search, read_hits, type_query
from benchmarks.static_server import serving

QUERIES = ROOT / "benchmarks" / "search_queries.yml"
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RE_NOT_WORD = re.compile(r"[\W_]+")
RE_HAN = re.compile(r"[\u3400-\u9fff]")
RE_TAG = re.compile(r"<[^>]+>")
TOP = 5
ANCHOR = "en, English-only anchor"


@dataclass(frozen=True)
class Query:
    """A query, what it exercises, and the results that count as finding it."""

    language: str
    text: str
    kind: str
    expect: tuple[str, ...]
    test: bool = False


@dataclass(frozen=True)
class LanguageSite:
    """One language of a built site: where it is served and what its index holds."""

    label: str
    language: str
    url: str
    titles: dict[str, str]  # location -> the section's heading
    texts: dict[str, str]  # location -> the section's heading and text, lowercase


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    """Return the query set per language."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        language: [
            Query(
                language,
                str(item["query"]),
                item["kind"],
                tuple(item["expect"]),
                item.get("test", False),
            )
            for item in items
        ]
        for language, items in data.items()
    }


def section_key(text: str) -> str:
    """Return a heading's words without spaces and punctuation, lowercase."""
    return RE_NOT_WORD.sub("", text).lower()


def expected_locations(query: Query, titles: dict[str, str]) -> set[str]:
    """Return the index locations that count as finding `query` (see search_queries.yml)."""
    found: set[str] = set()
    for expected in query.expect:
        page, _, heading = expected.partition("#")
        on_page = [location for location in titles if location.split("#")[0] == page]
        matches = [loc for loc in on_page if section_key(heading) in section_key(titles[loc])]
        if not on_page or (heading and len(matches) != 1):
            raise ValueError(
                f"{query.language} query {query.text!r}: '{expected}' names no one result"
            )
        found.update(matches if heading else on_page)
    return found


def section_contains(text: str, word: str) -> bool:
    """Tell whether a section holds `word`: inside Chinese text, or where a Latin word begins.

    Material shows a word as missing with any query syntax still on it (后* for 后).
    """
    word = word.lower().strip("*+-~^")
    if RE_HAN.search(word):
        return word in text
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}", text) is not None


def plain(html: str) -> str:
    """Return an index field as the page shows it: no tags, no zero-width spaces."""
    return RE_TAG.sub(" ", html).replace("\u200b", "")


def judge(query: Query, site: LanguageSite, hits: list[Hit]) -> dict[str, Any]:
    """Return where the expected result came and which missing markers were false."""
    expected = expected_locations(query, site.titles)
    rank = next((n for n, hit in enumerate(hits, 1) if hit.location in expected), None)
    false_markers = [
        f"{hit.location}: {word}"
        for hit in hits[:TOP]
        for word in hit.missing
        if section_contains(site.texts.get(hit.location, ""), word)
    ]
    return {
        "query": query.text,
        "kind": query.kind,
        "rank": rank,
        "first": hits[0].location if hits else None,
        "hits": len(hits),
        "shown": min(len(hits), TOP),
        "markers": sum(len(hit.missing) for hit in hits[:TOP]),
        "false_missing": false_markers,
    }


def run_queries(browser: Any, site: LanguageSite, queries: list[Query]) -> list[dict[str, Any]]:
    """Type each query into the site's search box and judge what it shows."""
    page = browser.new_page()
    placeholder = open_search(page, site.url + "index.html")
    results = []
    for query in queries:
        type_query(page, query.text, placeholder)
        results.append(judge(query, site, read_hits(page, site.url)))
    page.close()
    return results


def summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Return recall@1, recall@5 and the false missing markers of a site's results."""
    count = len(results)
    shown = sum(result["shown"] for result in results)
    false = sum(len(result["false_missing"]) for result in results)
    markers = sum(result["markers"] for result in results)
    return {
        "queries": count,
        "recall@1": sum(r["rank"] == 1 for r in results) / count,
        f"recall@{TOP}": sum(r["rank"] is not None and r["rank"] <= TOP for r in results) / count,
        "false_missing": false,
        "hits_shown": shown,
        "markers": markers,
        "false_missing_rate": false / markers if markers else 0.0,
    }


def percent(value: float) -> str:
    """Format a share as a percentage."""
    return f"{100 * value:.1f} %"


def print_report(
    figures: dict[str, dict[str, Any]], details: dict[str, list[dict[str, Any]]]
) -> None:
    """Print the summary, the recall per kind of query and the queries not found first."""
    rows = [
        [
            label,
            f["queries"],
            percent(f["recall@1"]),
            percent(f[f"recall@{TOP}"]),
            f["hits_shown"],
            f["markers"],
            f"{f['false_missing']} ({percent(f['false_missing_rate'])})",
        ]
        for label, f in figures.items()
    ]
    print_table(
        [
            "site",
            "queries",
            "recall@1",
            f"recall@{TOP}",
            f"hits (first {TOP})",
            '"missing" shown',
            "false",
        ],
        rows,
        title="Search: expected result among the first hits",
    )
    kinds: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for label, results in details.items():
        for result in results:
            kinds[(label, result["kind"])].append(result)
    print_table(
        ["site", "kind", "queries", "recall@1", f"recall@{TOP}"],
        [
            [
                label,
                kind,
                len(rs),
                percent(summary(rs)["recall@1"]),
                percent(summary(rs)[f"recall@{TOP}"]),
            ]
            for (label, kind), rs in kinds.items()
        ],
        title="Per kind of query",
    )
    misses = [
        [
            label,
            r["query"],
            r["rank"] or "—",
            r["first"] or "(nothing)",
            "; ".join(r["false_missing"]),
        ]
        for label, results in details.items()
        for r in results
        if r["rank"] != 1 or r["false_missing"]
    ]
    print_table(
        ["site", "query", "rank", "first hit", 'false "missing"'],
        misses or [["—"] * 5],
        title="Queries whose expected result is not the first hit",
    )


def targets_missed(figures: dict[str, dict[str, Any]], anchor: str, english: str) -> list[str]:
    """Return the targets the figures miss."""
    missed = [
        f"{label}: {name} {percent(f[name])} < {percent(goal)}"
        for label, f in figures.items()
        if label != anchor
        for name, goal in (("recall@1", 0.9), (f"recall@{TOP}", 1.0))
        if f[name] < goal
    ]
    missed += [
        f"{label}: {f['false_missing']} false missing markers"
        for label, f in figures.items()
        if label != anchor and f["false_missing"]
    ]
    missed += [
        f"{english} below the anchor on {name}"
        for name in ("recall@1", f"recall@{TOP}")
        if figures[english][name] < figures[anchor][name]
    ]
    return missed


def chromium() -> str:
    """Return the Chromium to drive: $CHROME_PATH or the first system Chromium found."""
    configured = os.environ.get("CHROME_PATH")
    found = configured or next((path for path in CHROMIUM if Path(path).exists()), None)
    if found is None:
        sys.exit("No Chromium found: install Debian's `chromium` or set CHROME_PATH.")
    return found


def language_site(label: str, language: str, url: str, index: Path) -> LanguageSite:
    """Describe one language of a built site from its search index."""
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    titles = {doc["location"]: plain(doc["title"]) for doc in docs}
    texts = {doc["location"]: plain(f"{doc['title']} {doc['text']}").lower() for doc in docs}
    return LanguageSite(label, language, url, titles, texts)


def build_sites(
    project: Path, port: int, anchor_port: int
) -> tuple[Path, Path, list[LanguageSite]]:
    """Build the project's site and the anchor; return both folders and the sites to search."""
    url, anchor_url = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{anchor_port}/"
    site = search_sites.build_project(project, WORK / "search-eval" / "site", url)
    anchor = search_sites.build_anchor(project, WORK / "search-eval" / "anchor", anchor_url)
    sites = [
        language_site("zh", "zh", url, site / "search" / "search_index.json"),
        language_site("en", "en", f"{url}en/", site / "en" / "search" / "search_index.json"),
        language_site(ANCHOR, "en", anchor_url, anchor / "search" / "search_index.json"),
    ]
    return site, anchor, sites


def main() -> None:
    """Build, search, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to build")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    port, anchor_port = free_port(), free_port()
    site, anchor, sites = build_sites(arguments.project.resolve(), port, anchor_port)
    for entry in sites:
        for query in queries[entry.language]:
            expected_locations(query, entry.titles)  # a mistake in the query set stops here
    details: dict[str, list[dict[str, Any]]] = {}
    with serving("gzip", site, port), serving("gzip", anchor, anchor_port), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        for entry in sites:
            details[entry.label] = run_queries(browser, entry, queries[entry.language])
        browser.close()
    figures = {label: summary(results) for label, results in details.items()}
    print_report(figures, details)
    missed = targets_missed(figures, ANCHOR, "en")
    print("\nTargets: " + ("met" if not missed else "missed: " + "; ".join(missed)))
    path = write_results(
        "search_eval",
        {
            "project": str(arguments.project),
            "figures": figures,
            "queries": details,
            "targets_missed": missed,
        },
    )
    print(f"Figures: {path.relative_to(ROOT)}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
