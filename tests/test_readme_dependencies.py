"""README's "Dependencies, and why" names every package the game installs."""

from __future__ import annotations

import re
import tomllib

from tests import helpers


def dependencies_section() -> str:
    readme = (helpers.ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Dependencies, and why")
    return readme[start : readme.index("\n## ", start + 1)]


def test_every_runtime_dependency_has_its_entry() -> None:
    project = tomllib.loads((helpers.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {
        re.split(r"[<>=!~ \[;]", spec)[0].casefold() for spec in project["project"]["dependencies"]
    }
    entries = {
        name.casefold() for name in re.findall(r"^- \[([^\]]+)\]\(", dependencies_section(), re.M)
    }
    assert wanted - entries == set()


def test_every_line_of_the_list_belongs_to_an_entry() -> None:
    items = dependencies_section().split("\n\n")[1]
    entries = re.split(r"^- ", items, flags=re.M)[1:]
    for entry in entries:
        # An entry ends its last sentence; a stray fragment would end another entry.
        assert entry.rstrip().endswith("."), entry
        assert not re.search(r"\.\n  [a-z]", entry), entry
