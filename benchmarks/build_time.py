"""Build time with the quiz plugin against the same corpus with the plugin disabled.

Each build is a fresh `python -m mkdocs build -q` subprocess, so imports and jieba's dictionary
load are paid in every arm. The arms run interleaved, in a rotating order, round after round;
we report medians of wall-clock and CPU time (user + system, which other processes on a busy
machine disturb less), the overhead and the cost per quiz. A cProfile of one in-process build
then says which `quiz_plugin` functions the time goes to.

    python -m benchmarks.build_time --chapters 100 --quizzes 6 --rounds 9
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from benchmarks import attribution, corpus, instructions
from benchmarks.common import (
    WORK,
    Timing,
    arm_site,
    bench_env,
    build_command,
    median,
    print_table,
    timed_run,
    write_results,
)

OFF = "off"
ON = "quiz"
NO_PARITY = "quiz-no-parity"
ENABLED_FALSE = "enabled-false-only"
TARGET_OVERHEAD = 0.03


def prepare(chapters: int, quizzes: int, *, parity_arms: bool = False) -> dict[str, Path]:
    """Generate the corpus and one config per arm; return the configs by arm.

    `off` sets `parity: false` as well as `enabled: false`: `enabled: false` alone still runs
    the parity check in `on_post_build`, which the `enabled-false-only` arm shows (with
    `--parity-arms`, which also adds the plugin without its parity check).
    """
    config = corpus.generate(WORK / f"corpus-{chapters}x{quizzes}", chapters, quizzes)
    arms = {ON: config}
    parity = _has_parity_option()
    off = {"enabled": "false", "parity": "false"} if parity else {"enabled": "false"}
    if parity and parity_arms:
        arms[NO_PARITY] = corpus.write_variant(
            config, "mkdocs-no-parity.yml", quiz={"parity": "false"}
        )
        arms[ENABLED_FALSE] = corpus.write_variant(
            config, "mkdocs-enabled-false.yml", quiz={"enabled": "false"}
        )
    arms[OFF] = corpus.write_variant(config, "mkdocs-off.yml", quiz=off)
    return arms


def _has_parity_option() -> bool:
    from quiz_plugin.config import QuizConfig

    return hasattr(QuizConfig, "parity")  # each option is an attribute of the config class


def build_once(config: Path) -> Timing:
    """Build one arm in a fresh interpreter, into its own site folder."""
    return timed_run(build_command(config), bench_env())


def run_rounds(arms: dict[str, Path], rounds: int) -> dict[str, list[Timing]]:
    """Warm up every arm once, then run `rounds` rounds in a rotating order."""
    names = list(arms)
    for name in names:
        build_once(arms[name])
    timings: dict[str, list[Timing]] = {name: [] for name in names}
    for number in range(rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            timings[name].append(build_once(arms[name]))
            print(
                f"  round {number + 1}/{rounds} {name:<15} {timings[name][-1].wall:6.2f} s wall",
                flush=True,
            )
    return timings


def check_rendering(arms: dict[str, Path]) -> dict[str, int]:
    """Count rendered widgets on one chapter per arm, to prove each arm did what it says."""
    counts = {}
    for name, config in arms.items():
        page = arm_site(config) / corpus.chapter_name(1).replace(".md", ".html")
        counts[name] = page.read_text(encoding="utf-8").count('class="quiz"')
    return counts


def summarise(timings: dict[str, list[Timing]], total_quizzes: int) -> dict[str, Any]:
    """Return medians per arm, and overhead and per-quiz cost against the plugin-off arm."""
    summary: dict[str, Any] = {}
    base_wall = median([t.wall for t in timings[OFF]])
    base_cpu = median([t.cpu for t in timings[OFF]])
    for name, runs in timings.items():
        wall, cpu = median([t.wall for t in runs]), median([t.cpu for t in runs])
        pair_ratios = [t.wall / o.wall for t, o in zip(runs, timings[OFF], strict=True)]
        summary[name] = {
            "wall_s": [t.wall for t in runs],
            "cpu_s": [t.cpu for t in runs],
            "median_wall_s": wall,
            "median_cpu_s": cpu,
            "min_wall_s": min(t.wall for t in runs),
            "ratio_wall": wall / base_wall,
            "ratio_cpu": cpu / base_cpu,
            "median_round_ratio_wall": median(pair_ratios),
            "per_quiz_ms_wall": (wall - base_wall) / total_quizzes * 1000,
            "per_quiz_ms_cpu": (cpu - base_cpu) / total_quizzes * 1000,
        }
    return summary


def print_arms(summary: dict[str, Any], title: str) -> None:
    """Print the A/B table."""
    headers = ["arm", "median wall s", "min wall s", "median CPU s", "wall ratio"]
    headers += ["per-round wall ratio", "CPU ratio", "per-quiz ms wall", "per-quiz ms CPU"]
    keys = ["median_wall_s", "min_wall_s", "median_cpu_s", "ratio_wall"]
    keys += ["median_round_ratio_wall", "ratio_cpu", "per_quiz_ms_wall", "per_quiz_ms_cpu"]
    rows = [[name, *[arm[key] for key in keys]] for name, arm in summary.items()]
    print_table(headers, rows, title=title)


def print_attribution(result: dict[str, Any], total_quizzes: int) -> None:
    """Print the in-process shares of each group of entry points."""
    rows = []
    for group, shares in result["shares"].items():
        seconds = median(result["seconds"][group])
        rows.append([group, seconds, f"{median(shares):.2%}", seconds / total_quizzes * 1000])
    build = median(result["builds_s"])
    print_table(
        ["quiz_plugin entry points", "median s", "share of build", "ms per quiz"],
        rows,
        title=f"Time inside quiz_plugin, timed in-process ({len(result['builds_s'])} builds, "
        f"median build {build:.2f} s)",
    )


def print_in_process(seconds: dict[str, list[float]], total_quizzes: int) -> None:
    """Print the in-process A/B: quickest and median build per arm, and their ratios."""
    on, off = seconds["on"], seconds["off"]
    rows = [
        ["quickest", min(on), min(off), f"{min(on) / min(off) - 1:+.2%}"],
        ["median", median(on), median(off), f"{median(on) / median(off) - 1:+.2%}"],
        ["per-quiz ms (quickest)", (min(on) - min(off)) / total_quizzes * 1000, "", ""],
    ]
    print_table(
        ["in-process builds", "with the plugin s", "without s", "overhead"],
        rows,
        title=f"Both arms built in one process, alternating ({len(on)} rounds): no interpreter "
        "start or jieba load in the figures",
    )


def print_markdown_ab(
    result: dict[str, Any], total_quizzes: int, timed: dict[str, Any] | None
) -> None:
    """Print the page-by-page Markdown A/B, and its share of a build if one was timed."""
    spent = result["seconds_per_pass"]
    rounds = result["rounds"]
    extra = spent["with"] - spent["without"]
    rows = [
        ["with the quiz extension", spent["with"]],
        ["without", spent["without"]],
        ["difference", extra],
        ["ms per quiz", extra / total_quizzes * 1000],
    ]
    if timed:
        hooks = median(timed["seconds"]["page hooks (plugin.py)"])
        parity = median(timed["seconds"]["parity check (on_post_build)"])
        baseline = median(timed["builds_s"]) - extra - hooks - parity
        rows.append(["estimated build without the plugin", baseline])
        rows.append(["overhead: Markdown stage + hooks", f"{(extra + hooks) / baseline:.2%}"])
        rows.append(["overhead: + parity check", f"{(extra + hooks + parity) / baseline:.2%}"])
    print_table(
        ["Markdown + search parsing, quickest pass per page", "s per pass"],
        rows,
        title=f"The plugin's whole Markdown-stage cost ({result['pages']} pages, {rounds} rounds)",
    )


def print_instructions(counts: dict[str, int], total_quizzes: int) -> None:
    """Print each arm's instruction count, its ratio to the plugin-off arm and per quiz."""
    base = counts[OFF]
    print_table(
        ["arm", "instructions", "ratio", "per quiz"],
        [
            [name, f"{value:,}", f"{value / base:.4f}", f"{(value - base) / total_quizzes:,.0f}"]
            for name, value in counts.items()
        ],
        title="Instructions per build (valgrind callgrind, one build per arm): the same on a "
        "busy machine; target overhead <= 3 %",
    )


