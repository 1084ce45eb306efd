"""Import and export times on large generated files: the work must grow linearly.

    python bench/import_export.py [--questions N]

Writes an Open Trivia DB response, a GIFT file and a GIFT file whose questions all
share one title (ids de-duplicated) with N questions each, then times `quiz import`
of each, `quiz export` of the imported bank in every format, and the hostile cases
of issue 19 (15,000 `<a `, 20,000 `*x `). Times include the start of the process.
"""

from __future__ import annotations

import argparse
import json
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
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
