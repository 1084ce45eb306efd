"""What a quiz night shows: the host's screen as lines (TERM=dumb, or not a terminal),
the plain seat for a TERM=dumb player, a player's resize, a shortened nickname, and a
player who is away when a question starts. End to end, over SSH on loopback."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest

from tests.commands.test_host import (
    BANK,
    CODE,
    WAIT,
    Host,
    Player,
    joined,
    on_screen,
    plain_answer,
    play_plain,
    run,
    run_beside,
    until,
)
from tests.commands.test_host_hostile import bank
from tests.test_e2e import quiz_command

pytestmark = pytest.mark.slow

BOX = set("╭╮╰╯│─┌┐└┘├┤┏┓┗┛━┃")


def test_a_player_away_when_a_question_starts_is_charged_for_it(tmp_path: Path) -> None:
    """S#4: ben leaves after question 1 and misses question 2: it counts as unanswered,
    with its whole limit; late, who joined during question 1, is asked from question 2."""
    results = tmp_path / "away.json"

    async def scenario() -> None:
        async with Host("-n", "2", "--time", "4", "--results", str(results)) as host:
            ana, ben = await joined(host.port, "ana", "ben")
            host.press("\n")
            await ana.wait(r"Question 1 of 2")
            (late,) = await joined(host.port, "late")
            await play_plain(ana, ben, number=1, total=2)
            ben.close()
            await host.wait(r"players \(2\): ana, late")
            host.press("\n")
            await play_plain(ana, late, number=2, total=2)
            assert await host.exit_code() == 0
            # Not a terminal: the host's screen is lines, as in plain mode.
            assert "Question 2 of 2 closed. Answer: " in host.out
            assert re.search(r"ben \(away\): \d+ points?, \d of 2 right, [\d.]+ seconds", host.out)
            assert not set(host.out) & BOX, host.out

    run(scenario)
    players = {p["name"]: p for p in json.loads(results.read_text())["players"]}
    missed = players["ben"]["answers"][1]
    assert len(players["ben"]["answers"]) == 2
    assert missed["given"] is None and missed["seconds"] == 4.0 and missed["points"] == 0
    assert len(players["late"]["answers"]) == 1 and len(players["ana"]["answers"]) == 2


def test_a_dumb_terminal_host_sees_every_step_as_lines() -> None:
    """S#2: TERM=dumb: the lobby, players, the question, its reveal, the leaderboard and
    the standings, as lines (no box, no redrawing), as they happen."""
    import pexpect

    env = {"TERM": "dumb", "PATH": "/usr/bin:/bin"}
    child = pexpect.spawn(
        quiz_command()[0],
        [*quiz_command()[1:], "host", str(BANK), "--port", "0", "--code", CODE, "-n", "1",
         "--seed", "3", "--time", "30"],
        dimensions=(40, 100),
        encoding="utf-8",
        env={**__import__("os").environ, **env},
    )  # fmt: skip
    out: list[str] = []

    def shown() -> str:
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            while True:
                out.append(child.read_nonblocking(65536, timeout=0))
        return "".join(out).replace("\r", "")

    async def scenario() -> None:
        await until(lambda: "Join code: ORBIT7." in shown(), WAIT, shown)
        found = re.search(r"ssh -p (\d+) YOURNAME@127\.0\.0\.1", shown())
        assert found
        (ana,) = await joined(int(found.group(1)), "ana")
        await until(lambda: "players (1): ana" in shown(), WAIT, shown)
        child.send("k")  # the players to remove, as lines; Esc puts the list away
        await until(lambda: "Remove a player:\n1) ana\n" in shown(), WAIT, shown)
        child.send("\x1b")
        child.send("\r")
        await ana.wait(r"left\)")
        await until(lambda: "Question 1 of 1: " in shown(), WAIT, shown)
        ana.send(plain_answer(ana.text()))
        await until(lambda: "Final standings:" in shown(), WAIT, shown)
        text = shown()
        assert "Question 1 of 1 closed. Answer: " in text and "Leaderboard:\n1. ana: " in text
        assert re.search(r"\n1st ana: \d+ points?, [01] of 1 right", text)
        assert not set(text) & BOX and "\x1b" not in text, text

    run_beside(child, scenario, 0)


def test_a_player_whose_terminal_is_dumb_gets_the_plain_seat(tmp_path: Path) -> None:
    """S#5: TERM=dumb from the ssh client: lines, as with ``plain``, and their typing echoed."""

    async def scenario() -> None:
        async with Host("--time", "20", bank=bank(tmp_path)) as host:
            dan = await Player(host.port, "dan", term="dumb").connect()
            await dan.join()
            host.press("\n")
            await dan.wait(r"Question 1 of 1\. Score 0\..*\n(?s:.*)left\)")
            dan.send("Mars\r")
            await dan.wait("Final standings:")
            assert "> Mars\n" in dan.text()  # the echo, as a terminal would show it
            assert not set(dan.text()) & BOX and "\x1b[" not in dan.raw, dan.raw

    run(scenario)


def test_a_resized_window_is_honoured_for_what_is_drawn_after() -> None:
    """S#28: the player's window shrinks to 40 columns during the question: the reveal
    and the standings after it are drawn at 40 columns (without accuracy and time)."""

    async def scenario() -> None:
        async with Host("--time", "30", "--seed", "1", "-n", "1", bank=BANK) as host:
            ben = await Player(host.port, "ben").connect()
            await ben.join()
            host.press("\n")
            screen = await on_screen(ben, r"Question 1 of 1(.|\n)*? left")
            ben.proc.change_terminal_size(40, 20)
            await host.wait(r"Question 1 of 1: ")
            mark = len(ben.text())
            from tests.commands.test_host import ben_keys

            ben.send(ben_keys(screen))
            await ben.wait("Final standings")
            after = ben.text()[mark:]
            after = after[after.index("Answer in") :] if "Answer in" in after else after
            assert "Accuracy" not in after
            widest = max(len(line) for line in after.splitlines())
            assert widest <= 40, after

    run(scenario)


def test_a_long_nickname_is_cut_between_words_and_the_player_told() -> None:
    """S#25: the player is told the name they have now (and to rejoin with it)."""
    long_name = "Bob the very long nickname that goes on and on"

    async def scenario() -> None:
        async with Host() as host:
            bob = await Player(host.port, long_name, plain=True).connect()
            await bob.join()
            assert (
                "Nicknames are at most 24 characters: yours is shortened to Bob the very long"
                " (use it to rejoin)." in bob.text()
            )
            assert "You are in as Bob the very long." in bob.text()
            await host.wait(r"players \(1\): Bob the very long\n")

    run(scenario)
