"""The feed rules the tests apply catch what Pelican's plain feeds get wrong."""

from __future__ import annotations

from tests.feed_rules import atom_problems, rss_problems

# What plain Pelican writes: a tag: guid without isPermaLink, relative links,
# no self link, no language; plus a date that is not RFC 822.
PLAIN_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Site</title><link>/</link><description>d</description>
<lastBuildDate>2025-11-06</lastBuildDate>
<item><title>A</title><link>/2025/a/</link>
<description>&lt;a href="/b/"&gt;b&lt;/a&gt;&lt;script&gt;x&lt;/script&gt;</description>
<guid>tag:example.org,2025-11-06:/2025/a/</guid>
<pubDate>Thu, 06 Nov 2025 15:30:00 +0700</pubDate></item>
</channel></rss>"""

PLAIN_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:atom="http://www.w3.org/2005/Atom"><title>Site</title>
<link href="/" rel="alternate"/><id>/</id><updated>2025-11-06</updated>
<entry><title>A</title><link href="/2025/a/" rel="alternate"/>
<id>tag:example.org,2025:/a/</id><updated>2025-11-06T15:30:00+07:00</updated>
<content type="html">&lt;img src="a.jpg"&gt;</content></entry>
<entry><title>B</title><link href="https://x.example/b/"/><id>https://x.example/b/</id>
<updated>2025-11-06T15:30:00+07:00</updated><author><name>B</name></author></entry>
</feed>"""


def test_rss_rules_catch_plain_pelicans_mistakes(tmp_path):
    path = tmp_path / "all.rss.xml"
    path.write_text(PLAIN_RSS, encoding="utf-8")
    problems = rss_problems(path, "https://x.example/feeds/all.rss.xml")
    for expected in (
        "channel: <language> is missing or empty",
        "channel: <link> '/' is not a full address",
        "channel: atom:link rel=self is not https://x.example/feeds/all.rss.xml",
        "channel: <image> is missing",
        "channel: <lastBuildDate> '2025-11-06' is not an RFC 822 date",
        "item 1: <guid isPermaLink='true'> is missing",
        "item 1: dc:creator is missing",
        "item 1 description: <a href> has a relative address '/b/'",
        "item 1 description: contains <script>",
    ):
        assert expected in problems


def test_atom_rules_catch_plain_pelicans_mistakes(tmp_path):
    path = tmp_path / "all.atom.xml"
    path.write_text(PLAIN_ATOM, encoding="utf-8")
    problems = atom_problems(path, "https://x.example/feeds/all.atom.xml")
    for expected in (
        "feed: <id> is not a full URL",
        "feed: avoid the namespace prefix atom (Atom is the default)",
        "feed: <updated> is not an RFC 3339 date",
        "feed: link rel=self is [], not [https://x.example/feeds/all.atom.xml]",
        "entry 1: no author (and the feed has none)",
        "entry 1: <id> is not a full URL",
        "entry 1: one full alternate link is needed",
        "entry 1 <content>: <img src> has a relative address 'a.jpg'",
        "feed: two entries share the same atom:updated",
    ):
        assert expected in problems
