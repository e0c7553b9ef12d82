"""Schema.org data of each page type as JSON-LD (what search engines read).

Templates call `STRUCTURED_DATA.article(article)` and the like, then print
the result with the `json_ld` filter, which escapes it for a <script> block.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from content_model.model import Library
from site_build.facts import site_facts
from site_i18n.paths import language_prefix

from .settings import PageMetadataSettings
from .share import ShareImage, SharePreviews

CONTEXT = "https://schema.org"
DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
WORK_TYPES = {"song": "MusicComposition", "book": "Book", "poem": "CreativeWork"}
# Characters that could end or confuse a <script> block, written as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: Any) -> Markup:
    """Return `data` as JSON safe to print inside <script type=application/ld+json>."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    return Markup(text.translate(_SCRIPT_SAFE))  # noqa: S704 (escaped above)


class StructuredData:
    """Build the JSON-LD of articles, people, works and the library."""

    def __init__(
        self,
        settings: dict[str, Any],
        cfg: PageMetadataSettings,
        library: Library,
        share: SharePreviews,
    ) -> None:
        facts = site_facts(settings)
        self.siteurl = facts.siteurl
        self.default_lang = facts.default_lang
        self.cfg = cfg
        self.library = library
        self.share = share

    def url(self, path: str) -> str:
        """Return the address of a site path."""
        return f"{self.siteurl}/{path}"

    def home(self, lang: str) -> str:
        """Return the home page's address in `lang`."""
        return self.url(language_prefix(lang, self.default_lang))

    def article(self, article: Any) -> list[dict[str, Any]]:
        """Return NewsArticle, BreadcrumbList and (for an event) Event."""
        lang = article.lang
        url = self.url(article.url)
        news: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "NewsArticle",
            "headline": article.title,
            "url": url,
            "mainEntityOfPage": getattr(article, "canonical", None) or url,
            "datePublished": article.date.isoformat(),
            "dateModified": (
                getattr(article, "modified", None) or article.date
            ).isoformat(),
            "inLanguage": lang,
            "author": [
                {"@type": "Person", "name": a.name, "url": self.url(a.url)}
                for a in getattr(article, "authors", [])
            ]
            or [self.organization(lang)],
            "publisher": self.organization(lang),
        }
        summary = Markup(getattr(article, "summary", "") or "").striptags()
        if summary:
            news["description"] = summary
        images = self.share.article_images(article)
        if images:
            news["image"] = [image_object(image) for image in images]
        source = getattr(article, "source", None)
        if source:
            news["isBasedOn"] = {"@type": "CreativeWork", "name": source["name"]}
            if source.get("url"):
                news["isBasedOn"]["url"] = source["url"]
        found = [news, self.breadcrumbs(article)]
        event = getattr(article, "event", None)
        if event:
            found.append(self.event(article, event))
        return found

    def breadcrumbs(self, article: Any) -> dict[str, Any]:
        """Return Home > Category > Article."""
        lang = article.lang
        trail = [(self.library.name(lang), self.home(lang))]
        category = getattr(article, "category", None)
        if category:
            trail.append((category.name, self.url(category.url)))
        trail.append((article.title, self.url(article.url)))
        return {
            "@context": CONTEXT,
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": url}
                for position, (name, url) in enumerate(trail, start=1)
            ],
        }

    def event(self, article: Any, event: dict[str, Any]) -> dict[str, Any]:
        """Return the Event a post announces or reports."""
        lang = article.lang
        venue = event.get("venue")
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Event",
            "name": article.title,
            "url": self.url(article.url),
            "startDate": event["start"].isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": venue or self.library.name(lang),
                "address": venue or self.postal_address(),
            },
            "organizer": self.organization(lang),
            "inLanguage": lang,
        }
        if event.get("end"):
            data["endDate"] = event["end"].isoformat()
        images = self.share.article_images(article)
        if images:
            data["image"] = [image.url for image in images]
        return data

    def person(self, entry: Any) -> dict[str, Any]:
        """Return a Person: name, page, portrait, summary, links."""
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Person",
            "name": entry.title,
            "url": self.url(entry.url),
        }
        self._describe(entry, data)
        if entry.metadata.get("born"):
            data["birthDate"] = str(entry.metadata["born"])
        if entry.metadata.get("links"):
            data["sameAs"] = list(entry.metadata["links"])
        return data

    def work(self, entry: Any) -> dict[str, Any]:
        """Return a MusicComposition, a Book or a CreativeWork (a poem)."""
        kind = entry.metadata.get("kind")
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": WORK_TYPES.get(kind, "CreativeWork"),
            "name": entry.title,
            "url": self.url(entry.url),
            "inLanguage": entry.lang,
        }
        self._describe(entry, data)
        creators = [
            {"@type": "Person", "name": c.title, "url": self.url(c.url)}
            for c in entry.creators
        ]
        if creators:
            data["composer" if kind == "song" else "author"] = creators
        if kind == "poem":
            data["genre"] = "poetry"
        if entry.metadata.get("year"):
            data["datePublished"] = str(entry.metadata["year"])
        if entry.metadata.get("publisher"):
            data["publisher"] = {
                "@type": "Organization",
                "name": entry.metadata["publisher"],
            }
        if entry.metadata.get("isbn"):
            data["isbn"] = entry.metadata["isbn"]
        return data

    def _describe(self, entry: Any, data: dict[str, Any]) -> None:
        summary = Markup(entry.metadata.get("summary") or "").striptags()
        if summary:
            data["description"] = summary
        if entry.metadata.get("cover") is not None:
            data["image"] = self.share.image(entry, entry.lang).url

    def library_data(self, lang: str) -> dict[str, Any]:
        """Return the Library: address, opening hours, position, phone, e-mail."""
        library = self.library
        return {
            "@context": CONTEXT,
            "@type": "Library",
            "name": library.name(lang),
            "url": self.home(lang),
            "logo": image_object(self.share.logo(lang)),
            "image": self.share.logo(lang).url,
            "telephone": library.phone,
            "email": library.email,
            "address": self.postal_address(),
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": library.latitude,
                "longitude": library.longitude,
            },
            "openingHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [DAY_NAMES[day] for day in hours.days],
                    "opens": hours.opens,
                    "closes": hours.closes,
                }
                for hours in library.opening_hours
            ],
        }

    def organization(self, lang: str) -> dict[str, Any]:
        """Return the library as the publisher of the site's articles."""
        return {
            "@type": "Organization",
            "name": self.library.name(lang),
            "url": self.home(lang),
            "logo": image_object(self.share.logo(lang)),
        }

    def postal_address(self) -> dict[str, Any]:
        """Return the library's address as schema.org writes one."""
        address = self.library.address
        data = {
            "@type": "PostalAddress",
            "streetAddress": address["street"],
            "addressLocality": address["locality"],
            "addressRegion": address["region"],
            "addressCountry": address["country"],
        }
        if address.get("postal_code"):
            data["postalCode"] = address["postal_code"]
        return data

    def is_about_page(self, page: Any) -> bool:
        """Return whether `page` (in any language) is the page about the library."""
        original = getattr(page, "slug", "")
        slugs = {original, *(getattr(t, "slug", "") for t in page.translations)}
        return self.cfg.about_page in slugs


def image_object(image: ShareImage) -> dict[str, Any]:
    """Return a schema.org ImageObject of a published picture."""
    return {
        "@type": "ImageObject",
        "url": image.url,
        "width": image.width,
        "height": image.height,
    }
