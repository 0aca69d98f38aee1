"""The layers hold: the import contracts (lint-imports), imports at module top, no private attribute
of another library (matplotlib's least of all), ruff's small rule set, and the library's doctests."""
from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mgdlearn

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mgdlearn"
BIN = Path(sys.executable).parent


#: ``obj._private`` accesses allowed in mgdlearn (on anything but ``self``/``cls``): none.
PRIVATE_ATTRIBUTE_ALLOW_LIST: dict[tuple[str, str], str] = {}


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:  # pragma: no cover - the test extra installs it
        pytest.fail(f"{name} is not installed; `pip install -e '.[test]'` brings it")
    return which


# ---- imports ---------------------------------------------------------------------------------
def function_level_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of every ``mgdlearn.*`` import inside a function that has no comment on its
    line or the line above saying why."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and sub.module and sub.module.split(".")[0] == "mgdlearn":
                module = sub.module
            elif isinstance(sub, ast.Import) and any(a.name.split(".")[0] == "mgdlearn" for a in sub.names):
                module = sub.names[0].name
            else:
                continue
            here, above = lines[sub.lineno - 1], lines[sub.lineno - 2] if sub.lineno > 1 else ""
            if "#" not in here and not above.strip().startswith("#"):
                found.append((sub.lineno, module))
    return sorted(set(found))


def test_the_checker_of_function_level_imports_finds_one_without_a_reason():
    code = ("def f():\n    from mgdlearn.units import convert\n    return convert\n\n"
            "def g():\n    # lazy: why\n    from mgdlearn.model import Scenario\n")
    assert function_level_imports(code) == [(2, "mgdlearn.units")]


def test_mgdlearn_imports_sit_at_module_top_unless_a_comment_says_why():
    problems = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        problems += [f"{rel}:{line} imports {module} inside a function"
                     for line, module in function_level_imports(path.read_text(encoding="utf-8"))]
    assert problems == []


def test_the_import_contracts_hold():
    """pyproject.toml's import-linter contracts: the layers, no circle, the "never" rules."""
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


# ---- private attributes ------------------------------------------------------------------------
def private_attribute_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of every ``obj._name`` (not ``self``/``cls``, not a dunder) and every
    ``getattr``/``setattr``/``hasattr`` with a private name in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.endswith("__"):
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append((node.lineno, node.attr))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
              and node.args[1].value.startswith("_") and not node.args[1].value.endswith("__")):
            found.append((node.lineno, node.args[1].value))
    return sorted(found)


def test_the_checker_of_private_attributes_finds_them():
    code = "fig._suptitle.get_text()\nself._fig = 1\nsetattr(fig, '_mgd_live', x)\nlen.__doc__\n"
    assert private_attribute_uses(code) == [(1, "_suptitle"), (3, "_mgd_live")]


def test_no_private_attribute_of_another_object_anywhere_in_mgdlearn():
    """Nothing reaches into matplotlib's (or any other object's) private state, and nothing hangs
    ``_mgd_*`` attributes on figures: the live redraw keeps its state in its own object."""
    problems = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        problems += [f"{rel}:{line} uses .{name}" for line, name in private_attribute_uses(path.read_text(encoding="utf-8"))
                     if (rel, name) not in PRIVATE_ATTRIBUTE_ALLOW_LIST]
        if "_mgd_" in path.read_text(encoding="utf-8"):
            problems.append(f"{rel}: an _mgd_ attribute name")
    assert problems == []


# ---- ruff and doctests -----------------------------------------------------------------------------
def test_ruff_finds_nothing():
    """The small rule set of pyproject.toml (pyflakes, syntax errors, bugbear, sorted imports)."""
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "mgdlearn", "tests", "benchmarks", "scripts",
                             "conftest.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _modules() -> list[str]:
    return sorted({"mgdlearn"} | {info.name for info in pkgutil.walk_packages(mgdlearn.__path__, "mgdlearn.")
                                  if not info.name.endswith("__main__")})


@pytest.mark.parametrize("name", _modules())
def test_the_examples_in_the_docstrings_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False,
                             report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctest examples failed in {name}"
