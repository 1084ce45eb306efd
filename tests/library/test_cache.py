"""The cache of checked files: hits, never stale, and faults ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.format.checker import check_text
from quiz.format.report import Report
from quiz.format.starter import STARTER_BANK
from quiz.library import cache
from quiz.library.loading import catalogue, check_file

BROKEN = "title: T\nquestions:\n  - id: a\n    prompt: P?\n    choices: [x, y]\n    answer: z\n"


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "starter.yaml"
    path.write_text(STARTER_BANK.format(filename="starter.yaml"), encoding="utf-8")
    return path


def through_cache(path: Path, folder: Path) -> Report:
    """Check one file through the cache in ``folder``, as listings and games do."""
    return check_file(path, cache.Cache(folder))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bank"))


def test_a_hit_gives_the_same_bank_and_diagnostics(bank_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = through_cache(bank_file, folder)
    assert len(entries(folder)) == 1
    second = through_cache(bank_file, folder)
    assert second == first
    assert second.bank == check_text(bank_file.read_text(encoding="utf-8"), str(bank_file)).bank


def test_an_entry_is_used_rather_than_parsing(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)

    def never(*_: object, **__: object) -> object:
        raise AssertionError("parsed again")

    # What a miss really calls: patched, a hit must never reach it.
    monkeypatch.setattr("quiz.format.checker.check_bytes", never)
    assert through_cache(bank_file, folder).bank is not None


def test_a_changed_file_is_never_served_stale(bank_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)
    bank_file.write_text(BROKEN, encoding="utf-8")
    report = through_cache(bank_file, folder)
    assert report.bank is None
    assert "answer 'z' is not one of the choices" in report.errors[0].message
    assert len(entries(folder)) == 2


def test_diagnostics_name_the_path_they_are_asked_for(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(BROKEN, encoding="utf-8")
    two.write_text(BROKEN, encoding="utf-8")
    through_cache(one, folder)
    report = through_cache(two, folder)
    assert str(report.errors[0]).startswith(f"{two}:6:13: error:")


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x00" * 64])
def test_a_corrupt_entry_is_ignored(bank_file: Path, tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "cache"
    good = through_cache(bank_file, folder)
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    assert through_cache(bank_file, folder) == good


def test_an_entry_of_another_release_is_ignored(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)
    monkeypatch.setattr(cache, "MAGIC", b"orbit-quiz banks-0 old\n")
    digest = cache.content_digest(bank_file.read_bytes())
    assert cache.Cache(folder).load(digest, "p", "n") is None


def test_an_unwritable_cache_is_skipped(bank_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    report = through_cache(bank_file, blocker / "cache")
    assert report.bank is not None and not report.errors


def test_survey_reads_only_the_head_and_agrees_with_a_full_check(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    cold = catalogue([bank_file, broken], banks=False)
    warm = catalogue([bank_file, broken], banks=False)
    assert cold == warm
    full = catalogue([bank_file, broken]).reports
    assert [r.summary for r in warm.reports] == [r.summary for r in full]
    assert [r.diagnostics for r in warm.reports] == [r.diagnostics for r in full]
    summary = warm.reports[0].summary
    assert summary is not None
    assert (summary.name, summary.questions) == ("starter", 7)
    assert summary.types == ("boolean", "match", "multi", "number", "order", "single", "text")


def test_a_cache_hit_does_not_even_import_a_yaml_parser(bank_file: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QUIZ_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\nfrom quiz.cli import main\n"
        f"main(['list', {str(bank_file)!r}])\n"
        "parsers = {'yaml'} & set(sys.modules)\n"
        "print('YAML' if parsers else 'NO YAML', file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert [run.stderr.strip().splitlines()[-1] for run in runs] == ["YAML", "NO YAML"]
