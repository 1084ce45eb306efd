"""Import and export times on large generated files: the work must grow linearly.

    python bench/import_export.py [--questions N]

Writes an Open Trivia DB response, a GIFT file and a GIFT file whose questions all
share one title (ids de-duplicated) with N questions each, then times `quiz import`
of each, `quiz export` of the imported bank in every format, and the hostile cases
of issue 19 (15,000 `<a `, 20,000 `*x `). Times include the start of the process.

    python bench/import_export.py --scaling [20000 50000 100000]

Imports GIFT files of 20,000, 50,000 and 100,000 questions (or the counts given) and
prints the time (wall and CPU) and the peak memory (the process's maximum resident
size) of each, with the size of the file and the ratios: each should be the same for
every count, work growing as the file does. Two hostile files follow: an answer block
never closed followed by 20,000 blank-separated lines, and 20,000 '::' lines in it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUIZ = [str(Path(sys.executable).parent / "quiz")]
FORMATS = ("gift", "moodle-xml", "aiken", "csv", "anki")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(QUIZ + args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"{args}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return elapsed


def measured(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident megabytes of one ``quiz`` run."""
    start = time.perf_counter()
    process = subprocess.Popen(QUIZ + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    assert process.stderr is not None
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1) or "Traceback" in errors:
        raise SystemExit(f"{args}: exit status {status}\n{errors[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def scaling(folder: Path, counts: list[int]) -> None:
    """Import GIFT files of ``counts`` questions: time and memory against the size."""
    print("| file | questions | MB | wall s | CPU s | CPU s/1k q | peak MB | peak/file |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    gifts = [(f"q{count}.gift", count, _gift(count)) for count in counts]
    gifts.append(("open.gift", 20_000, "Q {=a\n\n" + "x\n\n" * 20_000))
    gifts.append(("colons.gift", 20_000, "Q {=a\n" + "::x\n" * 20_000))
    for name, count, text in gifts:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size / 1e6
        wall, cpu, peak = measured(["import", str(path), "-o", str(folder / "s.yaml"), "--force"])
        print(
            f"| {name} | {count:,} | {size:.1f} | {wall:.2f} | {cpu:.2f} | "
            f"{cpu / count * 1000:.3f} | {peak:.0f} | {peak / size:.1f} |"
        )


def _gift(count: int) -> str:
    """The attacker's file (A#15): ``::qI:: Question I? {=rightI ~wrongI ~otherI}``."""
    return "\n\n".join(
        f"::q{i}:: Question {i}? {{=right{i} ~wrong{i} ~other{i}}}" for i in range(count)
    )


def write_inputs(folder: Path, count: int) -> dict[str, Path]:
    results = [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Science",
            "question": f"What is question number {i}?",
            "correct_answer": f"right {i}",
            "incorrect_answers": [f"wrong a{i}", f"wrong b{i}", f"wrong c{i}"],
        }
        for i in range(count)
    ]
    paths = {
        "opentdb.json": json.dumps({"response_code": 0, "results": results}),
        "questions.gift": "\n\n".join(
            f"::Q{i}:: What is {i}? {{=yes ~no ~maybe}}" for i in range(count)
        ),
        "same-title.gift": "\n\n".join(f"::Same:: What is {i}? {{=yes ~no}}" for i in range(count)),
        "anchors.gift": "Q " + "<a " * 15_000 + "{=a ~b}\n",
        "stars.gift": "[markdown]Q " + "*x " * 20_000 + "{=a ~b}\n",
    }
    for name, text in paths.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: folder / name for name in paths}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--scaling", type=int, nargs="*", metavar="COUNT")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if args.scaling is not None:
            scaling(folder, args.scaling or [20_000, 50_000, 100_000])
            return 0
        for name, path in write_inputs(folder, args.questions).items():
            out = folder / f"{path.stem}.yaml"
            print(f"import {name:18} {timed(['import', str(path), '-o', str(out)]):6.2f} s")
        bank = folder / "questions.yaml"
        for fmt in FORMATS:
            target = folder / f"out.{fmt}"
            seconds = timed(["export", str(bank), "--format", fmt, "-o", str(target)])
            print(f"export {fmt:18} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
