"""The quiz night's parts without a network: nicknames, rejoin words, the plain seat's
typing, the host's key file and standard input (the end-to-end tests are test_host*)."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path

import pytest

from quiz.commands.quiz_night import seat, words
from quiz.commands.quiz_night.keys import can_press_keys
from quiz.commands.quiz_night.night import Night, Seat, Settings
from quiz.commands.quiz_night.plain_typing import PlainTyping
from quiz.commands.quiz_night.server import KEY_FILE, host_key
from quiz.errors import QuizError
from quiz.game.engine import Turn
from quiz.model import QuestionType
from tests.helpers import make_question


def night() -> Night:
    question = make_question("q", QuestionType.SINGLE, choices=("A", "B"), answers=("B",))
    return Night([Turn(question, "Bank", 1, 1, ("A", "B"), (), 10.0)], Settings("CODE"))


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("  ana  ", "ana"),
        ("Bob the very long nickname that goes on and on", "Bob the very long"),
        ("x" * 30, "x" * 24),  # no space to cut at
        ("abc " + "y" * 30, "abc " + "y" * 20),  # the only space is too early: cut the word
        ("exactly twenty-four char", "exactly twenty-four char"),
    ],
)
def test_a_long_nickname_is_cut_between_words_where_it_can(typed: str, name: str) -> None:
    assert seat.clean_name(typed) == name


def test_rejoin_words_are_three_words_and_two_digits_typed_in_any_case() -> None:
    made = {words.make_word() for _ in range(50)}
    assert len(made) == 50
    assert len(set(words.WORDS)) == 256 and all(w.isalpha() for w in words.WORDS)
    word = made.pop()
    assert word.count("-") == 3 and word[-2:].isdecimal()
    assert words.same_word(f"  {word.upper().replace('-', ' ')} ", word)
    assert not words.same_word(word[:-1], word)


def test_three_wrong_rejoin_words_lock_the_seat_and_the_host_is_told() -> None:
    async def scenario() -> None:
        game = night()
        told: list[str] = []
        game.listeners.append(told.append)
        word = game.join(Seat("ben", lambda: None))
        game.leave(game.seats["ben"])
        assert game.rejoin(Seat("ben", lambda: None), "nope") == "wrong"
        assert game.rejoin(Seat("ben", lambda: None), word) == "back"  # a miss is forgiven
        game.leave(game.seats["ben"])
        results = [game.rejoin(Seat("ben", lambda: None), "nope") for _ in range(4)]
        assert results == ["wrong", "wrong", "locked", "locked"]
        assert game.rejoin(Seat("ben", lambda: None), word) == "locked"
        assert game.name_state("ben") == "locked" and game.locked == ["ben"]
        assert told.count("locked") == 1

    asyncio.run(scenario())


def test_plain_typing_echoes_escapes_and_takes_back_a_character() -> None:
    typing = PlainTyping()
    lines, echo = typing.feed("a\x1b[2J\u202eb\x7f")
    assert lines == [] and echo == "a\\x1b[2J\\u202eb\b \b"
    lines, echo = typing.feed("\x7f\r")
    assert lines == ["a\x1b[2J"]  # the line keeps what was typed; only the echo escapes
    assert echo == "\b \b" * 6 + "\r\n"
    assert typing.feed("\nc\r\n") == (["c"], "c\r\n")  # CR LF is one line end


def test_a_damaged_host_key_is_set_aside_and_a_new_one_made(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).write_bytes(b"")
    warnings: list[str] = []
    key = host_key(tmp_path, warnings.append)
    aside = [p.name for p in tmp_path.iterdir() if p.name.startswith(f"{KEY_FILE}.corrupt-")]
    assert len(aside) == 1 and (tmp_path / aside[0]).read_bytes() == b""
    assert len(warnings) == 1 and "damaged" in warnings[0] and "key has changed" in warnings[0]
    assert host_key(tmp_path, warnings.append).get_fingerprint() == key.get_fingerprint()
    assert len(warnings) == 1


def test_a_damaged_host_key_with_nobody_to_tell_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).write_bytes(b"not a key")
    with pytest.raises(QuizError, match=r"host key .* is damaged .*; move it away"):
        host_key(tmp_path)
    assert (tmp_path / KEY_FILE).read_bytes() == b"not a key"


def test_keys_come_from_a_terminal_or_a_pipe_only(tmp_path: Path) -> None:
    read, write = os.pipe()
    try:
        with os.fdopen(read, closefd=False) as pipe:
            assert can_press_keys(pipe)
    finally:
        os.close(read)
        os.close(write)
    with Path(os.devnull).open() as null, (tmp_path / "f").open("w+") as file:
        assert not can_press_keys(null) and not can_press_keys(file)
    assert not can_press_keys(None) and not can_press_keys(io.StringIO())
