"""The project's exceptions and located diagnostics."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitStatus(IntEnum):
    """Process exit codes."""

    OK = 0
    ERROR = 1
    USAGE = 2
    HANGUP = 129  # 128 + SIGHUP: the terminal closed during a game
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM


class QuizError(Exception):
    """Base of every error the project raises on purpose; its text is for the user."""


class Diagnostic(NamedTuple):
    """One problem found in a question file, at a line and column (both 1-based).

    A typed named tuple, as are the other plain records every start needs (see the
    README's Performance section)."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        """Whether this diagnostic makes the file invalid (warnings do not)."""
        return self.severity == "error"


class BankError(QuizError):
    """A question file that cannot be used; carries every diagnostic found in it."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))


class UsageError(QuizError):
    """Options that do not go together; exits with the usage status (2)."""


class BankNotFoundError(QuizError):
    """A bank named on the command line that is neither a file nor a known bank name."""


class WriteError(QuizError, OSError):
    """A file that could not be written (a full disk, a quota, an I/O error, no right to
    write): an :class:`OSError` with the errno, whose text names the file for the user.

    Both, so that callers catching ``OSError`` keep working, and one that does not
    catch it still gets a clear message from the command line, never a traceback.
    """

    def __init__(self, target: str, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror, target)
        self.message = f"cannot write '{target}': {cause.strerror or cause}"

    def __str__(self) -> str:
        return self.message


class GameInterrupted(QuizError):
    """The player stopped the game: Ctrl-C, or the end of input."""
