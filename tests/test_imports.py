"""The import graph of ``quiz``: no cycle, and arrows that point toward the core.

Every import statement counts, at the top of a module or inside a function (a
deferred import is still an arrow). Imports under ``if TYPE_CHECKING:`` count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "quiz"
# Each layer may import only the layers listed for it (and itself); the layers below
# the line import nothing above it.
ALLOWED = {
    "model": set(),
    "errors": set(),
    "files": {"errors"},
    "format": {"model", "errors"},
    "game": {"model", "errors", "format"},
    "library": {"model", "errors", "files", "format"},
    "history": {"model", "errors", "files", "game"},
    "importers": {"model", "errors", "files", "format"},
    "ui": {"model", "errors", "files", "format", "game", "library", "history"},
    "commands": {
        "model", "errors", "files", "format", "game", "library", "history", "importers", "ui",
    },
    "cli": {"errors", "format", "commands"},
    "entry": {"cli"},
    "__main__": {"entry"},
}  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The ``quiz`` modules a source file imports, anywhere in it."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            # "from quiz.library import cache" imports the module quiz.library.cache.
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "quiz" or name.startswith("quiz.")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imports_of(path) & set(modules) - {name} for name, path in modules.items()}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "quiz"


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the modules along it, or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def test_no_module_imports_itself_round_a_cycle() -> None:
    assert find_cycle(graph()) is None


def test_no_package_imports_another_round_a_cycle() -> None:
    packages: dict[str, set[str]] = {}
    for module, targets in graph().items():
        packages.setdefault(layer(module), set()).update(
            layer(t) for t in targets if layer(t) != layer(module)
        )
    assert find_cycle(packages) is None


def test_arrows_point_toward_the_core() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in graph().items()
        for target in targets
        if layer(target) not in {layer(module), "quiz"} | ALLOWED.get(layer(module), set())
    )
    assert wrong == []


def test_the_checks_find_a_cycle_and_a_wrong_arrow() -> None:
    """The guard itself can fail: a made-up cycle and arrow are caught."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert "format" not in ALLOWED["model"] and "ui" not in ALLOWED["game"]
