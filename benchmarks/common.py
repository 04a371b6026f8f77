"""What every benchmark shares: paths, machine info, timed subprocesses, tables and JSON."""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
RESULTS = ROOT / "benchmarks" / "results"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "jieba")


def machine_info() -> dict[str, Any]:
    """Describe the machine and the software, so results from different runs compare."""
    try:
        load = list(os.getloadavg())
    except OSError:  # pragma: no cover (not on Linux)
        load = []
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "load_average": load,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "packages": {name: _version(name) for name in PACKAGES},
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def write_results(name: str, data: dict[str, Any]) -> Path:
    """Write `benchmarks/results/<name>.json` with the machine info, and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "machine": machine_info(), **data}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> None:
    """Print a Markdown table (it pastes into an issue as it is)."""
    cells = [[str(h) for h in headers], *[[_cell(value) for value in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    if title:
        print(f"\n{title}\n")
    for number, row in enumerate(cells):
        print("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    sys.stdout.flush()


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def median(values: Sequence[float]) -> float:
    """Return the median (of an empty sequence: NaN)."""
    return statistics.median(values) if values else float("nan")


def bench_env(**extra: str) -> dict[str, str]:
    """Return the environment for child processes: quiet MkDocs, plus `extra`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


@dataclass(frozen=True)
class Timing:
    """How long a child process took: wall-clock seconds and CPU seconds (user + system)."""

    wall: float
    cpu: float


def timed_run(command: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Timing:
    """Run a command to completion; raise with its output if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        text = output.decode(errors="replace")
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}:\n{text}")
    return Timing(wall=wall, cpu=usage.ru_utime + usage.ru_stime)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def mkdocs_command(*args: str) -> list[str]:
    """Return `python -m mkdocs ...` with this interpreter."""
    return [sys.executable, "-m", "mkdocs", *args]


def arm_site(config: Path, label: str = "") -> Path:
    """Return the folder a benchmark arm's config builds into: `site-<config name><label>`."""
    return config.parent / f"site-{config.stem}{label}"


def build_command(config: Path, label: str = "") -> list[str]:
    """Return the command that builds `config` quietly into `arm_site(config, label)`."""
    return mkdocs_command("build", "-q", "-f", str(config), "-d", str(arm_site(config, label)))
