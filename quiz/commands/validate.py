"""``quiz validate``: check question files and report every problem, one line each;
``--show`` prints each question as the game asks it, ``--watch`` checks again on save."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import Diagnostic, ExitStatus

if TYPE_CHECKING:
    from rich.console import Console

    from quiz.format.report import Report

# At most this many diagnostics of one file are printed, then "... and N more".
SHOWN_PER_FILE = 50


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` parser."""
    parser = commands.add_parser(
        "validate",
        help="check question files and report every problem",
        description=(
            "Check question files (or every .yaml/.yml file in the folders given) and print "
            "each problem as FILE:LINE:COL: error: message (at most "
            f"{SHOWN_PER_FILE} per file). Exits 1 when any file has errors; warnings alone "
            "do not fail."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="question files or folders, or bank names"
    )
    parser.add_argument(
        "--show",
        action="store_true",
        help="also print every question as the game will ask it (choices numbered, answers marked)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="check again each time a file is saved, redrawing the report (Ctrl-C ends it)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Check the files and print the diagnostics and a summary."""
    from quiz.ui.console import make_console

    console = make_console()
    if args.watch:
        return _watch(args, console)
    return _check(args.paths, args.show, console)


def _check(paths: Sequence[str], show: bool, console: Console) -> ExitStatus:
    from rich.text import Text

    from quiz.format.text import escape_controls
    from quiz.library.loading import catalogue
    from quiz.library.sources import file_identity, known_files
    from quiz.ui.listing import diagnostic_line, validation_summary

    files = _targets(paths, console)
    if not files:
        console.print(validation_summary(0, 0, 0, 0))
        return ExitStatus.ERROR
    checked = {file_identity(path) for path in files}
    others = [path for path in known_files() if file_identity(path) not in checked]
    # One catalogue for the files and the library they are compared with: files the
    # cache misses are all checked together (on every core, when they are many).
    found = catalogue([*files, *others], banks=show).reports
    reports, library = found[: len(files)], found[len(files) :]
    shared = shared_titles(reports, library)
    for report in reports:
        diagnostics = sorted(
            (*report.diagnostics, *shared.get(report.path, ())), key=lambda d: (d.line, d.column)
        )
        for diagnostic in diagnostics[:SHOWN_PER_FILE]:
            console.print(diagnostic_line(diagnostic), soft_wrap=True)
        if len(diagnostics) > SHOWN_PER_FILE:
            more = len(diagnostics) - SHOWN_PER_FILE
            line = f"{escape_controls(report.path)}: ... and {more:,} more"
            console.print(Text(line, style="quiz.muted"), soft_wrap=True)
        if show and report.bank is not None:
            from quiz.ui.question_sheet import question_sheet

            console.print(question_sheet(report.bank))
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports) + sum(len(d) for d in shared.values())
    broken = sum(1 for r in reports if r.errors)
    only = escape_controls(reports[0].path) if len(reports) == 1 else ""
    console.print(validation_summary(len(reports), broken, errors, warnings, only))
    return ExitStatus.ERROR if errors else ExitStatus.OK


def _targets(paths: Sequence[str], console: Console) -> list[Path]:
    """The files to check: files and folders as given (a missing file is reported as
    the file's own error), and a bare name that is no file as the bank it names (the
    file it names is said first)."""
    from rich.text import Text

    from quiz.format.text import escape_controls
    from quiz.library.sources import expand_paths, is_bank_file, resolve

    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if given and len(path.parts) == 1 and not is_bank_file(path) and not path.exists():
            found = resolve([given])
            line = f"{escape_controls(given)} is {escape_controls(str(found[0]))}"
            console.print(Text(line, style="quiz.muted"), soft_wrap=True)
            files += found
        else:
            files += expand_paths([path])
    return files


def shared_titles(
    reports: Sequence[Report], library: Sequence[Report] = ()
) -> dict[str, list[Diagnostic]]:
    """A warning for each file checked whose title another bank also has (another file
    checked, or a bank of the library: built in, the data folder, QUIZ_PATH): stats and
    review name a bank by its title, so two banks with one title are mixed up."""
    from quiz.format.text import escape_controls

    by_title: dict[str, list[Report]] = {}
    for report in (*reports, *library):
        if report.summary is not None:
            by_title.setdefault(report.summary.title.casefold(), []).append(report)
    checked = {id(report) for report in reports}
    warnings: dict[str, list[Diagnostic]] = {}
    for same in by_title.values():
        if len(same) < 2:
            continue
        # A copy of the same bytes (a checkout's bank beside the installed one) is the
        # same bank: its history is its own either way.
        contents = {id(report): _content(report.path) for report in same}
        for report in same:
            if id(report) not in checked:
                continue
            mine = contents[id(report)]
            clashing = [
                r for r in same if r is not report and (mine is None or contents[id(r)] != mine)
            ]
            if not clashing:
                continue
            others = ", ".join(escape_controls(r.path) for r in clashing)
            assert report.summary is not None
            message = (
                f"the title '{report.summary.title}' is also the title of {others}; "
                "stats and review tell banks apart by title, so give each bank its own"
            )
            line = _title_line(report.path)
            warnings.setdefault(report.path, []).append(
                Diagnostic(report.path, line, 1, message, "warning")
            )
    return warnings


def _content(path: str) -> str | None:
    """The digest of a file's bytes (``None`` if it cannot be read now)."""
    from quiz.library.cache import content_digest

    try:
        return content_digest(Path(path).read_bytes())
    except OSError:
        return None


def _title_line(path: str) -> int:
    """The line of a file's top-level ``title:`` key (1 when it cannot be found)."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, start=1):
                if line.startswith(("title:", '"title":', "'title':")):
                    return number
    except OSError:
        pass
    return 1


def _watch(args: argparse.Namespace, console: Console) -> ExitStatus:
    """Check, then check again after every change to the files or folders given."""
    from watchfiles import watch

    from quiz.library.sources import is_bank_file

    watched = [str(Path(p).resolve().parent if Path(p).is_file() else p) for p in args.paths]
    missing = [p for p in watched if not Path(p).exists()]
    if missing:
        from quiz.errors import QuizError

        raise QuizError(f"cannot watch '{missing[0]}': no such file or folder")
    console.clear()
    _check(args.paths, args.show, console)
    console.print("Watching for changes; press Ctrl-C to stop.", style="quiz.muted")
    for changes in watch(*dict.fromkeys(watched), debounce=200, rust_timeout=0):
        if not any(is_bank_file(Path(path)) for _, path in changes):
            continue
        console.clear()
        _check(args.paths, args.show, console)
        console.print("Watching for changes; press Ctrl-C to stop.", style="quiz.muted")
    return ExitStatus.INTERRUPTED
