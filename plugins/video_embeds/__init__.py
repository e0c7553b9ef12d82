"""Video embeds: a YouTube or Facebook link becomes a player that loads on play."""

from .extension import VideoLinksExtension, VideoSpec, player_element
from .links import PLAYER_ORIGINS, Video, video_from_player, video_from_url

__all__ = [
    "PLAYER_ORIGINS",
    "Video",
    "VideoLinksExtension",
    "VideoSpec",
    "player_element",
    "video_from_player",
    "video_from_url",
]
