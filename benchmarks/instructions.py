"""Instructions one build executes per arm, counted by valgrind's callgrind.

Time on a shared 2-core machine moves by more than the 3 % being looked for; the number of
instructions a build executes does not depend on what else the machine is doing. Each arm is
built once under `valgrind --tool=callgrind` (about 60 times slower than a plain build), all arms at
the same time, with hash randomisation off so that two runs of an arm count the same.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from benchmarks.common import WORK, bench_env, build_command

RE_COLLECTED = re.compile(r"Collected : (?P<count>\d+)")


def available() -> bool:
    """Tell whether valgrind is installed."""
    return shutil.which("valgrind") is not None


def count(arms: dict[str, Path]) -> dict[str, int]:
    """Build every arm once under callgrind, in parallel; return the instructions per arm."""
    processes = {}
    for name, config in arms.items():
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={WORK / f'callgrind-{name}.out'}",
            *build_command(config, "-callgrind"),
        ]
        processes[name] = subprocess.Popen(
            command,
            env=bench_env(PYTHONHASHSEED="0"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    counts = {}
    for name, process in processes.items():
        output, _ = process.communicate()
        match = RE_COLLECTED.search(output)
        if process.returncode != 0 or match is None:
            raise RuntimeError(f"the {name} build under callgrind failed:\n{output[-2000:]}")
        counts[name] = int(match.group("count"))
    return counts
