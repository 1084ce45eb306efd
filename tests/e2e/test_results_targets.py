"""Where ``--results`` writes (a link, a FIFO, a device, standard output) and what a
game whose standard output closes keeps (attacker findings 2 and 5)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from tests.e2e.test_game_terminal import stats
from tests.helpers import until_output_closes
from tests.test_e2e import bank, env, quiz_command, run_piped

pytestmark = pytest.mark.slow
__all__ = ["bank"]  # the fixture, used by name

ANSWERS = "2\n1 3\nn\nGagarin\n1969\n3 4 1 2\n1=c 2=a 3=b\n"


def data(tmp_path: Path) -> dict[str, str]:
    return {"QUIZ_DATA_DIR": str(tmp_path / "data")}


def game(bank: Path, results: Path | str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    args = ["play", str(bank), "--no-shuffle", "-n", "1", "--results", str(results)]
    return run_piped(args, "2\n", **data(tmp_path))


def test_a_link_keeps_being_a_link_and_its_file_gets_the_results(
    bank: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    done = game(bank, link, tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and link.readlink() == target
    assert json.loads(target.read_text(encoding="utf-8"))["correct"] == 1
    assert f"Results written to {link}" in done.stdout


def test_standard_output_by_name_gets_the_results_after_the_game_so_far(
    bank: Path, tmp_path: Path
) -> None:
    """--results /dev/stdout: here a link of our own to the same place, so that a
    broken writer could only ever replace the link."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = game(bank, stdout, tmp_path)
    assert done.returncode == 0, done.stderr
    assert stdout.is_symlink()
    start = done.stdout.index("{\n")
    end = done.stdout.index("\n}\n", start) + 3
    assert json.loads(done.stdout[start:end])["correct"] == 1
    assert "✔ Right!" in done.stdout[:start]  # the game came first, then the results
    assert "Score: " in done.stdout[:start]  # its report too, as README says
    assert done.stdout[end:].strip() == f"Results written to {stdout}"


def test_a_fifo_is_written_through_to_its_reader(bank: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "r.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = game(bank, fifo, tmp_path)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0])["correct"] == 1


def test_a_fifo_nobody_reads_is_an_error_after_the_report_not_a_wait(
    bank: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "r.fifo"
    os.mkfifo(fifo)
    done = game(bank, fifo, tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"quiz: error: cannot write results to '{fifo}': no program is reading from it\n"
    )
    assert "Score: 100 out of 100." in done.stdout  # the report all the same
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_written_to_never_replaced(bank: Path, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
    done = game(bank, null, tmp_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".null")] == []


def test_a_folder_is_refused_before_the_game(bank: Path, tmp_path: Path) -> None:
    done = game(bank, tmp_path, tmp_path)
    assert done.returncode == 1
    assert done.stderr == f"quiz: error: cannot write results to '{tmp_path}': it is a folder\n"
    assert "Question 1" not in done.stdout


def test_a_game_whose_output_closes_is_kept_as_at_the_end_of_input(
    bank: Path, tmp_path: Path
) -> None:
    """quiz play | head: the answers given so far go to the history and the results
    file, and the game ends as at the end of input (130), with no traceback."""
    results = tmp_path / "r.json"
    command = [*quiz_command(), "play", str(bank), "--no-shuffle", "--results", str(results)]
    answers = (b"2\n", ANSWERS.encode()[2:])
    code, errors = until_output_closes(command, env(**data(tmp_path)), answers, b"Right!")
    assert code == 130
    assert "Traceback" not in errors
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["completed"] is False
    assert 1 <= len(document["answers"]) < 7
    assert stats(tmp_path)["answers"] == len(document["answers"])
