"""Where banks come from, and how a name on the command line becomes a file."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

import quiz.library.sources
from quiz.errors import BankNotFoundError
from quiz.format.checker import check_text
from quiz.format.starter import STARTER_BANK
from quiz.library.loading import catalogue, check_file
from quiz.library.sources import (
    APP_NAME,
    builtin_dir,
    data_dir,
    expand_paths,
    files_in,
    is_bank_file,
    known_files,
    resolve,
    search_dirs,
)
from tests.helpers import DATA, ROOT

REPO = ROOT
GOOD = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
BUILTIN_FILES = sorted((REPO / "questions").glob("*.y*ml"))


def write(path: Path, text: str = GOOD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A clean environment: an empty user data folder and no QUIZ_PATH."""
    data = tmp_path / "data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(data))
    monkeypatch.delenv("QUIZ_PATH", raising=False)
    return data


# -- the built-in bank --------------------------------------------------------------------


def test_builtin_dir_is_the_repository_questions_folder_in_a_checkout() -> None:
    assert Path(builtin_dir()).is_dir()
    if not (Path(quiz.library.sources.__file__).parents[1] / "questions").is_dir():
        assert Path(builtin_dir()).resolve() == (REPO / "questions").resolve()


def test_builtin_dir_prefers_the_packaged_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_module = tmp_path / "site" / "quiz" / "library" / "sources.py"
    write(fake_module, "")
    monkeypatch.setattr(quiz.library.sources, "__file__", str(fake_module))
    # No packaged folder: fall back to questions/ beside the package.
    assert builtin_dir() == tmp_path / "site" / "questions"
    (tmp_path / "site" / "quiz" / "questions").mkdir()
    assert builtin_dir() == tmp_path / "site" / "quiz" / "questions"


@pytest.mark.parametrize(
    "name", [*(p.name for p in BUILTIN_FILES), "<starter bank>"], ids=lambda n: n
)
def test_every_builtin_file_validates_without_errors(name: str) -> None:
    """Every file under questions/ (and the starter bank, so this never runs empty)."""
    if name == "<starter bank>":
        report = check_text(STARTER_BANK.format(filename="starter.yaml"), "starter.yaml")
    else:
        report = check_file(REPO / "questions" / name)
    assert report.errors == (), "\n".join(str(d) for d in report.errors)
    assert report.bank is not None


def test_builtin_banks_are_known(env: Path) -> None:
    found = {Path(p).resolve() for p in known_files()}
    assert {Path(p).resolve() for p in files_in(builtin_dir())} <= found


# -- the user data folder and QUIZ_PATH ---------------------------------------------------


def test_data_dir_honours_quiz_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "mine"))
    assert data_dir() == tmp_path / "mine"
    assert data_dir({"QUIZ_DATA_DIR": "/elsewhere"}) == Path("/elsewhere")


def test_data_dir_defaults_to_the_platform_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZ_DATA_DIR", raising=False)
    expected = platformdirs.user_data_path(APP_NAME, appauthor=False)
    assert data_dir() == expected
    assert data_dir({"QUIZ_DATA_DIR": ""}) == expected
    assert APP_NAME == "orbit-quiz"


def test_search_dirs_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZ_PATH", os.pathsep.join([str(tmp_path / "a"), "", str(tmp_path / "b")]))
    assert search_dirs() == [
        builtin_dir(),
        tmp_path / "data" / "questions",
        tmp_path / "a",
        tmp_path / "b",
    ]


def test_search_dirs_without_quiz_path(env: Path) -> None:
    assert search_dirs() == [builtin_dir(), env / "questions"]


