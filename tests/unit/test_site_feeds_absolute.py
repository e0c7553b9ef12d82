"""Feed HTML: every address absolute, everything else exactly as it was."""

from __future__ import annotations

import pytest

from site_base.settings import SettingsError
from site_feeds.absolute import absolute_html
from site_feeds.settings import load_settings

BASE = "https://thuvien.laocai.example/2025/bai/"


def test_links_images_sources_and_audio_become_absolute():
    html = (
        '<p><a href="../khac/">Khác</a> <a href="/">Trang chủ</a></p>'
        '<picture><source srcset="/media/a-480.avif 480w, /media/a-960.avif 960w">'
        '<img src="anh.jpg" alt="Ảnh &quot;đẹp&quot;"></picture>'
        '<audio src="/media/x.mp3" controls></audio>'
    )
    assert absolute_html(html, BASE) == (
        '<p><a href="https://thuvien.laocai.example/2025/khac/">Khác</a> '
        '<a href="https://thuvien.laocai.example/">Trang chủ</a></p>'
        '<picture><source srcset="https://thuvien.laocai.example/media/a-480.avif '
        '480w, https://thuvien.laocai.example/media/a-960.avif 960w">'
        '<img src="https://thuvien.laocai.example/2025/bai/anh.jpg" '
        'alt="Ảnh &quot;đẹp&quot;"></picture>'
        '<audio src="https://thuvien.laocai.example/media/x.mp3" controls></audio>'
    )


def test_text_entities_and_full_addresses_are_left_as_they_are():
    html = '<p>A &amp; B &#8220;x&#8221; <a href="https://baolaocai.vn/a?b=1&amp;c=2">x</a><br></p>'
    assert absolute_html(html, BASE) == html


def test_pelicans_own_feeds_must_stay_off():
    settings = {
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "LANGUAGES": ["vi"],
        "DEFAULT_LANG": "vi",
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "THEME": "theme",
        "BUILD_TIME": 0,
    }
    with pytest.raises(SettingsError, match="set FEED_ALL_ATOM to None"):
        load_settings(settings)
    with pytest.raises(SettingsError, match="FEEDS\\['limit'\\] must be a whole"):
        load_settings({**settings, "FEED_ALL_ATOM": None, "FEEDS": {"limit": 0}})
