"""Whatever a file holds, the check and the build answer with messages, never a traceback.

Hypothesis writes front matter and bodies a writer, a word processor or an
attacker could: random bytes, odd Unicode, YAML-like and HTML-like text, into
a post's folder. The check (in this process, many examples) must return its
problems, each naming its file; the real build (a few examples) must end with
success or with messages, and leave output/ as it was when it fails.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from content_model.checker import check_site
from content_model.schemas import SCHEMAS
from tests.support import REPO, jpeg, post, run_pelican, write_site

KEYS = sorted(SCHEMAS["post"].fields)
ODD = (
    "",
    "~",
    "null",
    "no",
    "yes",
    "4:35",
    "2025-13-45",
    "2025-11-06 25:61",
    "[",
    "]",
    "{",
    "{a: b",
    "- x",
    ": :",
    "&a x",
    "*a",
    "!!python/object:os.system",
    "!!binary AAAA",
    "'",
    '"',
    "|",
    ">",
    "#",
    "%YAML 1.1",
    "---",
    "...",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&colon;x",
    "/../../../tmp/x/",
    "/feeds/all.rss.xml",
    "//evil.example/x",
    "../x.jpg",
    "\u202eRTL",
    "\u200b",
    "\ufeff",
    "Đ\u0301\u0323",
    "𝕏",
    "\u0000",
    "\x7f",
    "\ud7ff",
)
text = st.one_of(
    st.sampled_from(ODD),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=20),
)
scalar = st.one_of(text, st.integers(), st.floats(allow_nan=False), st.booleans())
value = st.recursive(
    scalar.map(str),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(
            st.sampled_from([*KEYS, "start", "url", "name"]), inner, max_size=3
        ).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs.items()) + "}"
        ),
    ),
    max_leaves=6,
)
front_line = st.one_of(
    st.tuples(st.sampled_from(KEYS), value).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    text,
)
body_piece = st.one_of(
    text,
    st.sampled_from(
        (
            "![Ảnh](anh.jpg)",
            "![](anh.jpg)",
            "![Ảnh](khong-co.jpg)",
            "*Chú thích.*",
            "![x](../../../../etc/passwd)",
            "![x](/etc/passwd)",
            "[a](javascript:x)",
            "<iframe src=x></iframe>",
            "<table><tr><td>1</td></tr></table>",
            "<a href='&#106;avascript:x'>a</a>",
            "<div onclick=x>y</div>",
            "<!--",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "# Tiêu đề",
            "---",
            "```",
            "<",
            "&",
            "[^1]",
            "[^1]: chú thích",
            "| a | b |\n| - | - |",
        )
    ),
)
document = st.one_of(
    st.tuples(st.lists(front_line, max_size=8), st.lists(body_piece, max_size=8)).map(
        lambda parts: (
            "---\n" + "\n".join(parts[0]) + "\n---\n\n" + "\n\n".join(parts[1])
        )
    ),
    st.tuples(st.lists(front_line, max_size=4), st.lists(body_piece, max_size=4)).map(
        lambda parts: (
            "---\ntitle: Bài\ndate: 2025-11-06\ncategory: am-nhac\n"
            + "\n".join(parts[0])
            + "\n---\n\n"
            + "\n\n".join(parts[1])
        )
    ),
)
encoded = st.one_of(
    document.map(lambda t: t.encode("utf-8", "surrogatepass")),
    document.map(lambda t: t.encode("utf-16")),
    document.map(lambda t: t.encode("cp1258", "replace")),
    st.binary(max_size=200),
)
FOLDER = "posts/2025/bai-thu"
GOOD = post("title: Bài đúng\ndate: 2025-11-05\ncategory: am-nhac", "Nội dung.")


def write_bundle(content: Path, text: bytes, translation: bytes | None) -> None:
    folder = content / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "anh.jpg").write_bytes(jpeg())
    (folder / "index.vi.md").write_bytes(text)
    if translation is not None:
        (folder / "index.en.md").write_bytes(translation)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_site(
        tmp_path_factory.mktemp("any-input"),
        {"posts/2025/bai-dung/index.md": GOOD},
    )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=encoded, translation=st.none() | encoded)
def test_the_check_answers_any_post_with_messages(site, text, translation):
    write_bundle(site / "content", text, translation)
    options = read_settings(
        str(REPO / "pelicanconf.py"), override={"PATH": str(site / "content")}
    )
    checked = check_site(options)
    for problem in checked.problems.problems:
        assert problem.path.is_relative_to(site)
        assert problem.message.strip()
        assert "Traceback" not in problem.message


def output_digest(output: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(output.rglob("*")):
        digest.update(str(path.relative_to(output)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built_site(site):
    shutil.rmtree(site / "content" / FOLDER, ignore_errors=True)
    result = run_pelican(site, source_date_epoch=1764403200)
    assert result.returncode == 0, result.stderr
    return site


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=encoded)
def test_the_build_ends_with_messages_and_a_failure_changes_nothing(built_site, text):
    before = output_digest(built_site / "output")
    write_bundle(built_site / "content", text, None)
    result = run_pelican(built_site, source_date_epoch=1764403200)
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown, shown
    assert result.returncode in (0, 1), shown
    if result.returncode:
        assert output_digest(built_site / "output") == before
        assert "error" in shown
