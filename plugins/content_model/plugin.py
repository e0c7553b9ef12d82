"""Connect the content model to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from site_build.bundle_cache import BundleCache, bundle_cache

from .checker import CHECK_CACHE, SiteCheck, check_or_stop
from .publication import hold_back, scheduled_dates
from .reader import install_reader, switch_off_other_readers
from .urls import keep_addresses


def check_content(generator: Any) -> None:
    """Check all content once per build; give the generator the checked reader.

    Pelican creates every generator (sending generator_init for each) before it
    cleans output/ and before any file is read: the first one checks the whole
    tree, so a build with a content error stops here and leaves what was
    already built untouched. The check goes into the context for the other
    generators and plugins.
    """
    check = generator.context.get("CONTENT_CHECK")
    if check is None:
        check = check_or_stop(generator.settings, check_cache(generator.settings))
        generator.context["CONTENT_CHECK"] = check
        # When "now" alone changes the site (site_build.record): a scheduled
        # post is out.
        generator.context["NEXT_CHANGE_AT"] = scheduled_dates(check)
        # Said again when the next build is skipped (nothing changed).
        generator.context["BUILD_WARNINGS"] = warning_lines(check)
    install_reader(generator.readers, check)


def check_cache(settings: dict[str, Any]) -> BundleCache:
    """Return the cache of each bundle's check for the site of `settings`."""
    return bundle_cache(settings, *CHECK_CACHE)


def warning_lines(check: SiteCheck) -> list[str]:
    """Return the check's warnings as the writers read them."""
    return [
        problem.describe(check.cfg.facts.root, check.cfg.messages_gettext)
        for problem in check.problems.warnings
    ]


def register() -> None:
    """Connect the receivers."""
    signals.readers_init.connect(switch_off_other_readers)
    signals.generator_init.connect(check_content)
    signals.article_generator_context.connect(hold_back)
    signals.page_generator_context.connect(hold_back)
    signals.all_generators_finalized.connect(keep_addresses)
