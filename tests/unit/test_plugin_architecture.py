"""The plugins' imports point one way, down the build order, and never go round."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest
from pelican.settings import read_settings

from tests.support import REPO

PLUGINS_DIR = REPO / "plugins"
# Libraries that register nothing come first: any plugin may use them.
LIBRARIES = ["site_base", "site_build", "photo_groups", "video_embeds", "site_publish"]
# The live preview and the local servers come last: they may use any plugin.
FRONT_ENDS = ["site_preview", "site_gates", "site_tasks"]
# Developers' scripts and the tests: product code never imports them.
NOT_PRODUCT = ("tools", "tests")


@functools.cache
def build_order() -> list[str]:
    """Return the libraries, PLUGINS in the order Pelican runs them, the front ends."""
    settings = read_settings(str(REPO / "pelicanconf.py"))
    return [*LIBRARIES, *settings["PLUGINS"], *FRONT_ENDS]


def packages() -> list[str]:
    return sorted(p.parent.name for p in PLUGINS_DIR.glob("*/__init__.py"))


def modules() -> dict[str, Path]:
    """Return {'content_model.reader': path} for every module of every package."""
    found = {}
    for package in packages():
        for path in sorted((PLUGINS_DIR / package).glob("*.py")):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


def imported_modules(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Return the first-party modules `name` imports, typing-only imports included."""
    package = name.split(".", maxsplit=1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package if node.level else ""
            base = ".".join(filter(None, [base, node.module or ""]))
            # `from . import fields` and `from pkg import signals` name modules.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        found.update(t for t in targets if t in known and t != name)
    return found


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """Return each module's first-party imports, read once per test session."""
    known = modules()
    return {name: imported_modules(name, path, known) for name, path in known.items()}


def test_every_package_of_plugins_is_in_the_build_order():
    assert sorted(build_order()) == packages()


@pytest.mark.parametrize("package", packages())
def test_a_plugin_imports_only_what_comes_before_it(package):
    order = build_order()
    later = {
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if module.split(".")[0] == package
        for target in targets
        if order.index(target.split(".")[0]) > order.index(package)
    }
    assert later == set()


def test_no_two_modules_import_each_other():
    graph = import_graph()
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        seen = set()
        while stack:
            module, route = stack.pop()
            for target in graph[module]:
                if target == start:
                    cycles.append(" -> ".join([*route, start]))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*route, target]))
    assert cycles == []


def test_the_graph_sees_imports_that_would_go_back():
    """Guard against a check that cannot fail: a known import is found."""
    graph = import_graph()
    assert "content_model.exif" in graph["media_pipeline.imaging"]
    assert "content_model.model" in graph["content_model.documents"]


def imported_names(path: Path) -> set[str]:
    """Return every module name `path` imports (absolute imports)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found


def product_files() -> list[Path]:
    return [*sorted(PLUGINS_DIR.glob("*/*.py")), REPO / "tasks.py"]


def test_product_code_imports_no_developer_script_or_test():
    assert {
        f"{path.relative_to(REPO)} imports {name}"
        for path in product_files()
        for name in imported_names(path)
        if name.split(".")[0] in NOT_PRODUCT
    } == set()


def test_the_product_check_sees_an_import_of_tools():
    """Guard against a check that cannot fail: a developer script's import is found."""
    assert "tools.corpus" in imported_names(REPO / "tools" / "bench_build.py")
