"""Benchmarks: Orbit Quiz against the floors of its own libraries, measured side by side.

    python bench/run.py [--rounds N]

Each round runs ours and the floor back to back (ours first in even rounds, the
floor first in odd ones), so a noisy machine slows both alike; the times shown are
medians over the rounds, and the ratio is the median of the rounds' ratios. Memory
is the peak resident set of the process, read from the kernel.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pexpect

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors"
PYTHON = sys.executable
QUIZ = (
    [str(Path(PYTHON).parent / "quiz")]
    if (Path(PYTHON).parent / "quiz").exists()
    else [PYTHON, "-m", "quiz"]
)
TYPES = ("single", "multi", "boolean", "text", "number", "order")
ONLY: str | None = None


@dataclass(frozen=True)
class Row:
    """One comparison: our median, the floor's median, the median of the ratios of
    each round's pair of runs, and the target ratio."""

    name: str
    ours: float
    floor: float
    target: float | None  # None: shown for information
    paired: float | None = None

    @property
    def ratio(self) -> float:
        # Each round runs ours and the floor back to back, so the machine's slow
        # spells hit both runs of a pair: the median of the pairs' ratios is
        # steadier than the ratio of the medians.
        return self.paired if self.paired is not None else self.ours / self.floor

    @property
    def ok(self) -> bool:
        return self.target is None or self.ratio <= self.target


def question_lines(file_number: int, index: int) -> list[str]:
    """One generated question of every type in turn, in block YAML."""
    kind = TYPES[index % len(TYPES)]
    lines = [
        f"  - id: q{file_number}-{index}",
        f"    type: {kind}",
        f"    prompt: Generated question {index} of file {file_number}; which answer is right?",
    ]
    if kind in ("single", "multi"):
        lines.append(f"    choices: [Alpha {index}, Bravo {index}, Charlie {index}, Delta {index}]")
        lines.append(
            f"    answer: Bravo {index}"
            if kind == "single"
            else f"    answer: [Alpha {index}, Delta {index}]"
        )
    elif kind == "boolean":
        lines.append("    answer: true")
    elif kind == "text":
        lines.append(f"    answer: [Answer {index}, Other {index}]")
    elif kind == "number":
        lines += [f"    answer: {index}", "    tolerance: 1"]
    else:
        lines.append(f"    items: [First {index}, Second {index}, Third {index}]")
    lines += [
        f"    explanation: The generator made answer {index} the right one.",
        f"    difficulty: {('easy', 'medium', 'hard')[index % 3]}",
        f"    tags: [generated, group{index % 7}]",
    ]
    return lines


def generate(folder: Path, files: int, per_file: int, with_json: bool = False) -> Path:
    """Write ``files`` banks of ``per_file`` questions (and JSON twins for the floor)."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        lines = [f"title: Generated bank {number}", "tags: [bench]", "questions:"]
        for index in range(per_file):
            lines += question_lines(number, index)
        text = "\n".join(lines) + "\n"
        (folder / f"bank{number:03d}.yaml").write_text(text, encoding="utf-8")
        if with_json:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            (folder / f"bank{number:03d}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def opentdb_dump(path: Path, count: int) -> Path:
    """An Open Trivia DB response of ``count`` questions, multiple choice and true/false."""
    results = []
    for index in range(count):
        if index % 4 == 3:
            results.append(
                {"type": "boolean", "difficulty": "easy", "category": "General Knowledge",
                 "question": f"Statement number {index} is true.", "correct_answer": "True",
                 "incorrect_answers": ["False"]}
            )  # fmt: skip
        else:
            results.append(
                {"type": "multiple", "difficulty": ("easy", "medium", "hard")[index % 3],
                 "category": f"Category {index % 24}",
                 "question": f"Which of these is answer &quot;{index}&quot;?",
                 "correct_answer": f"Right {index}",
                 "incorrect_answers": [f"Wrong {index}", f"Other {index}", f"Third {index}"]}
            )  # fmt: skip
    path.write_text(json.dumps({"response_code": 0, "results": results}), encoding="utf-8")
    return path


def timed(command: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    """Seconds one run of a command takes, output discarded."""
    start = time.perf_counter()
    subprocess.run(
        command,
        env=env,
        input=stdin,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def until_visible(command: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds until ``marker`` is on the screen of a program in a pseudo-terminal."""
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(40, 100))
    seen = b""
    try:
        while marker not in seen:
            seen += child.read_nonblocking(65536, timeout=20)
        return time.perf_counter() - start
    finally:
        child.terminate(force=True)


def compare(
    name: str,
    ours: Callable[[], float],
    floor: Callable[[], float],
    rounds: int,
    target: float | None,
) -> Row:
    """Alternate the two, ``rounds`` times each; the medians make the row."""
    if ONLY and ONLY not in name:
        return Row(name, 0.0, 1.0, target)
    mine: list[float] = []
    theirs: list[float] = []
    for round_number in range(rounds):
        order = [(mine, ours), (theirs, floor)]
        if round_number % 2:
            order.reverse()
        for results, run in order:
            results.append(run())
    ratios = [a / b for a, b in zip(mine, theirs, strict=True)]
    return Row(
        name,
        statistics.median(mine),
        statistics.median(theirs),
        target,
        statistics.median(ratios),
    )


