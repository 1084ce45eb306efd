"""The first question, counted in instructions rather than timed.

    python bench/instructions.py

Runs ours and the floor under valgrind's callgrind in a pseudo-terminal, and counts
the instructions each executes from its start until the first question is on the
screen. Unlike a time, the count does not depend on what else the machine is doing.
Needs valgrind (Debian's package); takes a minute or two.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
QUIZ = Path(PYTHON).parent / "quiz"


def instructions(command: list[str], env: dict[str, str], work: Path, tag: str) -> int:
    """Instructions executed until ``Mercury`` is on the screen of ``command``."""
    out = work / f"{tag}.callgrind"
    child = pexpect.spawn(
        "valgrind",
        ["--tool=callgrind", f"--callgrind-out-file={out}", *command],
        env=env,
        dimensions=(40, 100),
    )
    try:
        child.expect("Mercury", timeout=600)
        # Dump the counts so far; the dump goes to a file of its own, <out>.1.
        subprocess.run(
            ["callgrind_control", "--dump=first-question", str(child.pid)],
            check=True,
            capture_output=True,
        )
        dump = Path(f"{out}.1")
        for _ in range(100):
            if dump.exists() and "summary:" in dump.read_text(errors="replace"):
                break
            time.sleep(0.1)
    finally:
        child.terminate(force=True)
    for line in dump.read_text(errors="replace").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"no summary in {dump}")


def main() -> int:
    from quiz.format.starter import STARTER_BANK

    with tempfile.TemporaryDirectory(prefix="quiz-count-") as folder:
        work = Path(folder)
        small = work / "small.yaml"
        small.write_text(STARTER_BANK.format(filename=small.name), encoding="utf-8")
        dropped = ("NO_COLOR", "QUIZ_PATH", "PYTHONDONTWRITEBYTECODE")
        env = {k: v for k, v in os.environ.items() if k not in dropped}
        env.update(
            QUIZ_DATA_DIR=str(work / "data"),
            QUIZ_CACHE_DIR=str(work / "cache"),
            TERM="xterm-256color",
        )
        ours = [PYTHON, str(QUIZ), "play", "--no-shuffle", str(small)]
        floor = [PYTHON, str(HERE / "floors" / "select_prompt.py")]
        subprocess.run([*ours[:2], "validate", str(small)], env=env, capture_output=True)
        mine = instructions(ours, env, work, "ours")
        theirs = instructions(floor, env, work, "floor")
    print(f"first question, ours:  {mine:>13,} instructions")
    print(f"first question, floor: {theirs:>13,} instructions")
    print(f"ratio {mine / theirs:.3f} (target 1.10)")
    return 0 if mine / theirs <= 1.10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
