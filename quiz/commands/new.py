"""``quiz new``: write a commented starter bank."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus, QuizError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``new`` parser."""
    parser = commands.add_parser(
        "new",
        help="write a commented starter bank",
        description=(
            "Write a commented starter bank with one question of each type; it validates as "
            "is. Never overwrites an existing file."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the file to create (.yaml or .yml)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Create the file, refusing to overwrite one."""
    from pathlib import Path

    from quiz.files import write_atomically
    from quiz.format.starter import STARTER_BANK
    from quiz.format.text import escape_controls
    from quiz.library.sources import is_bank_file

    path = Path(args.file)
    shown = escape_controls(str(path))
    if not is_bank_file(path):
        raise QuizError(f"'{shown}' must end in .yaml or .yml to be found as a question file")
    # The name goes in comments: escaped, so a new line in it cannot end the comment.
    starter = STARTER_BANK.format(filename=escape_controls(path.name))
    try:
        write_atomically(path, starter.encode(), replace=False)
    except FileExistsError:
        raise QuizError(f"'{shown}' already exists; choose another name") from None
    except OSError as error:
        raise QuizError(f"cannot write '{shown}': {error.strerror or error}") from None
    print(f"Wrote {shown}. Edit it, then: quiz validate {shown} && quiz play {shown}")
    return ExitStatus.OK
