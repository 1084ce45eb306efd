"""One player's side of the game: the join steps, then questions and reveals until the end."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections.abc import Callable

from rich.text import Text

from quiz.commands.quiz_night.night import Ask, End, Kicked, Night, Seat, Told
from quiz.ui import host_view
from quiz.ui.remote_asker import Closed, Screen, reveal_view

CODE_TRIES = 3
NAME_TRIES = 5
NAME_MAX = 24
JOIN_SECONDS = 120.0
REFUSED = {  # why a name cannot be had, by its state (Night.name_state)
    "taken": "That name is taken.",
    "removed": "That name was removed from this game.",
    "locked": "That name is locked: its rejoin word was typed wrongly too many times, and"
    " the host has been told. Choose a new name to play on.",
}


def clean_name(text: str) -> str:
    """A nickname as typed: trimmed, at most NAME_MAX characters, cut between words
    where a word ends in the second half (the same text always gives the same name)."""
    name = text.strip()
    if len(name) <= NAME_MAX:
        return name
    space = name.rfind(" ", 0, NAME_MAX + 1)
    cut = name[:space] if space >= NAME_MAX // 2 else name[:NAME_MAX]
    return cut.rstrip()


def _name_shortened(say: Callable[[Text], None], typed: str, name: str) -> None:
    if name != typed.strip():
        say(
            Text.assemble(
                f"Nicknames are at most {NAME_MAX} characters: yours is shortened to ",
                host_view.shown_name(name),
                " (use it to rejoin).",
            )
        )


async def join(night: Night, screen: Screen, user: str, hang_up: Callable[[], None]) -> Seat | None:
    """The join code, then a free nickname (or a rejoin); None when the player may not join."""
    say = screen.console.print
    say(Text("Welcome to Orbit Quiz night!", style="quiz.title"))
    if not await _code(night, screen):
        return None
    typed = user
    asking = "Your nickname:"
    new_name = "Your new nickname (a name not taken):"
    for _ in range(NAME_TRIES):
        name = clean_name(typed)
        state = night.name_state(name) if name else "empty"
        if state == "away":
            seat = await _rejoin(night, screen, Seat(name, hang_up))
            if seat is not None:
                return seat
            asking = new_name
        elif state == "free":
            if night.full():
                say(Text("Sorry, the game is full.", style="quiz.wrong"))
                return None
            _name_shortened(say, typed, name)
            seat = Seat(name, hang_up)
            word = night.join(seat)
            say(
                Text.assemble(
                    "You are in as ",
                    host_view.shown_name(name),
                    ". If you lose the connection, come back with the same name and the word ",
                    (word, "quiz.points"),
                    ".",
                )
            )
            return seat
        elif state in REFUSED:
            say(Text(REFUSED[state], style="quiz.warning"))
            asking = new_name if state == "locked" else asking
        typed = await screen.line(asking)
    say(Text("No name agreed; goodbye.", style="quiz.wrong"))
    return None


async def _code(night: Night, screen: Screen) -> bool:
    """Whether the player gave the join code, in at most CODE_TRIES tries."""
    for attempt in range(1, CODE_TRIES + 1):
        code = (await screen.line("Join code:")).strip()
        if secrets.compare_digest(code.casefold(), night.settings.code.casefold()):
            return True
        left = CODE_TRIES - attempt
        screen.console.print(
            Text(
                f"That is not the code. {left} {'try' if left == 1 else 'tries'} left."
                if left
                else "Wrong code.",
                "quiz.wrong",
            )
        )
    return False


async def _rejoin(night: Night, screen: Screen, seat: Seat) -> Seat | None:
    """The rejoin word for a dropped player's name, with the tries the name has left;
    None when the player chose a new name or the name is no longer theirs to take."""
    say = screen.console.print
    say(Text.assemble("Welcome back, ", host_view.shown_name(seat.name), "."))
    while True:
        word = await screen.line("Your rejoin word (Enter for a new name):")
        if not word.strip():
            return None
        state = night.rejoin(seat, word)
        if state == "back":
            say(Text("You are back in, with your score.", style="quiz.correct"))
            return seat
        if state != "wrong":
            say(Text(REFUSED.get(state, REFUSED["taken"]), "quiz.warning"))
            return None
        left = night.tries_left(seat.name)
        say(
            Text(
                f"That is not the word for this name. {left} {'try' if left == 1 else 'tries'}"
                " left (Enter for a new name).",
                "quiz.warning",
            )
        )


async def play(night: Night, seat: Seat, screen: Screen) -> bool:
    """Show each question and reveal as the host's loop sends them, until the end;
    True when the player saw the end of the night, False when they were removed."""
    say = screen.console.print
    if night.phase == "lobby":
        say(Text("Waiting for the host to start…", style="quiz.muted"))
    elif night.phase != "podium" and seat.name not in night.round.asked():
        say(Text("The game is on: you come in at the next question.", style="quiz.muted"))
    asking: asyncio.Task[None] | None = None

    async def settle() -> None:
        nonlocal asking
        if asking is not None:
            screen.close_question()
            with contextlib.suppress(Closed, asyncio.CancelledError):
                await asking
            asking = None

    try:
        while True:
            event = await seat.events.get()
            if isinstance(event, Ask):
                await settle()
                asking = asyncio.ensure_future(answer(night, seat, screen, event))
            elif isinstance(event, Told):
                await settle()
                say(reveal_view(event.outcome, event.rank, event.players, plain=screen.plain))
                # Every player's reveal goes out before anyone's podium is drawn.
                await asyncio.sleep(0)
            elif isinstance(event, End):
                await settle()
                if not event.started:
                    say(host_view.never_started())
                    return True
                top = event.standings[: host_view.TOP]
                final = host_view.spoken_standings if screen.plain else host_view.podium
                say(final(top, completed=event.completed))
                if event.rank is not None:
                    say(
                        Text(
                            f"You finished {event.rank} of {len(event.standings)}.", "quiz.heading"
                        )
                    )
                return True
            elif isinstance(event, Kicked):
                await settle()
                say(Text("The host removed you from the game.", style="quiz.wrong"))
                return False
    finally:
        if asking is not None:
            asking.cancel()


async def answer(night: Night, seat: Seat, screen: Screen, ask: Ask) -> None:
    """Ask one question; hand the answer to the game."""
    try:
        given = await screen.ask(ask.turn, ask.status, ask.deadline)
    except Closed:
        ended = "Time is up!" if time.monotonic() >= ask.deadline else "The question was closed."
        screen.console.print(Text(ended, style="quiz.wrong"))
        return
    if night.answer(seat.name, given):
        screen.console.print(Text("Answer in; waiting for others…", style="quiz.muted"))
    else:
        screen.console.print(Text("Too late: the question had closed.", style="quiz.wrong"))
