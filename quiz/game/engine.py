"""The game: choosing and ordering questions, asking them, checking and scoring answers.

Pure: the player is an :class:`Asker`, chance is a ``random.Random`` and time is a
clock function, all given by the caller. Nothing here prints, reads or sleeps.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from quiz.errors import GameInterrupted, QuizError
from quiz.format.text import escape_controls
from quiz.model import Bank, Difficulty, Given, Question, QuestionType, format_number, match_rights

if TYPE_CHECKING:  # scoring is loaded with the first answer
    from quiz.game.scoring import Points

Clock = Callable[[], float]


class GameOptions(NamedTuple):
    """Which questions to ask, and how: at most ``limit`` of them (all when None)."""

    limit: int | None = None
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None
    shuffle: bool = True
    time_limit: float | None = None


class Turn(NamedTuple):
    """One question as it is put to the player: number, and choices or items as shown."""

    question: Question
    bank_title: str
    number: int
    total: int
    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    time_limit: float | None = None


class Status(NamedTuple):
    """The running score, shown in the header of every question."""

    score: int = 0
    streak: int = 0
    best_streak: int = 0
    answered: int = 0
    correct: int = 0


class Reply(NamedTuple):
    """What the player answered, and whether they asked for the hint first."""

    given: Given
    used_hint: bool = False
    timed_out: bool = False


class Outcome(NamedTuple):
    """One answered question: the verdict, the points and the status after it."""

    turn: Turn
    reply: Reply
    correct: bool
    fraction: float
    points: Points
    seconds: float
    status: Status
    late: bool = False
    note: str | None = None


class GameResult(NamedTuple):
    """A finished or interrupted game."""

    outcomes: tuple[Outcome, ...]
    planned: int
    completed: bool
    seconds: float
    titles: tuple[str, ...] = ()

    @property
    def score(self) -> int:
        """Points earned."""
        return sum(o.points.total for o in self.outcomes)

    @property
    def max_score(self) -> int:
        """The most the answered questions could have earned."""
        from quiz.game.scoring import best_possible

        return best_possible([o.turn.question.difficulty for o in self.outcomes])

    @property
    def correct(self) -> int:
        """Fully right answers."""
        return sum(1 for o in self.outcomes if o.correct)

    @property
    def best_streak(self) -> int:
        """The longest run of right answers."""
        return self.outcomes[-1].status.best_streak if self.outcomes else 0

    @property
    def missed(self) -> tuple[Outcome, ...]:
        """The answers that were not fully right."""
        return tuple(o for o in self.outcomes if not o.correct)


class Asker(Protocol):
    """The player: asked each turn, told each outcome."""

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Put the question and return the reply; raise GameInterrupted to stop."""

    def tell(self, outcome: Outcome) -> None:
        """Show the verdict, the right answer and the explanation."""

    def pick(self, message: str, labels: list[str]) -> int:
        """Ask the player to pick one of ``labels`` (a menu); return its index."""


class NoQuestionsError(QuizError):
    """The options left no question to ask."""


def select(banks: Sequence[Bank], options: GameOptions) -> list[tuple[Question, str]]:
    """The questions the options allow, each with its bank's title, in file order."""
    wanted_tags = {tag.casefold() for tag in options.tags}
    chosen = [
        (question, bank.title)
        for bank in banks
        for question in bank.questions
        if (not wanted_tags or wanted_tags & {t.casefold() for t in question.tags})
        and (options.difficulty is None or question.difficulty == options.difficulty)
    ]
    if not chosen:
        raise NoQuestionsError(_nothing_matches(banks, options))
    return chosen


def _nothing_matches(banks: Sequence[Bank], options: GameOptions) -> str:
    limits = []
    if options.tags:
        limits.append("tag " + " or ".join(f"'{escape_controls(t)}'" for t in options.tags))
    if options.difficulty:
        limits.append(f"difficulty '{options.difficulty}'")
    message = "no question matches " + (" and ".join(limits) if limits else "(the banks are empty)")
    if options.tags:
        message += "; " + _tags_on_offer(banks)
    return message


def _tags_on_offer(banks: Sequence[Bank], shown: int = 20) -> str:
    """The tags the banks' questions have: all of them by name when there are up to
    ``shown`` (a line or two), else that many, how many more, and where to see them."""
    spellings: dict[str, str] = {}
    for tag in (tag for bank in banks for question in bank.questions for tag in question.tags):
        spellings.setdefault(tag.casefold(), tag)
    if not spellings:
        return "the questions have no tags"
    names = [escape_controls(name) for name in sorted(spellings.values(), key=str.casefold)]
    if len(names) > shown:
        more = len(names) - shown
        return (
            f"the tags include {', '.join(names[:shown])} and {more} more ('quiz list' shows all)"
        )
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    return f"the tags are {listed}"


