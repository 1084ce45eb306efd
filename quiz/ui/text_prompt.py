"""A typed answer on one line, with prompt_toolkit: refused lines are said, not taken.

Like the list prompt: the countdown in the prompt's own text (redrawn twice a
second), an empty Ctrl-D ends the game politely (:class:`Quit`), Ctrl-Z suspends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.application.current import get_app
from prompt_toolkit.buffer import ValidationState
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import Output
from prompt_toolkit.validation import ValidationError, Validator

from quiz.ui.list_prompt import STYLE, TIMEOUT, discard_typeahead
from quiz.ui.signals import Quit
from quiz.ui.wrapping import wrap

NOT_TEXT = "That is not valid text (UTF-8); please type it again."


class _Check(Validator):
    """A validator whose refusal leaves the cursor where it was (at the end)."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        self.check = check

    def validate(self, document: Document) -> None:
        """Refuse the text with the check's message (or when it is not valid text)."""
        text = document.text
        # A byte that was not UTF-8 arrives as a lone surrogate: no history could keep it.
        problem = NOT_TEXT if any("\ud800" <= c <= "\udfff" for c in text) else self.check(text)
        if problem:
            raise ValidationError(len(text), problem)


def answer_check(
    *, number: bool, hint: bool, shown: Callable[[], bool]
) -> Callable[[str], str | None]:
    """Why a typed line is no answer (or None): empty, not a number, or ``?`` when there
    is no hint to show (or it is ``shown`` already)."""
    from quiz.ui.plain_asker import InvalidInput, parse_number

    def check(text: str) -> str | None:
        if text.strip() == "?":
            if not hint:
                return "This question has no hint."
            return "The hint is shown above." if shown() else None
        if not text.strip():
            return "Please type an answer."
        if number:
            try:
                parse_number(text)
            except InvalidInput as error:
                return str(error)
        return None

    return check


def typed_message(
    *,
    number: bool,
    offered: Callable[[], bool],
    countdown: Callable[[], str] | None,
    width: Callable[[], int],
) -> Callable[[], StyleAndTextTuples]:
    """The prompt's text, drawn afresh each time: what to type, the hint if ``offered``,
    the time left, wrapped between words."""

    def message() -> StyleAndTextTuples:
        what = "Type a number" if number else "Type your answer"
        hint = ", or ? for the hint" if offered() else ""
        left = f" ({countdown()})" if countdown is not None else ""
        lines = wrap(f"{what}{hint}{left}:", width(), "? ")
        return [("class:qmark", "? "), ("class:question", "\n".join(lines)[2:] + " ")]

    return message


def _refused_hint_key(check: Callable[[str], str | None]) -> KeyBindings:
    """Enter on a ``?`` that shows no hint (none, or shown already): the line is emptied
    for the answer, and the reason is said below it, as for any refused line."""
    bindings = KeyBindings()

    def refused() -> bool:
        text = get_app().current_buffer.text
        return text.strip() == "?" and check(text) is not None

    @bindings.add("enter", filter=Condition(refused))
    def _(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        problem = check(buffer.text) or ""
        buffer.reset()
        # Set after the reset, which clears any refusal shown before.
        buffer.validation_error = ValidationError(0, problem)
        buffer.validation_state = ValidationState.INVALID

    return bindings


def ask_line(
    message: Callable[[], StyleAndTextTuples],
    check: Callable[[str], str | None],
    *,
    seconds: float | None = None,
    input: Input | None = None,
    output: Output | None = None,
    discard: bool = False,
) -> object:
    """The line typed once ``check`` (which returns why not, or None) takes it; or
    :data:`TIMEOUT` when ``seconds`` pass first."""
    session: PromptSession[Any] = PromptSession(
        message,
        style=STYLE,
        validator=_Check(check),
        key_bindings=_refused_hint_key(check),
        validate_while_typing=False,
        erase_when_done=True,
        enable_suspend=True,
        refresh_interval=0.5 if seconds is not None else 0,
        input=input,
        output=output,
    )
    if discard:
        discard_typeahead(session.input)

    def arm() -> None:
        if seconds is None:
            return
        app = session.app

        def expire() -> None:
            if app.is_running and not app.is_done:
                app.exit(result=TIMEOUT)

        asyncio.get_running_loop().call_later(seconds, expire)

    try:
        return session.prompt(pre_run=arm)
    except EOFError:
        raise Quit("end of input") from None
