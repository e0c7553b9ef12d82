"""Readers' comments with Isso: the pages' markup and policy, and the real server.

The server is Isso as the library runs it (site_comments.server), started on
127.0.0.1 with a temporary database and asked raw, as a spammer or a page
elsewhere would; the browser tests (tests/browser/test_comments.py) post,
approve and read in Chromium.
"""

from __future__ import annotations

import email
import json
import re
import subprocess
import sys
import time
import urllib.error

import pytest
from bs4 import BeautifulSoup
from isso import config

from site_base.settings import SettingsError
from site_comments.local import local_comments
from site_comments.settings import comments_server
from site_gates.files import html_errors
from tests.support import REPO, post
from tests.support.comments import MailCatcher, ask, moderate
from tests.support.comments import new_comment as post_comment

SERVER = "https://binhluan.thuvien.example/"
SITEURL = "https://thuvien.laocai.example"
THREAD = "/2025/hoi-thao/"
FILES = {
    "posts/2025/hoi-thao/index.md": post(
        "title: Hội thảo văn hoá đọc\ndate: 2025-11-06\ncategory: am-nhac"
    ),
    "posts/2025/hoi-thao/index.en.md": post("title: Reading culture workshop"),
    "people/nha-tho-a/index.md": post("name: Nhà thơ A\nroles: [poet]"),
}


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES, production=True, COMMENTS=SERVER)
    assert built.ok, built.log
    return built.output


def soup(output, path: str) -> BeautifulSoup:
    return BeautifulSoup(
        (output / path / "index.html").read_text("utf-8"), "html.parser"
    )


def policy(html: BeautifulSoup) -> dict[str, list[str]]:
    text = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    return {
        name: sources for name, *sources in (part.split() for part in text.split(";"))
    }


def test_comments_are_off_until_the_server_is_set(sample_site):
    html = soup(sample_site, "2025/hoi-nghi-ban-doc-2025/")
    assert (
        html.select("#comments, [data-comments-thread], script[data-comments-server]")
        == []
    )
    assert policy(html)["connect-src"] == ["'self'"]


def test_a_post_has_its_thread_named_by_its_address(site):
    html = soup(site, "2025/hoi-thao/")
    section = html.select_one("section#comments")
    assert section.h2.get_text() == "Bình luận"
    thread = section.select_one("#isso-thread")
    assert (thread["data-isso-id"], thread["data-title"]) == (
        THREAD,
        "Hội thảo văn hoá đọc",
    )
    # Isso's settings and words, read by Isso from its script's attributes.
    assert section["data-isso-lang"] == "vi"
    assert section["data-isso-postbox-submit-text-vi"] == "Gửi bình luận"
    assert section["data-isso-avatar"] == "false"  # its pictures need inline styles
    assert section["data-isso-css"] == "false"  # the site's own comments.css
    # The byline links to the thread; the script adds the count.
    assert (
        html.select_one(".post__byline a[href='#comments']")["data-comments-thread"]
        == THREAD
    )
    script = html.select_one("script[data-comments-server]")
    assert script["data-comments-server"] == SERVER
    assert script["data-comments-label"] == "Bình luận ({n})"


def test_pages_with_comments_are_valid_html(site):
    assert html_errors(site) == {site: []}


def test_the_english_page_has_its_own_thread_in_english(site):
    section = soup(site, "en/2025/hoi-thao/").select_one("section#comments")
    assert section.h2.get_text() == "Comments"
    assert section.select_one("#isso-thread")["data-isso-id"] == "/en/2025/hoi-thao/"
    assert section["data-isso-postbox-submit-text-en"] == "Send"


def test_cards_carry_a_hidden_count_and_people_no_thread(site):
    card_count = soup(site, "").select_one(".card__meta [data-comments-reveal]")
    assert card_count.has_attr("hidden")
    assert card_count.a["href"] == f"{SITEURL}{THREAD}#comments"
    assert soup(site, "people/nha-tho-a/").select("#comments") == []


def test_pages_may_reach_the_comment_server_and_nothing_more(site):
    html = soup(site, "2025/hoi-thao/")
    directives = policy(html)
    assert directives["connect-src"] == ["'self'", "https://binhluan.thuvien.example"]
    others = [name for name, sources in directives.items() if name != "connect-src"]
    assert [
        n for n in others if "https://binhluan.thuvien.example" in directives[n]
    ] == []
    headers = (site / "_headers").read_text("utf-8")
    assert "connect-src 'self' https://binhluan.thuvien.example;" in headers
    # Isso's client is the site's own file, fingerprinted.
    embed = html.select_one("#comments")["data-comments-embed"]
    assert re.search(r"/theme/vendor/isso-embed\.[0-9a-f]{10}\.js$", embed)


