"""``quiz schema``: print the JSON Schema of question files."""

from __future__ import annotations

import argparse

from quiz.errors import ExitStatus


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` parser."""
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of question files",
        description=(
            "Print a JSON Schema of the question-file format, for editors: save it and point "
            "the YAML language server at it (see README)."
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Print the schema as JSON."""
    import json

    from quiz.format.schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return ExitStatus.OK
