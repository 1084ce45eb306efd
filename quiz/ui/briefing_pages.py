"""The briefing before a game: in a terminal a screenful at a time, so that it can be
read from its top before it scrolls away; in plain mode as lines, all at once.

Between screenfuls, Enter or Space shows the next one and ``q`` (or Esc) skips the
rest and starts the game; after the last one the game waits for Enter, as it always
did. Piped input is a script: plain mode reads no line here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.segment import Segment, Segments
from rich.text import Text

from quiz.model import Bank
from quiz.ui.list_prompt import STYLE, discard_typeahead, press_enter
from quiz.ui.signals import Quit

# What the keys do between screenfuls: on one line where it fits, else a line each.
MORE_KEYS = ("Enter or Space: more", "q: skip to the game")


def key_lines(width: int) -> list[str]:
    """The lines that say what the keys do, for a terminal ``width`` columns wide."""
    joined = " · ".join(MORE_KEYS)
    return [f"  {joined}"] if cell_len(joined) + 3 <= width else [f"  {k}" for k in MORE_KEYS]


def show_briefings(console: Console, banks: Sequence[Bank], *, plain: bool) -> None:
    """The briefing of each bank that has one; in a terminal, paged, then wait for Enter."""
    from quiz.ui.briefing_view import briefing_view

    shown: list[RenderableType] = []
    for bank in banks:
        if bank.briefing:
            shown += [briefing_view(bank, plain=plain, width=console.width), Text()]
    if not shown:
        return
    if plain:
        for part in shown:
            console.print(part)
        return
    if page(console, Group(*shown), lambda message: more_wanted(message, console.width)):
        press_enter("Ready to play? Press Enter", ("q quits",))


def page(console: Console, renderable: RenderableType, more: Callable[[str], bool]) -> bool:
    """Print ``renderable`` a screenful at a time, asking ``more`` between screenfuls;
    False when the reader skipped the rest."""
    lines = console.render_lines(renderable, console.options, pad=False)
    prompt_lines = 1 + len(key_lines(console.width))  # its question, then its keys
    room = max(console.height - prompt_lines, 3)
    if len(lines) + prompt_lines <= console.height:
        room = len(lines)
    for start in range(0, len(lines), room):
        end = min(start + room, len(lines))
        for line in lines[start:end]:
            console.print(Segments([*line, Segment.line()]), end="")
        if end < len(lines) and not more(f"Briefing, lines {start + 1}-{end} of {len(lines)}"):
            return False
    return True


def more_wanted(message: str, width: int) -> bool:
    """Wait for a key: True for Enter or Space (the next screenful), False for ``q`` or
    Esc (skip the rest); Ctrl-C interrupts and Ctrl-D stops, as everywhere."""
    bindings = KeyBindings()

    @bindings.add("enter")
    @bindings.add(" ")
    @bindings.add("pagedown")
    def _more(event: KeyPressEvent) -> None:
        event.app.exit(result=True)

    @bindings.add("q")
    @bindings.add("escape", eager=True)
    def _skip(event: KeyPressEvent) -> None:
        event.app.exit(result=False)

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    @bindings.add("c-d")
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=Quit("end of input"))

    @bindings.add("<any>")
    def _other(event: KeyPressEvent) -> None:
        """Any other key does nothing."""

    tokens: StyleAndTextTuples = [
        ("class:qmark", "? "),
        ("class:question", message),
        ("", "\n"),
        ("class:instruction", "\n".join(key_lines(width))),
    ]
    app: Application[bool] = Application(
        layout=Layout(Window(FormattedTextControl(tokens, show_cursor=False))),
        key_bindings=bindings,
        style=STYLE,
        erase_when_done=True,
    )
    # An Enter meant for the start screen must not turn the page unread.
    discard_typeahead(app.input)
    return bool(app.run())
