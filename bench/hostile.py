"""Hostile question files: time and peak memory of ``quiz`` on each, one cold run.

    python bench/hostile.py [--only NAME] [--quiz PATH]

The cases of issue 19 (many empty entries, many warnings, a million questions, 10 MB of
flow entries, a file over the size limit), each written to a temporary folder and
checked with an empty cache. Memory is the peak resident set of the process (from the
kernel, through wait4). The work must grow linearly: compare the 100,000 and the
1,000,000 question rows.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

QUIZ = str(Path(sys.executable).parent / "quiz")


def numbers(count: int, explained: bool = True) -> str:
    why = "    explanation: E.\n" if explained else ""
    body = "".join(
        f"  - id: q{i}\n    prompt: Is {i} odd?\n    type: number\n    answer: {i + 1}\n{why}"
        for i in range(count)
    )
    return "title: T\nquestions:\n" + body


CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "5,000 '- {}' entries": ("list", lambda: "title: T\nquestions:\n" + "  - {}\n" * 5000),
    "10,000 '- {}' entries": ("list", lambda: "title: T\nquestions:\n" + "  - {}\n" * 10_000),
    "10,000 '- {}' entries (validate)": (
        "validate",
        lambda: "title: T\nquestions:\n" + "  - {}\n" * 10_000,
    ),
    "10,000 questions, no explanations": ("validate", lambda: numbers(10_000, False)),
    "100,000 questions": ("validate", lambda: numbers(100_000)),
    "1,000,000 questions": ("validate", lambda: numbers(1_000_000)),
    "10 MB [a,a,a,...]": ("list", lambda: "title: T\nquestions: [" + "a," * 5_242_880 + "a]\n"),
    "10 MB [{},{},...]": ("list", lambda: "title: T\nquestions: [" + "{}," * 3_495_253 + "{}]\n"),
    "10 MB tags [a,b,...] (valid)": (
        "validate",
        lambda: (
            "title: T\ntags: ["
            + ",".join(f"t{i}" for i in range(1_100_000))
            + "]\nquestions:\n  - {id: q, prompt: P, type: boolean, answer: yes, explanation: E}\n"
        ),
    ),
}


def measure(quiz: str, command: str, path: Path, cache: Path) -> tuple[float, int, int]:
    """Seconds, peak resident kilobytes and exit status of one run.

    The run is started with posix_spawn (no copy of this process), so that its peak is
    its own: a child forked from this process would start its count at this one's size."""
    started = time.perf_counter()
    environment = {**os.environ, "QUIZ_CACHE_DIR": str(cache)}
    pid = os.posix_spawn(
        quiz,
        [quiz, command, str(path)],
        environment,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ],
    )
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the cases whose name holds this text")
    parser.add_argument("--quiz", default=QUIZ, help="the quiz command to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name, (command, make) in CASES.items():
            if args.only and args.only not in name:
                continue
            path = Path(folder) / "case.yaml"
            path.write_text(make(), encoding="utf-8")
            gc.collect()
            size = path.stat().st_size
            seconds, peak, code = measure(args.quiz, command, path, Path(folder) / name[:8])
            print(
                f"{name:36} {command:8} {size / 1e6:7.1f} MB {seconds:7.2f} s "
                f"{peak / 1024:7.0f} MB peak  exit {code}",
                flush=True,
            )


if __name__ == "__main__":
    main()
