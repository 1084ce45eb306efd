"""How a game stops early. The player quits (``q``, Esc, Ctrl-D: :class:`Quit`);
SIGTERM and SIGHUP end a game as Ctrl-C does: the answers are kept, the terminal is
given back as it was found, and the exit code says which signal it was."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from quiz.errors import GameInterrupted

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# Show the cursor, end bracketed paste and mouse reporting, reset colours.
RESET = "\x1b[?25h\x1b[?2004l\x1b[?1000l\x1b[0m"


class Quit(GameInterrupted):
    """The player asked to stop: ``q``, Esc, or Ctrl-D at a prompt."""


class Stopped(GameInterrupted):
    """The game was ended by a signal (``signum``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"ended by {signal.Signals(signum).name}")
        self.signum = signum


class Catcher:
    """What :func:`catching` saw: the first signal, if any, and whether to raise."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.raising = True

    def handle(self, signum: int, frame: FrameType | None) -> None:
        """The handler: stop what runs (a prompt, or the code between prompts)."""
        if self.signum is not None:
            return
        self.signum = signum
        if not self.raising:
            return  # the game is over and being saved: let that finish
        from prompt_toolkit.application.current import get_app_or_none

        app = get_app_or_none()
        if app is not None and app.is_running and app.loop is not None:
            # End the prompt from its own loop, so it puts the terminal back as it was.
            app.loop.call_soon_threadsafe(_exit_app, app, signum)
            return
        raise Stopped(signum)

    def exit_status(self, otherwise: int) -> int:
        """128 + the signal when one came, else ``otherwise``."""
        return 128 + self.signum if self.signum is not None else otherwise


def _exit_app(app: object, signum: int) -> None:
    from prompt_toolkit.application import Application

    if isinstance(app, Application) and app.is_running and not app.is_done:
        app.exit(exception=Stopped(signum))


@contextmanager
def catching() -> Iterator[Catcher]:
    """Turn SIGTERM and SIGHUP into :class:`Stopped` while the block runs (in the main
    thread only); the previous handlers are back afterwards."""
    catcher = Catcher()
    previous = {}
    try:
        for signum in SIGNALS:
            previous[signum] = signal.signal(signum, catcher.handle)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield catcher
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def restore_terminal() -> None:
    """Show the cursor and reset the modes a prompt may have set, if output is a terminal."""
    try:
        if sys.stdout is not None and sys.stdout.isatty():
            sys.stdout.write(RESET)
            sys.stdout.flush()
    except (OSError, ValueError):
        pass
