"""Put the comment server's address in the context and its origin in the policy."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from .settings import comments_server, server_origin


class CommentsGenerator(Generator):
    """Context only: templates read COMMENTS_SERVER ("" while comments are off)."""

    def generate_context(self) -> None:
        """Check COMMENTS; let pages reach the server (connect-src) and nothing more."""
        server = comments_server(self.settings)
        self.context["COMMENTS_SERVER"] = server
        if server:
            policy = self.context["SECURITY_POLICY"]
            self.context["SECURITY_POLICY"] = policy.allowing(
                "connect-src", server_origin(server)
            )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the comments generator."""
    return CommentsGenerator