def test_known_files_come_from_every_folder_in_order(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    user = write(env / "questions" / "user-bank.yaml")
    first = write(tmp_path / "p1" / "zeta.yml")
    second = write(tmp_path / "p2" / "alpha.yaml")
    write(tmp_path / "p1" / "notes.txt", "not a bank")
    write(tmp_path / "p1" / "nested" / "deep.yaml")  # QUIZ_PATH folders are not recursive
    monkeypatch.setenv("QUIZ_PATH", os.pathsep.join([str(tmp_path / "p1"), str(tmp_path / "p2")]))
    found = known_files()
    ours = [p for p in found if p.parent != builtin_dir()]
    assert ours == [user, first, second]
    assert found[: len(files_in(builtin_dir()))] == files_in(builtin_dir())


def test_known_files_lists_each_file_once(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    bank = write(tmp_path / "p" / "once.yaml")
    folder = str(tmp_path / "p")
    monkeypatch.setenv("QUIZ_PATH", os.pathsep.join([folder, folder, str(tmp_path / "p" / ".")]))
    assert [p for p in known_files() if Path(p).name == "once.yaml"] == [bank]


def test_missing_folders_are_skipped(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUIZ_PATH", str(tmp_path / "does-not-exist"))
    assert known_files() == files_in(builtin_dir())


def test_files_in_sorts_and_filters(tmp_path: Path) -> None:
    write(tmp_path / "b.yml")
    write(tmp_path / "a.yaml")
    write(tmp_path / "C.YAML")
    write(tmp_path / "readme.md", "")
    (tmp_path / "folder.yaml").mkdir()
    assert files_in(tmp_path) == [tmp_path / n for n in ("C.YAML", "a.yaml", "b.yml")]
    assert files_in(tmp_path / "missing") == []


@pytest.mark.parametrize(
    ("name", "is_bank"),
    [("a.yaml", True), ("a.yml", True), ("A.YML", True), ("a.json", False), ("yaml", False)],
)
def test_is_bank_file(name: str, is_bank: bool) -> None:
    assert is_bank_file(name) is is_bank
    assert is_bank_file(Path(name)) is is_bank


def test_expand_paths_walks_folders_recursively(tmp_path: Path) -> None:
    top = write(tmp_path / "set" / "b.yaml")
    deep = write(tmp_path / "set" / "inner" / "a.yml")
    write(tmp_path / "set" / "skip.txt", "")
    single = tmp_path / "elsewhere.yaml"  # a file is kept as given, even if missing
    found = expand_paths([tmp_path / "set", str(single)])
    assert found == [top, deep, single]
    missing = str(tmp_path / "empty-but-missing")
    assert expand_paths([missing]) == [Path(missing)]


def test_expand_paths_orders_by_folder_then_name(tmp_path: Path) -> None:
    # By path components, as a file manager shows them: all of a/ before a-b/,
    # although "-" sorts before "/" as a character.
    names = ["a-b/x.yaml", "a/z.yaml", "a/b/y.yaml", "B.yaml", "a.yaml"]
    for name in names:
        write(tmp_path / name)
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([tmp_path])]
    assert found == ["B.yaml", "a/b/y.yaml", "a/z.yaml", "a-b/x.yaml", "a.yaml"]


def test_expand_paths_does_not_follow_links_to_folders(tmp_path: Path) -> None:
    inside = write(tmp_path / "set" / "one.yaml")
    (tmp_path / "set" / "loop").symlink_to(tmp_path / "set")
    assert expand_paths([tmp_path / "set"]) == [inside]


# -- naming a bank ------------------------------------------------------------------------


def test_resolve_a_path(env: Path, tmp_path: Path) -> None:
    bank = write(tmp_path / "some" / "where.yaml")
    assert resolve([str(bank)]) == [bank]
    assert resolve([str(tmp_path / "some")]) == [bank]


def test_resolve_by_stem_in_the_user_data_folder(env: Path) -> None:
    bank = write(env / "questions" / "capitals.yaml")
    assert resolve(["capitals"]) == [bank]


def test_resolve_by_stem_in_quiz_path(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    bank = write(tmp_path / "shared" / "rivers.yml")
    monkeypatch.setenv("QUIZ_PATH", str(tmp_path / "shared"))
    assert resolve(["rivers"]) == [bank]


@pytest.mark.skipif(not BUILTIN_FILES, reason="no built-in bank yet")
def test_resolve_a_builtin_bank_by_stem(env: Path) -> None:
    stem = BUILTIN_FILES[0].stem
    (found,) = map(Path, resolve([stem]))
    assert found.stem == stem and found.parent.resolve() == Path(builtin_dir()).resolve()


def test_resolve_several_names_in_order(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    one = write(env / "questions" / "one.yaml")
    two = write(tmp_path / "two.yaml")
    # A bank named twice, even through two names, is played once, at its first place.
    assert resolve(["one", str(two), "one", str(one)]) == [one, two]


def test_resolve_unknown_name_suggests_a_close_one(env: Path) -> None:
    write(env / "questions" / "capitals.yaml")
    with pytest.raises(BankNotFoundError) as caught:
        resolve(["capitls"])
    message = str(caught.value)
    assert "no bank named 'capitls'" in message
    assert "(did you mean 'capitals'?)" in message
    assert "quiz list" in message


def test_resolve_unknown_name_without_a_close_one(env: Path) -> None:
    with pytest.raises(BankNotFoundError) as caught:
        resolve(["zzzzqqqq"])
    assert "no bank named 'zzzzqqqq'" in str(caught.value)
    assert "did you mean" not in str(caught.value)


def test_resolve_ambiguous_name_lists_every_match(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    first = write(env / "questions" / "twin.yaml")
    second = write(tmp_path / "elsewhere" / "twin.yml")
    monkeypatch.setenv("QUIZ_PATH", str(tmp_path / "elsewhere"))
    with pytest.raises(BankNotFoundError) as caught:
        resolve(["twin"])
    message = str(caught.value)
    assert "'twin' names several banks" in message
    assert str(first) in message and str(second) in message
    assert "give a path" in message


def test_an_existing_question_file_wins_over_a_stem(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    write(env / "questions" / "here.yaml")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "here.yaml")
    assert resolve(["here.yaml"]) == [Path("here.yaml")]


def test_a_stem_wins_over_a_file_that_is_not_a_question_file(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    bank = write(env / "questions" / "here.yaml")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "here")  # a file literally named like the stem, without a suffix
    assert resolve(["here"]) == [bank]


# -- the catalogue ------------------------------------------------------------------------


def test_catalogue_keeps_good_banks_and_broken_reports(tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml")
    broken = write(tmp_path / "broken.yaml", "title: T\nquestions: []\n")
    missing = tmp_path / "missing.yaml"
    found = catalogue([good, broken, missing])
    assert [b.name for b in found.banks] == ["good"]
    assert [r.path for r in found.broken] == [str(broken), str(missing)]
    assert [r.path for r in found.reports] == [str(good), str(broken), str(missing)]
    assert found.broken[0].errors[0].line == 2


def test_a_file_that_is_not_yaml_is_not_taken_for_a_bank(tmp_path: Path) -> None:
    other = tmp_path / "schema.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(BankNotFoundError, match="not a question file"):
        resolve([str(other)])


def test_a_folder_without_question_files_does_not_hide_a_bank(
    monkeypatch: pytest.MonkeyPatch, env: Path, tmp_path: Path
) -> None:
    bank = write(env / "questions" / "soyuz.yaml")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "soyuz").mkdir()
    assert resolve(["soyuz"]) == [bank]
    (tmp_path / "empty").mkdir()
    with pytest.raises(BankNotFoundError, match="holds no question files"):
        resolve(["empty"])


def test_a_missing_file_is_named_as_a_file_with_a_near_one(env: Path, tmp_path: Path) -> None:
    write(tmp_path / "planets.yaml")
    with pytest.raises(BankNotFoundError) as caught:
        resolve([str(tmp_path / "plannets.yaml")])
    assert str(caught.value) == (
        f"no file '{tmp_path / 'plannets.yaml'}' (did you mean '{tmp_path / 'planets.yaml'}'?)"
    )
    with pytest.raises(BankNotFoundError) as caught:
        resolve([str(tmp_path / "nothing" / "near.yaml")])
    assert str(caught.value) == f"no file '{tmp_path / 'nothing' / 'near.yaml'}'"


def test_a_missing_file_named_as_a_known_bank_points_to_the_name(
    env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    stem = BUILTIN_FILES[0].stem
    with pytest.raises(BankNotFoundError) as caught:
        resolve([f"{stem}.yaml"])
    assert str(caught.value) == (
        f"no file '{stem}.yaml'; a bank named '{stem}' is known: give its name alone"
    )
