"""``quiz add FILE``: a wizard that asks for one question and appends it to a question
file (creating the file, with a title, when it is new), keeping the file's comments
and layout. Nothing is written until the question is complete and the whole file
checks clean; Ctrl-C leaves the file as it was."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import ExitStatus, QuizError

if TYPE_CHECKING:
    from quiz.ui.wizard import Fields


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``add`` parser."""
    parser = commands.add_parser(
        "add",
        help="add a question to a question file, asking for each field",
        description=(
            "Ask for a question's type, prompt, choices (one per line), answer (picked from "
            "the choices), explanation, hint, difficulty and tags, checking each as it is "
            "given, then append it to FILE (created, with a title, when it does not exist). "
            "The file's comments and layout are kept; Ctrl-C leaves it as it was."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the question file (.yaml or .yml)")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask one line at a time, no arrow-key menus (automatic with TERM=dumb, QUIZ_PLAIN=1 "
        "or input or output that is not a terminal)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Ask for the question, then write the file whole or not at all."""
    from quiz.files import write_atomically
    from quiz.format.append import CannotAppend, append_question, new_bank
    from quiz.format.checker import check_text
    from quiz.format.text import escape_controls
    from quiz.library.sources import is_bank_file
    from quiz.ui.console import wants_plain
    from quiz.ui.prompters import PlainPrompter, Prompter, TerminalPrompter
    from quiz.ui.wizard import ask_question, required

    path = Path(args.file)
    shown = escape_controls(str(path))
    if not is_bank_file(path):
        raise QuizError(f"'{shown}' must end in .yaml or .yml to be found as a question file")
    text = _read(path)
    ids: set[str] = set()
    if text is not None:
        report = check_text(text, str(path))
        if report.bank is None:
            raise QuizError(f"'{shown}' has errors; fix them first (see: quiz validate {shown})")
        ids = {q.id for q in report.bank.questions}
    plain = wants_plain(bool(args.plain))
    prompter: Prompter = PlainPrompter() if plain else TerminalPrompter()
    title = None
    if text is None:
        prompter.say(f"{shown} is new: it will be created.")
        title = prompter.text("Title of the bank:", required).strip()
    fields = ask_question(prompter, ids)
    if text is None:
        assert title is not None
        written = new_bank(title, fields)
    else:
        try:
            written = append_question(text, fields)
        except CannotAppend as reason:
            try:
                written = _round_trip(text, fields)
            except Exception as error:  # ruamel.yaml is a library's parser of untrusted text
                raise QuizError(
                    f"cannot add to '{shown}' as it is laid out ({reason}), and rewriting it "
                    f"failed ({type(error).__name__}); {shown} is unchanged"
                ) from None
    after = check_text(written, str(path))
    if after.bank is None or len(after.bank.questions) != len(ids) + 1:
        problems = "; ".join(d.message for d in after.errors) or "the question was not added"
        raise QuizError(f"the question could not be added ({problems}); {shown} is unchanged")
    try:
        write_atomically(path, written.encode("utf-8"), replace=text is not None)
    except FileExistsError:
        raise QuizError(f"'{shown}' appeared while you typed; nothing was written") from None
    except OSError as error:
        raise QuizError(f"cannot write '{shown}': {error.strerror or error}") from None
    print(f"Added question '{fields['id']}' to {shown}. See it: quiz validate --show {shown}")
    return ExitStatus.OK


def _read(path: Path) -> str | None:
    """The file's text, or ``None`` when there is no file yet."""
    from quiz.format.text import escape_controls

    shown = escape_controls(str(path))
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise QuizError(f"cannot read '{shown}': {error.strerror or error}") from None
    # Reading a FIFO would wait for a writer, and the file is replaced at the end.
    if not stat.S_ISREG(found.st_mode):
        raise QuizError(f"'{shown}' is not a regular file; name a question file")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise QuizError(f"'{shown}' is not UTF-8 text; see: quiz validate {shown}") from None
    except OSError as error:
        raise QuizError(f"cannot read '{shown}': {error.strerror or error}") from None


def _round_trip(text: str, fields: Fields) -> str:
    """Append through ruamel.yaml's round trip, which keeps comments, when the list
    cannot be extended as text (it is in brackets, or not the file's last key)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author wrote
    document = yaml.load(text)
    document["questions"].append(CommentedMap(fields))
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
