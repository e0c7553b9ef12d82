"""Debian's Chromium for tests and benchmarks: where it is and how to start it here."""

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking family Chromium keeps calling hosts it cannot
# reach on these machines (offline build machines and CI runners).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
