"""A song's recording is published as it is: check that it really is that kind of audio.

A photo is decoded and encoded again, so a renamed file cannot slip through;
a recording is copied byte for byte. mutagen reads it as the format its
extension names (an MP3 file as MPEG audio, .m4a as MP4, .ogg as Ogg) and
must find sound in it: a text file, a document or a video renamed `.mp3` is
refused before it is published.
"""

from __future__ import annotations

from pathlib import Path

from mutagen import MutagenError
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from site_base.messages import Message, say

# The formats browsers play, by extension, and mutagen's readers for each.
AUDIO_FORMATS = {
    ".mp3": ("MP3", (MP3,)),
    ".m4a": ("M4A (AAC)", (MP4,)),
    ".ogg": ("Ogg", (OggVorbis, OggOpus, OggFLAC)),
}
AUDIO_SUFFIXES = tuple(AUDIO_FORMATS)


def audio_problem(path: Path) -> Message | None:
    """Return why `path` is not a playable recording of its extension's format."""
    name, readers = AUDIO_FORMATS[path.suffix.lower()]
    for reader in readers:
        try:
            length = reader(path).info.length
        except (MutagenError, OSError, ValueError, IndexError, EOFError):
            continue
        if length and length > 0:
            return None
    return say(
        "'{file}' is not {format} audio (it may be another kind of file "
        "renamed, or damaged): export the recording again as {format} from "
        "your audio program",
        file=path.name,
        format=name,
    )
