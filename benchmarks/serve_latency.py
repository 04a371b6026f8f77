"""`mkdocs serve` latency: from saving a chapter to the rebuilt page being served.

Starts a real `mkdocs serve` on a free 127.0.0.1 port for a 10-chapter corpus, then, again and
again, writes a unique token into one chapter and polls the page until the token is served.
MkDocs' server holds requests while a rebuild runs, so the token shows up once the rebuild is
complete: the moment livereload would reload the browser. Each option is measured on its own.

    python -m benchmarks.serve_latency --chapters 10 --repeats 7
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.common import (
    WORK,
    bench_env,
    free_port,
    median,
    mkdocs_command,
    print_table,
    write_results,
)

TARGET_SECONDS = 1.0
EDITED = 5  # the chapter that is edited and polled
RE_SITE_DIR = re.compile(r"documentation to directory: (?P<path>/\S*/mkdocs_[^/\s]+)\s")
RE_BUILT = re.compile(r"Documentation built in (?P<seconds>[0-9.]+) seconds")
# Environment variables the variants set; unset in every other variant so none leaks in.
VARIANT_ENV = ("BUILD_ONLY_LOCALE", "SEARCH", "QUIZ_PARITY")


@dataclass(frozen=True)
class Variant:
    """One way of running `mkdocs serve`: extra arguments, environment and plugin options."""

    name: str
    arguments: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    plugins: dict[str, dict[str, str]] = field(default_factory=dict)
    remove: tuple[str, ...] = ()


ZH = {"BUILD_ONLY_LOCALE": "zh"}
NO_PARITY = {"quiz": {"parity": "false"}}
DIRTY = ("--dirty",)
# `search: enabled: false` makes static-i18n 1.3.1 fail (it reads the disabled plugin's index),
# so "no search" is measured with the plugin removed from the list.
NO_SEARCH = ("search",)
# hooks/serve_watch.py makes the watcher poll every 0.1 s; without it, MkDocs polls every 0.5 s.
POLL_HOOK = ("hooks/serve_watch.py",)
VARIANTS = (
    Variant("default (make serve)"),
    Variant("MkDocs' 0.5 s polling (no hooks/serve_watch.py)", remove=POLL_HOOK),
    Variant("--dirty", arguments=DIRTY),
    Variant("BUILD_ONLY_LOCALE=zh (make serve-zh)", env=ZH),
    Variant("zh only + MkDocs' 0.5 s polling", env=ZH, remove=POLL_HOOK),
    Variant("zh only + --dirty", arguments=DIRTY, env=ZH),
    Variant("zh only + parity off", env=ZH, plugins=NO_PARITY),
    Variant("no search plugin", remove=NO_SEARCH),
    Variant("zh only + no search", env=ZH, remove=NO_SEARCH),
    Variant("zh only + no search + parity off", env=ZH, plugins=NO_PARITY, remove=NO_SEARCH),
    Variant("zh only + no search + --dirty", arguments=DIRTY, env=ZH, remove=NO_SEARCH),
    Variant(
        "zh only + no search + parity off + --dirty",
        arguments=DIRTY,
        env=ZH,
        plugins=NO_PARITY,
        remove=NO_SEARCH,
    ),
    Variant(
        "make serve-fast (zh, SEARCH=false, QUIZ_PARITY=false, --dirty)",
        arguments=DIRTY,
        env={**ZH, "SEARCH": "false", "QUIZ_PARITY": "false"},
    ),
)


@dataclass
class Measurement:
    """What one variant gave: per-edit latencies and rebuild times, and the first build."""

    variant: Variant
    load_average: float = 0.0
    startup_s: float = 0.0
    latencies_s: list[float] = field(default_factory=list)
    rebuilds_s: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def fetch(url: str, timeout: float = 30.0) -> str | None:
    """Return a page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (http only)
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, token: str, deadline: float) -> float | None:
    """Poll `url` until its text contains `token`; return when, or None at the deadline."""
    while time.perf_counter() < deadline:
        text = fetch(url, timeout=max(0.1, deadline - time.perf_counter()))
        if text is not None and token in text:
            return time.perf_counter()
        time.sleep(0.01)
    return None


def rebuild_times(log: Path) -> list[float]:
    """Return the rebuild durations MkDocs logged so far (the first build included)."""
    return [float(m.group("seconds")) for m in RE_BUILT.finditer(log.read_text(errors="replace"))]


