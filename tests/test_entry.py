"""The program's start: a signal that comes while it is still importing ends it
quietly, with the exit code a shell gives."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

# Sends the signal to itself at the very moment the command line module is imported,
# as a Ctrl-C a moment after Enter would.
SIGNALLED_AT_IMPORT = """
import builtins, os, signal, sys
import quiz.entry
real = builtins.__import__
def importing(name, *args, **kwargs):
    if name == "quiz.cli":
        os.kill(os.getpid(), signal.{name})
    return real(name, *args, **kwargs)
builtins.__import__ = importing
sys.argv = ["quiz", "--version"]
sys.exit(quiz.entry.main())
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_the_program_starts_ends_it_without_a_traceback(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED_AT_IMPORT.format(name=name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 128 + getattr(signal, name)
    assert done.stdout == ""  # ended before the command ran


def test_the_program_runs_its_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.split()[0]) == (0, "quiz")
