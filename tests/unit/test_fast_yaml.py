"""The fast front-matter reader agrees with ruamel.yaml on YAML 1.2, or steps aside."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from content_model.fast_yaml import load_front_matter
from content_model.frontmatter import _plain
from content_model.yaml_files import load_yaml

REPO = Path(__file__).resolve().parents[2]

VALUES = [
    "0123", "017", "0o17", "0x1F", "0x_1", "1_000", "0b101", "+5", "-0", "-12",
    "1.5", "1e3", ".5", "1.", "-.5", "1_0.5", "08.5", ".inf", "-.INF", "+.Inf",
    "4:35", "07:30", "1:02:03", "2025-11-06", "2025-11-06 14:00",
    "2025-11-06T14:00:00+07:00", "yes", "No", "on", "OFF", "y", "n", "~", "",
    "null", "NULL", "True", "false", "FALSE", "09", "0912345678",
    "Sa Pa – nơi đất trời gặp nhau", "'quoted: text'", '"0123"', "'yes'",
    "[a, b, 1, no]", "{name: Báo Lào Cai, url: 'https://x.vn/a?b=1'}",
    ">-\n  folded\n  text", "|\n  literal\n  text", "\n  - one\n  - two",
    "Hỏi & đáp", "Tuyệt vời!", "1.2.3", "12:30:45.5",
]  # fmt: skip


def kinds(value):
    """Return `value` with each scalar as (its kind, itself): 1 is not True or 1.0."""
    if isinstance(value, dict):
        return {key: kinds(item) for key, item in value.items()}
    if isinstance(value, list):
        return [kinds(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return (kind.__name__, kind(value))
    return (type(value).__name__, value)


@pytest.mark.parametrize("value", VALUES)
def test_a_plain_value_reads_as_ruamel_reads_yaml_1_2(value):
    text = f"title: x\nvalue: {value}\n"
    fast, lines = load_front_matter(text)
    assert kinds(fast) == kinds(_plain(load_yaml(text)))
    assert lines == {"title": 1, "value": 2}


@pytest.mark.parametrize(
    "text",
    [
        "title: a\ntitle: b\n",  # a key written twice: ruamel says which
        "title: [a, b\n",  # a syntax error: ruamel says where
        "- a\n- b\n",  # not a mapping
        "title: !!str 123\n",  # a tag
        "base: &b {x: 1}\nother:\n  <<: *b\n",  # a merge key
        "people:\n  a: 1\n  a: 2\n",  # twice, inside
    ],
)
def test_what_it_is_not_sure_of_is_left_to_ruamel(text):
    assert load_front_matter(text) is None


def test_the_sample_sites_front_matter_reads_the_same_both_ways():
    files = sorted((REPO / "content").rglob("index*.md"))
    assert files
    for path in files:
        front = path.read_text("utf-8").split("---\n")[1]
        fast, lines = load_front_matter(front)
        data = load_yaml(front)
        assert kinds(fast) == kinds(_plain(data)), path
        assert lines == {str(k): data.lc.key(k)[0] + 1 for k in data}, path