def measure(variant: Variant, config: Path, repeats: int, rng: random.Random) -> Measurement:
    """Serve the corpus with one variant and time `repeats` edits of one chapter."""
    if variant.plugins or variant.remove:
        name = f"mkdocs-serve-{uuid.uuid4().hex[:8]}.yml"
        config = corpus.write_variant(config, name, variant.remove, **variant.plugins)
    port = free_port()
    chapter = config.parent / "docs" / "zh" / corpus.chapter_name(EDITED)
    original = chapter.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/{corpus.chapter_name(EDITED).replace('.md', '.html')}"
    env = bench_env(**variant.env)
    for name in VARIANT_ENV:
        if name not in variant.env:
            env.pop(name, None)
    log = config.parent / f"serve-{port}.log"
    result = Measurement(variant, load_average=os.getloadavg()[0])
    command = mkdocs_command(
        "serve",
        "-f",
        str(config),
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--livereload",
        *variant.arguments,
    )
    with log.open("wb") as output:
        start = time.perf_counter()
        server = subprocess.Popen(
            command,
            cwd=config.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            # A shell starts background jobs with SIGINT ignored, and Python then never turns it
            # into KeyboardInterrupt: restore it, so that MkDocs shuts down and cleans up.
            preexec_fn=_default_sigint,  # noqa: PLW1509 (the benchmark starts no thread before)
        )
        try:
            ready = wait_for(url, "</html>", start + 120)
            if ready is None:
                result.failures.append("the server never served the page")
                return result
            result.startup_s = ready - start
            _edit_repeatedly(chapter, original, url, repeats, rng, log, result)
        finally:
            chapter.write_text(original, encoding="utf-8")
            _stop(server, log)
    return result


def _edit_repeatedly(  # noqa: PLR0913, PLR0917 (one measurement's state, passed along)
    chapter: Path,
    original: str,
    url: str,
    repeats: int,
    rng: random.Random,
    log: Path,
    result: Measurement,
) -> None:
    for _ in range(repeats):
        # The watcher polls every 0.1 s (0.5 s without the hook): edit at random phases of it.
        time.sleep(1.0 + rng.uniform(0, 0.5))
        built_before = len(rebuild_times(log))
        token = f"token{uuid.uuid4().hex}"
        chapter.write_text(f"{original}\n{token}\n", encoding="utf-8")
        saved = time.perf_counter()
        seen = wait_for(url, token, saved + 30)
        if seen is None:
            result.failures.append("the edit never reached the served page within 30 s")
            if len(result.failures) >= 2:  # the server is stuck in ever longer rebuilds
                return
            continue
        result.latencies_s.append(seen - saved)
        _wait_until_logged(log, built_before + 1, seen + 5)
        result.rebuilds_s += rebuild_times(log)[built_before:]


def _wait_until_logged(log: Path, count: int, deadline: float) -> None:
    while len(rebuild_times(log)) < count and time.perf_counter() < deadline:
        time.sleep(0.02)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop(server: subprocess.Popen[bytes], log: Path) -> None:
    """Stop `mkdocs serve` as Ctrl-C does; if it hangs, kill it and remove its temporary site."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for match in RE_SITE_DIR.finditer(log.read_text(errors="replace")):
        shutil.rmtree(match.group("path"), ignore_errors=True)


def summary_row(result: Measurement) -> dict[str, Any]:
    """Return the numbers of one variant for the table and the JSON."""
    return {
        "variant": result.variant.name,
        "arguments": list(result.variant.arguments),
        "env": result.variant.env,
        "plugins": result.variant.plugins,
        "removed_plugins": list(result.variant.remove),
        "load_average_at_start": result.load_average,
        "startup_s": result.startup_s,
        "latencies_s": result.latencies_s,
        "median_latency_s": median(result.latencies_s),
        "min_latency_s": min(result.latencies_s, default=float("nan")),
        "max_latency_s": max(result.latencies_s, default=float("nan")),
        "rebuilds_s": result.rebuilds_s,
        "median_rebuild_s": median(result.rebuilds_s),
        # --dirty with the search plugin grows the search index on every rebuild
        "rebuild_growth": (
            result.rebuilds_s[-1] / result.rebuilds_s[0] if result.rebuilds_s else float("nan")
        ),
        "failures": result.failures,
        "meets_target": median(result.latencies_s) < TARGET_SECONDS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=10)
    parser.add_argument("--quizzes", type=int, default=6)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--only", help="run the variants whose name contains this text")
    arguments = parser.parse_args()
    config = corpus.generate(WORK / "serve-corpus", arguments.chapters, arguments.quizzes)
    rng = random.Random(0)
    rows = []
    for variant in VARIANTS:
        if arguments.only and arguments.only not in variant.name:
            continue
        print(f"  serving: {variant.name}", flush=True)
        rows.append(summary_row(measure(variant, config, arguments.repeats, rng)))
    print_table(
        [
            "variant",
            "median s",
            "min s",
            "max s",
            "rebuild s (median, MkDocs log)",
            "last / first rebuild",
            "first build s",
            "< 1 s",
            "failures",
        ],
        [
            [
                r["variant"],
                r["median_latency_s"],
                r["min_latency_s"],
                r["max_latency_s"],
                r["median_rebuild_s"],
                r["rebuild_growth"],
                r["startup_s"],
                "yes" if r["meets_target"] else "no",
                len(r["failures"]),
            ]
            for r in rows
        ],
        title=f"save -> page served, {arguments.chapters} chapters, {arguments.repeats} edits each "
        f"(the watcher polls every 0.1 s, MkDocs' 0.5 s without hooks/serve_watch.py, and "
        f"waits 0.1 s for quiet)",
    )
    data = {
        "chapters": arguments.chapters,
        "quizzes_per_chapter": arguments.quizzes,
        "repeats": arguments.repeats,
        "target_s": TARGET_SECONDS,
        "variants": rows,
    }
    print(f"\nwrote {write_results('serve_latency', data)}")


if __name__ == "__main__":
    main()
