"""Front matter read with libyaml (PyYAML's C parser) as YAML 1.2, when that is safe.

ruamel.yaml, the site's YAML 1.2 reader (yaml_files), is pure Python: about
a millisecond for a post's front matter, most of a build's reading time at a
few thousand posts. libyaml parses the same text in a fortieth of that, but
PyYAML resolves plain values by YAML 1.1 (`no` becomes False, `4:35` 275).
So libyaml only builds the node tree here, and each plain value is resolved
with YAML 1.2's rules, ruamel's own patterns, timestamps kept as text as
yaml_files does. Whatever this module is not sure of (a syntax error, a key
written twice, tags, merge keys) returns None, and ruamel reads the text
again with its line numbers and the writer's message: the two readers agree
on every text both accept (tests/unit/test_fast_yaml.py compares them).
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

# YAML 1.2's plain scalars as ruamel.yaml resolves them (ruamel.yaml.resolver).
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"
)
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_DEFAULT_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_BASES = {"0b": 2, "0o": 8, "0x": 16}


class _NotSure(Exception):
    """Something ruamel.yaml should read instead."""


def load_front_matter(text: str) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Return the front matter's values and each key's line (1 = the text's first).

    None when ruamel.yaml must read it: a syntax error, anything but a
    mapping of keys, a key written twice, a tag (`!!str`) or a merge key.
    """
    if "!" in text and re.search(r"(^|[\s\[{,:-])!", text):
        return None
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        return None
    try:
        values = _value(node)
    except _NotSure:
        return None
    lines = {_key(key): key.start_mark.line + 1 for key, _ in node.value}
    return values, lines


def _key(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.value == "<<":
        raise _NotSure
    return str(_value(node))


def _value(node: yaml.Node) -> Any:
    if node.tag not in _DEFAULT_TAGS:
        raise _NotSure
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key in mapping:
                raise _NotSure
            mapping[key] = _value(value_node)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    if node.style:  # quoted or a block: text (plain is None, or "" from libyaml)
        return node.value
    return plain_scalar(node.value)


def plain_scalar(text: str) -> Any:
    """Return a plain (unquoted) value as YAML 1.2 reads it; dates stay text."""
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return _integer(text.replace("_", ""))
    if _FLOAT.match(text):
        return _float(text.replace("_", "").lower())
    return text


def _integer(digits: str) -> int:
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[:2].lower())
    return sign * (int(digits[2:], base) if base else int(digits, 10))


def _float(digits: str) -> float:
    if "nan" in digits:
        return math.nan
    if "inf" in digits:
        return -math.inf if digits.startswith("-") else math.inf
    return float(digits)