def plan(banks: Sequence[Bank], options: GameOptions, rng: random.Random) -> list[Turn]:
    """Choose, order and number the questions of a game, shuffling as the options say."""
    chosen = select(banks, options)
    if options.shuffle:
        rng.shuffle(chosen)
    if options.limit is not None:
        chosen = chosen[: options.limit]
    total = len(chosen)
    return [
        Turn(
            question=question,
            bank_title=title,
            number=number,
            total=total,
            choices=_arranged(question.choices, options.shuffle, rng)
            if question.type is not QuestionType.MATCH
            else _scrambled(match_rights(question), options.shuffle, rng),
            items=_scrambled(question.items, options.shuffle, rng),
            time_limit=options.time_limit,
        )
        for number, (question, title) in enumerate(chosen, start=1)
    ]


def _arranged(choices: tuple[str, ...], shuffle: bool, rng: random.Random) -> tuple[str, ...]:
    if not shuffle:
        return choices
    shown = list(choices)
    rng.shuffle(shown)
    return tuple(shown)


def _scrambled(items: tuple[str, ...], shuffle: bool, rng: random.Random) -> tuple[str, ...]:
    """Items of an order question, never shown already in the right order."""
    if not items:
        return items
    if shuffle:
        shown = list(items)
        rng.shuffle(shown)
    else:
        # Without shuffling, alphabetical order is repeatable and gives nothing away.
        shown = sorted(items, key=str.casefold)
    if tuple(shown) == items:
        shown = shown[1:] + shown[:1]
    return tuple(shown)


def play(turns: Iterable[Turn], asker: Asker, clock: Clock) -> GameResult:
    """Ask every turn, judge and score each reply, tell the player; stop on interruption."""
    turns = list(turns)
    started = clock()
    status = Status()
    outcomes: list[Outcome] = []
    completed = False
    try:
        for turn in turns:
            asked_at = clock()
            reply = asker.ask(turn, status)
            outcome = judge(turn, reply, clock() - asked_at, status)
            status = outcome.status
            outcomes.append(outcome)
            asker.tell(outcome)
        completed = True
    except (GameInterrupted, KeyboardInterrupt, EOFError, OSError):
        # OSError: the player's terminal is gone (closed, hung up); what was answered stays.
        completed = False
    titles = tuple(dict.fromkeys(t.bank_title for t in turns))
    return GameResult(tuple(outcomes), len(turns), completed, clock() - started, titles)


def judge(turn: Turn, reply: Reply, seconds: float, before: Status) -> Outcome:
    """Check and score one reply, and work out the status after it."""
    question = turn.question
    late = reply.timed_out or (turn.time_limit is not None and seconds > turn.time_limit)
    # Checking and scoring (and Unicode folding) are loaded only once there is an answer.
    from quiz.game.judging import Verdict, check
    from quiz.game.scoring import score

    verdict = Verdict(False, 0.0) if reply.timed_out else check(question, reply.given)
    correct = verdict.correct and not late
    streak = before.streak + 1 if correct else 0
    points = score(
        question.difficulty,
        0.0 if late else verdict.fraction,
        streak=streak,
        used_hint=reply.used_hint,
        seconds=seconds,
        time_limit=turn.time_limit,
    )
    after = Status(
        score=before.score + points.total,
        streak=streak,
        best_streak=max(before.best_streak, streak),
        answered=before.answered + 1,
        correct=before.correct + (1 if correct else 0),
    )
    return Outcome(
        turn=turn,
        reply=reply,
        correct=correct,
        fraction=0.0 if late else verdict.fraction,
        points=points,
        seconds=seconds,
        status=after,
        late=late,
        note=verdict.note,
    )


def given_text(question: Question, given: Given) -> str:
    """A given answer as one line of text, for results files and reviews."""
    if given == "" or given == ():
        return "(no answer)"
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, tuple) and question.type is QuestionType.MATCH:
        lefts = (left for left, _ in question.pairs)
        return "; ".join(
            f"{left} → {right or '?'}" for left, right in zip(lefts, given, strict=False)
        )
    if isinstance(given, tuple):
        joiner = " → " if question.type is QuestionType.ORDER else "; "  # choices hold commas
        return joiner.join(given)
    if isinstance(given, float):
        return format_number(given)
    return given
