"""The commands that only report: validate, list, new, schema, --version and --help."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import quiz
import quiz.library.loading
from quiz.cli import COMMANDS, main
from quiz.format.starter import STARTER_BANK
from quiz.library.loading import check_file
from quiz.model import Difficulty, QuestionType
from tests.helpers import DATA, ROOT

REPO = ROOT
BUILTIN_FILES = sorted((REPO / "questions").glob("*.y*ml"))

# What `quiz validate` must print for each broken sample: LINE:COL: error: key words.
BROKEN: dict[str, list[str]] = {
    "alias-bomb.yaml": [
        "5:12: error: values repeated with '&name' and '*name' here would grow the file past"
    ],
    "control-chars.yaml": [
        "4:13: error: in 'prompt': an escape character (it starts terminal control codes) U+001B",
        "7:18: error: in 'explanation': a control character U+0007",
    ],
    "empty.yaml": ["1:1: error: the file is empty"],
    "many-problems.yaml": [
        "7:5: error: unknown key 'explantion' (did you mean 'explanation'?)",
        "9:11: error: unknown type 'singel' (did you mean 'single'?)",
        "14:14: error: 'choices' must be a list, not text",
        "16:17: error: unknown difficulty 'extreme'",
        "18:9: error: duplicate id 'typo' (first used at line 3)",
        "19:13: error: 'prompt' is empty",
        "20:28: error: duplicate entry 'Venus' in 'choices'",
        "21:13: error: answer 'Pluto' is not one of the choices",
        "27:16: error: 'tolerance' must be zero or more, not -1",
        "29:5: error: duplicate key 'explanation' (first at line 28)",
        "33:12: error: 'items' needs at least 2 entries, found 1",
        "37:14: error: 'choices' needs at least 2 entries, found 1",
    ],
    "missing-fields.yaml": [
        "1:1: error: missing required key 'title'",
        "1:1: error: missing required key 'questions'",
    ],
    "python-tag.yaml": ["1:8: error: unsupported tag '!!python/object/apply:os.system'"],
    "tab-indent.yaml": ["3:1: error: a tab character here; YAML indents with spaces only"],
    "top-level-list.yaml": ["1:1: error: the top level must hold the keys 'title' and 'questions'"],
    "unclosed-quote.yaml": ['4:13: error: the quote " opened here is never closed'],
    # written by the fixture, as bytes
    "not-utf8.yaml": ["3:12: error: the file is not UTF-8 text (byte 0xe9)"],
    "raw-escape.yml": ["1:9: error: an escape character (it starts terminal control codes) U+001B"],
}


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A wide, colourless output and an empty user data folder; no QUIZ_PATH."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(data))
    monkeypatch.delenv("QUIZ_PATH", raising=False)
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("NO_COLOR", "1")
    return data


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """The broken samples, plus two that are easier to write as bytes."""
    folder = tmp_path / "broken"
    shutil.copytree(DATA / "broken", folder)
    (folder / "not-utf8.yaml").write_bytes(b"title: T\nquestions:\n  - id: caf\xe9\n")
    (folder / "raw-escape.yml").write_bytes(b"title: T\x1b[2J\nquestions: []\n")
    return folder


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    shutil.copytree(DATA / "good", folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[object, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    out, err = capsys.readouterr()
    return caught.value.code, out, err


# -- validate -----------------------------------------------------------------------------


def test_validate_a_folder_names_every_file_and_line(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    code, out, err = run(capsys, "validate", str(broken_dir))
    assert code == 1
    assert err == ""
    assert "\x1b" not in out
    lines = out.splitlines()
    assert sorted(p.name for p in broken_dir.iterdir()) == sorted(BROKEN)
    for name, expected in BROKEN.items():
        prefix = f"{broken_dir / name}:"
        errors = [
            line[len(prefix) :] for line in lines if line.startswith(prefix) and ": error: " in line
        ]
        for want in expected:
            where, words = want.split(": error: ")
            assert any(e.startswith(f"{where}: error: ") and words in e for e in errors), (
                f"{name}: expected {want!r} in {errors}"
            )
        assert len(errors) == len(expected), f"{name}: {errors}"
    total = sum(len(v) for v in BROKEN.values())
    assert lines[-1].startswith(f"{total} errors in {len(BROKEN)} files of {len(BROKEN)} files")


def test_validate_every_line_is_file_line_column_severity_message(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    _, out, _ = run(capsys, "validate", str(broken_dir))
    *diagnostics, summary = out.splitlines()
    pattern = re.compile(r"^.+\.ya?ml:\d+:\d+: (error|warning): \S.*$")
    assert diagnostics
    assert [line for line in diagnostics if not pattern.match(line)] == []
    assert "error" in summary


def test_validate_several_paths_in_one_run(
    capsys: pytest.CaptureFixture[str], broken_dir: Path, good_dir: Path
) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        str(good_dir),
        str(broken_dir / "empty.yaml"),
        str(broken_dir / "tab-indent.yaml"),
    )
    assert code == 1
    assert f"{broken_dir / 'empty.yaml'}:1:1: error:" in out
    assert f"{broken_dir / 'tab-indent.yaml'}:3:1: error:" in out
    assert not any(": error: " in line and str(good_dir) in line for line in out.splitlines())
    assert "2 errors in 2 files of 6 files checked" in out


def test_validate_good_files_exits_zero(capsys: pytest.CaptureFixture[str], good_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", str(good_dir / "minimal.yaml"))
    assert (code, out.strip()) == (0, "The file is valid.")
    code, out, _ = run(
        capsys, "validate", str(good_dir / "minimal.yaml"), str(good_dir / "every-type.yml")
    )
    assert (code, out.strip()) == (0, "All 2 files are valid.")


def test_validate_warnings_alone_do_not_fail(
    capsys: pytest.CaptureFixture[str], good_dir: Path
) -> None:
    path = good_dir / "warnings-only.yaml"
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert f"{path}:3:5: warning: question 'q1' has no 'explanation'" in out
    assert out.splitlines()[-1] == "The file is valid, 1 warning."


def test_validate_a_missing_file_is_a_located_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.yaml"
    code, out, _ = run(capsys, "validate", str(missing))
    assert code == 1
    assert out.startswith(f"{missing}:1:1: error: cannot read the file")


def test_validate_a_folder_without_banks_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("x", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path / "empty"))
    assert code == 1
    assert "No question files (.yaml or .yml) found." in out


def test_validate_needs_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = usage_exit(capsys, "validate")
    assert code == 2
    assert "usage: quiz validate" in err


@pytest.mark.skipif(not BUILTIN_FILES, reason="no built-in bank yet")
def test_validate_the_builtin_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(REPO / "questions"))
    assert code == 0, out
    assert ": error: " not in out


def test_interrupted_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, good_dir: Path
) -> None:
    def interrupted(*_: object, **__: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(quiz.library.loading, "catalogue", interrupted)
    code, _, err = run(capsys, "validate", str(good_dir))
    assert code == 130
    assert "Interrupted." in err


# -- list ---------------------------------------------------------------------------------


def test_list_shows_a_table_of_banks(capsys: pytest.CaptureFixture[str], good_dir: Path) -> None:
    code, out, err = run(capsys, "list", str(good_dir))
    assert code == 0
    assert err == ""
    row = next(line for line in out.splitlines() if "every-type" in line)
    cells = [c.strip() for c in re.split(r"[│┃|]", row) if c.strip()]
    assert cells == [
        "every-type",
        "Every type",
        "6",
        "boolean, multi, number, order, single, text",
        "dates, sample, space",
    ]
    for header in ("Name", "Title", "Qs", "Types", "Tags"):
        assert header in out
    assert "minimal" in out and "Minimal bank" in out


def test_list_to_a_pipe_keeps_each_bank_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tags = ", ".join(f"topic-number-{n}" for n in range(12))
    bank = tmp_path / "wide.yaml"
    bank.write_text(
        f"title: A title long enough to wrap in eighty columns, surely\ntags: [{tags}]\n"
        "questions:\n  - {id: a, prompt: P, choices: [x, y], answer: x, explanation: E}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "list", str(bank))
    assert code == 0
    (row,) = [line for line in out.splitlines() if "wide" in line]
    assert "A title long enough to wrap in eighty columns, surely" in row
    assert ", ".join(sorted(tags.split(", "))) in row and len(row) > 200


def test_list_skips_broken_files_with_a_one_line_warning(
    capsys: pytest.CaptureFixture[str], good_dir: Path, broken_dir: Path
) -> None:
    code, out, err = run(capsys, "list", str(good_dir), str(broken_dir))
    assert code == 0
    assert "minimal" in out
    warnings = err.splitlines()
    assert len(warnings) == len(BROKEN)
    for name in BROKEN:
        path = broken_dir / name
        (line,) = [w for w in warnings if f"skipped {path}:" in w]
        assert line.startswith("warning: ")
        assert f"quiz validate {path}" in line
        assert name.removesuffix(".yaml").removesuffix(".yml") not in out
    assert "\x1b" not in err


def test_list_finds_banks_in_the_data_folder_and_quiz_path(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: Path,
    tmp_path: Path,
    broken_dir: Path,
) -> None:
    (env / "questions").mkdir(parents=True)
    shutil.copy(DATA / "good" / "minimal.yaml", env / "questions" / "from-data.yaml")
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.copy(DATA / "good" / "every-type.yml", shared / "from-path.yml")
    monkeypatch.setenv("QUIZ_PATH", os.pathsep.join([str(shared), str(broken_dir)]))
    code, out, err = run(capsys, "list")
    assert code == 0
    assert "from-data" in out and "from-path" in out
    for stem in (p.stem for p in BUILTIN_FILES):
        assert stem in out
    assert f"skipped {broken_dir / 'empty.yaml'}" in err


def test_list_with_nothing_usable_fails(
    capsys: pytest.CaptureFixture[str], broken_dir: Path
) -> None:
    code, out, err = run(capsys, "list", str(broken_dir / "empty.yaml"))
    assert code == 1
    assert "No banks found" in out
    assert f"skipped {broken_dir / 'empty.yaml'}" in err


@pytest.mark.skipif(not BUILTIN_FILES, reason="no built-in bank yet")
def test_list_without_paths_shows_the_builtin_banks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert code == 0
    assert err == ""
    for path in BUILTIN_FILES:
        assert path.stem in out


# -- new ----------------------------------------------------------------------------------


def test_new_writes_a_starter_bank_that_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    code, out, _ = run(capsys, "new", str(path))
    assert code == 0
    assert str(path) in out
    text = path.read_text(encoding="utf-8")
    assert text == STARTER_BANK.format(filename="mine.yaml")
    assert text.startswith("#")
    assert "quiz validate mine.yaml" in text
    report = check_file(path)
    assert report.diagnostics == (), [str(d) for d in report.diagnostics]
    assert report.bank is not None
    assert sorted(q.type.value for q in report.bank.questions) == sorted(
        t.value for t in QuestionType
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert (code, out.strip()) == (0, "The file is valid.")


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "taken.yml"
    path.write_text("keep me\n", encoding="utf-8")
    code, out, err = run(capsys, "new", str(path))
    assert code == 1
    assert out == ""
    assert "already exists" in err and str(path) in err
    assert path.read_text(encoding="utf-8") == "keep me\n"


def test_new_needs_a_yaml_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    code, _, err = run(capsys, "new", str(path))
    assert code == 1
    assert ".yaml or .yml" in err
    assert not path.exists()


def test_new_into_a_missing_folder_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "no" / "such" / "x.yaml"))
    assert code == 1
    assert err.startswith("quiz: error: cannot write")


def test_new_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = usage_exit(capsys, "new")
    assert code == 2
    assert "usage: quiz new" in err


# -- schema -------------------------------------------------------------------------------


@pytest.fixture
def schema(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    loaded = json.loads(out)
    assert isinstance(loaded, dict)
    return loaded


def test_schema_is_a_valid_json_schema(schema: dict[str, object]) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_accepts_the_starter_bank(schema: dict[str, object]) -> None:
    document = yaml.safe_load(STARTER_BANK.format(filename="x.yaml"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize(
    "path", [*BUILTIN_FILES, DATA / "good" / "warnings-only.yaml"], ids=lambda p: p.name
)
def test_schema_accepts_the_shipped_banks(schema: dict[str, object], path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize("name", ["minimal.yaml", "every-type.yml"])
def test_schema_accepts_a_question_without_type(schema: dict[str, object], name: str) -> None:
    document = yaml.safe_load((DATA / "good" / name).read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)


def test_schema_names_every_type_and_difficulty(schema: dict[str, object]) -> None:
    text = json.dumps(schema)
    for value in [*QuestionType, *Difficulty]:
        assert f'"{value.value}"' in text


STARTER = yaml.safe_load(STARTER_BANK.format(filename="x.yaml"))


def starter_with(**changes: object) -> dict[str, object]:
    document: dict[str, Any] = json.loads(json.dumps(STARTER))
    first = document["questions"][0]
    for key, value in changes.items():
        if key.startswith("top_"):
            document[key[4:]] = value
        elif value is None:
            first.pop(key, None)
        else:
            first[key] = value
    return document


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"questions": STARTER["questions"]}, id="missing-title"),
        pytest.param({"title": "T", "questions": []}, id="no-questions"),
        pytest.param(starter_with(top_colour="red"), id="unknown-top-key"),
        pytest.param(starter_with(explantion="x"), id="unknown-question-key"),
        pytest.param(starter_with(id=None), id="missing-id"),
        pytest.param(starter_with(id="q 1"), id="bad-id"),
        pytest.param(starter_with(type="essay"), id="unknown-type"),
        pytest.param(starter_with(difficulty="extreme"), id="unknown-difficulty"),
        pytest.param(starter_with(choices=["only"]), id="one-choice"),
        pytest.param(starter_with(choices=["a", "a"]), id="duplicate-choice"),
        pytest.param(starter_with(choices="Mars"), id="choices-text"),
        pytest.param(starter_with(prompt=""), id="empty-prompt"),
    ],
)
def test_schema_rejects_what_the_validator_rejects(
    schema: dict[str, object], document: dict[str, object]
) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)


def test_schema_rejects_a_negative_tolerance(schema: dict[str, object]) -> None:
    document = json.loads(json.dumps(STARTER))
    number = next(q for q in document["questions"] if q.get("type") == "number")
    number["tolerance"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)


# -- version, help and usage errors -------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = usage_exit(capsys, "--version")
    assert code == 0
    assert out.strip() == f"quiz {quiz.__version__}"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert quiz.__version__ == project["version"]


def test_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = usage_exit(capsys, "--help")
    assert code == 0
    assert out.startswith("usage: quiz")
    for name in ("play", "list", "validate", "new", "schema"):
        assert name in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = usage_exit(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"usage: quiz {command}")
    code, short_out, _ = usage_exit(capsys, command, "-h")
    assert (code, short_out) == (0, out)


@pytest.mark.parametrize(
    "argv",
    [
        ["lsit"],
        ["--nope"],
        ["validate"],
        ["new"],
        ["new", "a.yaml", "b.yaml"],
        ["list", "--bogus"],
        ["schema", "extra"],
        ["validate", "--bogus", "x.yaml"],
    ],
    ids=" ".join,
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = usage_exit(capsys, *argv)
    assert code == 2
    assert "usage: quiz" in err
    assert out == ""


def test_a_first_word_is_a_bank_of_the_default_command_or_a_mistyped_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = usage_exit(capsys, "lsit")
    assert code == 2
    assert err.splitlines()[-1] == "quiz: error: unknown command 'lsit' (did you mean 'list'?)"
    assert main(["no-such-bank"]) == 1
    assert "no bank named 'no-such-bank'" in capsys.readouterr().err
    assert main(["soyuz-2024", "--plain", "-n", "1"]) == 130  # played: stdin ends at once
    assert "Question 1 of 1" in capsys.readouterr().out


def test_an_unknown_option_shows_the_usage_of_its_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = usage_exit(capsys, "list", "--bogus")
    assert code == 2
    assert err.splitlines() == [
        "usage: quiz list [-h] [BANK ...]",
        "quiz list: error: unrecognized arguments: --bogus",
    ]


def test_real_process_exit_codes(tmp_path: Path, broken_dir: Path) -> None:
    environment = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "d")}
    command = [sys.executable, "-m", "quiz"]

    def status(*argv: str) -> int:
        done = subprocess.run([*command, *argv], capture_output=True, env=environment, timeout=60)
        return done.returncode

    assert status("validate", str(DATA / "good")) == 0
    assert status("validate", str(broken_dir)) == 1
    assert status("validate") == 2
    assert status("--version") == 0


# -- commands that ask nothing import no prompt library -----------------------------------

PROBE = """
import sys
from quiz.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
sys.stdout.flush()
print("questionary" in sys.modules, "prompt_toolkit" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["brief", "soyuz-2024"],
        ["validate", str(DATA / "good" / "minimal.yaml")],
        ["validate", str(DATA / "broken")],
        ["--help"],
        ["--version"],
        ["schema"],
        ["new", "{tmp}/new.yaml"],
        ["list", "--help"],
        ["validate", "--help"],
        ["play", "--help"],
    ],
    ids=" ".join,
)
def test_commands_that_ask_nothing_do_not_import_prompt_libraries(
    tmp_path: Path, argv: list[str]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    environment = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "d")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "False False", done.stderr


