"""Compiled templates kept between builds: Jinja's bytecode cache, made safe.

Every build (and every generator in it: Pelican gives each its own Jinja
environment) compiles the theme's templates again: a tenth of a second
before the live preview's first page. Jinja can keep the compiled code on
disk, keyed by the template's name and source; but code compiled under other
options (an extension added, autoescape changed) would be reused as well, so
the key here also holds every option the compiler reads.
"""

from __future__ import annotations

import hashlib
from typing import Any

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .settings import load_settings

_COMPILER_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _named(value: Any) -> str:
    """Return a stable name for an option (a function by its qualified name)."""
    if callable(value):
        module = getattr(value, "__module__", "")
        return f"{module}.{getattr(value, '__qualname__', '')}"
    return repr(value)


def compiler_options(environment: jinja2.Environment) -> str:
    """Return a digest of what decides the code Jinja compiles from a source."""
    parts = [jinja2.__version__, *sorted(environment.extensions)]
    parts += [_named(getattr(environment, name)) for name in _COMPILER_OPTIONS]
    parts += [_named(environment.autoescape), _named(environment.finalize)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class ThemeBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, keyed by template, source and compiler options."""

    def get_bucket(
        self,
        environment: jinja2.Environment,
        name: str,
        filename: str | None,
        source: str,
    ) -> Bucket:
        """Return the bucket of `name` compiled with this environment's options."""
        key = f"{self.get_cache_key(name, filename)}-{compiler_options(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def keep_compiled_templates(generator: Any) -> None:
    """Give the generator's environment the site's cache of compiled templates."""
    folder = load_settings(generator.settings).templates_cache
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = ThemeBytecodeCache(str(folder))
