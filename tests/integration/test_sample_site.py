"""The repository's own sample content, built with the real tasks as a writer runs them."""

from __future__ import annotations

import filecmp
import re

import pytest
from pelican.settings import read_settings

from site_gates.files import broken_links, html_errors
from tests.support import REPO, SAMPLE_BUILD_EPOCH, run_task, site_pages
from theme_support.colours import site_colours
from theme_support.first_screen import first_screen_css, style_source
from theme_support.security import load_policy

SUBPATH_SITEURL = "https://thu-vien-lao-cai.github.io/site"


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("dev") / "output"
    result = run_task("build", "--output", str(output))
    assert result.returncode == 0, result.stderr + result.stdout
    return output


@pytest.fixture(scope="module")
def subpath_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("subpath") / "output"
    result = run_task("preview", "--siteurl", SUBPATH_SITEURL, "--output", str(output))
    assert result.returncode == 0, result.stderr + result.stdout
    return output


@pytest.fixture(scope="module")
def html_checked(dev_build, subpath_build):
    """Run the Nu Html Checker once over both builds."""
    return html_errors(dev_build, subpath_build)


def test_check_passes_on_the_sample_content():
    result = run_task("check")
    assert result.returncode == 0, result.stderr
    assert "Content OK" in result.stdout


def test_every_page_is_valid_html(html_checked, dev_build):
    assert html_checked[dev_build] == []


def test_no_broken_internal_link_or_image(dev_build):
    assert broken_links(dev_build) == []


def test_no_broken_link_under_a_sub_path(subpath_build):
    assert broken_links(subpath_build, SUBPATH_SITEURL) == []


def test_sub_path_pages_are_valid_html(html_checked, subpath_build):
    assert html_checked[subpath_build] == []


def test_sub_path_build_has_no_root_relative_link(subpath_build):
    for page in subpath_build.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'src="/' not in text, page


def test_rebuild_at_a_fixed_time_is_byte_identical(sample_site, tmp_path):
    again = tmp_path / "output"
    result = run_task(
        "preview", "--output", str(again), source_date_epoch=SAMPLE_BUILD_EPOCH
    )
    assert result.returncode == 0, result.stderr
    assert _differences(filecmp.dircmp(sample_site, again)) == []


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = comparison.left_only + comparison.right_only + comparison.diff_files
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_clean_removes_the_output_folder(tmp_path):
    output = tmp_path / "output"
    (output / "2025").mkdir(parents=True)
    (output / "2025" / "index.html").write_text("<p>built</p>", encoding="utf-8")
    assert run_task("clean", "--output", str(output)).returncode == 0
    assert not output.exists()


def test_sub_path_sitemaps_feeds_and_calendar_use_the_full_address(subpath_build):
    calendar = "2025/hoi-nghi-ban-doc-2025/calendar.ics"
    for name in ("sitemap.xml", "robots.txt", "feeds/all.rss.xml", calendar):
        # iCalendar folds long lines: CRLF and a space.
        text = (subpath_build / name).read_bytes().decode().replace("\r\n ", "")
        addresses = re.findall(r"https://thu-vien-lao-cai\.github\.io[^\s\"<]*", text)
        assert addresses, name
        for address in addresses:
            assert address.startswith(f"{SUBPATH_SITEURL}/"), (name, address)
            path = subpath_build / address.removeprefix(f"{SUBPATH_SITEURL}/")
            assert (path / "index.html" if address.endswith("/") else path).exists()


def test_every_page_carries_the_policy_and_the_build_writes_it_as_headers(
    sample_site,
):
    settings = read_settings(str(REPO / "publishconf.py"))
    theme_css = (REPO / "theme/static/css/site.css").read_text("utf-8")
    colours = site_colours(theme_css, settings["THEME_SUPPORT"]["colours"])
    first_screen = first_screen_css(theme_css + colours.css())
    assert "--accent:#8a1c1c" in first_screen  # the library's red, after the theme's
    policy = load_policy(settings).allowing("style-src", style_source(first_screen))
    expected = f'<meta http-equiv="Content-Security-Policy" content="{policy.meta}">'
    pages = site_pages(sample_site)
    assert pages
    for page in pages:
        html = page.read_text("utf-8").replace("&#39;", "'")
        assert html.count(expected) == 1, page
        assert html.count(f"<style>{first_screen}</style>") == 1, page
    assert (sample_site / "_headers").read_text("utf-8") == policy.headers_file()
