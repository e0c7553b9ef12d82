"""Babel extraction for tasks.py: its strings, plus each task's help text.

`invoke --list` and `invoke --help <task>` show a task's docstring and the
`help={...}` texts of its options. tasks.py keeps them as plain invoke code
and translates them when it is imported (`_translate_tasks`); this
extractor (named in babel.cfg) puts them in the catalogues beside the
strings marked with `_()` and `say()`.
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Iterator
from typing import Any

from babel.messages.extract import extract_python


def extract_tasks(
    fileobj: Any, keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Yield the marked strings, then every task's docstring and option help."""
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    module = ast.parse(source)
    # Help texts shared by several options: LANG_HELP = "..." at the top.
    constants = {
        target.id: node.value.value
        for node in module.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    for node in module.body:
        if isinstance(node, ast.FunctionDef) and _task_decorator(node):
            docstring = ast.get_docstring(node)
            if docstring:
                yield node.lineno, None, inspect.cleandoc(docstring), []
            for key in _task_decorator(node).keywords:
                if key.arg == "help" and isinstance(key.value, ast.Dict):
                    for value in key.value.values:
                        if isinstance(value, ast.Constant):
                            yield value.lineno, None, value.value, []
                        elif isinstance(value, ast.Name) and value.id in constants:
                            yield value.lineno, None, constants[value.id], []


def _task_decorator(node: ast.FunctionDef) -> ast.Call | ast.Name | None:
    """Return the function's @task or @task(...) decorator, if it has one."""
    for decorator in node.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        name = call.func if call else decorator
        if isinstance(name, ast.Name) and name.id == "task":
            return call or ast.Call(func=name, args=[], keywords=[])
    return None
