"""The one fixture every test gets: its own data and cache folders."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own data, cache and temporary folders, so no test touches the
    real ones (a game the history cannot save is kept in the temporary folder)."""
    folder = tmp_path_factory.mktemp("data")
    spare = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(spare))
    monkeypatch.setattr(tempfile, "tempdir", str(spare))
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(folder / "cache"))
    monkeypatch.delenv("QUIZ_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield folder
