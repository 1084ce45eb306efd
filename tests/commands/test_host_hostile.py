"""``quiz host`` against hostile players: typed answers that carry terminal escapes,
and rejoin words guessed at. End to end, over SSH on loopback (see test_host)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.commands.test_host import CODE, WAIT, Host, Player, on_screen, run, until

pytestmark = pytest.mark.slow

TEXT_BANK = """\
title: Hostile
questions:
  - id: planet
    type: text
    prompt: Which planet is red?
    answer: Mars
    explanation: Iron oxide.
"""
# Escapes, an OSC 52 clipboard write ended by ST, a C1 CSI, a bidi override, markup.
EVIL = "Ma\x1b[5mrs\x1b]52;c;cm0gLXJmIH4=\x1b\\\x1b[2J[bold red]X[/]\x9b31m\u202e!"
SHOWN = "Ma\\x1b[5mrs\\x1b]52;c;cm0gLXJmIH4=\\x1b\\\\x1b[2J[bold red]X[/]\\x9b31m\\u202e!"
RAW = ("\x1b[5m", "\x1b]52", "\x1b[2J", "\x9b", "\u202e")


def squash(text: str) -> str:
    """The text without spaces and frames, so that a line wrapped in a panel matches."""
    return re.sub(r"[\s│]", "", text)


def bank(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(TEXT_BANK, encoding="utf-8")
    return path


def test_typed_answers_reach_every_screen_escaped(tmp_path: Path) -> None:
    """A#1, A#14: the host's reveal (how many gave what), the podium, a plain player's echo
    and a terminal player's own reveal show the answer's escapes as text, never raw."""
    results = tmp_path / "night.json"

    async def scenario() -> None:
        args = ("--time", "20", "--results", str(results))
        async with Host(*args, bank=bank(tmp_path)) as host:
            ana = await Player(host.port, "ana", plain=True, pty=True).connect()
            ben = await Player(host.port, "ben").connect()
            for player in (ana, ben):
                await player.join()
            await host.wait(r"players \(2\)")
            host.press("\n")
            await ana.wait(r"left\)")
            ana.send(EVIL + "\n")
            await on_screen(ben, r"Type your answer")
            ben.send("\x1b[200~" + EVIL + "\x1b[201~\r")  # a bracketed paste keeps ESC
            await host.wait(r"(?s)Question 1 of 1.*Leaderboard")
            assert await host.exit_code() == 0
            await ana.wait("Final standings")
            await ben.wait("Final standings")
            assert squash(SHOWN) in squash(host.out)  # the reveal's "2 gave ..." line
            assert SHOWN in ana.raw  # the echo of the typed line
            assert squash(SHOWN) in squash(ben.text())  # "Answer: ..." at the reveal
            # ben's own prompt line shows what he pasted as ^[, <9b> and <202e>.
            assert "^[]52;c;" in ben.text() and "<9b>31m<202e>!" in ben.text()
            for shown in (host.out, ana.raw, ben.raw):
                assert not [raw for raw in RAW if raw in shown], repr(shown[-2000:])

    run(scenario)
    given = [p["answers"][0]["given"] for p in json.loads(results.read_text())["players"]]
    assert given == [EVIL, EVIL]  # what was typed is kept as typed


def test_backspace_takes_back_a_character_of_a_plain_line(tmp_path: Path) -> None:
    """The plain seat's line editing: DEL removes the last character (and its echo)."""

    async def scenario() -> None:
        async with Host("--time", "20", bank=bank(tmp_path)) as host:
            ana = await Player(host.port, "ana", plain=True, pty=True).connect()
            await ana.join()
            host.press("\n")
            await ana.wait(r"left\)")
            ana.send("Mx\x7fars\n")
            await ana.wait("Rank 1 of 1")
            assert re.search(r"Right|right", ana.text()), ana.text()
            assert "\b \b" in ana.raw

    run(scenario)


async def rejoin_as(port: int, name: str, *words: str) -> Player:
    """A new connection for ``name`` that gives the join code, then each word in turn."""
    player = await Player(port, name, plain=True).connect()
    await player.wait("Join code")
    player.send(CODE + "\n")
    for index, word in enumerate(words, start=1):
        asked = lambda at=index: player.text().count("Your rejoin word") >= at  # noqa: E731
        await until(asked, WAIT, player.text)
        player.send(word + "\n")
    return player


def test_a_rejoin_word_allows_three_wrong_tries_then_locks_the_seat() -> None:
    """A#3, S#26: the word is three words and two digits; a wrong word is followed by
    another try (never a new nickname made of it); a right word after a miss still
    works; three wrong words lock the seat, the host is told, and the next line asked
    for is plainly a new name."""

    async def scenario() -> None:
        async with Host("-n", "1", "--time", "30") as host:
            ben = await Player(host.port, "ben", plain=True).connect()
            word = await ben.join()
            assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+-\d\d", word), word
            ann = await Player(host.port, "ann", plain=True).connect()
            ann_word = await ann.join()
            for player in (ben, ann):
                player.close()
            await host.wait(r"players \(0\)")
            back = await rejoin_as(host.port, "ben", "wrong-word", word.upper().replace("-", " "))
            await back.wait("You are back in, with your score")
            assert "That is not the word for this name. 2 tries left" in back.text()
            assert "You are in as" not in back.text()
            guesser = await rejoin_as(host.port, "ann", "a-b-c-01", "a-b-c-02", "a-b-c-03")
            await guesser.wait("That name is locked")
            await guesser.wait(r"Your new nickname \(a name not taken\):")
            assert "1 try left" in guesser.text()
            await host.wait(r"Locked after too many wrong rejoin words: ann\.")
            guesser.close()
            again = await rejoin_as(host.port, "ann")
            await again.wait("That name is locked")  # the right word can no longer help
            again.send(ann_word + "\n")  # taken as a new nickname, said so beforehand
            await again.wait("You are in as")

    run(scenario)