def print_profile(total: float, rows: list[dict[str, Any]]) -> None:
    """Print the costliest quiz_plugin functions of the profiled build."""
    keys = ("function", "calls", "own_s", "cumulative_s")
    print_table(
        ["quiz_plugin function", "calls", "own s", "cumulative s", "share of build"],
        [[*[r[key] for key in keys], f"{r['cumulative_s'] / total:.1%}"] for r in rows[:15]],
        title=f"cProfile of one in-process build with the plugin ({total:.2f} s under the "
        "profiler, which inflates call-heavy code)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=100)
    parser.add_argument("--quizzes", type=int, default=6)
    # 15: with 9, the ratio of the two medians swung by several percent between runs here.
    parser.add_argument("--rounds", type=int, default=15, help="A/B rounds (subprocess builds)")
    parser.add_argument(
        "--parity-arms", action="store_true", help="add the arms that isolate the parity check"
    )
    parser.add_argument("--attribution-builds", type=int, default=3)
    parser.add_argument("--markdown-rounds", type=int, default=5)
    parser.add_argument("--in-process-rounds", type=int, default=7)
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile build")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each arm's instructions under valgrind (noise-free; ~8 min)",
    )
    arguments = parser.parse_args()
    total_quizzes = arguments.chapters * arguments.quizzes * len(corpus.LANGUAGES)
    arms = prepare(arguments.chapters, arguments.quizzes, parity_arms=arguments.parity_arms)
    print(f"build time: {arguments.chapters} chapters x {arguments.quizzes} quizzes x 2 languages")
    summary = summarise(run_rounds(arms, arguments.rounds), total_quizzes)
    title = f"{arguments.rounds} rounds, {total_quizzes} quizzes; target overhead <= 3 %"
    print_arms(summary, title)
    data: dict[str, Any] = {
        "chapters": arguments.chapters,
        "quizzes_per_chapter": arguments.quizzes,
        "total_quizzes": total_quizzes,
        "rounds": arguments.rounds,
        "target_overhead": TARGET_OVERHEAD,
        "widgets_on_chapter_1": check_rendering(arms),
        "arms": summary,
    }
    if arguments.attribution_builds:
        data["attribution"] = attribution.attribute(arms[ON], arguments.attribution_builds)
        print_attribution(data["attribution"], total_quizzes)
    if arguments.in_process_rounds:
        data["in_process"] = attribution.in_process_ab(
            arms[ON], arms[OFF], arguments.in_process_rounds
        )
        print_in_process(data["in_process"], total_quizzes)
    if arguments.markdown_rounds:
        data["markdown_ab"] = attribution.markdown_ab(arms[ON], arguments.markdown_rounds)
        print_markdown_ab(data["markdown_ab"], total_quizzes, data.get("attribution"))
    if not arguments.no_profile:
        total, rows = attribution.profile(arms[ON])
        print_profile(total, rows)
        data["profile"] = {"profiled_build_s": total, "functions": rows[:40]}
    if arguments.instructions:
        if instructions.available():
            data["instructions"] = instructions.count({ON: arms[ON], OFF: arms[OFF]})
            print_instructions(data["instructions"], total_quizzes)
        else:
            print("\nvalgrind is not installed: no instruction counts (apt-get install valgrind)")
    print(f"\nwrote {write_results('build_time', data)}")


if __name__ == "__main__":
    main()