@pytest.mark.parametrize(
    "address",
    [
        "http://binhluan.thuvien.example/",
        "ftp://binhluan.thuvien.example/",
        "https://binhluan.thuvien.example/?x=1",
        "https://user@binhluan.thuvien.example/",
        "binhluan.thuvien.example",
        ["https://binhluan.thuvien.example/"],
    ],
)
def test_a_comment_server_that_is_not_https_is_refused(address):
    with pytest.raises(SettingsError, match="COMMENTS"):
        comments_server({"COMMENTS": address})


def test_a_server_address_ends_in_a_slash():
    assert comments_server({"COMMENTS": "https://x.example/isso"}) == (
        "https://x.example/isso/"
    )
    assert comments_server({"COMMENTS": "http://127.0.0.1:8001"}) == (
        "http://127.0.0.1:8001/"
    )


# The real server, asked raw.

SITE_ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def isso(tmp_path_factory):
    """Isso with room for these tests' comments (all from 127.0.0.1)."""
    folder = tmp_path_factory.mktemp("comments")
    with local_comments(folder, [SITE_ORIGIN], rate_limit=1000) as server:
        yield server


def new_comment(isso, thread: str, **comment):
    return post_comment(isso, thread, SITE_ORIGIN, **comment)


def count(isso, *threads: str) -> list[int]:
    status, _, body = ask(f"{isso.address}count", list(threads))
    assert status == 200
    return json.loads(body)


def test_a_comment_waits_for_a_moderator_then_counts(isso):
    thread = "/2025/cho-duyet/"
    status, headers, body = new_comment(isso, thread, text="Bài viết rất hay.")
    comment = json.loads(body)
    assert (status, comment["mode"]) == (202, 2)  # accepted, held
    assert count(isso, thread, "/khac/") == [0, 0]
    status, _, _ = ask(f"{isso.address}?uri={thread}")
    assert status == 200
    listed = json.loads(ask(f"{isso.address}?uri={thread}")[2])
    assert listed["replies"] == []  # another reader sees nothing yet
    moderate(isso, comment["id"], "activate")
    assert count(isso, thread, "/khac/") == [1, 0]
    listed = json.loads(ask(f"{isso.address}?uri={thread}")[2])
    assert [reply["text"] for reply in listed["replies"]] == [
        "<p>Bài viết rất hay.</p>"
    ]


def test_html_in_a_comment_is_kept_as_text(isso):
    text = "<script>alert(1)</script><img src=x onerror=alert(2)><b>đậm</b>"
    status, _, body = new_comment(isso, "/2025/html/", text=text)
    assert status == 202
    shown = json.loads(body)["text"]
    assert "<script" not in shown and "<img" not in shown and "<b>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown


def test_reading_and_counting_set_no_cookie_posting_does(isso):
    assert ask(f"{isso.address}?uri=/2025/x/")[1].get("Set-Cookie") is None
    assert ask(f"{isso.address}count", ["/2025/x/"])[1].get("Set-Cookie") is None
    assert ask(f"{isso.address}config")[1].get("Set-Cookie") is None
    _, headers, _ = new_comment(isso, "/2025/cookie/", text="Có cookie sau khi gửi.")
    assert headers.get("Set-Cookie")


def test_the_honeypot_refuses_a_comment_that_fills_the_hidden_field(isso):
    status, _, _ = new_comment(
        isso, "/2025/spam/", text="Mua ngay!", website="https://spam.example"
    )
    assert status == 403
    assert count(isso, "/2025/spam/") == [0]


def test_a_comment_needs_a_name(isso):
    status, _, _ = ask(
        f"{isso.address}new?uri=/2025/nameless/",
        {"title": "Bài", "text": "Không tên."},
    )
    assert status == 403


def test_a_third_comment_in_a_minute_is_refused(tmp_path):
    with local_comments(tmp_path, [SITE_ORIGIN]) as isso:
        answers = [
            new_comment(isso, f"/2025/flood-{n}/", text=f"Bình luận số {n}.")[0]
            for n in range(3)
        ]
    assert answers == [202, 202, 403]


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe", b"{}" + b" " * 300_000],
)
def test_a_broken_request_is_an_error_answer_not_a_crash(isso, raw):
    status, _, _ = ask(f"{isso.address}new?uri=/2025/raw/", raw=raw)
    assert 400 <= status < 500
    assert count(isso, "/2025/raw/") == [0]


