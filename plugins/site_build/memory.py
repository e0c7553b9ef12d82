"""Python's cycle collector, told what a build keeps to its end.

A build holds what it reads until it ends: every post's checked document,
Pelican's objects for it, every page's context kept for the end. Python's
collector walks all it holds each time enough new objects have appeared
(1.6 to 3 s of an edit build of 10,000 posts, in walks of up to half a
second). So during a build:
- what each step made is set aside (`gc.freeze`): the collector walks only
  what came since, and the processes forked to write pages do not copy the
  build's memory by walking it;
- the youngest objects are looked at every 10,000 new ones, not every 700
  (a build makes millions, few of them in cycles).

What was set aside is handed back when the next build in the same process
starts (the live preview's), not at the end: a build that ends its process
would walk it all once more for nothing.
"""

from __future__ import annotations

import gc

# New objects between two looks at the youngest (Python's default: 700).
YOUNGEST = 10_000


def start_build() -> tuple[int, ...]:
    """Set aside what is here (the last build's is handed back first).

    Return the collector's thresholds, for `end_build`.
    """
    gc.unfreeze()
    gc.freeze()  # the modules, the settings: kept for the whole build
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNGEST, *thresholds[1:])
    return thresholds


def set_aside(*_args: object, **_kwargs: object) -> None:
    """Leave what the build made so far out of the collector's walks (a receiver)."""
    gc.freeze()


def end_build(thresholds: tuple[int, ...]) -> None:
    """Put back the collector's thresholds (what was set aside stays so)."""
    gc.set_threshold(*thresholds)
