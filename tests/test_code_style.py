"""The code follows the project's ruff rules (pyproject.toml), so CI catches drift;
every test checks something."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import REPO


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--quiet", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--quiet", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Calls that check: pytest.raises/warns/fail and Playwright's expect().
CHECKING_CALLS = {"raises", "warns", "fail", "expect"}


def _checks(function: ast.AST, helpers: dict[str, ast.AST], seen: frozenset) -> bool:
    """Return whether `function` asserts, directly or through its module's helpers."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else None
            name = name or (called.id if isinstance(called, ast.Name) else None)
            if name in CHECKING_CALLS:
                return True
            helper = helpers.get(name)
            fresh = helper is not None and name not in seen and helper is not function
            if fresh and _checks(helper, helpers, seen | {name}):
                return True
    return False


def test_every_test_asserts_something():
    """A test with no assertion passes whatever the code does."""
    unchecked = []
    for path in sorted((REPO / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {
            node.name: node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        unchecked += [
            f"{path.relative_to(REPO)}::{name}"
            for name, function in helpers.items()
            if name.startswith("test_") and not _checks(function, helpers, frozenset())
        ]
    assert unchecked == [], "tests that assert nothing"
