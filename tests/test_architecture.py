"""The layering is a test, not a hope: the core imports no pygame, no pygame_gui, no yaml, and
touches no clock, files or global random state."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "game" / "core"
FORBIDDEN_MODULES = {"pygame", "pygame_gui", "yaml", "random", "time", "datetime", "os", "pathlib", "io"}
FORBIDDEN_CALLS = {"open", "hash", "eval", "exec"}


def test_importing_the_core_pulls_in_no_pygame_or_yaml():
    code = "import sys, game.core.engine, game.core.view; print(sorted(m for m in ('pygame', 'pygame_gui', 'yaml') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=CORE.parent.parent
    )
    assert out.stdout.strip() == "[]"


def test_core_sources_import_nothing_impure():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module.split(".")[0]]
            else:
                names = []
            bad = FORBIDDEN_MODULES.intersection(names)
            assert not bad, f"{path.name} imports {bad}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}()"


def test_every_core_module_says_what_it_owns():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        assert ast.get_docstring(tree), f"{path} has no module docstring"


def test_the_layer_contracts_hold():
    """`lint-imports` with the contracts in pyproject.toml: the layers, the pure core, pygame only in the window."""
    from importlinter.cli import lint_imports

    root = CORE.parent.parent
    assert lint_imports(config_filename=str(root / "pyproject.toml"), no_cache=True) == 0, (
        "an import breaks the layers - run `lint-imports` to see which"
    )


def test_no_module_is_over_400_lines():
    long = [
        f"{p.relative_to(CORE.parent.parent)}: {n}"
        for p in (CORE.parent).rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 400
    ]
    assert not long, f"split these modules (400 lines at most): {long}"
