"""Run the W3C Feed Validation Service's own code over every feed of a build.

The validator is not on PyPI or npm, so the tests check its rules one by one
(tests/feed_rules.py). Where its source is at hand, this runs the real thing:

    git clone https://github.com/w3c/feedvalidator
    python3 -m venv /tmp/fv && /tmp/fv/bin/pip install lxml html5lib rdflib
    /tmp/fv/bin/python tools/w3c_feed_validator.py --source feedvalidator/src \\
        --siteurl https://thuvien.laocai.example output/

Each feed is validated as if fetched from its public address (so the self
links must match), at the online service's level ("AA"). Prints every error
and warning; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FEED_SUFFIXES = (".rss.xml", ".atom.xml")


def main() -> None:
    """Validate the feeds under OUTPUT; exit 1 on any error or warning."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--source", type=Path, required=True, help="feedvalidator/src")
    parser.add_argument("--siteurl", required=True, help="the build's SITEURL")
    arguments = parser.parse_args()
    sys.path.insert(0, str(arguments.source.resolve()))
    import feedvalidator  # noqa: PLC0415 (found only through --source)
    from feedvalidator import compatibility  # noqa: PLC0415
    from feedvalidator.formatter.text_plain import Formatter  # noqa: PLC0415

    output, found, checked = arguments.output, 0, 0
    for path in sorted(output.rglob("*")):
        if "feeds" not in path.parts or not path.name.endswith(FEED_SUFFIXES):
            continue
        url = f"{arguments.siteurl.rstrip('/')}/{path.relative_to(output).as_posix()}"
        with path.open("rb") as stream:
            try:
                result = feedvalidator.validateStream(
                    stream, firstOccurrenceOnly=1, base=url
                )
                events = result["loggedEvents"]
            except feedvalidator.logging.ValidationFailure as failure:
                events = [failure.event]
        lines = Formatter(compatibility.AA(events))
        checked += 1
        if lines:
            found += len(lines)
            print(path.relative_to(output))
            print("\n".join(f"  {line}" for line in lines))
    print(f"{checked} feeds validated, {found} errors and warnings.")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
