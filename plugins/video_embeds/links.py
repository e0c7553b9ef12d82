"""Video links a writer pastes, and what the player loads when the reader presses play.

Only two hosts: YouTube (played from youtube-nocookie.com, which sets no
cookie until the video plays) and Facebook (its video plugin). Nothing here
touches the network: a link is recognised by its shape alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/"
FACEBOOK_PLAYER = "https://www.facebook.com/plugins/video.php"
# What a page must allow in its frame-src for the players (the CSP).
PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://www.facebook.com")

_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
}
_YOUTUBE_EMBED_HOSTS = {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"}
_FACEBOOK_HOSTS = {
    "facebook.com",
    "www.facebook.com",
    "m.facebook.com",
    "web.facebook.com",
}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_START = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")
_FACEBOOK_VIDEO_PATH = re.compile(
    r"/(?:[^/]+/videos/(?:[^/]+/)?\d+|watch|reel/\d+|share/[rv]/[^/]+)/?"
)


@dataclass(frozen=True)
class Video:
    """A video of a host: where a reader watches it, and the player to load."""

    host: str  # "youtube" or "facebook"
    url: str  # the video's page, for the link (feeds, no JavaScript)
    player: str  # the player's address, loaded only when the reader presses play

    @property
    def host_name(self) -> str:
        """Return the host as readers know it."""
        return {"youtube": "YouTube", "facebook": "Facebook"}[self.host]


def video_from_url(text: str) -> Video | None:
    """Return the video a pasted address shows, or None if it is no video link."""
    text = text.strip()
    if not re.fullmatch(r"https?://\S+", text):
        return None
    parts = urlsplit(text)
    host = parts.netloc.lower()
    query = parse_qs(parts.query)
    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(parts.path, query, short=host == "youtu.be")
    if host == "fb.watch" and parts.path.strip("/"):
        return _facebook(text)
    if host in _FACEBOOK_HOSTS and _FACEBOOK_VIDEO_PATH.fullmatch(parts.path):
        if parts.path.rstrip("/") == "/watch" and not query.get("v"):
            return None
        return _facebook(text)
    return None


def video_from_player(src: str) -> Video | None:
    """Return the video of an embed code's <iframe src>, or None."""
    parts = urlsplit(src.strip())
    host = parts.netloc.lower()
    if host in _YOUTUBE_EMBED_HOSTS and parts.path.startswith("/embed/"):
        identifier = parts.path.removeprefix("/embed/").strip("/")
        if _YOUTUBE_ID.fullmatch(identifier):
            return _youtube_video(identifier, _start(parse_qs(parts.query)))
    if host in _FACEBOOK_HOSTS and parts.path.startswith("/plugins/video.php"):
        href = parse_qs(parts.query).get("href", [""])[0]
        return video_from_url(unquote(href)) if href else None
    return None


def _youtube(path: str, query: dict[str, list[str]], *, short: bool) -> Video | None:
    if short:
        identifier = path.strip("/")
    elif path.rstrip("/") == "/watch":
        identifier = query.get("v", [""])[0]
    else:
        match = re.fullmatch(r"/(?:shorts|live|embed)/([^/]+)/?", path)
        identifier = match.group(1) if match else ""
    if not _YOUTUBE_ID.fullmatch(identifier):
        return None
    return _youtube_video(identifier, _start(query))


def _start(query: dict[str, list[str]]) -> int:
    """Return the second a link starts at (t=90, t=1m30s, start=90), or 0."""
    value = (query.get("t") or query.get("start") or [""])[0]
    match = _START.fullmatch(value)
    if not value or not match:
        return 0
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube_video(identifier: str, start: int) -> Video:
    url = f"https://www.youtube.com/watch?v={identifier}"
    player = f"{YOUTUBE_PLAYER}{identifier}?autoplay=1"
    if start:
        url += f"&t={start}s"
        player += f"&start={start}"
    return Video("youtube", url, player)


def _facebook(url: str) -> Video:
    href = quote(url, safe="")
    player = f"{FACEBOOK_PLAYER}?href={href}&show_text=false&autoplay=true"
    return Video("facebook", url, player)
