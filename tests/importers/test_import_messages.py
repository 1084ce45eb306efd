"""What ``quiz import`` says about files it cannot read and about the bank it wrote (the
teacher's findings 20 and 21), and that notes never stop a conversion."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz import cli

READS = "quiz import reads only GIFT, Aiken and Open Trivia DB JSON"


def outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, *args: str
) -> tuple[int, list[str], list[str]]:
    """Import a file ``name`` holding ``data``: the exit status, and the lines of standard
    output and error with the folder written as {dir}."""
    source = tmp_path / name
    source.write_bytes(data)
    status = cli.main(["import", str(source), *args])
    out, err = (text.replace(str(tmp_path), "{dir}") for text in capsys.readouterr())
    return status, out.splitlines(), err.splitlines()


def test_the_written_banks_warnings_are_counted_with_the_command_that_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "::Q1:: Which is red? {=Mars ~Venus}\n\n::Q13:: Smart {=“Mars” ~“Venus”}\n\n"
    source += "::Q3:: Explained {=Mars ~Venus#No, Venus is yellow.}\n"
    status, out, _ = outcome(tmp_path, capsys, "g1.gift", source.encode())
    assert (status, out[-1]) == (
        0,
        "g1.yaml has 5 warnings (2 questions with no explanation, 3 other); "
        "see them with: quiz validate {dir}/g1.yaml",
    )


def test_no_warnings_line_when_the_bank_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = b"Which is red? {=Mars ~Venus####Iron oxide.}\n"
    status, out, _ = outcome(tmp_path, capsys, "ok.gift", source)
    assert (status, out[-1]) == (0, "Play it with: quiz play {dir}/ok.yaml")


def test_a_note_is_reported_and_the_question_still_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = outcome(tmp_path, capsys, "tf.gift", b"// quiz\n::Q11:: It? {true}\n")
    assert (status, out[0]) == (0, "Converted 1 question from {dir}/tf.gift to {dir}/tf.yaml.")
    assert err == [
        "{dir}/tf.gift:2: note: {true} is read as a short answer 'true' (players type it), as "
        "Moodle reads it; for a true/false question write {T} or {TRUE} in capitals"
    ]


@pytest.mark.parametrize(
    ("name", "data", "said", "args"),
    [
        (
            "q.csv",
            b"question,a,b,c,answer\nWhich is red?,Venus,Mars,Jupiter,Mars\n",
            f"'{{dir}}/q.csv': CSV files cannot be imported (quiz export writes CSV, but {READS})",
            (),
        ),
        (
            "q.docx",
            b"PKgarbage",
            f"'{{dir}}/q.docx' is a word-processor document, not text ({READS}); "
            "save it as plain text (.txt) first",
            (),
        ),
        (  # a zip archive, whatever its name and the format given
            "questions.txt",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01",
            "'{dir}/questions.txt' is a zip archive (a Word or LibreOffice document?), not "
            "text; save it as plain text (.txt) first",
            ("--format", "gift"),
        ),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    said: str,
    args: tuple[str, ...],
) -> None:
    status, out, err = outcome(tmp_path, capsys, name, data, *args)
    assert (status, out, err) == (1, [], [f"quiz: error: {said}"])
    assert not (tmp_path / name).with_suffix(".yaml").exists()


@pytest.mark.parametrize(
    ("name", "data", "args"),
    [
        ("empty.gift", b"", ()),
        ("blank.txt", b"\n  \n\t\n", ("--format", "aiken")),
        ("blank", b"\n", ()),  # no suffix: emptiness is told before any guess at a format
        ("bom.txt", b"\xef\xbb\xbf\n", ()),
    ],
)
def test_an_empty_file_says_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    args: tuple[str, ...],
) -> None:
    status, out, err = outcome(tmp_path, capsys, name, data, *args)
    said = f"No questions converted from {{dir}}/{name}: {EMPTY}"
    assert (status, out, err) == (1, [], [said])


def test_warnings_of_other_kinds_are_only_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "Smart {=“Mars”#Red. ~Venus#Yellow.}\n".encode()
    status, out, _ = outcome(tmp_path, capsys, "smart.gift", source)
    assert (status, out[-1]) == (
        0,
        "smart.yaml has 2 warnings; see them with: quiz validate {dir}/smart.yaml",
    )


EMPTY = "it is empty (nothing to import); nothing written."


@pytest.mark.parametrize("args", [(), ("--format", "gift")])
def test_an_empty_pipe_says_it_is_empty(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``echo '' | quiz import /dev/stdin -o e.yaml`` (S#24)."""
    if not Path("/dev/stdin").exists():
        pytest.skip("no /dev/stdin here")
    output = tmp_path / "e.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "import", "/dev/stdin", "-o", str(output), *args],
        input="\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"No questions converted from /dev/stdin: {EMPTY}\n"
    assert not output.exists()


def test_a_number_with_a_comma_gets_validates_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stranger2 #9: {#0,5} is told to use a dot, as validate tells answer: 0,5."""
    source = "::Q8:: 1/2 as decimal {#0,5}\n\n::Q9:: Year? {#1,975}\n\n::Q10:: R {#0,5..1,5}\n\n"
    source += "::Q11:: M {#2:0,1}\n\n::Q12:: Two {#two}\n\n::Q13:: Fine {#2}\n"
    status, _, err = outcome(tmp_path, capsys, "dec.gift", source.encode())
    assert status == 0
    assert err == [
        "{dir}/dec.gift:1: skipped: '0,5' is not a number: use a dot for decimals: 0.5",
        "{dir}/dec.gift:3: skipped: '1,975' is not a number: write 1975 without the comma, "
        "or 1.975 if it is a decimal point",
        "{dir}/dec.gift:5: skipped: '0,5..1,5' is not a range of numbers: use a dot for "
        "decimals: 0.5..1.5",
        "{dir}/dec.gift:7: skipped: '2:0,1' is not a number: use a dot for decimals: 2:0.1",
        "{dir}/dec.gift:9: skipped: 'two' is not a number (or a number:margin)",
    ]


def test_aiken_options_with_a_dash_are_told_how_options_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stranger2 #9: 'A - Rome' is an option written another way, not 'no options'."""
    source = b"What is the capital of Italy?\r\nA - Rome\r\nB - Paris\r\nANSWER: A\r\n"
    status, _, err = outcome(tmp_path, capsys, "dash.txt", source, "--format", "aiken")
    assert status == 1
    assert err[0] == (
        "{dir}/dash.txt:1: skipped: no options before the ANSWER: line (line 2 starts 'A -': "
        "an option is a capital letter, then a dot or a bracket and a space: "
        "write 'A. Rome' or 'A) Rome')"
    )