def peak_memory_mb(command: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    """Peak resident memory of one run, in MB (through a fresh wrapper process)."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[2:], input=sys.argv[1], text=True, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [PYTHON, "-c", probe, stdin or "", *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip()) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15, help="runs of each side (default 15)")
    parser.add_argument(
        "--skip-memory", action="store_true", help="leave out the 100,000-question runs"
    )
    parser.add_argument("--only", metavar="WORDS", help="only the benchmarks named with WORDS")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    try:
        return run_all(work, args.rounds, args.skip_memory, args.only)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_all(work: Path, rounds: int, skip_memory: bool, only: str | None = None) -> int:
    from quiz.format.starter import STARTER_BANK

    global ONLY
    ONLY = only

    # An installed package runs from compiled bytecode; so must ours, whatever the
    # shell says (PYTHONDONTWRITEBYTECODE would make every run compile changed modules).
    compileall.compile_dir(str(HERE.parent / "quiz"), quiet=1)
    dropped = ("NO_COLOR", "QUIZ_PATH", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        QUIZ_DATA_DIR=str(work / "data"), QUIZ_CACHE_DIR=str(work / "cache"), TERM="xterm-256color"
    )
    small = work / "small.yaml"
    small.write_text(STARTER_BANK.format(filename=small.name), encoding="utf-8")
    big = generate(work / "big", 20, 500, with_json=True)
    rows: list[Row] = []

    def ours(*words: str, cold: bool = False, cores: int = 0) -> Callable[[], float]:
        # With ``cores``, the run may use only that many (files are checked on as
        # many worker processes as it may use: see quiz.library.workers).
        pinned = ["taskset", "-c", f"0-{cores - 1}"] if cores else []

        def run() -> float:
            if cold:
                shutil.rmtree(work / "cache", ignore_errors=True)
            return timed([*pinned, *QUIZ, *words], env)

        return run

    def floor(script: str, *words: str) -> Callable[[], float]:
        return lambda: timed([PYTHON, str(FLOORS / script), *words], env)

    first = compare(
        "first question on screen (pty)",
        lambda: until_visible([*QUIZ, "play", "--no-shuffle", str(small)], b"Mercury", env),
        lambda: until_visible([PYTHON, str(FLOORS / "select_prompt.py")], b"Mercury", env),
        rounds,
        1.10,
    )
    rows.append(first)
    show = floor("show_bank.py", str(small))
    rows.append(compare("quiz --help", ours("--help"), show, rounds, 1.25))
    rows.append(compare("quiz list (small bank)", ours("list", str(small)), show, rounds, 1.25))
    rows.append(
        compare("quiz validate (small bank)", ours("validate", str(small)), show, rounds, 1.25)
    )
    read_json = floor("read_json.py", str(big))
    rows.append(
        compare(
            "validate 10,000 questions, cold",
            ours("validate", str(big), cold=True),
            read_json,
            rounds,
            12.0,
        )
    )
    if shutil.which("taskset"):
        rows.append(
            compare(
                "validate 10,000 questions, cold, 1 core",
                ours("validate", str(big), cold=True, cores=1),
                read_json,
                rounds,
                None,
            )
        )
    ours("validate", str(big))()
    rows.append(
        compare(
            "validate 10,000 questions, warm", ours("validate", str(big)), read_json, rounds, 2.0
        )
    )
    # For information: what any warm run of this design costs at least (see the script).
    least = floor("least_warm.py", "validate", str(big))
    rows.append(compare("least of this design, warm", least, read_json, rounds, None))
    rows.append(
        compare(
            "list 10,000 questions, cold",
            ours("list", str(big), cold=True),
            read_json,
            rounds,
            12.0,
        )
    )
    ours("list", str(big))()
    rows.append(
        compare("list 10,000 questions, warm", ours("list", str(big)), read_json, rounds, 2.0)
    )

    print(f"{'benchmark':40} {'ours ms':>9} {'floor ms':>9} {'ratio':>6} {'target':>7}")
    for row in rows:
        if ONLY and ONLY not in row.name:
            continue
        mark = "" if row.target is None else "ok" if row.ok else "MISSED"
        target = "" if row.target is None else "<=" + format(row.target, ".2f")
        print(
            f"{row.name:40} {row.ours * 1000:9.1f} {row.floor * 1000:9.1f} "
            f"{row.ratio:6.2f} {target:>7} {mark}"
        )
    failed = sum(not row.ok for row in rows)
    if not only or "import" in only:
        trivia = opentdb_dump(work / "trivia.json", 5_000)
        command = [*QUIZ, "import", str(trivia), "-o", str(work / "trivia.yaml"), "--force"]
        seconds = statistics.median(timed(command, env) for _ in range(max(3, rounds // 5)))
        mark = "ok" if seconds < 1.5 else "MISSED"
        failed += seconds >= 1.5
        name = "import 5,000 Open Trivia DB questions"
        print(f"{name:40} {seconds * 1000:9.1f} ms {'':>9} {'<1.5 s':>14} {mark}")
    if not skip_memory and not only:
        huge = generate(work / "huge", 100, 1000)
        listing = peak_memory_mb([*QUIZ, "list", str(huge)], env)
        answers = "".join(
            random.Random(0).choice(["1\n", "y\n", "2 1 3\n", "5\n"]) for _ in range(30)
        )
        game = peak_memory_mb(
            [*QUIZ, "play", "--plain", "--no-shuffle", str(huge)], env, stdin=answers
        )
        for name, value in (
            ("peak memory: list 100,000 questions", listing),
            ("peak memory: game over 100,000", game),
        ):
            mark = "ok" if value < 250 else "MISSED"
            failed += value >= 250
            print(f"{name:40} {value:9.1f} MB {'':>9} {'<250 MB':>14} {mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
