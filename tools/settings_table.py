"""Write docs/settings.md: every setting a site may set, from the generator's code.

The table is made from the code itself, so it cannot drift: each plugin's
`DEFAULTS` (the keys of its dict setting, e.g. FEEDS) and the generator's
Pelican settings (site_build/defaults.py), each with its default and the
comment above it. `python -m tools.settings_table` writes the file; a test
fails when it is out of date.
"""

from __future__ import annotations

import argparse
import ast
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "plugins"
DEFAULTS_MODULE = PLUGINS / "site_build" / "defaults.py"
TARGET = REPO / "docs" / "settings.md"
# A default longer than this is shown cut, with "…" (the code has it whole).
LONGEST_DEFAULT = 60

HEADER = """# What a site may set

Made by `python -m tools.settings_table` from the generator's code (each
plugin's `DEFAULTS` and `site_build/defaults.py`); a test fails when it is
out of date. A site sets these in its `pelicanconf.py` (`publishconf.py`
for the production build only). A plugin's setting is a dict: a site gives
only the keys it changes, the others keep their defaults, and a key the
plugin does not know is refused with its name.
"""


@dataclass(frozen=True)
class Row:
    """One setting: its name, its default as written in the code, what it does."""

    name: str
    default: str
    comment: str


def comment_above(lines: list[str], line: int) -> str:
    """Return the comment lines just above `line` (1-based), joined."""
    found: list[str] = []
    index = line - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        found.insert(0, lines[index].strip().lstrip("#").strip())
        index -= 1
    return " ".join(found)


def shown(node: ast.expr) -> str:
    """Return the default as the code writes it, cut when it is long."""
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= LONGEST_DEFAULT else text[: LONGEST_DEFAULT - 1] + "…"


def dict_rows(node: ast.Dict, lines: list[str]) -> list[Row]:
    """Return a row per string key of a dict literal (`**spread` keys left out).

    A key without a comment of its own, on the line right after the one
    before it, is under that one's comment ("as above").
    """
    rows: list[Row] = []
    last_end = None
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            last_end = None
            continue
        comment = comment_above(lines, key.lineno)
        if not comment and rows and last_end == key.lineno - 1 and rows[-1].comment:
            comment = "As above."
        rows.append(Row(key.value, shown(value), comment))
        last_end = value.end_lineno
    return rows


def plugin_settings(path: Path) -> dict[str, list[Row]]:
    """Return {SETTING: rows} of a plugin module with `DEFAULTS` and merged_settings."""
    source = path.read_text("utf-8")
    module = ast.parse(source)
    lines = source.splitlines()
    constants = {
        target.id: node.value.value
        for node in module.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    dicts = {
        target.id: node.value
        for node in module.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and isinstance(node.value, ast.Dict)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(module):
        # merged_settings(settings, NAME, DEFAULTS): the setting and its dict.
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "merged_settings"
            and len(node.args) == 3  # noqa: PLR2004 (its three arguments)
            and isinstance(node.args[2], ast.Name)
            and node.args[2].id in dicts
        ):
            setting = node.args[1]
            if isinstance(setting, ast.Name):
                setting = ast.Constant(constants.get(setting.id))
            if isinstance(setting, ast.Constant) and isinstance(setting.value, str):
                return {setting.value: dict_rows(dicts[node.args[2].id], lines)}
    return {}


def generator_rows(functions: tuple[str, ...]) -> list[Row]:
    """Return the settings the dicts of site_build/defaults.py's `functions` return."""
    source = DEFAULTS_MODULE.read_text("utf-8")
    lines = source.splitlines()
    rows = []
    for function in ast.parse(source).body:
        if isinstance(function, ast.FunctionDef) and function.name in functions:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
                    rows += dict_rows(node.value, lines)
    return [row for row in rows if row.name.isupper()]


def table(rows: list[Row]) -> str:
    """Return a Markdown table of `rows`."""
    out = ["| setting | default | what it does |", "| --- | --- | --- |"]
    for row in rows:
        default = row.default.replace("|", "\\|")
        comment = row.comment.replace("|", "\\|")
        out.append(f"| `{row.name}` | `{default}` | {comment} |")
    return "\n".join(out)


def document() -> str:
    """Return docs/settings.md."""
    parts = [HEADER]
    parts += [
        "## Pelican's settings, as the generator sets them\n\n"
        "`site_build.defaults.generator_settings(root)`: a site's "
        "`pelicanconf.py` starts from them and sets again what it changes; "
        "it always sets `SITENAME` and `PUBLIC_SITEURL` (the address readers "
        "know the site by).\n",
        table(
            generator_rows(("generator_settings", "_addresses", "_reading", "_build"))
        )
        + "\n",
        "## What the production build changes\n\n"
        "`site_build.defaults.production_settings(base)`, in a site's "
        "`publishconf.py`.\n",
        table(generator_rows(("production_settings",))) + "\n",
    ]
    plugins: dict[str, tuple[str, list[Row]]] = {}
    for path in sorted(PLUGINS.glob("*/*.py")):
        for name, rows in plugin_settings(path).items():
            plugins[name] = (path.relative_to(REPO).as_posix(), rows)
    for name in sorted(plugins):
        where, rows = plugins[name]
        parts += [f"## `{name}` (`{where}`)\n", table(rows) + "\n"]
    return "\n".join(parts)


def main() -> None:
    """Write docs/settings.md (or check it with --check)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if out of date")
    arguments = parser.parse_args()
    text = document()
    if arguments.check:
        raise SystemExit(0 if TARGET.read_text("utf-8") == text else 1)
    TARGET.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
