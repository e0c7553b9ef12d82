"""The gates' pytest plugin: options, and the fixtures of fixtures.py registered last.

`invoke gates` runs the gates with this plugin on any build (--gates-output,
--gates-siteurl); the generator's own tests load it too (their root
conftest.py) and check the sample site unless told another (the
`gates_default_build` fixture they define). The fixtures (fixtures.py)
replace pytest-playwright's way to start the browser: they are registered
once every plugin is loaded (`pytest_configure`), so that theirs win
whatever the order plugins were loaded in.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser):
    """`invoke gates` points the gates at a build (and its SITEURL)."""
    group = parser.getgroup("gates", "gates on a production build")
    group.addoption("--gates-output", help="the output/ folder to check")
    group.addoption("--gates-siteurl", help="the SITEURL it was built for")


def pytest_configure(config: pytest.Config) -> None:
    """Register the gates' marks and fixtures (after pytest-playwright's)."""
    config.addinivalue_line(
        "markers", "gates: checks of a build before it is published"
    )
    config.addinivalue_line("markers", "browser: drives Chromium")
    from . import fixtures  # noqa: PLC0415 (registered last, see the docstring)

    if not config.pluginmanager.is_registered(fixtures):
        config.pluginmanager.register(fixtures, "site_gates.fixtures")
