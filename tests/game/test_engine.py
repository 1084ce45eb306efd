"""The engine: planning, playing with a scripted asker and a fake clock, interruption."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from quiz.errors import GameInterrupted
from quiz.game.engine import (
    GameOptions,
    NoQuestionsError,
    Outcome,
    Reply,
    Status,
    Turn,
    given_text,
    plan,
    play,
)
from quiz.model import Bank, Difficulty, Given, QuestionType
from tests.helpers import every_type_bank, make_question


class FakeClock:
    """Time that moves only when the scripted player says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class ScriptedAsker:
    """Answers each turn with a function of the turn; records what it was told."""

    def __init__(
        self,
        answer: Callable[[Turn], Reply],
        clock: FakeClock | None = None,
        seconds: float = 0.0,
        stop_at: int | None = None,
        stop_with: type[BaseException] = GameInterrupted,
    ) -> None:
        self.answer = answer
        self.clock = clock
        self.seconds = seconds
        self.stop_at = stop_at
        self.stop_with = stop_with
        self.statuses: list[Status] = []
        self.told: list[Outcome] = []

    def ask(self, turn: Turn, status: Status) -> Reply:
        self.statuses.append(status)
        if self.stop_at is not None and turn.number == self.stop_at:
            raise self.stop_with()
        if self.clock is not None:
            self.clock.now += self.seconds
        return self.answer(turn)

    def tell(self, outcome: Outcome) -> None:
        self.told.append(outcome)


def right(turn: Turn) -> Reply:
    """The right answer to any turn."""
    q = turn.question
    given: Given
    match q.type:
        case QuestionType.SINGLE | QuestionType.TEXT:
            given = q.answers[0]
        case QuestionType.MULTI:
            given = q.answers
        case QuestionType.BOOLEAN:
            assert q.truth is not None
            given = q.truth
        case QuestionType.NUMBER:
            assert q.number is not None
            given = q.number
        case QuestionType.ORDER:
            given = q.items
    return Reply(given)


def wrong(turn: Turn) -> Reply:
    """A wrong answer to any turn."""
    q = turn.question
    match q.type:
        case QuestionType.SINGLE:
            return Reply(next(c for c in q.choices if c not in q.answers))
        case QuestionType.MULTI:
            return Reply(tuple(c for c in q.choices if c not in q.answers))
        case QuestionType.BOOLEAN:
            return Reply(not q.truth)
        case QuestionType.NUMBER:
            assert q.number is not None
            return Reply(q.number + 100)
        case QuestionType.ORDER:
            return Reply(tuple(reversed(q.items)))
        case _:
            return Reply("nonsense")


def test_no_shuffle_keeps_file_order_and_never_shows_order_items_solved() -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(1))
    assert [t.question.id for t in turns] == [
        "single",
        "multi",
        "boolean",
        "text",
        "number",
        "order",
    ]
    assert turns[0].choices == ("A", "B", "C")
    assert turns[-1].items != turns[-1].question.items
    assert sorted(turns[-1].items) == sorted(turns[-1].question.items)
    assert [(t.number, t.total) for t in turns] == [(n, 6) for n in range(1, 7)]


def test_same_seed_same_game_and_other_seeds_differ() -> None:
    bank = every_type_bank()

    def layout(seed: int) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        turns = plan([bank], GameOptions(), random.Random(seed))
        return [(t.question.id, t.choices, t.items) for t in turns]

    assert layout(7) == layout(7)
    assert len({tuple(layout(seed)) for seed in range(20)}) > 1


def test_shuffled_order_items_are_never_already_in_order() -> None:
    question = make_question("o", QuestionType.ORDER, items=("a", "b"))
    bank = Bank("b", "B", (question,))
    for seed in range(50):
        (turn,) = plan([bank], GameOptions(), random.Random(seed))
        assert turn.items == ("b", "a")


def test_filters_count_and_nothing_left() -> None:
    bank = every_type_bank()
    hard = plan([bank], GameOptions(difficulty=Difficulty.HARD), random.Random(0))
    assert [t.question.id for t in hard] == ["order"]
    assert len(plan([bank], GameOptions(limit=2), random.Random(0))) == 2
    tagged = Bank(
        "t", "T", (make_question("x", QuestionType.TEXT, answers=("a",), tags=("People",)),)
    )
    assert len(plan([tagged, bank], GameOptions(tags=("people",)), random.Random(0))) == 1
    with pytest.raises(NoQuestionsError, match="tag 'nope'"):
        plan([bank], GameOptions(tags=("nope",)), random.Random(0))


