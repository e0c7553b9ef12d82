"""Integration tests build real sites once per module: keep each module on one worker."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items):
    """Group the tests of each module for `--dist loadgroup` (./dev test).

    A module's sites are built by module-scoped fixtures; split over two
    workers, each worker would build them again.
    """
    for item in items:
        if "integration" in item.path.parts:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
