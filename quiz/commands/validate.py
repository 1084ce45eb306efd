"""``quiz validate``: check question files and report every problem, one line each."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` parser."""
    parser = commands.add_parser(
        "validate",
        help="check question files and report every problem",
        description=(
            "Check question files (or every .yaml/.yml file in the folders given) and print "
            "each problem as FILE:LINE:COL: error: message. Exits 1 when any file has errors; "
            "warnings alone do not fail."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="question files or folders")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Check the files and print the diagnostics and a summary."""
    from quiz.library.loading import catalogue
    from quiz.library.sources import expand_paths
    from quiz.ui.console import make_console
    from quiz.ui.listing import diagnostic_line, validation_summary

    files = expand_paths(args.paths)
    console = make_console()
    if not files:
        console.print(validation_summary(0, 0, 0, 0))
        return ExitStatus.ERROR
    reports = catalogue(files, banks=False).reports
    for report in reports:
        for diagnostic in report.diagnostics:
            console.print(diagnostic_line(diagnostic), soft_wrap=True)
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    broken = sum(1 for r in reports if r.errors)
    console.print(validation_summary(len(reports), broken, errors, warnings))
    return ExitStatus.ERROR if errors else ExitStatus.OK
