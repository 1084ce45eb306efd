"""The multiplayer round: players, timestamped answers and standings. Pure.

One :class:`Round` serves a quiz night (many players, every question to everyone)
and party mode (one keyboard, each question to one player). The edges give it
times from their own clock (the server's monotonic clock); it never reads one. Closing
a question gives a :class:`quiz.game.reveal.Reveal`.

The rules are the solo game's (:func:`quiz.game.engine.judge`, which uses
:mod:`quiz.game.judging` and :mod:`quiz.game.scoring`): partial credit, the
streak bonus and timed points, base x (1 - elapsed / (2 x limit)), nothing after
the limit. Hints are off. Ties in score are broken by the total answer time (a
question left unanswered counts as its whole time limit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from quiz.errors import QuizError
from quiz.game.engine import GameResult, Outcome, Reply, Status, Turn, judge
from quiz.game.reveal import Reveal, counts
from quiz.model import Given

DEFAULT_LIMIT = 20.0


class RoundError(QuizError):
    """A move the round does not allow (an unknown player, a question not open)."""


class Player(NamedTuple):
    """One player as the round sees them."""

    name: str
    joined_at: int  # the index of the first question they can answer
    connected: bool = True
    kicked: bool = False


class Standing(NamedTuple):
    """One line of the leaderboard."""

    rank: int
    name: str
    score: int
    correct: int
    answered: int  # questions put to the player (answered or not)
    seconds: float  # total answer time, the tie-breaker
    streak: int
    moved: int  # places gained since the previous reveal (negative: lost)
    connected: bool

    @property
    def accuracy(self) -> float:
        """The share of the questions put to the player that they got fully right."""
        return self.correct / self.answered if self.answered else 0.0


class _Open(NamedTuple):
    position: int
    opened: float
    asked: frozenset[str]


class Round:
    """The state of one game: call :meth:`open`, :meth:`answer` and :meth:`close` in turn."""

    def __init__(self, turns: Sequence[Turn]) -> None:
        if not turns:
            raise RoundError("a round needs at least one question")
        self.turns = tuple(
            t if t.time_limit is not None else t._replace(time_limit=DEFAULT_LIMIT) for t in turns
        )
        self.players: dict[str, Player] = {}
        self.outcomes: dict[str, list[Outcome]] = {}
        self.reveals: list[Reveal] = []
        self._answers: dict[str, tuple[Given, float]] = {}
        self._open: _Open | None = None
        self._ranks: dict[str, int] = {}
        self.next_index = 0

    # -- players --------------------------------------------------------------------

    def join(self, name: str) -> Player:
        """Add a player; they answer from the next question that opens."""
        if name in self.players:
            raise RoundError(f"the name '{name}' is taken")
        player = Player(name, self.next_index)
        self.players[name] = player
        self.outcomes[name] = []
        return player

    def active(self) -> list[str]:
        """The players still in the game (not kicked), in the order they joined."""
        return [p.name for p in self.players.values() if not p.kicked]

    def connected(self) -> list[str]:
        """The players in the game whose connection is up."""
        return [p.name for p in self.players.values() if p.connected and not p.kicked]

    def drop(self, name: str) -> None:
        """A player's connection went away; their score is kept for a rejoin."""
        self.players[name] = self._player(name)._replace(connected=False)

    def rejoin(self, name: str) -> None:
        """A dropped player is back, and may answer the open question if it was put to them."""
        player = self._player(name)
        if player.kicked:
            raise RoundError(f"'{name}' was removed from the game")
        self.players[name] = player._replace(connected=True)

    def kick(self, name: str) -> None:
        """Remove a player: no more questions, and no place in the standings."""
        self.players[name] = self._player(name)._replace(connected=False, kicked=True)
        self._answers.pop(name, None)

    def _player(self, name: str) -> Player:
        try:
            return self.players[name]
        except KeyError:
            raise RoundError(f"no player is called '{name}'") from None

    # -- questions ------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Whether a question is taking answers."""
        return self._open is not None

    @property
    def finished(self) -> bool:
        """Whether every question has been asked and closed."""
        return self._open is None and self.next_index >= len(self.turns)

    def open(self, at: float, only: Iterable[str] | None = None) -> Turn:
        """Put the next question at ``at`` to every player in the game (or to ``only``
        these). A player who is away is asked too: unless they come back in time, the
        question counts as unanswered, with its whole limit. A player who joins while it
        is open comes in at the next one."""
        if self._open is not None:
            raise RoundError("a question is already open")
        if self.next_index >= len(self.turns):
            raise RoundError("every question has been asked")
        if only is None:
            players = self.players.values()
            only = [p.name for p in players if p.joined_at <= self.next_index and not p.kicked]
        asked = frozenset(only)
        for name in asked:
            if self._player(name).kicked:
                raise RoundError(f"'{name}' was removed from the game")
        self._open = _Open(self.next_index, at, asked)
        self._answers = {}
        self.next_index += 1
        return self.turns[self._open.position]

    def asked(self) -> frozenset[str]:
        """The players the open question was put to."""
        return self._open.asked if self._open is not None else frozenset()

    def answer(self, name: str, given: Given, at: float) -> bool:
        """Take a player's answer at time ``at``; False when it cannot count (not asked,
        already answered, kicked, or no question open). The first answer is final."""
        current = self._open
        if current is None or name not in current.asked or name in self._answers:
            return False
        if self._player(name).kicked:
            return False
        self._answers[name] = (given, max(0.0, at - current.opened))
        return True

    def has_answered(self, name: str) -> bool:
        """Whether a player has answered the open question."""
        return name in self._answers

    def waiting_for(self) -> list[str]:
        """The connected players asked the open question who have not answered yet."""
        current = self._open
        if current is None:
            return []
        return [n for n in self.connected() if n in current.asked and n not in self._answers]

    def answered_count(self) -> int:
        """How many answers the open question has."""
        return len(self._answers)

    def close(self) -> Reveal:
        """Stop taking answers; judge and score every player asked (no answer: timed out)."""
        current = self._open
        if current is None:
            raise RoundError("no question is open")
        turn = self.turns[current.position]
        limit = turn.time_limit or DEFAULT_LIMIT
        results: dict[str, Outcome] = {}
        for name in sorted(current.asked):
            if self.players[name].kicked:
                continue
            before = self.status(name)
            if name in self._answers:
                given, seconds = self._answers[name]
                outcome = judge(turn, Reply(given), seconds, before)
            else:
                outcome = judge(turn, Reply("", timed_out=True), limit, before)
            self.outcomes[name].append(outcome)
            results[name] = outcome
        reveal = Reveal(turn, current.position, results, len(self._answers), counts(turn, results))
        self.reveals.append(reveal)
        self._open = None
        self._answers = {}
        return reveal

    def abandon(self) -> None:
        """Drop the open question without scoring it (the game stopped in the middle)."""
        if self._open is not None:
            self.next_index = self._open.position
        self._open = None
        self._answers = {}

    # -- scores ---------------------------------------------------------------------

    def status(self, name: str) -> Status:
        """A player's running score and streak."""
        played = self.outcomes[self._player(name).name]
        return played[-1].status if played else Status()

    def answer_time(self, name: str) -> float:
        """A player's total answer time; an unanswered question counts as its time limit."""
        return sum(
            (o.turn.time_limit or DEFAULT_LIMIT) if o.reply.timed_out else o.seconds
            for o in self.outcomes[name]
        )

    def standings(self) -> list[Standing]:
        """Every player not kicked, best first: by score, then by the least answer time.

        A player no question has been put to yet (the next at a party's keyboard, a late
        joiner) comes after every player who has played, however those did: no score is
        not a score of 0. Players level on all of that share a rank. ``moved`` compares
        with the ranks at the previous reveal, which :meth:`mark_ranks` keeps.
        """
        rows = []
        for name in self.active():
            status = self.status(name)
            seconds = round(self.answer_time(name), 3)
            rows.append((not self.outcomes[name], status.score, seconds, name, status))
        rows.sort(key=lambda row: (row[0], -row[1], row[2], row[3]))
        table: list[Standing] = []
        for position, (waiting, score, seconds, name, status) in enumerate(rows, start=1):
            level = table[-1] if table else None
            same = level is not None and (
                not level.answered,
                level.score,
                level.seconds,
            ) == (waiting, score, seconds)
            rank = level.rank if same and level is not None else position
            before = self._ranks.get(name, rank)
            table.append(
                Standing(
                    rank,
                    name,
                    score,
                    status.correct,
                    len(self.outcomes[name]),
                    seconds,
                    status.streak,
                    before - rank,
                    self.players[name].connected,
                )
            )
        return table

    def mark_ranks(self) -> None:
        """Keep the current ranks, so the next standings show who moved."""
        self._ranks = {row.name: row.rank for row in self.standings()}

    def rank_of(self, name: str) -> int | None:
        """A player's current rank, or None when they are not in the standings."""
        return next((row.rank for row in self.standings() if row.name == name), None)

    def result_of(self, name: str, seconds: float, *, completed: bool) -> GameResult:
        """One player's game, as the history keeps it."""
        titles = tuple(dict.fromkeys(t.bank_title for t in self.turns))
        return GameResult(tuple(self.outcomes[name]), len(self.turns), completed, seconds, titles)
