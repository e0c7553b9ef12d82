"""Check that a tag may be released as the generator's version; print its notes.

A version is named in four places that must agree: the tag (v1.2.0),
pyproject.toml's version, copier.yml's generator_version (what a new or
updated site installs) and a "## 1.2.0 (date)" section of CHANGELOG.md,
which becomes the release's notes. The release workflow runs
`python -m tools.release v1.2.0 --notes notes.md` before it builds the
wheel; run it yourself before tagging.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]


def versions(root: Path = REPO) -> dict[str, str]:
    """Return the version each file names: pyproject.toml's and copier.yml's."""
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    template = YAML(typ="safe").load((root / "copier.yml").read_text("utf-8"))
    return {
        "pyproject.toml": project["project"]["version"],
        "copier.yml": str(template["generator_version"]["default"]),
    }


def changelog_notes(version: str, root: Path = REPO) -> str | None:
    """Return the CHANGELOG.md section of `version` (None: it has none)."""
    text = (root / "CHANGELOG.md").read_text("utf-8")
    heading = re.search(
        rf"^## {re.escape(version)} \(\d{{4}}-\d\d-\d\d\)\n", text, re.M
    )
    if heading is None:
        return None
    following = re.search(r"^## ", text[heading.end() :], re.M)
    end = heading.end() + following.start() if following else len(text)
    return text[heading.end() : end].strip() + "\n"


def release_problems(tag: str, root: Path = REPO) -> list[str]:
    """Return what keeps `tag` from being released (nothing: it may be)."""
    match = re.fullmatch(r"v(\d+\.\d+\.\d+)", tag)
    if match is None:
        return [f"the tag {tag!r} is not a version like v1.2.0"]
    version = match[1]
    problems = [
        f"{name} says {named}, the tag {tag}"
        for name, named in versions(root).items()
        if named != version
    ]
    if changelog_notes(version, root) is None:
        problems.append(f"CHANGELOG.md has no section '## {version} (YYYY-MM-DD)'")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check the tag; write its notes; return 1 with the problems if any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag", help="the tag to release, e.g. v1.2.0")
    parser.add_argument("--notes", type=Path, help="write the release notes here")
    arguments = parser.parse_args(argv)
    problems = release_problems(arguments.tag)
    for problem in problems:
        print(f"cannot release: {problem}", file=sys.stderr)
    if problems:
        return 1
    if arguments.notes:
        notes = changelog_notes(arguments.tag.removeprefix("v"))
        arguments.notes.write_text(notes or "", encoding="utf-8")
    print(f"{arguments.tag} may be released")
    return 0


if __name__ == "__main__":
    sys.exit(main())
