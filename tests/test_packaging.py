"""The wheel carries the built-in banks, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

# These tests build and install a wheel: the inner loop (-m "not slow") leaves them out.
pytestmark = pytest.mark.slow
REPO = ROOT
QUESTION_FILES = sorted(p.name for p in (REPO / "questions").glob("*.y*ml"))

PROBE = """
import os
import sys
sys.path.insert(0, sys.argv[1])
import quiz
from quiz.library.loading import check_file
from quiz.library.sources import builtin_dir, files_in
print(quiz.__file__)
print(builtin_dir())
for path in files_in(builtin_dir()):
    report = check_file(path)
    print(os.path.basename(path), len(report.errors))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("orbit_quiz-*.whl")
    return built


def test_wheel_holds_the_package_and_every_builtin_bank(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "quiz/__init__.py" in names
    assert "quiz/library/sources.py" in names
    assert "quiz/cli.py" in names
    packaged = sorted(
        n.removeprefix("quiz/questions/") for n in names if n.startswith("quiz/questions/")
    )
    assert packaged == QUESTION_FILES
    assert not any(n.startswith(("tests/", "questions/")) for n in names)


def test_wheel_files_match_the_repository(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    for name in QUESTION_FILES:
        assert archive.read(f"quiz/questions/{name}") == (REPO / "questions" / name).read_bytes()


def test_wheel_declares_the_quiz_command(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (entry_points,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = archive.read(entry_points).decode()
    assert "[console_scripts]" in text
    assert "quiz = quiz.entry:main" in text


def test_installed_package_finds_its_builtin_banks(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    module, builtin, *banks = done.stdout.splitlines()
    assert Path(module) == site / "quiz" / "__init__.py"
    assert Path(builtin) == site / "quiz" / "questions"
    assert banks == [f"{name} 0" for name in QUESTION_FILES]
