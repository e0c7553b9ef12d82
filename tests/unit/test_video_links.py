"""Which pasted addresses are videos, and what their players load."""

from __future__ import annotations

import pytest

from video_embeds import video_from_player, video_from_url

WATCH = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("pasted", "url", "player"),
    [
        (WATCH, WATCH, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", WATCH, None),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", WATCH, None),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", WATCH, None),
        ("https://www.youtube.com/live/dQw4w9WgXcQ", WATCH, None),
        (
            "https://youtu.be/dQw4w9WgXcQ?t=75",
            WATCH + "&t=75s",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=75",
        ),
    ],
)
def test_youtube_links_play_from_the_no_cookie_host(pasted, url, player):
    video = video_from_url(pasted)
    assert (video.host, video.url) == ("youtube", url)
    assert video.player.startswith("https://www.youtube-nocookie.com/embed/")
    if player:
        assert video.player == player


@pytest.mark.parametrize(
    "pasted",
    [
        "https://www.facebook.com/baolaocai/videos/1234567890/",
        "https://www.facebook.com/watch/?v=1234567890",
        "https://fb.watch/abcDEF12/",
        "https://www.facebook.com/reel/1234567890",
    ],
)
def test_facebook_video_links_play_in_facebooks_video_plugin(pasted):
    video = video_from_url(pasted)
    assert (video.host, video.url) == ("facebook", pasted)
    assert video.player.startswith("https://www.facebook.com/plugins/video.php?href=")


@pytest.mark.parametrize(
    "pasted",
    [
        "https://www.youtube.com/channel/UCabc",
        "https://www.youtube.com/watch?v=short",
        "https://www.facebook.com/baolaocai",
        "https://www.facebook.com/watch/",
        "https://vimeo.com/12345",
        "xem https://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_other_addresses_are_not_videos(pasted):
    assert video_from_url(pasted) is None


def test_an_embed_codes_iframe_gives_back_its_video():
    assert video_from_player(
        "https://www.youtube.com/embed/dQw4w9WgXcQ?si=x"
    ) == video_from_url(WATCH)
    facebook = video_from_player(
        "https://www.facebook.com/plugins/video.php?height=314&href="
        "https%3A%2F%2Fwww.facebook.com%2Fbaolaocai%2Fvideos%2F123%2F&show_text=false"
    )
    assert facebook.url == "https://www.facebook.com/baolaocai/videos/123/"
    assert video_from_player("https://maps.example.com/embed") is None
