"""The line-based asker: for ``--plain``, pipes and screen readers. No cursor movement."""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from quiz.errors import GameInterrupted
from quiz.game.engine import Outcome, Reply, Status, Turn
from quiz.model import Given, QuestionType, rights_reusable
from quiz.ui import feedback_view
from quiz.ui import game_view as views
from quiz.ui.plain_input import (
    NOT_TEXT,
    STOP,
    NotText,
    how_to_leave,
    is_piped,
    is_stop_word,
    read_line,
    shown_line,
)

HINT_KEY = "?"
_TRUE = frozenset({"y", "yes", "true", "t"})
_FALSE = frozenset({"n", "no", "false", "f"})
_SEPARATORS = re.compile(r"[\s,]+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


class InvalidInput(ValueError):
    """A line that cannot be an answer; its text says what would be."""


def parse_number(text: str) -> float:
    """A number as a person types it: ``1975``, ``-2.5``, ``1e3``, ``1,975`` or ``3,5``."""
    cleaned = text.strip().replace(" ", "").replace("_", "")
    if _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise InvalidInput("Please type a number, like 42 or 3.5.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidInput("Please type a finite number.")
    return value


def parse_numbers(text: str, count: int, *, one: bool = False) -> list[int]:
    """Option numbers (1-based) separated by commas and/or spaces, each within range."""
    words = [w for w in _SEPARATORS.split(text.strip()) if w]
    wanted = f"a number from 1 to {count}" if one else f"numbers from 1 to {count}"
    if not words:
        raise InvalidInput(f"Please type {wanted}.")
    picked: list[int] = []
    for word in words:
        # isdecimal, not isdigit: '²' is a digit that int() refuses. A long run of
        # digits is no option either (and int() would refuse past 4,300 of them).
        if not (word.isdecimal() and len(word) <= 6 and 1 <= int(word) <= count):
            # Where one number is wanted the line is one answer: quote it, not a word of it.
            refused = text.strip() if one else word
            shown = refused if len(refused) <= 20 else refused[:20] + "…"
            raise InvalidInput(f"'{shown}' is not an option: type {wanted}.")
        picked.append(int(word))
    return picked


def parse_reply(turn: Turn, line: str) -> Given:
    """Turn one line of input into an answer for ``turn``, or raise InvalidInput."""
    text = line.strip()
    question = turn.question
    if not text:
        raise InvalidInput("Please type an answer (or ? for the hint).")
    match question.type:
        case QuestionType.SINGLE:
            picked = parse_numbers(text, len(turn.choices), one=True)
            if len(picked) != 1:
                raise InvalidInput(f"Pick one option: a number from 1 to {len(turn.choices)}.")
            return turn.choices[picked[0] - 1]
        case QuestionType.MULTI:
            numbers = parse_numbers(text, len(turn.choices))
            chosen = {turn.choices[n - 1] for n in numbers}
            return tuple(choice for choice in turn.choices if choice in chosen)
        case QuestionType.BOOLEAN:
            folded = text.casefold()
            if folded in _TRUE:
                return True
            if folded in _FALSE:
                return False
            raise InvalidInput("Please type y (yes, true) or n (no, false).")
        case QuestionType.TEXT:
            return text
        case QuestionType.NUMBER:
            return parse_number(text)
        case QuestionType.ORDER:
            count = len(turn.items)
            numbers = parse_numbers(text, count)
            if sorted(numbers) != list(range(1, count + 1)):
                raise InvalidInput(
                    f"Use each number from 1 to {count} once, e.g. {_example(count)}."
                )
            return tuple(turn.items[n - 1] for n in numbers)
        case QuestionType.MATCH:
            return parse_match(turn, text)


_AROUND_EQUALS = re.compile(r"\s*=\s*")
_PAIR = re.compile(r"(\d{1,3})\s*=\s*([A-Za-z])")


def parse_match(turn: Turn, text: str) -> Given:
    """``1=c 2=a 3=b``: each numbered left with the letter of its right, every left once."""
    lefts = len(turn.question.pairs)
    letters = views.LETTERS[: len(turn.choices)]
    example = _match_example(lefts, len(turn.choices))
    words = [w for w in _SEPARATORS.split(_AROUND_EQUALS.sub("=", text)) if w]
    picks: dict[int, str] = {}
    for word in words:
        found = _PAIR.fullmatch(word)
        shown = word if len(word) <= 20 else word[:20] + "…"
        if not found or not 1 <= int(found[1]) <= lefts or found[2].lower() not in letters:
            raise InvalidInput(
                f"'{shown}' is not a pair: type each item's number = its answer's letter "
                f"(a-{letters[-1]}), e.g. {example}."
            )
        number = int(found[1])
        if number in picks:
            raise InvalidInput(f"Item {number} is paired twice; pair each item once.")
        picks[number] = turn.choices[letters.index(found[2].lower())]
    if len(picks) != lefts:
        missing = ", ".join(str(n) for n in range(1, lefts + 1) if n not in picks)
        raise InvalidInput(f"Pair every item (missing: {missing}), e.g. {example}.")
    given = tuple(picks[n] for n in range(1, lefts + 1))
    if not rights_reusable(turn.question) and len(set(given)) < len(given):
        raise InvalidInput("Use each answer once at most.")
    return given


def _match_example(lefts: int, rights: int) -> str:
    return " ".join(f"{n}={views.LETTERS[(rights - n) % rights]}" for n in range(1, lefts + 1))


def _example(count: int) -> str:
    return " ".join(str(n) for n in range(count, 0, -1))


def instructions(turn: Turn) -> str:
    """What to type for this question."""
    question = turn.question
    hint = f", or {HINT_KEY} for the hint" if question.hint else ""
    match question.type:
        case QuestionType.SINGLE:
            what = f"Type the number of your answer (1-{len(turn.choices)})"
        case QuestionType.MULTI:
            what = "Type the numbers of every right answer, separated by spaces or commas"
        case QuestionType.BOOLEAN:
            what = "True or false? Type y or n"
        case QuestionType.TEXT:
            what = "Type your answer"
        case QuestionType.NUMBER:
            what = "Type a number"
        case QuestionType.ORDER:
            what = f"Type the item numbers in the right order, e.g. {_example(len(turn.items))}"
        case QuestionType.MATCH:
            example = _match_example(len(question.pairs), len(turn.choices))
            what = f"Type each item's number = its answer's letter, e.g. {example}"
    return f"{what}{hint}:"


HOW_TO_STOP = f"{STOP} the game; the answers so far are kept."


class PlainAsker:
    """Asks on a console, reads answers one line at a time from a text stream.

    A line that is not valid UTF-8 is refused and asked again (see
    :mod:`quiz.ui.plain_input`), never taken as an answer that the history or a
    results file could not store. ``pause`` (for a person at a terminal, never for
    piped input) waits for Enter after each answer. No line stops the game, since any
    may be an answer: the end of input does, and a person at a terminal is told so
    once, and again when a ``q`` is refused. At a list (:meth:`pick`: the start screen,
    the menu after a game) there is no game to stop: a person is told how to quit, and
    their Ctrl-D is :class:`~quiz.ui.signals.Quit`, as it is in the terminal's lists.
    """

    def __init__(self, console: Console, stream: TextIO, *, pause: bool = False) -> None:
        self.console = console
        self.stream = stream
        # Piped input is not echoed by a terminal; echo it so the transcript reads well.
        self.echo = is_piped(stream)
        self.pause = pause
        self.told: str | None = None  # how to stop, as last told to a person

    def read_line(self, how_to_stop: str = HOW_TO_STOP) -> str:
        """One line of input; the end of input interrupts the game.

        A person is told ``how_to_stop`` before the first line, and again when it
        changes (from the start screen's to the game's). Control characters in the line
        (an escape sequence, say) are kept as text: ``\x1b``, so that neither the echo
        nor the feedback can drive the terminal."""
        if not self.echo and self.told != how_to_stop:
            self.told = how_to_stop
            self.console.print(Text(how_to_stop, style="quiz.muted"))
        while True:
            self.console.print(Text("> ", style="quiz.muted"), end="")
            self.console.file.flush()
            try:
                line = read_line(self.stream)
            except NotText as refused:
                self.console.print(Text(refused.shown) if self.echo else "", highlight=False)
                self.console.print(Text(NOT_TEXT, style="quiz.warning"))
                continue
            if not line:
                self.console.print()
                raise GameInterrupted("end of input")
            shown = shown_line(line)
            if self.echo:
                self.console.print(Text(shown), highlight=False)
            return shown

    def refuse(self, message: str, line: str, how_to_stop: str = HOW_TO_STOP) -> None:
        """Say why a line was refused; to a person who typed ``q``, also how to stop."""
        if not self.echo and is_stop_word(line):
            message = f"{message} {how_to_stop}"
        self.console.print(Text(message, style="quiz.warning"))

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Print the question and read lines until one is a valid answer."""
        console = self.console
        console.print()
        console.print(Text(turn.bank_title, style="quiz.title"))
        console.print(views.spoken_state(turn, status))
        if (passage := views.passage_text(turn)) is not None:
            console.print(passage)
        console.print(views.prompt_text(turn))
        if turn.question.type is QuestionType.MATCH:
            console.print(views.match_lists(turn))
        if turn.question.type in (QuestionType.SINGLE, QuestionType.MULTI):
            console.print(views.numbered(turn.choices))
        elif turn.question.type is QuestionType.ORDER:
            console.print(views.numbered(turn.items))
        console.print(Text(instructions(turn), style="quiz.muted"))
        used_hint = False
        while True:
            line = self.read_line()
            if line.strip() == HINT_KEY:
                if turn.question.hint:
                    used_hint = True
                    console.print(views.hint_text(turn.question.hint))
                    console.print(
                        Text("(Using the hint halves this question's points.)", style="quiz.muted")
                    )
                else:
                    console.print(Text("This question has no hint.", style="quiz.muted"))
                continue
            try:
                return Reply(parse_reply(turn, line), used_hint)
            except InvalidInput as error:
                self.refuse(str(error), line)

    def tell(self, outcome: Outcome) -> None:
        """Print the verdict, the right answer and the explanation."""
        self.console.print(feedback_view.feedback(outcome, plain=True))
        # Never with piped input: its lines are answers, not Enters for a pause.
        if self.pause and not self.echo and outcome.turn.number < outcome.turn.total:
            self.console.print(Text("Press Enter for the next question.", style="quiz.muted"))
            while is_stop_word(self.read_line()):
                self.refuse("Enter goes on.", "q")

    def pick(self, message: str, labels: list[str]) -> int:
        """Print the numbered labels and read lines until one picks a label.

        A person's Ctrl-D raises :class:`~quiz.ui.signals.Quit` (leaving, as the Quit
        entry does); the end of a script is still :class:`GameInterrupted`."""
        console = self.console
        console.print(Text(message, style="quiz.heading"))
        console.print(views.numbered(labels))
        console.print(Text(f"Type a number (1-{len(labels)}):", style="quiz.muted"))
        leave = how_to_leave(labels)
        while True:
            try:
                line = self.read_line(leave)
            except GameInterrupted:
                if self.echo:
                    raise
                from quiz.ui.signals import Quit

                raise Quit("Ctrl-D at a list") from None
            try:
                picked = parse_numbers(line, len(labels), one=True)
                if len(picked) == 1:
                    return picked[0] - 1
                raise InvalidInput(f"Pick one: a number from 1 to {len(labels)}.")
            except InvalidInput as error:
                self.refuse(str(error), line, leave)
