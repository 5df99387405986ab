"""The shape of the house: no import circles inside the package, and the store imports upward
into nothing (the knowledge base, the web app and the CLI sit on top of it, never below).

The graph is read with ``ast`` from the source, every import counted, including those inside
functions and under ``TYPE_CHECKING``: a circle hidden in a function is still a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "newsgraph"

# Imports from store/ that run upward: none. Resolution and syndication live in kb/ and
# reach the store through its ``KBTables`` interface; adding an entry here is a defect.
KNOWN_UPWARD: set[tuple[str, str]] = set()
STORE_MAY_NOT_IMPORT = ("newsgraph.kb", "newsgraph.web", "newsgraph.cli")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_checker_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles_inside_the_package() -> None:
    assert cycles(import_graph()) == []


def test_the_store_imports_nothing_above_it() -> None:
    upward = {
        (name, target)
        for name, targets in import_graph().items()
        if name.startswith("newsgraph.store")
        for target in targets
        if target.startswith(STORE_MAY_NOT_IMPORT)
    }
    assert upward <= KNOWN_UPWARD, f"new upward imports from store/: {upward - KNOWN_UPWARD}"


def test_known_upward_imports_are_still_real() -> None:
    """An exception that no longer exists is removed from the list, so it cannot come back."""
    graph = import_graph()
    assert all(target in graph[name] for name, target in KNOWN_UPWARD)


MAX_LITERAL_WORDS = 10  # longer word lists are data under resources/<area>/


def literal_word_lists(path: Path) -> list[tuple[int, int]]:
    """(line, words) of each literal list, set, tuple or dict of more than ten strings, and of
    each string of more than ten words split into a list ('a b c'.split())."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        items: list[ast.expr | None] = []
        if isinstance(node, ast.List | ast.Set | ast.Tuple):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            words = len(node.func.value.value.split())
            if words > MAX_LITERAL_WORDS:
                found.append((node.lineno, words))
            continue
        strings = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        if len(strings) > MAX_LITERAL_WORDS:
            found.append((node.lineno, len(strings)))
    return found


def test_the_checker_finds_a_literal_word_list(tmp_path: Path) -> None:
    source = tmp_path / "words.py"
    source.write_text(f"A = {[f'w{i}' for i in range(11)]!r}\nB = {'a b c'!r}.split()\n")
    assert literal_word_lists(source) == [(1, 11)]


def test_no_stage_module_holds_a_long_word_list() -> None:
    long_lists = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted((PACKAGE / "stages").rglob("*.py"))
        if (found := literal_word_lists(path))
    }
    assert long_lists == {}, "move these word lists to resources/<stage>/"


def test_no_python_modules_among_the_data_files() -> None:
    assert sorted((PACKAGE / "resources").rglob("*.py")) == []
