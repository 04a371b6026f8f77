"""Lighthouse on the built site: home and chapter pages in both languages, mobile settings.

Builds the real site with SITE_URL pointing at a local server, runs the npm
`lighthouse` from `node_modules` (`make audit` installs it) with the system Chromium
(CHROME_PATH; no browser is downloaded), prints the four category scores per page and, for
every audit that costs points, the elements Lighthouse blames. The targets are judged on the
`gzip` server, which compresses like GitHub Pages (and every CDN) does; Python's plain
`http.server`, which does not, is measured too for reference.

    python -m benchmarks.audit --runs 5 --servers gzip,http.server
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import static_server
from benchmarks.common import (
    RESULTS,
    ROOT,
    WORK,
    bench_env,
    free_port,
    mkdocs_command,
    print_table,
    timed_run,
    write_results,
)

PAGES = ("", "post-training.html", "en/", "en/post-training.html")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}
# Servers the targets are judged on: the site is published compressed.
JUDGED_SERVERS = ("gzip",)
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = RESULTS / "lighthouse"
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
)


def chrome_path() -> str:
    """Return the browser Lighthouse drives: $CHROME_PATH or the first system Chromium found."""
    configured = os.environ.get("CHROME_PATH")
    if configured:
        return configured
    for candidate in BROWSER_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    sys.exit("No Chromium found: install Debian's `chromium` or set CHROME_PATH.")


def build_site(url: str) -> Path:
    """Build the real site for `url` into a scratch folder."""
    site = WORK / "audit-site"
    env = bench_env(SITE_URL=url)
    env.pop("BUILD_ONLY_LOCALE", None)
    timed_run(mkdocs_command("build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)), env)
    return site


def run_lighthouse(url: str, output: Path, chrome: str) -> dict[str, Any]:
    """Run Lighthouse once on `url` (mobile, the default form factor); return its report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = dict(os.environ, CHROME_PATH=chrome)
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not output.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse runtime error on {url}: {report['runtimeError']}")
    return report


def scores(report: dict[str, Any]) -> dict[str, float | None]:
    """Return the four category scores out of 100."""
    result: dict[str, float | None] = {}
    for name in CATEGORIES:
        score = report["categories"][name]["score"]
        result[name] = None if score is None else round(score * 100)
    return result


