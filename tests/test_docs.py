"""Documentation that cannot drift: README mentions every command and every option."""

from __future__ import annotations

import argparse
import re

import pytest

from quiz.cli import COMMANDS, build_parser
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"quiz {command}" in README


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, option)
        for name, parser in subparsers().items()
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ],
)
def test_every_option_is_in_the_readme(command: str, option: str) -> None:
    mentioned = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README)
    assert mentioned, f"README does not document {option} of quiz {command}"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command" in README
    assert "test-command" in ci
