"""The code's shape: imports run one way, and none hides inside a function.

A cycle held together by an import inside a function is a design waiting to be fixed
(DEVELOPERS.md): these tests read the source of the dialogue and the Alexa adapter and
fail on either, so a new one cannot creep back in.
"""

from __future__ import annotations

import ast
from pathlib import Path

from skill.domain.dialogue.table import LEADS_TO_EXERCISE, every_cell

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("skill/domain", "skill/alexa")
# The imports deliberately left inside a function, and why; neither is a cycle.
# ``requests`` costs about 40 ms of a 175 ms cold start and only a new user's first turn
# needs it; ``dateutil`` about 16 ms, and only a timestamp that is not ISO 8601 (which
# Alexa's always are) needs it.
DEFERRED = {("skill/alexa/alexa_apis.py", "ask_sdk_core.api_client"),
            ("skill/alexa/request.py", "dateutil.parser")}


def _modules() -> dict[str, Path]:
    found = {}
    for folder in CHECKED:
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(tree: ast.Module, module: str, is_package: bool) -> list[tuple[str, bool]]:
    """Every ``skill.*`` module imported, and whether at the top level."""
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base
                                                                            else []))
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(name, id(node) in top) for name in names]
    return found


def test_no_import_hides_inside_a_function_in_the_domain_or_the_adapter() -> None:
    hidden = []
    for path in _modules().values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        target = getattr(inner, "module", None) or inner.names[0].name
                        if (relative, target) not in DEFERRED:
                            hidden.append(f"{relative}:{inner.lineno} {target}")
    assert hidden == []


def test_the_dialogue_imports_no_module_only_for_type_checking() -> None:
    for path in (ROOT / "skill/domain/dialogue").glob("*.py"):
        assert "TYPE_CHECKING" not in path.read_text(encoding="utf-8"), path.name


def test_imports_in_the_domain_and_the_adapter_form_no_cycle() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {target for target, _ in _imports(tree, name, path.stem == "__init__")
                       if target in modules and target != name}
    # A package's __init__ importing its own modules is how a package is read, not a cycle.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target] if target in trail
                              else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_every_cell_names_a_function_and_the_gate_guards_real_behaviours() -> None:
    behaviours = {cell.behaviour for _, _, cell in every_cell()}
    assert all(callable(b) and b.__module__.startswith("skill.domain.dialogue.")
               for b in behaviours)
    # Every behaviour the safety gate guards is one the table can reach.
    assert behaviours >= LEADS_TO_EXERCISE


def test_screens_take_no_loosely_typed_turn() -> None:
    source = (ROOT / "skill/alexa/screens.py").read_text(encoding="utf-8")
    assert "turn: Any" not in source and "skill.alexa.turns" not in source