def test_validate_and_list_never_echo_escape_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text('title: T\n"\\x1b]0;owned\\x07": x\nquestions: []\n', encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert f"{path}:2:1: error:" in out
    assert "\x1b" not in out and "\x07" not in out
    _, _, err = run(capsys, "list", str(path))
    assert "\x1b" not in err and "\x07" not in err


def collector_states(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[bool]:
    """Whether the cycle collector runs at each call of ``owner.name``, from now on."""
    import gc

    seen: list[bool] = []
    real = getattr(owner, name)

    def look_and_call(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, look_and_call)
    return seen


def test_a_command_runs_without_the_cycle_collector_and_restores_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import quiz.commands.schema as schema_command

    seen = collector_states(monkeypatch, schema_command, "run")
    assert gc.isenabled()
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)
    assert seen == [False]
    assert gc.isenabled()


def test_a_game_resumes_the_cycle_collector_when_it_begins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import gc

    from quiz.ui.plain_asker import PlainAsker

    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n"))
    seen = collector_states(monkeypatch, PlainAsker, "ask")
    bank = DATA / "good" / "minimal.yaml"
    code, out, _ = run(capsys, "play", "--plain", "--no-shuffle", "-n", "1", str(bank))
    assert code == 0, out
    assert seen == [True]
    assert gc.isenabled() and gc.get_freeze_count() > 0  # start-up's objects set aside


def test_the_start_screen_resumes_the_cycle_collector_before_it_asks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from quiz.ui.plain_asker import PlainAsker

    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("QUIZ_PATH", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n"))  # with the built-in bank alone, Quit
    seen = collector_states(monkeypatch, PlainAsker, "read_line")
    _, out, _ = run(capsys, "play", "--menu", "--plain")
    assert "Which bank?" in out
    assert seen and all(seen)