def test_no_match_for_a_tag_lists_the_tags_the_banks_have() -> None:
    tags = ("Zeta", "alpha", "Beta", "gamma", "delta", "epsilon", "ALPHA")
    questions = tuple(
        make_question(f"q{i}", QuestionType.TEXT, answers=("a",), tags=(tag,))
        for i, tag in enumerate(tags)
    )
    with pytest.raises(NoQuestionsError) as raised:
        plan([Bank("t", "T", questions)], GameOptions(tags=("nosuch",)), random.Random(0))
    assert str(raised.value) == (
        "no question matches tag 'nosuch'; the tags are alpha, Beta, delta, epsilon, gamma and Zeta"
    )
    many = tuple(
        make_question(f"q{i}", QuestionType.TEXT, answers=("a",), tags=(f"t{i:02d}",))
        for i in range(23)
    )
    with pytest.raises(NoQuestionsError) as raised:
        plan([Bank("t", "T", many)], GameOptions(tags=("nosuch",)), random.Random(0))
    listed = ", ".join(f"t{i:02d}" for i in range(20))
    assert str(raised.value).endswith(
        f"the tags include {listed} and 3 more ('quiz list' shows all)"
    )
    with pytest.raises(NoQuestionsError) as raised:
        plan([every_type_bank()], GameOptions(tags=("x",)), random.Random(0))
    assert str(raised.value) == "no question matches tag 'x'; the questions have no tags"


def test_all_right_scores_the_maximum_with_streaks() -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    asker = ScriptedAsker(right)
    result = play(turns, asker, FakeClock())
    assert result.completed
    assert result.correct == 6
    # easy 100; medium 200+20, 200+40, 200+60, 200+80; hard 300+150
    assert [o.points.total for o in result.outcomes] == [100, 220, 240, 260, 280, 450]
    assert result.score == result.max_score == 1550
    assert result.best_streak == 6
    assert [s.score for s in asker.statuses] == [0, 100, 320, 560, 820, 1100]
    assert asker.told == list(result.outcomes)


def test_a_wrong_answer_breaks_the_streak() -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    answers = iter([right, right, wrong, right, right, right])
    result = play(turns, ScriptedAsker(lambda t: next(answers)(t)), FakeClock())
    assert [o.correct for o in result.outcomes] == [True, True, False, True, True, True]
    assert [o.status.streak for o in result.outcomes] == [1, 2, 0, 1, 2, 3]
    assert result.best_streak == 3
    assert [o.points.streak for o in result.outcomes] == [0, 20, 0, 0, 20, 60]


def test_hint_halves_and_partial_multi() -> None:
    bank = every_type_bank()
    turns = plan([bank], GameOptions(shuffle=False), random.Random(0))[1:3]
    replies = iter([Reply(("A", "B")), Reply(True, used_hint=True)])
    result = play(turns, ScriptedAsker(lambda t: next(replies)), FakeClock())
    multi, boolean = result.outcomes
    assert (multi.correct, multi.fraction, multi.points.total) == (False, 0.0, 0)
    assert (boolean.correct, boolean.points.total, boolean.points.hint) == (True, 100, -100)


def test_timed_answers_lose_points_and_late_ones_score_nothing() -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False, time_limit=10), random.Random(0))
    clock = FakeClock()
    result = play(turns[:2], ScriptedAsker(right, clock, seconds=5), clock)
    assert [o.points.total for o in result.outcomes] == [75, 165]
    assert result.seconds == 10
    clock = FakeClock()
    late = play(turns[:1], ScriptedAsker(right, clock, seconds=11), clock)
    (outcome,) = late.outcomes
    assert (outcome.correct, outcome.late, outcome.points.total) == (False, True, 0)
    timed_out = play(turns[:1], ScriptedAsker(lambda t: Reply("", timed_out=True)), FakeClock())
    assert timed_out.outcomes[0].late and not timed_out.outcomes[0].correct


@pytest.mark.parametrize("stop", [GameInterrupted, KeyboardInterrupt, EOFError])
def test_interruption_keeps_what_was_answered(stop: type[BaseException]) -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    result = play(turns, ScriptedAsker(right, stop_at=3, stop_with=stop), FakeClock())
    assert not result.completed
    assert [o.turn.question.id for o in result.outcomes] == ["single", "multi"]
    assert result.planned == 6
    assert result.max_score == 100 + 220


def test_text_typo_note_reaches_the_outcome() -> None:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    result = play([turns[3]], ScriptedAsker(lambda t: Reply("Kazakstan")), FakeClock())
    assert result.outcomes[0].correct
    assert result.outcomes[0].note == "accepted with one typo: Kazakhstan"


def test_given_text() -> None:
    bank = every_type_bank()
    order = bank.questions[-1]
    assert given_text(order, ("b", "a")) == "b → a"
    assert given_text(bank.questions[1], ("A", "C")) == "A; C"  # a choice may hold a comma
    assert given_text(bank.questions[2], True) == "True"
    assert given_text(bank.questions[4], 1975.0) == "1975"
    assert given_text(bank.questions[3], "") == "(no answer)"
