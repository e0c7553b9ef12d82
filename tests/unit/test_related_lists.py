"""Related lists: ranking by shared tags, language, exclusion, ties by slug."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from related_lists.related import add_related_lists, load_settings
from site_base.settings import SettingsError


def slugged(*names):
    return [SimpleNamespace(slug=name) for name in names]


def post(
    slug, day, *, tags=(), category="su-kien", authors=("ban-bien-tap",), lang="vi"
):
    return SimpleNamespace(
        slug=slug,
        lang=lang,
        date=datetime(2025, 11, day, tzinfo=UTC),
        tags=slugged(*tags),
        category=SimpleNamespace(slug=category),
        authors=slugged(*authors),
    )


@pytest.fixture
def posts():
    """The article under test is `a`; the others are built to test each rule."""
    return {
        "a": post("a", 10, tags=("x", "y", "z"), category="su-kien", authors=("an",)),
        "b3": post(
            "b3", 1, tags=("x", "y", "z"), category="am-nhac", authors=("binh",)
        ),
        "c2-new": post(
            "c2-new", 9, tags=("x", "y"), category="am-nhac", authors=("an",)
        ),
        "c2-old": post(
            "c2-old", 2, tags=("y", "z"), category="su-kien", authors=("chi",)
        ),
        "d1-tie-b": post("d1-tie-b", 5, tags=("x",), category="su-kien"),
        "d1-tie-a": post("d1-tie-a", 5, tags=("z",), category="su-kien"),
        "e0": post("e0", 8, tags=("khac",), category="su-kien", authors=("an", "chi")),
        "f-en": post(
            "f-en",
            9,
            tags=("x", "y", "z"),
            category="su-kien",
            authors=("an",),
            lang="en",
        ),
        "g1": post("g1", 3, tags=("y",), category="van-hoa-doc"),
    }


def run(posts, limit=5):
    articles = [p for p in posts.values() if p.lang == "vi"]
    translations = [p for p in posts.values() if p.lang != "vi"]
    generator = SimpleNamespace(
        settings={"RELATED_LISTS": {"limit": limit}},
        articles=articles,
        translations=translations,
        drafts=[],
        drafts_translations=[],
    )
    add_related_lists(generator)


def slugs(items):
    return [item.slug for item in items]


def test_topic_ranks_most_shared_tags_first_then_newest_then_slug(posts):
    run(posts)
    assert slugs(posts["a"].related_by_topic) == [
        "b3",
        "c2-new",
        "c2-old",
        "d1-tie-a",
        "d1-tie-b",
    ]


def test_topic_list_is_cut_at_the_limit(posts):
    run(posts, limit=2)
    assert slugs(posts["a"].related_by_topic) == ["b3", "c2-new"]


def test_category_list_is_newest_first_ties_by_slug(posts):
    run(posts)
    # e0 has no topic in common with anyone: its category list is whole.
    assert slugs(posts["e0"].related_by_category) == [
        "a",
        "d1-tie-a",
        "d1-tie-b",
        "c2-old",
    ]


def test_author_list_shares_any_author(posts):
    posts["k"] = post("k", 1, tags=("rieng",), category="rieng", authors=("an", "chi"))
    run(posts)
    assert slugs(posts["k"].related_by_author) == ["a", "c2-new", "e0", "c2-old"]


def test_lists_never_hold_the_article_itself(posts):
    run(posts)
    for name in ("related_by_topic", "related_by_category", "related_by_author"):
        assert posts["a"] not in getattr(posts["a"], name)


def test_other_languages_are_left_out(posts):
    run(posts)
    everything = (
        posts["a"].related_by_topic
        + posts["a"].related_by_category
        + posts["a"].related_by_author
    )
    assert posts["f-en"] not in everything


def test_a_translation_gets_lists_in_its_language(posts):
    posts["h-en"] = post("h-en", 1, tags=("x",), lang="en")
    run(posts)
    assert slugs(posts["f-en"].related_by_topic) == ["h-en"]


def test_a_post_appears_in_the_first_list_it_belongs_to_only(posts):
    """Topic first, then category, then author: never the same link twice."""
    run(posts)
    assert "c2-new" in slugs(posts["a"].related_by_topic)
    assert slugs(posts["a"].related_by_category) == ["e0"]  # d1s, c2-old: topic
    assert slugs(posts["a"].related_by_author) == []  # c2-new, e0: shown above


@pytest.mark.parametrize("setting", [{"limit": 0}, {"limit": "5"}, {"size": 5}])
def test_bad_settings_are_refused(setting):
    with pytest.raises(SettingsError):
        load_settings({"RELATED_LISTS": setting})
