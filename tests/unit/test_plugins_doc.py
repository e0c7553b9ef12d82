"""plugins/PLUGINS.md says what the code does: its signal and context-key tables."""

from __future__ import annotations

import ast
import functools
import re

from pelican.settings import read_settings

from tests.support import REPO

PLUGINS_DIR = REPO / "plugins"
DOC = PLUGINS_DIR / "PLUGINS.md"
TEMPLATES = REPO / "theme" / "templates"
TICKED = re.compile(r"`([^`]+)`")
SIGNAL_HEADER = "| signal | receiver | why |"
KEY_HEADER = "| context key | written by | read by | what it holds |"


def table_rows(lines: list[str], start: int) -> list[list[str]]:
    """Return the cells of the table whose header is lines[start]."""
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def documented_connections() -> set[tuple[str, str, str]]:
    """Return (plugin, signal, receiver) of every signal table."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    found, plugin = set(), None
    for number, line in enumerate(lines):
        if line.startswith("## "):
            names = TICKED.findall(line)
            plugin = names[0] if names else None
        elif line == SIGNAL_HEADER:
            for signal_cell, receiver_cell, _why in table_rows(lines, number):
                receiver = TICKED.findall(receiver_cell)[0]
                for signal in TICKED.findall(signal_cell):
                    found.add((plugin, signal, receiver))
    return found


def _receiver_module(tree: ast.Module, name: str, module: str) -> str:
    """Return the module (file stem) that defines the function `name`."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return module
        if isinstance(node, ast.ImportFrom) and any(
            alias.name == name for alias in node.names
        ):
            return (node.module or "").rsplit(".", 1)[-1]
    raise AssertionError(f"{module}: cannot find where {name} is defined")


def _connects(tree: ast.AST) -> list[tuple[str, ast.expr]]:
    """Return (signal, receiver expression) of every `<signals>.<signal>.connect(r)`."""
    return [
        (node.func.value.attr, node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
        and isinstance(node.func.value, ast.Attribute)
    ]


@functools.cache
def connections_in_code() -> frozenset[tuple[str, str, str]]:
    """Return (plugin, signal, receiver) of every connection.

    A function connected by name is `module.function`; a method connected for
    the time of one build (`connect(self.keep_generators)`) is
    `module.Class.method`.
    """
    found = set()
    for path in sorted(PLUGINS_DIR.glob("*/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        plugin = path.parent.name
        for signal, receiver in _connects(tree):
            if isinstance(receiver, ast.Name):
                module = _receiver_module(tree, receiver.id, path.stem)
                found.add((plugin, signal, f"{module}.{receiver.id}"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for signal, receiver in _connects(cls):
                if isinstance(receiver, ast.Attribute):
                    method = f"{path.stem}.{cls.name}.{receiver.attr}"
                    found.add((plugin, signal, method))
    return frozenset(found)


def test_every_connected_receiver_is_documented():
    assert connections_in_code() - documented_connections() == set()


def test_every_documented_receiver_is_connected():
    assert documented_connections() - connections_in_code() == set()


def test_the_signal_tables_are_read():
    """Guard against a comparison of two empty sets."""
    assert ("content_model", "generator_init", "plugin.check_content") in (
        documented_connections() & connections_in_code()
    )


# --- context keys -------------------------------------------------------------

_WRITE = re.compile(r"context\[\"([A-Z][A-Z_]+)\"\]\s*=(?!=)")
_READ = re.compile(
    r"context(?:\[\"([A-Z][A-Z_]+)\"\](?!\s*=[^=])|\.get\(\"([A-Z][A-Z_]+)\")"
)


def documented_keys() -> dict[str, tuple[set[str], set[str]]]:
    """Return {key: (writers, readers)} of the context-key table."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    rows = table_rows(lines, lines.index(KEY_HEADER))
    return {
        TICKED.findall(key)[0]: (
            set(TICKED.findall(writers)),
            set(TICKED.findall(readers)) | ({"templates"} & set(readers.split())),
        )
        for key, writers, readers, _what in (row[:4] for row in rows)
    }


def keys_in_code() -> dict[str, tuple[set[str], set[str]]]:
    """Return {key: (writers, readers)} found in the plugins and the templates."""
    settings = read_settings(str(REPO / "pelicanconf.py"))
    found: dict[str, tuple[set[str], set[str]]] = {}
    for path in sorted(PLUGINS_DIR.glob("*/*.py")):
        text = path.read_text(encoding="utf-8")
        plugin = path.parent.name
        for key in _WRITE.findall(text):
            found.setdefault(key, (set(), set()))[0].add(plugin)
        for match in _READ.finditer(text):
            key = match.group(1) or match.group(2)
            if key not in settings:  # settings are in the context too
                found.setdefault(key, (set(), set()))[1].add(plugin)
    templates = " ".join(p.read_text("utf-8") for p in TEMPLATES.rglob("*.html"))
    for key, (_writers, readers) in found.items():
        if re.search(rf"\b{key}\b", templates):
            readers.add("templates")
    return found


def test_every_context_key_is_documented_with_its_writers_and_readers():
    assert keys_in_code() == documented_keys()


def test_the_context_key_table_is_read():
    keys = documented_keys()
    assert keys["CONTENT_CHECK"] == (
        {"content_model"},
        {
            "content_model",
            "people_works",
            "theme_support",
            "site_feeds",
            "page_metadata",
            "site_events",
            "site_admin",
            "search_engines",
            "site_preview",
        },
    )


# --- modules ------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^()]*\)")


def modules_paragraphs() -> dict[str, str]:
    """Return {package: what its section's "Modules:" paragraphs list}.

    What a module does is said in parentheses after it: taken out, the
    ticked names left after "Modules:" are the modules.
    """
    text = DOC.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = section.partition("\n")
        lists = []
        for paragraph in body.split("\n\n"):
            flat = " ".join(paragraph.split())
            if "Modules: " in flat:
                listed = flat.split("Modules: ", 1)[1]
                while _PARENTHESES.search(listed):
                    listed = _PARENTHESES.sub("", listed)
                lists.append(listed)
        for package in TICKED.findall(heading):
            found[package] = " ".join(lists)
    return found


def listed_modules(package: str, listed: str) -> set[str]:
    """Return the modules of `package` named in `listed` (`m` or `package.m`)."""
    names = set()
    for name in TICKED.findall(listed):
        owner, _, module = name.rpartition(".")
        if owner in ("", package):
            names.add(module)
    return names


def package_modules(package: str) -> set[str]:
    return {
        path.stem
        for path in (PLUGINS_DIR / package).glob("*.py")
        if path.stem != "__init__"
    }


def test_every_module_of_every_package_is_listed():
    paragraphs = modules_paragraphs()
    packages = sorted(p.parent.name for p in PLUGINS_DIR.glob("*/__init__.py"))
    missing = {
        f"{package}.{module}"
        for package in packages
        for module in package_modules(package)
        - listed_modules(package, paragraphs.get(package, ""))
    }
    assert missing == set()


def test_no_module_is_listed_that_does_not_exist():
    listed = {
        f"{package}.{module}"
        for package, paragraph in modules_paragraphs().items()
        for module in listed_modules(package, paragraph)
        if module not in package_modules(package)
    }
    assert listed == set()


def test_the_modules_lines_are_read():
    """Guard against comparing nothing: a known module is found listed."""
    paragraphs = modules_paragraphs()
    assert "bundle_cache" in listed_modules("site_build", paragraphs["site_build"])
