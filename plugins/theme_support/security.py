"""The Content-Security-Policy: exactly what the site's pages use, nothing more.

Every page carries it in a <meta http-equiv> (GitHub Pages cannot send
headers); hosts that can send headers get the same policy, plus what only a
header can say, from `_headers` (Cloudflare Pages) or the snippets of
docs/security-headers.md (nginx, Apache). `/admin/`, the editor, is left
out: it gets its own policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError, merged_settings
from video_embeds import PLAYER_ORIGINS

SETTING = "SECURITY"

DEFAULTS: dict[str, Any] = {
    # Directive -> sources; a site adds its own in SECURITY["policy"].
    "policy": {
        "default-src": ["'self'"],
        # Pagefind's worker compiles WebAssembly; under the header policy (which
        # a worker's script gets too) that needs 'wasm-unsafe-eval'.
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # The video players, loaded only when a reader presses play.
        "frame-src": list(PLAYER_ORIGINS),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
    # Only a header can say these (a <meta> policy ignores them).
    "header_only": {"frame-ancestors": ["'self'"]},
    "headers": {
        "X-Content-Type-Options": "nosniff",
        # YouTube's player needs the page's origin; nothing more is sent.
        "Referrer-Policy": "strict-origin-when-cross-origin",
    },
    # Folders with a policy of their own (the editor's).
    "excluded": ["/admin/"],
}


@dataclass(frozen=True)
class SecurityPolicy:
    """The page policy, the header policy and the other headers, checked."""

    directives: dict[str, tuple[str, ...]]
    header_only: dict[str, tuple[str, ...]]
    headers: dict[str, str]
    excluded: tuple[str, ...]

    @property
    def meta(self) -> str:
        """Return the policy of the <meta http-equiv> of every page."""
        return policy_text(self.directives)

    @property
    def header(self) -> str:
        """Return the same policy as a header, with what only headers can say."""
        return policy_text({**self.directives, **self.header_only})

    def allowing(self, directive: str, source: str) -> SecurityPolicy:
        """Return this policy with `source` added to `directive` (once)."""
        sources = self.directives.get(directive, ())
        if source in sources:
            return self
        directives = {**self.directives, directive: (*sources, source)}
        return SecurityPolicy(directives, self.header_only, self.headers, self.excluded)

    def headers_file(self) -> str:
        """Return `_headers` (Cloudflare Pages) for every page but the excluded."""
        lines = ["/*", f"  Content-Security-Policy: {self.header}"]
        lines += [f"  {name}: {value}" for name, value in self.headers.items()]
        for folder in self.excluded:
            # Cloudflare's "detach": the folder's own policy replaces this one.
            lines += ["", f"{folder}*", "  ! Content-Security-Policy"]
        return "\n".join(lines) + "\n"


def policy_text(directives: dict[str, Sequence[str]]) -> str:
    """Return directives as a policy: "default-src 'self'; img-src 'self' data:"."""
    return "; ".join(
        f"{name} {' '.join(sources)}" for name, sources in directives.items()
    )


def load_policy(settings: dict[str, Any]) -> SecurityPolicy:
    """Return the site's policy: SECURITY in pelicanconf.py over the defaults."""
    merged = merged_settings(settings, SETTING, DEFAULTS)
    policy = {**DEFAULTS["policy"], **merged["policy"]}
    for name, sources in {**policy, **merged["header_only"]}.items():
        if not (
            isinstance(sources, list | tuple)
            and sources
            and all(isinstance(s, str) and s and ";" not in s for s in sources)
        ):
            raise SettingsError(f"{SETTING}[{name!r}] must be a list of sources")
    if not all(f.startswith("/") and f.endswith("/") for f in merged["excluded"]):
        raise SettingsError(f"{SETTING}['excluded'] holds folders like /admin/")
    return SecurityPolicy(
        directives={name: tuple(sources) for name, sources in policy.items()},
        header_only={k: tuple(v) for k, v in merged["header_only"].items()},
        headers=dict(merged["headers"]),
        excluded=tuple(merged["excluded"]),
    )
