"""A folder of many small banks (issue 19): ``quiz list FOLDER`` and the start screen.

    python bench/many_banks.py [--banks N] [--rounds N] [--only WORDS]

Writes N small banks (default 10,000: two questions each, a tag, titles and names of
every length up to a long one) to a temporary folder and times, cold (an empty cache
of checked files) and warm (every file checked before, none changed):

- ``quiz list FOLDER`` into a pipe (each bank one line), and in a pseudo-terminal
  100 columns wide until the whole table is drawn;
- the start screen (``quiz`` with ``QUIZ_PATH=FOLDER``) in a pseudo-terminal, until
  the first bank's name is on the screen, and until the list to pick from is.

Times are medians over the rounds (wall clock; for the pipe also the CPU time of the
process, user and system, which a busy machine inflates less). The work must grow
linearly: ``--banks 20000`` should take about twice as long.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

PYTHON = sys.executable
QUIZ = str(Path(PYTHON).parent / "quiz")
# A person feels a wait past a second; warm runs must stay under it (on an idle
# machine: a busy one stretches wall time past the CPU time shown for pipes).
WARM_TARGET = 1.0
# Cold, every file is checked and its cache entry written: 2 ms a small bank at most.
COLD_TARGET = 20.0


def bank_text(number: int) -> str:
    """A small bank: a boolean and a single-choice question, with a tag."""
    title = f"Bank number {number}" + " of a long series" * (number % 7 == 0)
    return (
        f"title: {title}\n"
        "questions:\n"
        f"  - id: q1\n    prompt: Is {number} even?\n    type: boolean\n"
        f"    answer: {'yes' if number % 2 == 0 else 'no'}\n    tags: [maths, t{number % 50}]\n"
        "  - id: q2\n    prompt: Which is a planet?\n    type: single\n"
        "    choices: [Mars, Sirius]\n    answer: Mars\n"
    )


def write_banks(folder: Path, count: int) -> None:
    """``count`` banks named bank-00000.yaml and on."""
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"bank-{number:05d}.yaml").write_text(bank_text(number), encoding="utf-8")


def piped(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) of one run into a pipe."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def in_terminal(command: list[str], env: dict[str, str], marker: bytes | None) -> float:
    """Seconds until ``marker`` is in the output of a program in a 100 by 40
    pseudo-terminal (with ``None``: until the program ends)."""
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(40, 100))
    seen = b""
    try:
        while marker is None or marker not in seen:
            try:
                seen += child.read_nonblocking(1 << 20, timeout=120)
            except pexpect.EOF:
                if marker is not None:
                    raise
                break
        return time.perf_counter() - start
    finally:
        child.terminate(force=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--banks", type=int, default=10_000, help="banks (default 10,000)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--only", metavar="WORDS", help="only the rows named with WORDS")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quiz-many-banks-"))
    try:
        return run_all(work, args.banks, args.rounds, args.only)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_all(work: Path, banks: int, rounds: int, only: str | None) -> int:
    folder = work / "banks"
    write_banks(folder, banks)
    cache = work / "cache"
    dropped = ("NO_COLOR", "QUIZ_PATH", "QUIZ_PLAIN", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(QUIZ_DATA_DIR=str(work / "data"), QUIZ_CACHE_DIR=str(cache), TERM="xterm-256color")
    listing = [QUIZ, "list", str(folder)]
    start_screen = {**env, "QUIZ_PATH": str(folder)}
    first_name = b"bank-00000"
    print(f"{banks:,} banks; medians of {rounds} runs")
    print(f"{'benchmark':46} {'wall s':>7} {'cpu s':>6} {'target':>8}")
    failed = 0

    def row(name: str, run: Callable[[], tuple[float, float | None]], target: float) -> None:
        """Time ``run`` over the rounds (cold: each with an empty cache) and print it."""
        nonlocal failed
        if only and only not in name:
            return
        cold = "cold" in name
        if not cold:
            run()  # every file checked once, so that each timed run is warm
        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(rounds):
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
            wall, cpu = run()
            walls.append(wall)
            if cpu is not None:
                cpus.append(cpu)
        wall = statistics.median(walls)
        cpu_text = f"{statistics.median(cpus):6.2f}" if cpus else f"{'':6}"
        mark = "ok" if wall < target else "MISSED"
        failed += wall >= target
        print(f"{name:46} {wall:7.2f} {cpu_text} {'<' + format(target, '.1f') + ' s':>8} {mark}")

    def screen(marker: bytes) -> tuple[float, None]:
        return in_terminal([QUIZ], start_screen, marker), None

    row("quiz list FOLDER into a pipe, cold", lambda: piped(listing, env), COLD_TARGET)
    row("quiz list FOLDER into a pipe, warm", lambda: piped(listing, env), WARM_TARGET)
    row(
        "quiz list FOLDER in a terminal, warm",
        lambda: (in_terminal(listing, env, None), None),
        WARM_TARGET,
    )
    row("start screen: first bank shown, cold", lambda: screen(first_name), COLD_TARGET)
    row("start screen: first bank shown, warm", lambda: screen(first_name), WARM_TARGET)
    row("start screen: list to pick from, warm", lambda: screen(b"Which bank?"), WARM_TARGET)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
