"""A remote player's prompts, driven through prompt_toolkit's pipe input in an app session."""

from __future__ import annotations

import asyncio
import io
import random
import time
from typing import Any

import pyte
import pytest
from prompt_toolkit.application.current import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from quiz.game.engine import GameOptions, Status, Turn, plan
from quiz.model import Bank, Given, QuestionType
from quiz.ui.remote_asker import Closed
from quiz.ui.remote_prompts import PromptScreen
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank, make_question


def single_choice() -> Turn:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    return turns[0]


def screen() -> PromptScreen:
    return PromptScreen(Console(file=io.StringIO(), width=80, color_system=None, theme=THEME))


class TimerLoop(asyncio.SelectorEventLoop):
    """An event loop that keeps every timer it is asked for, to look at afterwards."""

    def __init__(self) -> None:
        super().__init__()
        self.timers: list[asyncio.TimerHandle] = []

    def call_at(self, when: float, callback: Any, *args: Any, context: Any = None) -> Any:
        timer = super().call_at(when, callback, *args, context=context)
        self.timers.append(timer)
        return timer


async def ask_in_session(pipe: PipeInput, keys: str, deadline: float) -> Given | None:
    """Ask the single-choice question and type ``keys`` once its prompt is up; the
    answer, or None when the question closed."""
    player = screen()
    with create_app_session(input=pipe, output=DummyOutput()):
        asking = asyncio.ensure_future(player.ask(single_choice(), Status(), deadline))
        for _ in range(200):
            if player.app is not None and player.app.is_running:
                break
            await asyncio.sleep(0.01)
        pipe.send_text(keys)
        try:
            return await asyncio.wait_for(asking, 5.0)
        except Closed:
            return None


def test_an_answer_before_the_deadline_cancels_the_deadline_timer() -> None:
    # The deadline's timer holds the prompt (three Applications): fifty players who
    # answer early would keep them all alive into the next question until it fired.
    loop = TimerLoop()
    with create_pipe_input() as pipe:
        deadline = time.monotonic() + 60.0
        given = loop.run_until_complete(ask_in_session(pipe, "3\r", deadline))
        due_at_deadline = [t for t in loop.timers if t.when() > loop.time() + 30.0]
    loop.close()
    assert given == "C"
    assert due_at_deadline
    assert all(timer.cancelled() for timer in due_at_deadline)


def test_the_deadline_closes_an_unanswered_prompt() -> None:
    async def scenario() -> tuple[Given | None, float]:
        with create_pipe_input() as pipe:
            started = time.monotonic()
            given = await ask_in_session(pipe, "", started + 0.5)
            return given, time.monotonic() - started

    given, took = asyncio.run(scenario())
    assert given is None
    assert took < 4.0


@pytest.mark.parametrize("seconds", [-1.0, 0.0])
def test_a_deadline_already_past_is_closed_without_a_prompt(seconds: float) -> None:
    async def scenario() -> None:
        with (
            create_pipe_input() as pipe,
            create_app_session(input=pipe, output=DummyOutput()),
        ):
            await screen().ask(single_choice(), Status(), time.monotonic() + seconds)

    with pytest.raises(Closed):
        asyncio.run(scenario())


LONG = "That Russia no longer needs partners to staff the station it built with them"


def long_choice() -> Turn:
    question = make_question(
        "long", QuestionType.SINGLE, choices=(LONG, "Nothing at all"), answers=(LONG,)
    )
    bank = Bank(name="long", title="Long", questions=(question,))
    return plan([bank], GameOptions(shuffle=False), random.Random(0))[0]


def test_long_choices_wrap_between_words_at_the_players_width() -> None:
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=30, columns=60), term="xterm")

    async def scenario() -> tuple[Given | None, str]:
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            player = screen()
            asking = asyncio.ensure_future(
                player.ask(long_choice(), Status(), time.monotonic() + 30)
            )
            for _ in range(200):
                if player.app is not None and player.app.is_running:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # the first frame is drawn
            drawn = written.getvalue()  # (the prompt is erased once answered)
            # The keys that end a solo game do nothing here (Ctrl-C would end the host's night).
            pipe.send_text("\x03q\x04")
            await asyncio.sleep(0.1)
            pipe.send_text("1\r")
            return await asyncio.wait_for(asking, 5.0), drawn

    given, drawn = asyncio.run(scenario())
    assert given == LONG
    display = pyte.Screen(60, 30)
    pyte.Stream(display).feed(drawn)
    lines = [line.rstrip() for line in display.display]
    start = next(i for i, line in enumerate(lines) if "1) That Russia" in line)
    shown = " ".join(line.strip() for line in lines[start : start + 2])
    assert shown.endswith(LONG)  # every word, none cut
    assert lines[start + 1].startswith("      ") and "station" in lines[start + 1]
    assert "s left" in "\n".join(lines)  # the countdown beside the question
