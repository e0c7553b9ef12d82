"""A site changes a page of the theme by placing its own template in templates/."""

from __future__ import annotations

from tests.support import post, read, run_pelican, soup, write_site

FILES = {
    "posts/2025/hoi-nghi/index.md": post(
        "title: Hội nghị bạn đọc\ndate: 2025-11-06\ncategory: am-nhac"
    ),
}
OWN_404 = """{% extends "base.html" %}
{% block title %}{{ _("Page not found") }}{% endblock %}
{% block content %}<p class="own-404">{{ own_words }}</p>{% endblock %}
"""


def built_404_with(root, words: str):
    """Write the site's own 404 template saying `words`, build; return the page."""
    template = root / "templates" / "not_found.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text(OWN_404.replace("{{ own_words }}", words), "utf-8")
    built = run_pelican(root)
    assert built.returncode == 0, built.stdout + built.stderr
    return soup(root, "404.html")


def test_a_template_in_the_sites_folder_replaces_the_themes(tmp_path):
    root = write_site(tmp_path, FILES)
    page = built_404_with(root, "Trang này không có.")
    assert page.select_one(".own-404").get_text() == "Trang này không có."
    # The rest of the page is still the theme's: its header, its footer.
    assert page.select_one(".site-header") is not None
    assert "Hội nghị bạn đọc" in read(root, "2025/hoi-nghi/")

    # The site's template is one of the build's inputs: a change is built.
    page = built_404_with(root, "Xin lỗi, không có trang này.")
    assert page.select_one(".own-404").get_text() == "Xin lỗi, không có trang này."
