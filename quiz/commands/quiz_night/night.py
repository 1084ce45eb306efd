"""The live game of a quiz night: seats, phases and the host's loop, around the round core.

Nothing here waits on a player: the host's loop hands each seat its events with
``put_nowait`` and goes on, so a slow, silent or vanished player never holds up
the host or anyone else. Times are the server's monotonic clock.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable
from typing import NamedTuple

from quiz.commands.quiz_night.words import REJOIN_TRIES, make_word, same_word
from quiz.game.engine import Outcome, Status, Turn
from quiz.game.reveal import Reveal
from quiz.game.round import Round, Standing

COLLECT_AFTER = 0.5  # seconds after a reveal


class Ask(NamedTuple):
    """Put this question to the player until the deadline."""

    turn: Turn
    deadline: float
    status: Status


class Told(NamedTuple):
    """The reveal, as one player sees it."""

    outcome: Outcome | None
    rank: int | None
    players: int


class End(NamedTuple):
    """The game is over."""

    standings: tuple[Standing, ...]
    rank: int | None
    completed: bool
    started: bool = True  # False: the host ended the night in the lobby


class Kicked(NamedTuple):
    """The host removed the player."""


Event = Ask | Told | End | Kicked


class Seat:
    """One player's connection: the events waiting for it, and how to end it."""

    def __init__(self, name: str, hang_up: Callable[[], None]) -> None:
        self.name = name
        self.hang_up = hang_up
        self.events: asyncio.Queue[Event] = asyncio.Queue()

    def send(self, event: Event) -> None:
        """Queue an event; never waits."""
        self.events.put_nowait(event)


class Settings(NamedTuple):
    """How the host runs the night."""

    code: str
    max_players: int = 100
    start_when: int | None = None
    auto: bool = False
    reveal_seconds: float = 5.0


