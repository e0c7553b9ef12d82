"""The posts generator finds a period's and a topic's posts as Pelican does, faster."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator

from site_build.generators import SiteArticlesGenerator, _Posts

SETTINGS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_URL": "",
}


def posts() -> list[SimpleNamespace]:
    return [
        SimpleNamespace(title=f"post {n}", date=datetime(2024 + n % 2, 1 + n % 12, 1))
        for n in range(40)
    ]


def test_period_archives_hold_the_posts_pelican_finds_in_its_order():
    articles = posts()
    dates = sorted(articles, key=lambda post: post.date, reverse=True)
    generator = object.__new__(SiteArticlesGenerator)
    ours = generator._build_period_archives(dates, articles, SETTINGS)
    pelicans = ArticlesGenerator._build_period_archives(
        generator, dates, articles, SETTINGS
    )
    assert ours == pelicans
    assert [len(archive["articles"]) for archive in ours["year"]] == [20, 20]


def test_a_topics_posts_are_found_by_identity_and_stay_a_list():
    articles = posts()
    topic = _Posts(articles[:5])
    assert articles[2] in topic
    assert articles[7] not in topic
    assert SimpleNamespace(**vars(articles[2])) not in topic  # equal, not the same
    assert topic == articles[:5] and isinstance(topic, list)
