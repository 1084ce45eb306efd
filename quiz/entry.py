"""Where the program starts (the ``quiz`` command and ``python -m quiz``).

A signal that comes while the program is still starting (Ctrl-C a moment after
Enter, SIGTERM from a script) ends it quietly with the exit code a shell gives,
instead of a traceback from the middle of an import: the handlers are set before
anything else is imported. From then on Ctrl-C is Python's own (the command line
handles it), and SIGTERM and SIGHUP keep ending the program quietly until a game
sets its own handlers, which save what was played. Once the command has ended, the
exit is not cut short.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

_QUIET = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def main() -> int:
    """Run ``quiz`` with the process's arguments; return the exit code."""
    for signum in (signal.SIGINT, *_QUIET):
        signal.signal(signum, _leave)
    from quiz.cli import main as run  # only now, with the handlers in place

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return run(sys.argv[1:])
    finally:
        # The work is done and told: a signal now could only cut the exit short.
        for signum in (signal.SIGINT, *_QUIET):
            signal.signal(signum, signal.SIG_IGN)


def _leave(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)
