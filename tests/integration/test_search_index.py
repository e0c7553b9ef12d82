"""The search index: made by every build, of posts, people and works only."""

from __future__ import annotations

import json

import pytest

from site_base.settings import SettingsError
from site_search.preload import cache_tag
from site_search.settings import load_settings
from tests.support import INDEXED, post, run_task, soup, write_site

FILES = {
    "posts/2025/hoi-nghi/index.md": post(
        "title: Hội nghị bạn đọc\ndate: 2025-11-06\ncategory: su-kien"
    ),
    "posts/2025/hoi-nghi/index.en.md": post("title: Readers' conference"),
    "people/nhac-si-a/index.md": post("name: Nhạc Sĩ A\nroles: [musician]"),
    "works/bai-hat/index.md": post("title: Bài hát\nkind: song"),
    "pages/gioi-thieu/index.md": post("title: Giới thiệu"),
}
CATEGORIES = "- key: su-kien\n  vi: Sự kiện\n  en: Events\n"


def languages(output):
    return json.loads((output / "pagefind/pagefind-entry.json").read_text())[
        "languages"
    ]


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES, categories=CATEGORIES, **INDEXED)
    assert built.ok, built.log
    return built


def test_posts_people_and_works_are_indexed_by_language(site):
    found = languages(site.output)
    # The standing page, lists, archives and the search pages are not indexed.
    assert found["vi"]["page_count"] == 3
    assert found["en"]["page_count"] == 1


def test_only_the_search_files_the_site_uses_are_published(site):
    bundle = site.output / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert not list(bundle.glob("pagefind-*ui*"))


def test_a_search_page_per_language_kept_out_of_the_sitemap(site):
    page = soup(site.root, "search/")
    assert page.select_one("form[role=search]")["action"] == "/search/"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup(site.root, "en/search/").html["lang"] == "en"
    header = soup(site.root, "2025/hoi-nghi/").select_one(".site-header form")
    assert (header["action"], header["method"]) == ("/search/", "get")


@pytest.mark.parametrize(("path", "lang"), [("search/", "vi"), ("en/search/", "en")])
def test_the_search_page_lists_what_its_first_search_fetches_in_one_go(
    site, path, lang
):
    search = soup(site.root, path).select_one("[data-search]")
    files = search["data-preload"].split()
    tag = search["data-cache-tag"]
    entry = site.output / "pagefind/pagefind-entry.json"
    assert tag == cache_tag(entry.read_bytes())
    assert files[0] == f"pagefind-entry.json?ts={tag}"
    bundle = site.output / "pagefind"
    assert all((bundle / name.split("?")[0]).is_file() for name in files)
    assert f"pagefind.{languages(site.output)[lang]['hash']}.pf_meta" in files
    assert any(name.startswith("wasm.") for name in files)
    assert any(name.startswith(f"index/{lang}_") for name in files)
    assert not any("fragment/" in name for name in files)


def test_what_a_result_card_shows_is_on_the_page(site):
    article = soup(site.root, "2025/hoi-nghi/").select_one(
        "article[data-pagefind-body]"
    )
    metadata = [e["data-pagefind-meta"] for e in article.select("[data-pagefind-meta]")]
    assert "category:su-kien" in metadata and "year:2025" in metadata
    assert "date, kind_key:post" in metadata  # the date shown on the page
    assert article.select_one("footer")["data-pagefind-ignore"] == ""


def test_a_rebuild_makes_the_same_index_byte_for_byte(site, build_site):
    again = build_site(FILES, categories=CATEGORIES, **INDEXED)
    bundle, other = site.output / "pagefind", again.output / "pagefind"
    files = sorted(p.relative_to(bundle) for p in bundle.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(other) for p in other.rglob("*") if p.is_file()
    )
    for name in files:
        assert (bundle / name).read_bytes() == (other / name).read_bytes(), name


@pytest.mark.parametrize("task", ["build", "preview"])
def test_invoke_build_and_preview_make_the_index(tmp_path, task):
    root = write_site(tmp_path, FILES, CATEGORIES)
    result = run_task(
        task, "--content", str(root / "content"), "--output", str(root / "output")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert languages(root / "output")["vi"]["page_count"] == 3


@pytest.mark.parametrize(
    "setting", [{"index": "yes"}, {"url": ""}, {"bundle": "a b"}, {"url": 3}]
)
def test_bad_search_settings_are_refused(setting):
    with pytest.raises(SettingsError):
        load_settings({"SEARCH": setting})
