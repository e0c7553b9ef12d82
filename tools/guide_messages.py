"""Write the table of every content message into the writers' guide (Vietnamese).

The messages are the say() templates of the plugins (their English
source), shown as the Vietnamese catalogue has them, with "…" where a name
or value of the writer's file goes. `invoke i18n-update` runs it after
updating the catalogues, so the guide lists exactly what writers can meet;
tests/test_docs.py checks it.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

from site_base.catalogues import translations

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
START, END = "<!-- messages:start -->", "<!-- messages:end -->"
# Pieces of messages (labels, parts of other messages), not messages.
FRAGMENTS = {
    "error",
    "warning",
    "a group of keys",
    "a list",
    "nothing",
    "'{lower}' (a yes/no value)",
    "'{shown}…'",
    "'{shown}'",
    " Did you mean '{close}'?",
    "did you mean '{close}'?",
    "check its spelling",
    ": add a line like '{example}'",
    "item {position} {message}",
    "key '{key}' {message}",
    "'{key}' {message}",
    "'{schema_key}': {message}",
    "the photo '{name}' {problem}",
    "this category's value {message}",
    "the tag '{tag}' {message}",
    "write it as 2025-11-06 or 2025-11-06 15:30",
    # A summary of the build, not a problem.
    "Photos: {sources} sources, {encoded} derivatives encoded, "
    "{cached} from the cache.",
}


@functools.cache
def templates() -> tuple[str, ...]:
    """Return every say() template of the plugins, in file order."""
    found: list[str] = []
    for path in sorted((ROOT / "plugins").glob("*/*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "say"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                template = node.args[0].value
                if template not in FRAGMENTS and template not in found:
                    found.append(template)
    return tuple(found)


def shown(template: str, lang: str = "vi") -> str:
    """Return a template as writers read it: translated, "…" for its values."""
    text = translations(ROOT / "theme", lang).gettext(template)
    text = re.sub(r"\{[^{}]*\}", "…", text.replace("{{", "\0").replace("}}", "\1"))
    return text.replace("\0", "{").replace("\1", "}").replace("\n", " ")


def table() -> str:
    """Return the Markdown table of every message."""
    rows = [
        "| Thông báo (… là tên, giá trị trong tệp của bạn) |",
        "| --- |",
    ]
    rows += [f"| {cell(template)} |" for template in templates()]
    return "\n".join(rows)


def cell(template: str) -> str:
    """Return a message as a table cell: shown as text, never as Markdown."""
    return (
        shown(template)
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("](", "]\\(")
    )


def main() -> None:
    """Replace the guide's table with the current messages."""
    text = GUIDE.read_text("utf-8")
    before, _start, rest = text.partition(START)
    _old, _end, after = rest.partition(END)
    GUIDE.write_text(f"{before}{START}\n{table()}\n{END}{after}", encoding="utf-8")
    print(f"{GUIDE.relative_to(ROOT)}: {len(templates())} messages")


if __name__ == "__main__":
    main()
