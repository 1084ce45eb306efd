"""Load run of a quiz night: simulated players on loopback against the real ``quiz host``.

    python bench/quiz_night.py [--players 50] [--questions 10]

The host is the installed command (``--start-when N --auto``, a free port on
127.0.0.1, a fresh data folder). Each simulated player is an asyncssh client with a
pseudo-terminal, so the host draws the same full-screen prompts as for a person; it
joins with the code, answers every question after a random pause (the digit of a
choice, then Enter) and notes when its reveal arrives. The host's reveal time is
when the host writes the reveal (its output is a pipe: one block per event). Both
clocks are the machine's monotonic clock. The host's peak memory is its VmHWM,
read from /proc while it runs. Every request goes to 127.0.0.1, and every loop is
bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import asyncssh

PYTHON = sys.executable
QUIZ = (
    [str(Path(PYTHON).parent / "quiz")]
    if (Path(PYTHON).parent / "quiz").exists()
    else [PYTHON, "-m", "quiz"]
)
CODE = "BENCH1"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LIMIT_SECONDS = 600.0


def write_bank(folder: Path, count: int) -> Path:
    """A bank of ``count`` single-choice questions."""
    lines = ["title: Load run", "questions:"]
    for index in range(1, count + 1):
        lines += [
            f"  - id: q{index}",
            f"    prompt: Question number {index}, which is the right choice?",
            "    choices: [Alpha, Bravo, Charlie, Delta]",
            "    answer: Bravo",
            "    explanation: Bravo is always right here.",
        ]
    path = folder / "load.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Host:
    """The ``quiz host`` child process, its reveal times and its peak memory."""

    def __init__(self, bank: Path, players: int, questions: int, results: Path) -> None:
        self.args = [
            *QUIZ, "host", str(bank), "--port", "0", "--code", CODE, "--seed", "1",
            "--start-when", str(players), "--auto", "--reveal", "1", "--time", "10",
            "-n", str(questions), "--results", str(results),
        ]  # fmt: skip
        self.out = ""
        self.reveals: dict[int, float] = {}
        self.peak_kib = 0

    async def start(self, env: dict[str, str]) -> int:
        self.proc = await asyncio.create_subprocess_exec(
            *self.args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=env,
        )
        self.reading = asyncio.ensure_future(self._read())
        self.watching = asyncio.ensure_future(self._watch_memory())
        for _ in range(400):
            found = re.search(r"ssh -p (\d+)", self.out)
            if found:
                return int(found.group(1))
            await asyncio.sleep(0.05)
        raise RuntimeError(f"the host did not start:\n{self.out}")

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        while data := await self.proc.stdout.read(65536):
            now = time.monotonic()
            self.out += data.decode("utf-8", "replace")
            for number in re.findall(
                r"Question (\d+) of \d+ closed\.", self.out[-len(data) - 40 :]
            ):
                self.reveals.setdefault(int(number), now)

    async def _watch_memory(self) -> None:
        status = Path(f"/proc/{self.proc.pid}/status")
        while self.proc.returncode is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kib = max(self.peak_kib, int(line.split()[1]))
            except OSError:
                return
            await asyncio.sleep(0.1)


class Bot:
    """One simulated player with a terminal."""

    def __init__(self, port: int, name: str, rng: random.Random) -> None:
        self.port, self.name, self.rng = port, name, rng
        self.text = ""
        self.mark = 0
        self.changed = asyncio.Event()
        self.seen: dict[int, float] = {}
        self.answered = 0

    async def play(self, questions: int) -> None:
        async with asyncssh.connect(
            "127.0.0.1", self.port, username=self.name, known_hosts=None,
            client_keys=None, agent_path=None, password=None,
        ) as conn:  # fmt: skip
            proc = await conn.create_process(term_type="xterm", term_size=(100, 40))
            reader = asyncio.ensure_future(self._read(proc))
            await self._until("Join code")
            proc.stdin.write(CODE + "\r")
            for number in range(1, questions + 1):
                # On a loaded machine a question can close before its prompt is up: its
                # reveal comes first, and the player goes on to the next question.
                prompt = rf"(?s)Question {number} of {questions} .*? left"
                if await self._until(prompt, before_reveal=number):
                    await asyncio.sleep(self.rng.uniform(0.2, 3.0))
                    proc.stdin.write(f"{self.rng.choice('1234')}\r")
                    self.answered += 1
                await self._until_seen(number)
            await self._until("You finished")
            reader.cancel()

    async def _read(self, proc: asyncssh.SSHClientProcess[str]) -> None:
        tail = ""
        while data := await proc.stdout.read(65536):
            now = time.monotonic()
            chunk = ANSI.sub("", data)
            joined = tail + chunk
            # A reveal is the one "Rank N of M" line a player is shown after each question.
            for _ in range(joined.count("Rank ") - tail.count("Rank ")):
                self.seen.setdefault(len(self.seen) + 1, now)
            self.text += chunk
            tail = joined[-8:]
            self.changed.set()

    async def _until(
        self, pattern: str, seconds: float = 60.0, before_reveal: int | None = None
    ) -> bool:
        """Wait for ``pattern`` in what arrived since the last match; searched on arrival.

        False, without looking, once reveal number ``before_reveal`` has arrived.
        """
        deadline = time.monotonic() + seconds
        while True:
            if before_reveal in self.seen:
                return False
            found = re.compile(pattern).search(self.text, self.mark)
            if found:
                self.mark = found.end()
                return True
            self.changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"{self.name}: no {pattern!r} in:\n{self.text[-1500:]}")
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                continue

    async def _until_seen(self, number: int, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while number not in self.seen:
            self.changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"{self.name}: no reveal {number}")
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                continue


async def main(players: int, questions: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bank = write_bank(root, questions)
        results = root / "results.json"
        env = {**os.environ, "QUIZ_DATA_DIR": str(root / "data"), "QUIZ_CACHE_DIR": str(root)}
        host = Host(bank, players, questions, results)
        try:
            port = await host.start(env)
            rng = random.Random(7)
            bots = [Bot(port, f"bot{n:02d}", random.Random(rng.random())) for n in range(players)]
            await asyncio.gather(*(bot.play(questions) for bot in bots))
            code = await asyncio.wait_for(host.proc.wait(), 60)
        finally:
            host.watching.cancel()
            # A failed run must not leave its host behind, still listening.
            if host.proc.returncode is None:
                host.proc.kill()
                await host.proc.wait()
        document = json.loads(results.read_text(encoding="utf-8"))
    latencies = [
        (bot.seen[n] - host.reveals[n]) * 1000 for bot in bots for n in range(1, questions + 1)
    ]
    answers = [a for p in document["players"] for a in p["answers"] if a["given"] is not None]
    return {
        "players": players,
        "questions": questions,
        "host_exit": code,
        "answers_recorded": len(answers),
        "answers_sent": sum(bot.answered for bot in bots),
        "reveal_to_screen_ms_median": round(statistics.median(latencies), 1),
        "reveal_to_screen_ms_p95": round(
            statistics.quantiles(latencies, n=20, method="inclusive")[-1], 1
        ),
        "reveal_to_screen_ms_max": round(max(latencies), 1),
        "host_peak_memory_mib": round(host.peak_kib / 1024, 1),
        "p95_ms_by_question": [
            round(
                statistics.quantiles(
                    [(bot.seen[n] - host.reveals[n]) * 1000 for bot in bots],
                    n=20,
                    method="inclusive",
                )[-1]
            )
            for n in range(1, questions + 1)
        ],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    options = parser.parse_args()
    report = asyncio.run(asyncio.wait_for(main(options.players, options.questions), LIMIT_SECONDS))
    print(json.dumps(report, indent=2))
    targets = report["reveal_to_screen_ms_p95"] < 250 and report["host_peak_memory_mib"] < 200  # type: ignore[operator]
    print("targets (p95 < 250 ms, memory < 200 MiB):", "met" if targets else "MISSED")
