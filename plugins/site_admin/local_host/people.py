"""Who saves with `invoke edit`: the person git knows on this computer."""

from __future__ import annotations

import getpass
import subprocess
from pathlib import Path

from .state import Person


def person_of_repository(folder: Path) -> Person | None:
    """Return who commits in `folder`, or None if it is not a git repository.

    Git's own user.name and user.email when set (the writer's name in the
    site's history), else this computer's user name.
    """

    def config(key: str) -> str:
        found = subprocess.run(
            ["git", "-C", str(folder), "config", key],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        return found.stdout.strip()

    inside = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.stdout.strip() != "true":
        return None
    user = getpass.getuser()
    name = config("user.name") or user
    email = config("user.email") or f"{user}@localhost"
    return Person(login=user, name=name, email=email)
