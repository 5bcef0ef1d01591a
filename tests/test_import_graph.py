"""kg's modules import each other one way: the module graph has no circle.

The graph is read from the source with ``ast``, not from ``sys.modules``: every
``from . import x``, ``from .x import y``, ``from ..x import y``, ``import kg.x`` and
``from kg.x import y`` is an edge, at module level or inside a function. A function-level
import is still a dependency, and moving an import into a function is the usual way a
circle is hidden rather than removed.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "kg"

# Edges left out while a circle is being removed (none now: the extractor registry's circle
# went with issue 11, which moved the registry into kg/extractors/registry.py).
LEFT_OUT: set[tuple[str, str]] = set()


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def import_edges(root: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Module name → the package's modules it imports, anywhere in its code."""
    modules = _modules(root)
    top = root.name
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                # `from base import x` imports the submodule base.x when there is one, else
                # takes the attribute x of base (its __init__, for a package).
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                # `import kg.a.b` depends on the deepest of kg.a.b, kg.a that is a module of ours
                while target and target not in modules and "." in target:
                    target = target.rpartition(".")[0]
                if target in modules and target != name and target.split(".")[0] == top:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of ``graph`` as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        path.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return path[path.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        path.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


@functools.cache
def kg_edges() -> dict[str, frozenset[str]]:
    """kg's own module graph, read once for the tests below."""
    return {name: frozenset(targets) for name, targets in import_edges().items()}


def test_no_import_circle_among_kg_modules():
    graph = {name: set(targets) for name, targets in kg_edges().items()}
    for a, b in LEFT_OUT:
        graph[a].discard(b)
    cycle = find_cycle(graph)
    assert cycle is None, "kg's modules import each other in a circle: " + " → ".join(cycle)


def test_the_left_out_edge_is_still_there():
    graph = kg_edges()
    for a, b in LEFT_OUT:
        assert b in graph.get(a, ()), f"{a} no longer imports {b}: remove it from LEFT_OUT"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root / "pkg"


@pytest.mark.parametrize("files, cycle", [
    # a circle hidden in function-level imports still counts
    ({"pkg/__init__.py": "", "pkg/a.py": "def f():\n    from .b import g\n",
      "pkg/b.py": "def g():\n    from . import a\n"}, ["pkg.a", "pkg.b", "pkg.a"]),
    # a module that reads the package's __init__, whose lazy __getattr__ imports the module back
    ({"pkg/__init__.py": "def __getattr__(n):\n    from . import a\n    return a\n",
      "pkg/a.py": "from . import __version__\n"}, ["pkg", "pkg.a", "pkg"]),
    # absolute imports and a subpackage reaching up with ..
    ({"pkg/__init__.py": "", "pkg/a.py": "import pkg.sub.c\n", "pkg/sub/__init__.py": "",
      "pkg/sub/c.py": "from ..a import x\n"}, ["pkg.a", "pkg.sub.c", "pkg.a"]),
    # one way is fine, whatever the import style
    ({"pkg/__init__.py": "", "pkg/a.py": "from .b import g\nfrom . import c\nimport os\n",
      "pkg/b.py": "from .c import h\n", "pkg/c.py": "import json\n"}, None),
])
def test_the_circle_finder_sees_every_kind_of_import(tmp_path, files, cycle):
    assert find_cycle(import_edges(_write(tmp_path, files))) == cycle
