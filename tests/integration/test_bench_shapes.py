"""The benchmark's corpus shapes: long reports and many topics, in both builds alike."""

from __future__ import annotations

import pytest

from tests.support import read, run_in, run_pelican, run_task, soup
from tools.corpus import SHAPES, Corpus, corpus_of, write_ours, write_plain

POSTS = 20


@pytest.fixture(scope="module", params=["long", "tagged"])
def shaped(request, tmp_path_factory):
    """Write a corpus of one shape both ways, build both; return it and the folders."""
    corpus = corpus_of(POSTS, request.param)
    root = tmp_path_factory.mktemp(f"corpus-{request.param}")
    ours, plain = write_ours(root / "ours", corpus), write_plain(root / "plain", corpus)
    result = run_pelican(ours)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_in(plain, "pelican", "content", "-s", "settings.py", "-o", "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return corpus, ours, plain


def test_a_shape_passes_the_content_check(shaped):
    _, ours, _ = shaped
    result = run_task("check", "--content", str(ours / "content"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 warnings" in result.stdout


def test_both_builds_show_what_the_shape_is_made_of(shaped):
    corpus, ours, plain = shaped
    post = corpus.post(3)
    url = f"{post.year}/{post.slug}/"
    for site in (ours, plain):
        assert post.title in read(site, url)
        page = soup(site, url)
        if corpus.shape == "long":
            assert len(page.select("h2")) >= 5
            assert page.select("table td") and page.select("ol li")
            assert page.select("ul li")
        else:
            tags = [a.get_text() for a in page.select('a[href*="tag"]')]
            assert len(set(post.tags) & set(tags)) >= 6


def test_the_shapes_differ_where_they_should():
    text, long, tagged = (Corpus(POSTS, shape=s).post(5) for s in SHAPES)
    assert len(long.paragraphs) > 3 * len(text.paragraphs)
    assert len(tagged.tags) >= 8 and len(tagged.authors) >= 2
    assert len(text.tags) <= 3 and len(text.authors) == 1
    with pytest.raises(ValueError, match="shape"):
        Corpus(POSTS, shape="wide")