def failing_audits(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the audits that cost points, with the elements or resources each one names."""
    failing = []
    for category in CATEGORIES:
        for reference in report["categories"][category]["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if not _costs_points(category, audit, reference.get("weight", 0)):
                continue
            failing.append(
                {
                    "category": category,
                    "id": audit["id"],
                    "title": audit["title"],
                    "score": audit["score"],
                    "weight": reference["weight"],
                    "display_value": audit.get("displayValue", ""),
                    "items": [_item(item) for item in _flat_items(audit.get("details", {}))][:10],
                }
            )
    return failing


def _costs_points(category: str, audit: dict[str, Any], weight: float) -> bool:
    """Tell whether an audit lowers a score: a weighted audit that fails, or (performance)
    an opportunity that Lighthouse says would save metric time."""
    if audit.get("score") is None or audit["score"] >= 1:
        return False
    savings = audit.get("metricSavings") or {}
    return weight > 0 or (category == "performance" and any(savings.values()))


def _item(item: dict[str, Any]) -> dict[str, Any]:
    node = item.get("node") or {}
    location = item.get("sourceLocation") or item.get("source")
    described = {
        "selector": node.get("selector"),
        "snippet": node.get("snippet"),
        "label": node.get("nodeLabel"),
        "explanation": node.get("explanation"),
        "url": item.get("url") or (location.get("url") if isinstance(location, dict) else None),
    }
    for key in ("wastedBytes", "wastedMs", "totalBytes", "description", "phase", "timing"):
        if key in item:
            described[key] = item[key]
    return {key: value for key, value in described.items() if value not in (None, "")}


def _flat_items(details: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a details table's rows; a list of tables (the LCP element audit) is flattened."""
    if details.get("type") == "list":
        return [row for table in details.get("items", []) for row in _flat_items(table)]
    return list(details.get("items", []))


def audit_page(base: str, page: str, runs: int, chrome: str, folder: Path) -> dict[str, Any]:
    """Run Lighthouse `runs` times on one page; keep the median scores and every failing audit."""
    name = page.strip("/").replace("/", "-").removesuffix(".html") or "home"
    reports = [
        run_lighthouse(base + page, folder / f"{name}-{number}.json", chrome)
        for number in range(1, runs + 1)
    ]
    per_run = [scores(report) for report in reports]
    median_scores = {
        name: statistics.median([run[name] or 0 for run in per_run]) for name in CATEGORIES
    }
    failures: dict[str, dict[str, Any]] = {}
    for report in reports:
        for failure in failing_audits(report):
            failures.setdefault(failure["id"], failure)
    # the paint metrics of the run whose performance score is the median
    by_score = sorted(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    metrics = by_score[len(by_score) // 2]["audits"]
    return {
        "page": "/" + page,
        "scores": median_scores,
        "runs": per_run,
        "failing_audits": list(failures.values()),
        "metrics": {
            key: metrics[key].get("displayValue")
            for key in (*METRICS, "speed-index")
            if key in metrics
        },
        "lighthouse_version": reports[0].get("lighthouseVersion"),
        "user_agent": reports[0].get("environment", {}).get("hostUserAgent"),
    }


def print_scores(server: str, pages: list[dict[str, Any]], runs: int) -> None:
    """Print the scores table of one server, then what costs points where a target is missed."""
    print_table(
        ["page", *CATEGORIES, "FCP", "LCP", "TBT", "CLS"],
        [
            [p["page"], *[p["scores"][name] for name in CATEGORIES]]
            + [p["metrics"].get(key, "") for key in METRICS]
            for p in pages
        ],
        title=f"Lighthouse {pages[0]['lighthouse_version']}, mobile, served by {server}, median "
        f"of {runs} runs; "
        + (
            "targets: performance >= 97, the others 100"
            if server in JUDGED_SERVERS
            else "reference only: no compression, unlike the published site"
        ),
    )
    for page in pages if server in JUDGED_SERVERS else ():
        missed = {name for name in CATEGORIES if page["scores"][name] < TARGETS[name]}
        for failure in [f for f in page["failing_audits"] if f["category"] in missed]:
            print(
                f"  {page['page']} [{failure['category']}] {failure['id']}: {failure['title']} "
                f"{failure['display_value']}".rstrip()
            )
            for item in failure["items"]:
                print(f"      {json.dumps(item, ensure_ascii=False)[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Five runs, as Lighthouse's documentation advises for a median that holds on a busy machine.
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (median)")
    parser.add_argument(
        "--servers",
        default=",".join(JUDGED_SERVERS),
        help="comma-separated: gzip (like GitHub Pages; judged) and/or http.server (reference)",
    )
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` (make audit does).")
    chrome = chrome_path()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = build_site(base)
    if REPORTS.exists():
        shutil.rmtree(REPORTS)
    results: dict[str, list[dict[str, Any]]] = {}
    for server in arguments.servers.split(","):
        (REPORTS / server).mkdir(parents=True)
        with static_server.serving(server, site, port):
            results[server] = [
                audit_page(base, page, arguments.runs, chrome, REPORTS / server) for page in PAGES
            ]
        print_scores(server, results[server], arguments.runs)
    missed = [
        (server, p["page"], name)
        for server, pages in results.items()
        if server in JUDGED_SERVERS
        for p in pages
        for name in CATEGORIES
        if p["scores"][name] < TARGETS[name]
    ]
    data = {"runs": arguments.runs, "targets": TARGETS, "servers": results, "missed": missed}
    print(f"\n{'all targets met' if not missed else f'missed: {missed}'}")
    print(f"wrote {write_results('audit', data)} (full reports in {REPORTS})")


if __name__ == "__main__":
    main()