class Night:
    """The game everyone is in: joining, answering, and the host's loop (:meth:`run`)."""

    def __init__(
        self,
        turns: list[Turn],
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.round = Round(turns)
        self.settings = settings
        self.clock = clock
        self.seats: dict[str, Seat] = {}
        self.words: dict[str, str] = {}
        self.misses: dict[str, int] = {}  # wrong rejoin words, by name
        self.locked: list[str] = []  # names locked by wrong rejoin words (the host is told)
        self.phase = "lobby"
        self.deadline = 0.0
        self.reveal: Reveal | None = None
        self.turn: Turn | None = None
        self.board: list[Standing] = []
        self.stopping = False
        self.signum: int | None = None  # the signal that stopped the night
        self.started = False  # whether the lobby was left for the first question
        self.started_at = 0.0
        self.listeners: list[Callable[[str], None]] = []
        self.faults: list[str] = []  # what went wrong on players' connections
        self.connections = 0
        self._wake = asyncio.Event()
        self._go = asyncio.Event()

    # -- joining --------------------------------------------------------------------

    def full(self) -> bool:
        """Whether a new player would be one too many."""
        return len(self.round.active()) >= self.settings.max_players

    def name_state(self, name: str) -> str:
        """``free``, ``taken`` (by a connected player), ``away`` (dropped), ``locked``
        (dropped, and too many wrong rejoin words) or ``removed``."""
        player = self.round.players.get(name)
        if player is None:
            return "free"
        if player.kicked:
            return "removed"
        if name in self.seats:
            return "taken"
        return "locked" if self.tries_left(name) <= 0 else "away"

    def tries_left(self, name: str) -> int:
        """How many more wrong rejoin words the name allows."""
        return REJOIN_TRIES - self.misses.get(name, 0)

    def join(self, seat: Seat) -> str:
        """Seat a new player; returns their rejoin word."""
        self.round.join(seat.name)
        word = self.words[seat.name] = make_word()
        self._seat(seat)
        return word

    def rejoin(self, seat: Seat, word: str) -> str:
        """Seat a dropped player again if the word is theirs (their score is kept):
        ``back``; else ``wrong``, ``locked`` (that was the last try) or the name's state."""
        name = seat.name
        state = self.name_state(name)
        if state != "away":
            return state
        if not same_word(word, self.words.get(name, "")):
            self.misses[name] = self.misses.get(name, 0) + 1
            if self.tries_left(name) > 0:
                return "wrong"
            self.locked.append(name)
            self._changed("locked")
            return "locked"
        self.misses.pop(name, None)
        self.round.rejoin(name)
        self._seat(seat)
        return "back"

    def _seat(self, seat: Seat) -> None:
        self.seats[seat.name] = seat
        name = seat.name
        turn = self.turn
        open_to_them = self.phase == "question" and name in self.round.asked()
        if turn is not None and open_to_them and not self.round.has_answered(name):
            # Back in time to answer the open question.
            seat.send(Ask(turn, self.deadline, self.round.status(name)))
        if self.phase == "podium":
            end = End(
                tuple(self.board), self.round.rank_of(seat.name), not self.stopping, self.started
            )
            seat.send(end)
        self._changed("join")

    def leave(self, seat: Seat) -> None:
        """A connection ended (the player may rejoin)."""
        if self.seats.get(seat.name) is seat:
            del self.seats[seat.name]
            if not self.round.players[seat.name].kicked:
                self.round.drop(seat.name)
            self._changed("leave")

    def kick(self, name: str) -> None:
        """Remove a player and close their connection."""
        if name not in self.round.players or self.round.players[name].kicked:
            return
        self.round.kick(name)
        seat = self.seats.pop(name, None)
        if seat is not None:
            seat.send(Kicked())
            seat.hang_up()
        self._changed("kick")

    def answer(self, name: str, given: object) -> bool:
        """A player's answer, timed now by the server's clock."""
        taken = self.round.answer(name, given, self.clock())  # type: ignore[arg-type]
        if taken:
            self._changed("answer")
        return taken

    # -- the host -------------------------------------------------------------------

    def go(self) -> None:
        """Enter: start the game, close the question now, or move on from a reveal."""
        self._go.set()
        self._wake.set()

    def stop(self, signum: int | None = None) -> None:
        """Ctrl-C (or the signal ``signum``): end the game with the standings so far."""
        if not self.stopping:
            self.signum = signum
        self.stopping = True
        self._wake.set()

    def _changed(self, what: str) -> None:
        self._wake.set()
        for listener in self.listeners:
            listener(what)

    async def _sleep_until(self, deadline: float | None, ready: Callable[[], bool]) -> None:
        """Wait until ``ready()``, the deadline, Enter, or a stop."""
        self._go.clear()
        while not (self.stopping or self._go.is_set() or ready()):
            self._wake.clear()
            timeout = None if deadline is None else deadline - self.clock()
            if timeout is not None and timeout <= 0:
                return
            try:
                await asyncio.wait_for(self._wake.wait(), timeout)
            except TimeoutError:
                return

    async def run(self) -> bool:
        """Lobby, every question and reveal, then the podium; True when all were played."""
        settings = self.settings
        want = settings.start_when
        await self._sleep_until(None, lambda: want is not None and len(self.seats) >= want)
        self.started = not self.stopping
        self.started_at = self.clock()
        gc.collect()  # the join prompts are over
        while not self.stopping and not self.round.finished:
            turn = self.turn = self.round.open(self.clock())
            self.deadline = self.clock() + (turn.time_limit or 20.0)
            self.phase = "question"
            self._changed("question")
            for name in self.round.asked():
                seat = self.seats.get(name)
                if seat is not None:
                    seat.send(Ask(turn, self.deadline, self.round.status(name)))
            await self._sleep_until(self.deadline, lambda: not self.round.waiting_for())
            if self.stopping:
                self.round.abandon()
                break
            self._close()
            if self.round.finished or self.stopping:
                break
            wait = self.clock() + settings.reveal_seconds if settings.auto else None
            await self._sleep_until(wait, lambda: False)
        completed = self.round.finished and not self.stopping
        self.phase = "podium"
        self.board = self.round.standings()
        for name, seat in list(self.seats.items()):
            seat.send(End(tuple(self.board), self.round.rank_of(name), completed, self.started))
        self._changed("podium")
        return completed

    def _close(self) -> None:
        reveal = self.round.close()
        self.reveal = reveal
        self.board = self.round.standings()
        self.round.mark_ranks()
        self.phase = "reveal"
        players = len(self.board)
        ranks = {row.name: row.rank for row in self.board}
        for name, seat in list(self.seats.items()):
            seat.send(Told(reveal.outcomes.get(name), ranks.get(name), players))
        self._changed("reveal")
        # Each question leaves every player's finished prompt behind, in cycles that
        # would wait long for a full collection: collect once the reveals are out.
        asyncio.get_running_loop().call_later(COLLECT_AFTER, gc.collect)
