"""HTML pasted into a post: harmless markup published, the rest refused in plain words."""

from __future__ import annotations

import pytest

from tests.support import post, read, run_task, soup, write_site

FRONT = "title: Bài có HTML\ndate: 2025-11-06\ncategory: am-nhac"
# The body starts on line 7 of each file (3 lines of front matter).

REFUSED = {
    "script": (
        "Mở đầu.\n\n<script src='https://ads.example/w.js'></script>",
        9,
        "<script> is not allowed in a post: code pasted from another site would "
        "run on every reader's phone",
    ),
    "style": (
        "<style>p {color: red}</style>\n\nChữ.",
        7,
        "<style> is not allowed in a post: the site's own styles apply",
    ),
    "onclick": (
        'Mở đầu.\n\n<p onclick="alert(1)">Bấm vào đây</p>',
        9,
        "the attribute onclick= runs code in the reader's browser",
    ),
    "markdown-onclick": (
        'Một đoạn.\n{: onmouseover="alert(1)" }',
        8,
        "the attribute onmouseover= runs code in the reader's browser",
    ),
    "javascript-link": (
        "Xem [tại đây](javascript:alert(1)).",
        7,
        "the address 'javascript:alert(1)' would run code",
    ),
    "data-link": (
        '<a href="data:text/html;base64,PHNjcmlwdD4=">mở</a>',
        7,
        "the address 'data:text/html;base64,PHNjcmlwdD4=' would run code",
    ),
    "form": (
        'Đăng ký:\n\n<form action="https://x.example/send"><input name="sdt"></form>',
        9,
        "<form> (part of a form) is not allowed in a post",
    ),
    "object": (
        '<object data="x.swf"></object>',
        7,
        "<object> is not allowed in a post: it loads a program from another site",
    ),
    "embed": (
        "Chữ.\n\n<embed src='x.swf'>",
        9,
        "<embed> is not allowed in a post",
    ),
    "youtube-iframe": (
        "Xem lại:\n\n"
        '<iframe width="560" height="315" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" '
        'title="YouTube video player" allowfullscreen></iframe>',
        9,
        "this <iframe> embeds a YouTube video: paste the video's link alone on a "
        "line instead (the page then loads nothing from YouTube until the reader "
        "presses play): https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
    "facebook-iframe": (
        '<iframe src="https://www.facebook.com/plugins/video.php?href='
        "https%3A%2F%2Fwww.facebook.com%2Fbaolaocai%2Fvideos%2F123456%2F"
        '&show_text=0"></iframe>',
        7,
        "this <iframe> embeds a Facebook video: paste the video's link alone on "
        "a line instead (the page then loads nothing from Facebook until the "
        "reader presses play): https://www.facebook.com/baolaocai/videos/123456/",
    ),
    "other-iframe": (
        '<iframe src="https://maps.example.com/embed?pb=1"></iframe>',
        7,
        "<iframe> is not allowed in a post: it puts a page of maps.example.com "
        "inside the site",
    ),
    "img": (
        '<img src="https://example.com/anh.jpg" alt="Ảnh">',
        7,
        "<img> in HTML is not published: write the photo as ![what it shows](file.jpg)",
    ),
}

HARMLESS = """
Nước H<sub>2</sub>O, mét<sup>2</sup> và <abbr title="Thư viện">TV</abbr>.<br>
Dòng mới.

<table>
<caption>Số liệu năm 2025</caption>
<thead><tr><th scope="col">Chỉ số</th><th scope="col">Năm 2025</th></tr></thead>
<tbody><tr><td>Thẻ bạn đọc mới</td><td>7.195</td></tr></tbody>
</table>

<details><summary>Chi tiết</summary>Hơn 280 buổi phục vụ lưu động.</details>

| Cột trái | Cột giữa |
| :------- | :------: |
| a        | b        |
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    files = {
        f"posts/2025/{name}/index.md": post(FRONT, body)
        for name, (body, _line, _message) in REFUSED.items()
    }
    site = write_site(tmp_path_factory.mktemp("site"), files)
    return run_task("check", "--content", str(site / "content"))


@pytest.mark.parametrize("name", REFUSED)
def test_dangerous_html_is_refused_with_its_file_line_and_what_to_do(checked, name):
    _body, line, message = REFUSED[name]
    where = f"content/posts/2025/{name}/index.md:{line}: error: "
    assert any(
        text.startswith(where) and message in text
        for text in checked.stderr.splitlines()
    ), checked.stderr
    assert checked.returncode == 1


def test_refusals_are_in_vietnamese_for_writers(tmp_path):
    site = write_site(
        tmp_path, {"posts/2025/x/index.md": post(FRONT, REFUSED["script"][0])}
    )
    result = run_task(
        "check", "--content", str(site / "content"), writers_language=True
    )
    assert (
        "content/posts/2025/x/index.md:9: lỗi: không được dùng <script> trong bài: mã chép từ website khác"
        in result.stderr
    )


@pytest.fixture(scope="module")
def harmless(build_site):
    built = build_site({"posts/2025/bang/index.md": post(FRONT, HARMLESS)})
    assert built.ok, built.log
    return built


def test_harmless_markup_is_published_as_written(harmless):
    body = soup(harmless.root, "2025/bang/").select_one(".prose")
    assert body.select_one("sub").text == "2" and body.select_one("sup").text == "2"
    assert body.select_one("abbr")["title"] == "Thư viện"
    assert body.select_one("br") is not None
    table = body.select("table")[0]
    assert table.caption.text == "Số liệu năm 2025"
    assert [th["scope"] for th in table.select("th")] == ["col", "col"]
    assert body.select_one("details summary").text == "Chi tiết"


def test_table_columns_are_aligned_by_class_not_inline_style(harmless):
    html = read(harmless.root, "2025/bang/")
    cells = soup(harmless.root, "2025/bang/").select(".prose table")[1].select("th")
    assert [th.get("class") for th in cells] == [["align-left"], ["align-center"]]
    assert "style=" not in html.split('class="prose"')[1].split("</article>")[0]


def test_harmless_markup_gives_no_warning(harmless):
    assert "warning" not in harmless.log


def test_dropped_markup_is_a_warning_and_is_not_published(build_site):
    built = build_site(
        {
            "posts/2025/word/index.md": post(
                FRONT,
                '<p style="color:red"><font face="Arial">Chữ từ Word</font></p>',
            )
        }
    )
    assert built.ok, built.log
    assert "index.md:7: warning: style= is removed" in built.log
    assert "index.md:7: warning: <font> is not kept: its text stays" in built.log
    body = str(soup(built.root, "2025/word/").select_one(".prose"))
    assert "Chữ từ Word" in body and "font" not in body and "color" not in body


def test_the_summary_is_held_to_the_same_rules(tmp_path):
    site = write_site(
        tmp_path,
        {
            "posts/2025/x/index.md": post(
                FRONT + '\nsummary: Mở đầu <img src=x onerror="alert(1)">'
            )
        },
    )
    result = run_task("check", "--content", str(site / "content"))
    assert (
        "content/posts/2025/x/index.md:5: error: the attribute onerror= runs code"
        in result.stderr
    )
    assert "content/posts/2025/x/index.md:5: error: <img> in HTML" in result.stderr


def test_harmless_markup_in_the_summary_is_kept(build_site):
    built = build_site(
        {
            "posts/2025/x/index.md": post(
                FRONT + "\nsummary: Diện tích 200 m<sup>2</sup>"
            )
        }
    )
    assert built.ok, built.log
    lead = soup(built.root, "2025/x/").select_one(".lead")
    assert str(lead) == '<p class="lead">Diện tích 200 m<sup>2</sup></p>'


MANY = """Mở đầu.

<script>alert(1)</script>
<p onclick="x">a</p>
[b](javascript:alert(2))

<iframe src="https://x.example/"></iframe>
<a href="&#106;avascript:alert(3)">c</a>
<div onmouseover="y">d</div>
[e](javascript:alert(2))

<form><input></form>
<a href="java&#x09;script:alert(4)">f</a>

<a href="javascript&colon;alert(5)">g</a>
<object data=x></object>
<p onclick="x">a2</p>
"""


def checked_errors(tmp_path, body: str, shown: int):
    """Check a post with `body`; return the run and its errors as (line, start)."""
    site = write_site(tmp_path, {"posts/2025/bai/index.md": post(FRONT, body)})
    checked = run_task("check", "--content", str(site / "content"))
    errors = [
        line.split(": error: ")
        for line in checked.stderr.splitlines()
        if ": error: " in line
    ]
    return checked, [
        (int(where.rsplit(":", 1)[1]), what[:shown]) for where, what in errors
    ]


def test_every_unsafe_piece_is_reported_at_its_own_line_in_one_pass(tmp_path):
    checked, found = checked_errors(tmp_path, MANY, 24)
    assert found == [
        (9, "<script> is not allowed "),
        (10, "the attribute onclick= r"),
        (11, "the address 'javascript:"),
        (13, "<iframe> is not allowed "),
        (14, "the address 'javascript:"),
        (15, "the attribute onmouseove"),
        (16, "the address 'javascript:"),
        (18, "<form> (part of a form) "),
        (18, "<input> (part of a form)"),
        (19, "the address 'javascript:"),
        (21, "the address 'javascript:"),
        (22, "<object> is not allowed "),
        (23, "the attribute onclick= r"),
    ]
    assert "'javascript:alert(4)'" in checked.stderr  # the tab is not shown


def test_what_an_unclosed_script_hides_is_reported_in_the_same_pass(tmp_path):
    body = (
        'Mở đầu.\n\n<script>alert(1)\n\n<p onclick="x">a</p>\n\n'
        '[b](javascript:alert(2))\n<iframe src="https://x.example/">\n\n'
        "`<script>` là một thẻ; `[c](javascript:z)` là mã, không phải liên kết."
    )
    checked, found = checked_errors(tmp_path, body, 30)
    assert found == [
        (9, "<script> is not allowed in a p"),
        (11, "the attribute onclick= runs co"),
        (13, "the address 'javascript:alert("),
        (14, "<iframe> is not allowed in a p"),
    ]
    assert "'javascript:alert(2)'" in checked.stderr
