"""Make a short MP3 sample tone for each song that has no recording yet.

The tones are labelled as samples on the song pages: they let the audio
player (and the podcast feed to come) work before real recordings exist.

    python tools/make_sample_audio.py content/works/chieu-muong-hum/am-thanh-mau.mp3
"""

from __future__ import annotations

import argparse
import hashlib
import math
import struct
from pathlib import Path

import lameenc

RATE = 22050
SECONDS = 5


def tone(seed: str) -> bytes:
    """Return 16-bit mono PCM: a soft chord whose notes come from `seed`."""
    digest = hashlib.sha256(seed.encode()).digest()
    notes = [220.0 * 2 ** ((digest[i] % 12) / 12) for i in range(3)]
    samples = []
    for n in range(RATE * SECONDS):
        t = n / RATE
        fade = min(1.0, t * 4, (SECONDS - t) * 4)
        value = sum(math.sin(2 * math.pi * f * t) for f in notes) / len(notes)
        samples.append(int(value * fade * 0.3 * 32767))
    return struct.pack(f"<{len(samples)}h", *samples)


def mp3(pcm: bytes) -> bytes:
    """Encode mono 16-bit PCM as a small MP3."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(pcm) + encoder.flush())


def main() -> None:
    """Write one sample tone per path given."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    for path in parser.parse_args().files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(mp3(tone(path.parent.name)))


if __name__ == "__main__":
    main()