def test_only_requests_addressed_to_this_computer_are_answered(isso):
    port = isso.address.rsplit(":", 1)[1].rstrip("/")
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1"):
        status, _, _ = ask(f"{isso.address}count", ["/"], headers={"Host": host})
        assert status == 403, host
    status, _, _ = ask(
        f"{isso.address}count", ["/"], headers={"Host": f"localhost:{port}"}
    )
    assert status == 200


def test_browsers_may_keep_a_preflights_answer(isso):
    status, headers, _ = ask(
        f"{isso.address}config", method="OPTIONS", headers={"Origin": SITE_ORIGIN}
    )
    assert (status, headers["Access-Control-Max-Age"]) == (200, "7200")


def test_a_page_elsewhere_is_not_allowed_to_read_the_answers(isso):
    _, headers, _ = ask(
        f"{isso.address}count", ["/"], headers={"Origin": "https://evil.example"}
    )
    assert headers["Access-Control-Allow-Origin"] == SITE_ORIGIN


def test_the_documented_server_holds_every_comment_and_shows_html_as_text():
    """docs/comments/isso.cfg, the configuration the README has the library copy."""
    conf = config.load(config.default_file(), str(REPO / "docs/comments/isso.cfg"))
    assert conf.getboolean("moderation", "enabled")
    assert conf.getboolean("admin", "enabled")
    assert conf.getboolean("guard", "enabled")
    assert conf.getboolean("guard", "require-author")
    assert "escape" in conf.getlist("markup.mistune", "parameters")
    assert conf.getlist("general", "notify") == ["smtp"]
    assert conf.get("server", "listen").startswith("http://127.0.0.1:")
    unit = (REPO / "docs/comments/isso.service").read_text("utf-8")
    assert "-m site_comments.server /etc/isso/thuvien.cfg" in unit


def test_the_local_server_stops_with_the_program_that_started_it(tmp_path):
    """A writer who closes the terminal leaves no comment server behind."""
    starter = f"""
import time
from pathlib import Path
from site_comments.local import local_comments
with local_comments(Path({str(tmp_path)!r}), ["http://127.0.0.1:8000"]) as isso:
    print(isso.address, flush=True)
    time.sleep(60)
"""
    process = subprocess.Popen(
        [sys.executable, "-c", starter], stdout=subprocess.PIPE, text=True
    )
    address = process.stdout.readline().strip()
    assert ask(f"{address}count", ["/"])[0] == 200
    process.kill()  # no chance to stop its server itself
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            ask(f"{address}count", ["/"])
        except (urllib.error.URLError, ConnectionError):
            return  # refused, or cut off while it stops
        time.sleep(0.2)
    pytest.fail("the comment server outlived the program that started it")


def test_a_moderator_approves_a_comment_from_its_e_mail(tmp_path):
    catcher = MailCatcher()
    try:
        with local_comments(tmp_path, [SITE_ORIGIN], smtp_port=catcher.port) as isso:
            status, _, body = post_comment(
                isso, "/2025/thu/", SITE_ORIGIN, text="Gửi qua thư cho người duyệt."
            )
            assert status == 202
            deadline = time.monotonic() + 10
            while not catcher.messages and time.monotonic() < deadline:
                time.sleep(0.05)
            (mail,) = catcher.messages
            text = email.message_from_string(mail).get_payload(decode=True).decode()
            assert "Gửi qua thư cho người duyệt." in text
            (link,) = re.findall(r"Activate comment: (\S+)", text)
            # The link opens a page that asks to confirm; confirming approves it.
            assert ask(link)[0] == 200
            assert count(isso, "/2025/thu/") == [0]
            assert ask(link, method="POST", raw=b"")[0] == 200
            assert count(isso, "/2025/thu/") == [1]
    finally:
        catcher.close()


@pytest.mark.parametrize("linked", ["isso.cfg", "admin-password", "."])
def test_a_link_in_the_comments_folder_is_refused_before_anything_is_written(
    tmp_path, linked
):
    """Pushed as .cache/comments/..., a link would have the password or the
    configuration written through it, into any file of the writer's."""
    victim = tmp_path / "victim.txt"
    victim.write_text("của người viết", "utf-8")
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    folder = site / ".cache/comments"
    if linked == ".":
        folder.parent.mkdir(parents=True)
        folder.symlink_to(tmp_path)
    else:
        folder.mkdir(parents=True)
        (folder / linked).symlink_to(victim)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "livereload", "--port", "0"]
        + ["--content", str(site / "content")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "is a link: delete it, then start again" in result.stderr
    assert "Traceback" not in result.stderr
    assert victim.read_text("utf-8") == "của người viết"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "victim.txt"]
