"""Old addresses (`aliases:`) are checked with the content: this site's, free, one post's.

Each problem is an error of `check` (and of the build, which then writes
nothing) naming every file involved, at the line of `aliases`.
"""

from __future__ import annotations

import pytest

from tests.support import post, run_pelican, run_task, write_site

FRONT = "title: {title}\ndate: 2025-11-0{day}\ncategory: am-nhac"


def with_aliases(title: str, day: int, aliases: str) -> str:
    return post(FRONT.format(title=title, day=day) + f"\naliases: {aliases}")


def check(root):
    return run_task("check", "--content", str(root / "content"))


@pytest.mark.parametrize(
    "alias",
    [
        "/",
        "/index.html",
        "/en/",
        "/feeds/all.rss.xml",
        "/feeds/",
        "/sitemap.xml",
        "/robots.txt",
        "/events.ics",
        "/admin/",
        "/search/",
        "/media/posts/x.jpg",
        "/category/am-nhac/",
        "/tag/sach/",
        "/people/",
        "/archives/",
        "/2025/",
        "/2025/11/",
        "/en/2025/",
        "/page/2/",
        "/404.html",
        "/_redirects",
    ],
)
def test_an_alias_at_an_address_the_site_makes_is_an_error(tmp_path, alias):
    root = write_site(
        tmp_path, {"posts/2025/bai-moi/index.md": with_aliases("Bài", 6, f"[{alias}]")}
    )
    checked = check(root)
    assert checked.returncode == 1, checked.stdout
    assert (
        f"posts/2025/bai-moi/index.md:5: error: the old address {alias} is an "
        "address the site makes itself"
    ) in checked.stderr


@pytest.mark.parametrize(
    "alias",
    ["/../../../tmp/x/", "/2024/%2e%2e/%2e%2e/x", "/a//b/", "/a\\b", "/x?id=1", "/x#y"],
)
def test_an_alias_that_leaves_the_site_is_an_error_not_a_traceback(tmp_path, alias):
    root = write_site(
        tmp_path,
        {"posts/2025/bai-moi/index.md": with_aliases("Bài", 6, f"['{alias}']")},
    )
    checked = check(root)
    assert checked.returncode == 1
    assert "posts/2025/bai-moi/index.md:5: error: " in checked.stderr
    assert "is not an old address of this site" in checked.stderr
    built = run_pelican(root)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert not (root / "output").exists()


def test_an_alias_on_another_site_is_an_error(tmp_path):
    root = write_site(
        tmp_path,
        {
            "posts/2025/bai-moi/index.md": with_aliases(
                "Bài", 6, "[https://baolaocai.vn/tin-cu.html]"
            )
        },
    )
    checked = check(root)
    assert checked.returncode == 1
    assert (
        "posts/2025/bai-moi/index.md:5: error: 'https://baolaocai.vn/tin-cu.html' "
        "is on another website (baolaocai.vn): aliases are this site's own old "
        "addresses"
    ) in checked.stderr


def test_a_full_address_on_this_site_is_accepted(tmp_path):
    root = write_site(
        tmp_path,
        {
            "posts/2025/bai-moi/index.md": with_aliases(
                "Bài", 6, "[https://thuvien.laocai.example/tin-tuc/cu.html]"
            )
        },
    )
    checked = check(root)
    assert checked.returncode == 0, checked.stderr


def test_two_posts_with_one_alias_are_both_named(tmp_path):
    root = write_site(
        tmp_path,
        {
            "posts/2025/bai-mot/index.md": with_aliases("Một", 5, "[/tin-cu/]"),
            "posts/2025/bai-hai/index.md": with_aliases("Hai", 6, "[/tin-cu]"),
        },
    )
    checked = check(root)
    assert checked.returncode == 1
    for one, other in (("bai-mot", "bai-hai"), ("bai-hai", "bai-mot")):
        assert (
            f"posts/2025/{one}/index.md:5: error: the old address /tin-cu/ is "
            f"also an old address of posts/2025/{other}/index.md"
        ) in checked.stderr
    built = run_pelican(root)
    assert built.returncode == 1
    assert not (root / "output").exists()


def test_an_alias_at_another_posts_address_names_that_post(tmp_path):
    root = write_site(
        tmp_path,
        {
            "posts/2025/bai-mot/index.md": post(FRONT.format(title="Một", day=5)),
            "posts/2025/bai-hai/index.md": with_aliases("Hai", 6, "[/2025/bai-mot/]"),
            "pages/lien-he/index.md": post("title: Liên hệ"),
            "posts/2025/bai-ba/index.md": with_aliases("Ba", 7, "[/lien-he/]"),
        },
    )
    checked = check(root)
    assert checked.returncode == 1
    assert (
        "posts/2025/bai-hai/index.md:5: error: the old address /2025/bai-mot/ is "
        "the address of posts/2025/bai-mot/index.md"
    ) in checked.stderr
    assert (
        "posts/2025/bai-ba/index.md:5: error: the old address /lien-he/ is the "
        "address of pages/lien-he/index.md"
    ) in checked.stderr


def test_an_old_post_address_of_another_year_is_a_good_alias(tmp_path):
    root = write_site(
        tmp_path,
        {"posts/2025/bai-moi/index.md": with_aliases("Bài", 6, "[/2024/ten-cu/]")},
    )
    built = run_pelican(root)
    assert built.returncode == 0, built.stderr
    assert (root / "output/2024/ten-cu/index.html").is_file()
