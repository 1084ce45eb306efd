"""``quiz host`` end to end: the installed command, players on loopback with asyncssh clients.

The host runs as a child process on 127.0.0.1 with ``--port 0`` (a free port, read from
its lobby line). Players are asyncssh clients: full-screen ones in a pseudo-terminal
read through pyte, line-based ones (``plain``) read as text. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncssh
import pyte
import pytest

from tests.helpers import DATA
from tests.test_e2e import quiz_command

pytestmark = pytest.mark.slow

BANK = DATA / "good" / "every-type.yml"
CODE = "ORBIT7"
WAIT = 20.0
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


def run(scenario: Callable[[], Awaitable[None]], seconds: float = 120.0) -> None:
    """Run one scenario with a bound on its time."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), seconds)

    asyncio.run(bounded())


class Host:
    """``quiz host`` in a child process, its output (not a terminal: one line per event)."""

    def __init__(self, *args: str, bank: Path = BANK, env: dict[str, str] | None = None) -> None:
        self.args = args
        self.bank = bank
        self.env = env
        self.out = ""
        self.port = 0

    async def __aenter__(self) -> Host:
        self.proc = await asyncio.create_subprocess_exec(
            *quiz_command(),
            "host",
            str(self.bank),
            "--port",
            "0",
            "--code",
            CODE,
            *self.args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=None if self.env is None else {**os.environ, **self.env},
        )
        self.reader = asyncio.ensure_future(self._read())
        await self.wait(r"ssh -p \d+")
        found = re.search(r"ssh -p (\d+) YOURNAME@127\.0\.0\.1", self.out)
        assert found, self.out
        self.port = int(found.group(1))
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        self.reader.cancel()

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        while data := await self.proc.stdout.read(65536):
            self.out += data.decode("utf-8", "replace")

    async def wait(self, pattern: str, seconds: float = WAIT) -> None:
        await until(lambda: re.search(pattern, self.out) is not None, seconds, lambda: self.out)

    def press(self, keys: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(keys.encode())

    async def exit_code(self, seconds: float = WAIT) -> int:
        return await asyncio.wait_for(self.proc.wait(), seconds)


async def until(ready: Callable[[], bool], seconds: float, shown: Callable[[], str]) -> None:
    """Poll ``ready`` every 50 ms for at most ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out; the screen was:\n{shown()[-3000:]}")


class Player:
    """One player's ssh connection: a terminal read through pyte, or plain lines."""

    def __init__(
        self, port: int, name: str, *, plain: bool = False, term: str = "xterm", pty: bool = False
    ) -> None:
        self.port, self.name, self.plain = port, name, plain
        self.term, self.pty = term, pty or not plain
        self.screen = pyte.Screen(100, 50)
        self.stream = pyte.Stream(self.screen)
        self.raw = ""
        self.closed = False

    async def connect(self) -> Player:
        self.conn = await asyncssh.connect(
            "127.0.0.1",
            self.port,
            username=self.name,
            known_hosts=None,
            client_keys=None,
            agent_path=None,
            password=None,
        )
        command = "plain" if self.plain else None
        if self.pty:
            self.proc = await self.conn.create_process(
                command, term_type=self.term, term_size=(100, 50)
            )
        else:
            self.proc = await self.conn.create_process(command)
        self.reader = asyncio.ensure_future(self._read())
        return self

    async def _read(self) -> None:
        try:
            while data := await self.proc.stdout.read(65536):
                self.raw += data
                self.stream.feed(data)
        except (asyncssh.Error, OSError):
            pass
        self.closed = True

    def text(self) -> str:
        """Everything received, without terminal escapes."""
        return ANSI.sub("", self.raw).replace("\r", "")

    def display(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def wait(self, pattern: str, seconds: float = WAIT) -> None:
        await until(lambda: re.search(pattern, self.text()) is not None, seconds, self.text)

    async def wait_closed(self, seconds: float = WAIT) -> None:
        await until(lambda: self.closed, seconds, self.text)

    def send(self, keys: str) -> None:
        self.proc.stdin.write(keys)

    async def join(self, code: str = CODE) -> str:
        """Give the code; the rejoin word the game hands out."""
        await self.wait("Join code")
        self.send(code + ("\n" if self.plain else "\r"))
        await self.wait(r"the word\s+(\S+)\.")
        found = re.search(r"the word\s+(\S+?)\.", self.text())
        assert found
        return found.group(1)

    def close(self) -> None:
        self.conn.close()


async def joined(port: int, *names: str) -> list[Player]:
    """Plain players, connected and in the game (the join code given), in turn."""
    players = [await Player(port, name, plain=True).connect() for name in names]
    for player in players:
        await player.join()
    return players


def run_beside(child: Any, scenario: Callable[[], Awaitable[None]], exit_status: int) -> None:
    """Run the scenario beside a host in a pseudo-terminal (pexpect), which must then end
    with ``exit_status``; the host is killed if it does not."""
    import pexpect

    try:
        run(scenario)
        child.expect(pexpect.EOF, timeout=WAIT)
        child.close()
        assert child.exitstatus == exit_status
    finally:
        child.terminate(force=True)


def plain_answer(text: str) -> str:
    """A valid (not always right) line for the last question shown in plain mode."""
    last = text[text.rindex("Question ") :]
    if "Type the number of your answer" in last or "numbers of every right" in last:
        return "1\n"
    if "True or false" in last:
        return "y\n"
    if "item numbers in the right order" in last:
        return "1 2 3\n"
    if "Type a number" in last:
        return "3\n"
    return "Baikonur\n"


async def play_plain(*players: Player, number: int, total: int) -> None:
    """Every player answers question ``number`` with some valid line, then sees its reveal."""
    for player in players:
        await player.wait(rf"(?s)Question {number} of {total}.*?left\)", WAIT)
        player.send(plain_answer(player.text()))
    for player in players:
        await player.wait(rf"(?s)Question {number} of {total}.*?Rank \d+ of \d+")


RIGHT_PLAIN = {
    "Gagarin": ["1961"],
    "gas giants": ["Jupiter", "Saturn"],
    "Moon makes": None,
    "cosmodrome": None,
    "How many": None,
    "in order": ["Vostok 1", "Apollo-Soyuz", "ISS first crew"],
}


def numbered_options(block: str) -> dict[str, int]:
    """``1) text`` lines of a plain question (or ``» 1) text`` of a select)."""
    found: dict[str, int] = {}
    for match in re.finditer(r"^\s*(?:»\s*)?(\d)\) (.+?)\s*$", block, re.MULTILINE):
        found.setdefault(match.group(2), int(match.group(1)))
    return found


async def on_screen(player: Player, pattern: str, seconds: float = WAIT) -> str:
    """Wait for ``pattern`` on the terminal's screen; the screen from its last match on."""
    await until(lambda: re.search(pattern, player.display()) is not None, seconds, player.display)
    screen = player.display()
    return screen[[m.start() for m in re.finditer(pattern, screen)][-1] :]


async def answer_right_in_a_terminal(player: Player, number: int, total: int) -> None:
    """Answer question ``number`` rightly with the keys a person would press."""
    screen = await on_screen(player, rf"Question {number} of {total}(.|\n)*? left")
    if "Gagarin" in screen:
        player.send(f"{numbered_options(screen)['1961']}\r")  # the number moves, Enter picks
    elif "gas giants" in screen:
        shown = re.findall(r"[○●] (?:\d\) )?(\w+)", screen)
        for choice in shown:
            player.send(" \x1b[B" if choice in ("Jupiter", "Saturn") else "\x1b[B")
        player.send("\r")
    elif "Moon makes" in screen:
        player.send("n\r")
    elif "cosmodrome" in screen:
        player.send("Baikonur\r")
    elif "How many" in screen:
        player.send("3\r")
    else:
        for position, item in enumerate(("Vostok 1", "Apollo-Soyuz"), start=1):
            block = await on_screen(player, rf"Position {position} of 3(.|\n)* left")
            player.send(f"{numbered_options(block)[item]}\r")
    await player.wait(rf"(?s)Question {number} of {total}.*?Rank \d+ of \d+")


def ben_keys(screen: str) -> str:
    """Some answer, not always right, for whatever question is on the screen."""
    if "gas giants" in screen:
        return " \r"  # the first choice only
    if "Type your answer" in screen:
        return "The Moon\r"
    if "Type a number" in screen:
        return "7\r"
    return "\r"  # the choice under the pointer (an order question then times out)


def test_three_players_play_every_type(tmp_path: Path) -> None:
    results = tmp_path / "night.json"

    async def scenario() -> None:
        async with Host("--seed", "5", "--results", str(results), "--time", "15") as host:
            ana = await Player(host.port, "ana").connect()
            ben = await Player(host.port, "ben").connect()
            caro = await Player(host.port, "caro", plain=True).connect()
            for player in (ana, ben, caro):
                await player.join()
            await host.wait(r"players \(3\)")
            host.press("\n")
            for number in range(1, 7):
                await caro.wait(rf"(?s)Question {number} of 6.*?left\)")
                caro.send(plain_answer(caro.text()))
                shown = await on_screen(ben, rf"Question {number} of 6(.|\n)*? left")
                ben.send(ben_keys(shown))
                await answer_right_in_a_terminal(ana, number, 6)
                await host.wait(rf"(?s)Question {number} of 6.*?Leaderboard")
                if number < 6:
                    host.press("\n")
            assert await host.exit_code() == 0
            await ana.wait("Final standings")
            assert "You finished 1 of 3." in ana.text()
            for player in (ana, ben, caro):  # ssh exits 0, not 255, at the end of the night
                await asyncio.wait_for(player.proc.wait_closed(), WAIT)
                assert player.proc.exit_status == 0
            assert "Baikonur" in ana.text() and "Answer in; waiting for others" in ana.text()

    run(scenario)
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is True and document["bank"] == "Every type"
    assert len(document["questions"]) == 6
    players = {p["name"]: p for p in document["players"]}
    assert set(players) == {"ana", "ben", "caro"}
    assert document["players"][0]["name"] == "ana"
    assert players["ana"]["correct"] == 6
    assert all(a["correct"] and a["points"] > 0 for a in players["ana"]["answers"])
    assert {a["id"] for a in players["caro"]["answers"]} == {q["id"] for q in document["questions"]}
    assert all(0 <= a["seconds"] <= 15 for p in document["players"] for a in p["answers"])


def test_unattended_game_with_start_when_and_auto(tmp_path: Path) -> None:
    results = tmp_path / "auto.json"

    async def scenario() -> None:
        host = Host("--start-when", "3", "--auto", "--reveal", "0.5", "-n", "3", "--time", "5",
                    "--seed", "2", "--results", str(results))  # fmt: skip
        async with host:
            host.proc.stdin.close()  # type: ignore[union-attr]  # nobody at the keyboard
            players = [await Player(host.port, n, plain=True).connect() for n in ("a", "b", "c")]
            for player in players:
                await player.join()
            for number in (1, 2, 3):
                await play_plain(*players, number=number, total=3)
            assert await host.exit_code() == 0
            assert "Final standings" in host.out
            for player in players:
                await player.wait("Final standings:")
                # As in --plain: the state in words, no box, no ruled table, no gauge.
                assert "Question 3 of 3. Score " in player.text()
                assert not set(player.text()) & set("╭╮╰╯│─■□"), player.text()

    run(scenario)
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is True and document["seed"] == 2
    assert [len(p["answers"]) for p in document["players"]] == [3, 3, 3]
    scores = [p["score"] for p in document["players"]]
    assert scores == sorted(scores, reverse=True)
    for player in document["players"]:
        assert player["score"] == sum(a["points"] for a in player["answers"])


def test_late_joiner_comes_in_at_the_next_question() -> None:
    async def scenario() -> None:
        async with Host("-n", "2", "--time", "30") as host:
            ana = await Player(host.port, "ana", plain=True).connect()
            await ana.join()
            host.press("\n")
            await ana.wait(r"Question 1 of 2")
            late = await Player(host.port, "late", plain=True).connect()
            await late.join()
            await late.wait("you come in at the next question")
            await play_plain(ana, number=1, total=2)
            assert "Question 1 of 2" not in late.text()
            host.press("\n")
            await play_plain(late, ana, number=2, total=2)
            assert await host.exit_code() == 0
            await late.wait(r"You finished \d of 2")

    run(scenario)


def test_a_dropped_player_rejoins_with_the_word_and_keeps_the_score(tmp_path: Path) -> None:
    results = tmp_path / "rejoin.json"

    async def scenario() -> None:
        async with Host("-n", "2", "--time", "30", "--results", str(results)) as host:
            ben = await Player(host.port, "ben", plain=True).connect()
            word = await ben.join()
            other = await Player(host.port, "ana", plain=True).connect()
            await other.join()
            host.press("\n")
            await play_plain(ben, other, number=1, total=2)
            ben.close()
            await host.wait(r"players \(1\): ana")
            impostor = await Player(host.port, "ben", plain=True).connect()
            await impostor.wait("Join code")
            impostor.send(CODE + "\n")
            await impostor.wait("rejoin word")
            impostor.send("wrong-word\n")
            await impostor.wait("not the word for this name")
            impostor.close()
            back = await Player(host.port, "ben", plain=True).connect()
            await back.wait("Join code")
            back.send(CODE + "\n")
            await back.wait("rejoin word")
            back.send(word + "\n")
            await back.wait("You are back in, with your score")
            host.press("\n")
            await play_plain(back, other, number=2, total=2)
            assert await host.exit_code() == 0

    run(scenario)
    players = {p["name"]: p for p in json.loads(results.read_text())["players"]}
    assert [a["id"] for a in players["ben"]["answers"]] == [
        a["id"] for a in players["ana"]["answers"]
    ]
    assert len(players["ben"]["answers"]) == 2


def test_the_host_kicks_a_player_picked_from_the_list(tmp_path: Path) -> None:
    results = tmp_path / "kick.json"

    async def scenario() -> None:
        async with Host("-n", "1", "--time", "30", "--results", str(results)) as host:
            ana = await Player(host.port, "ana", plain=True).connect()
            await ana.join()
            rude = await Player(host.port, "[bold]rude", plain=True).connect()
            await rude.join()
            twin = await Player(host.port, "ana", plain=True).connect()
            await twin.wait("Join code")
            twin.send(CODE + "\n")
            await twin.wait("That name is taken")
            twin.send("x\x07\x1b[2Jy\n")
            await twin.wait("You are in as")
            await host.wait(r"players \(3\)")
            # Shown literally: markup stays text, control characters are escapes.
            assert "[bold]rude" in host.out and "x\\x07\\x1b[2Jy" in host.out
            assert "\x1b[2J" not in host.out
            host.press("k2\n")
            await rude.wait("The host removed you from the game")
            await rude.wait_closed()
            again = await Player(host.port, "[bold]rude", plain=True).connect()
            await again.wait("Join code")
            again.send(CODE + "\n")
            await again.wait("removed from this game")
            again.close()
            twin.close()
            host.press("\n")
            await play_plain(ana, number=1, total=1)
            assert await host.exit_code() == 0

    run(scenario)
    names = {p["name"] for p in json.loads(results.read_text())["players"]}
    assert names == {"ana", "x\x07\x1b[2Jy"}


def test_three_wrong_codes_close_the_connection() -> None:
    async def scenario() -> None:
        async with Host() as host:
            guest = await Player(host.port, "guest", plain=True).connect()
            for _ in range(3):
                await guest.wait("Join code")
                guest.send("nope\n")
            await guest.wait("Wrong code")
            await guest.wait_closed()
            await asyncio.wait_for(guest.proc.wait_closed(), WAIT)
            assert guest.proc.exit_status == 1
            assert guest.text().count("That is not the code") == 2
            assert "2 tries left" in guest.text() and "1 try left" in guest.text()
            assert "guest" not in host.out

    run(scenario)


def test_shell_commands_sftp_and_forwarding_are_refused() -> None:
    async def scenario() -> None:
        async with Host() as host, asyncssh.connect(
            "127.0.0.1", host.port, username="x", known_hosts=None, client_keys=None,
            agent_path=None,
        ) as conn:  # fmt: skip
            for command in ("sh", "ls /", "cat /etc/passwd"):
                with pytest.raises(asyncssh.ChannelOpenError):
                    await conn.create_process(command)
            with pytest.raises((asyncssh.ChannelOpenError, asyncssh.SFTPError)):
                await conn.start_sftp_client()
            with pytest.raises(asyncssh.ChannelOpenError):
                await conn.open_connection("127.0.0.1", 22)
            with pytest.raises(asyncssh.ChannelListenError):
                await conn.forward_remote_port("127.0.0.1", 0, "127.0.0.1", 22)

    run(scenario)


def test_garbage_floods_and_silence_do_not_stall_the_game() -> None:
    async def scenario() -> None:
        async with Host("-n", "1", "--time", "30") as host:
            # Connections that never speak SSH, or speak nonsense.
            writers: list[Any] = []
            for index in range(30):
                _, writer = await asyncio.open_connection("127.0.0.1", host.port)
                if index % 2:
                    writer.write(bytes(range(256)) * 4)
                writers.append(writer)
            ana = await Player(host.port, "ana", plain=True).connect()
            noisy = await Player(host.port, "noisy").connect()
            await noisy.wait("Join code")
            noisy.send("\x00\x1b[999;999R\xff" + "x" * 5000 + "\r")
            await ana.join()
            host.press("\n")
            await ana.wait("Question 1 of 1")
            ana.send("1" * 3000 + "\n")  # a line far too long is cut, then refused
            await ana.wait("is not an option|Please type|Answer in")
            if "Answer in" not in ana.text():
                ana.send(plain_answer(ana.text()))
            await ana.wait("Rank 1 of 1")
            assert await host.exit_code() == 0
            for writer in writers:
                writer.close()

    run(scenario)


def test_ctrl_c_ends_with_the_standings(tmp_path: Path) -> None:
    results = tmp_path / "stopped.json"

    async def scenario() -> None:
        async with Host("-n", "3", "--time", "60", "--results", str(results)) as host:
            ana = await Player(host.port, "ana", plain=True).connect()
            await ana.join()
            ben = await Player(host.port, "ben").connect()  # a prompt is up at the Ctrl-C
            await ben.join()
            host.press("\n")
            await on_screen(ben, r"Question 1 of 3(.|\n)*? left")
            ana.send(plain_answer(ana.text()[ana.text().index("Question 1") :]))
            await host.wait("answers|Question 1 of 3")
            await ana.wait("Answer in")
            host.proc.send_signal(signal.SIGINT)
            assert await host.exit_code() == 130
            assert "Standings so far" in host.out
            await ana.wait("Standings so far")
            await ben.wait("Standings so far")
            assert "Interrupted" not in host.out

    run(scenario)
    document = json.loads(results.read_text())
    assert document["completed"] is False
    assert document["questions"] == []  # the open question was dropped, not scored
    assert [p["answers"] for p in document["players"]] == [[], []]


def test_ctrl_c_in_the_lobby_ends_a_night_that_never_started() -> None:
    async def scenario() -> None:
        async with Host("-n", "2") as host:
            ana = await Player(host.port, "ana", plain=True).connect()
            await ana.join()
            await host.wait(r"players \(1\)")
            host.proc.send_signal(signal.SIGINT)
            assert await host.exit_code() == 130
            await ana.wait("The host ended the night before it started.")
            assert "The host ended the night before it started." in host.out
            for shown in (host.out, ana.text()):
                assert "Standings" not in shown and "1st" not in shown
            assert "You finished" not in ana.text()

    run(scenario)


def test_keys_that_end_a_solo_game_do_not_end_a_players_prompt_or_the_night() -> None:
    async def scenario() -> None:
        async with Host("-n", "1", "--time", "30", "--seed", "1") as host:
            ben = await Player(host.port, "ben").connect()
            await ben.join()
            host.press("\n")
            await on_screen(ben, r"Question 1 of 1(.|\n)*? left")
            ben.send("\x03")
            await asyncio.sleep(0.3)
            ben.send("\x04\x1aq")
            await asyncio.sleep(0.3)
            assert host.proc.returncode is None  # the host's night goes on
            shown = await on_screen(ben, r"Question 1 of 1(.|\n)*? left")
            ben.send(ben_keys(shown))
            await ben.wait("Rank 1 of 1")
            assert await host.exit_code() == 0

    run(scenario)


def test_max_players_refuses_one_too_many() -> None:
    async def scenario() -> None:
        async with Host("--max-players", "1") as host:
            ana = await Player(host.port, "ana", plain=True).connect()
            await ana.join()
            ben = await Player(host.port, "ben", plain=True).connect()
            await ben.wait("Join code")
            ben.send(CODE + "\n")
            await ben.wait("the game is full")
            await ben.wait_closed()

    run(scenario)


def test_a_busy_port_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        import subprocess

        done = subprocess.run(
            [*quiz_command(), "host", str(BANK), "--port", str(port), "--start-when", "1",
             "--auto"],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == (
        f"quiz: error: port {port} is already in use (another quiz host?);"
        " pick another with --port N\n"
    )


def test_the_host_screen_in_a_terminal() -> None:
    """The rich Live screen: the lobby's ssh line, the countdown and answers n/m, the kick
    list, and Ctrl-C from the keyboard with a player's prompt open."""
    import pexpect

    child = pexpect.spawn(
        quiz_command()[0],
        [*quiz_command()[1:], "host", str(BANK), "--port", "0", "--code", CODE, "--time", "30"],
        dimensions=(40, 100),
        encoding="utf-8",
    )
    screen = pyte.Screen(100, 40)
    stream = pyte.Stream(screen)

    def shown() -> str:
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            while True:
                stream.feed(child.read_nonblocking(65536, timeout=0))
        return "\n".join(screen.display)

    async def scenario() -> None:
        await until(lambda: "ssh -p" in shown(), WAIT, shown)
        found = re.search(r"ssh -p (\d+) YOURNAME@127\.0\.0\.1", shown())
        assert found and f"Join code: {CODE}" in shown()
        ana = await Player(int(found.group(1)), "ana").connect()
        await ana.join()
        await until(lambda: "1 player joined: ana" in shown(), WAIT, shown)
        child.send("\r")
        await until(lambda: re.search(r"Question 1 of 6 · \d+ s left · answers 0/1", shown())
                    is not None, WAIT, shown)  # fmt: skip
        await on_screen(ana, r"Question 1 of 6(.|\n)*? left")
        child.send("k")
        await until(lambda: "Remove a player" in shown() and "1) ana" in shown(), WAIT, shown)
        child.send("\x1b")
        await until(lambda: "Remove a player" not in shown(), WAIT, shown)
        child.send("\x03")
        await until(lambda: "Standings so far" in shown(), WAIT, shown)
        await ana.wait("Standings so far")

    run_beside(child, scenario, 130)


def test_the_host_key_is_made_once_and_kept(isolated_data_dir: Path) -> None:
    keys: list[str] = []

    async def scenario() -> None:
        for _ in range(2):
            async with Host() as host, asyncssh.connect(
                "127.0.0.1", host.port, username="k", known_hosts=None, client_keys=None,
                agent_path=None,
            ) as conn:  # fmt: skip
                key = conn.get_server_host_key()
                assert key is not None
                keys.append(key.get_fingerprint())

    run(scenario)
    assert keys[0] == keys[1]
    stored = isolated_data_dir / "quiz-night-host-key"
    assert stored.is_file() and stored.stat().st_mode & 0o077 == 0
