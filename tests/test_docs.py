"""The repository's own docs: linked from the README, every link inside the repository."""

from __future__ import annotations

import re

import pytest

from tests.support import REPO
from tools.guide_messages import cell, templates

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
# Examples of Markdown (in code) are not links of the doc.
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_every_relative_link_reaches_a_file_of_the_repository(doc):
    text = CODE.sub("", doc.read_text("utf-8"))
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        path = (doc.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(REPO), f"{doc.name} links outside: {target}"
        assert path.exists(), f"{doc.name} links a missing file: {target}"


def test_the_writers_guide_lists_every_message_of_the_content_check():
    guide = (REPO / "docs" / "huong-dan-bien-tap.md").read_text("utf-8")
    assert len(templates()) > 80
    for template in templates():
        assert cell(template) in guide, (
            f"not in the guide (run ./dev i18n-update): {template}"
        )


def test_the_readme_links_the_writers_guide_and_the_content_model():
    readme = (REPO / "README.md").read_text("utf-8")
    assert "](docs/huong-dan-bien-tap.md)" in readme
    assert "](docs/content-model.md)" in readme
    assert "shared/" not in readme
