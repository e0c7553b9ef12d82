"""The benchmarks' generated corpus: the same posts in our model and for plain Pelican."""

from __future__ import annotations

import pytest

from tests.support import read, run_in, run_pelican, run_task
from tools.corpus import Corpus, our_post_text, write_ours, write_plain

CORPUS = Corpus(40, photos=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Write the corpus both ways and build both; return the two site folders."""
    root = tmp_path_factory.mktemp("corpus")
    ours, plain = write_ours(root / "ours", CORPUS), write_plain(root / "plain", CORPUS)
    result = run_pelican(ours)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_in(plain, "pelican", "content", "-s", "settings.py", "-o", "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return ours, plain


def test_the_corpus_is_the_same_at_every_run():
    again = Corpus(40, photos=True)
    assert [our_post_text(CORPUS.post(n)) for n in range(40)] == [
        our_post_text(again.post(n)) for n in range(40)
    ]


def test_the_corpus_passes_the_content_check(built):
    ours, _ = built
    result = run_task("check", "--content", str(ours / "content"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 warnings" in result.stdout


def test_the_corpus_carries_what_a_news_site_has():
    posts = [CORPUS.post(n) for n in range(CORPUS.posts)]
    assert any(p.photos and p.caption for p in posts)
    assert any(p.title_en for p in posts)
    assert any(p.event_venue for p in posts)
    assert any(p.people for p in posts) and any(p.works for p in posts)
    assert len({p.category for p in posts}) > 3


def test_both_builds_publish_every_post_with_its_title(built):
    ours, plain = built
    for number in range(CORPUS.posts):
        post = CORPUS.post(number)
        url = f"{post.year}/{post.slug}/"
        assert post.title in read(ours, url)
        assert post.title in read(plain, url)
        if post.title_en:
            assert post.title_en in read(ours, "en/" + url)
            assert post.title_en in read(plain, "en/" + url)
