"""The build at its public address, for Chromium: 127.0.0.1 under the site's own name.

Chromium is told that the site's host is this server (--host-resolver-rules)
and to trust this server's key alone (--ignore-certificate-errors-spki-list),
so a page and everything it asks for load straight from the files to
publish, at the addresses they name (absolute ones included), with the
headers of the build's `_headers`, as from the host. Answering each request
in a Playwright route handler instead passed every file through Python: a
page of photos loaded six to eight times slower.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import ssl
import sys
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from site_base.loopback import LOOPBACK, serve_in_thread
from site_preview.static_server import HostLikeHandler


class PublicAddress:
    """A server bound now on 127.0.0.1 for `site_url`; `serve(build)` starts it.

    Bound before the build exists, so Chromium can be started with its
    address while the sample site is still being built.
    """

    def __init__(self, site_url: str, folder: Path) -> None:
        parts = urlsplit(site_url)
        if not parts.hostname:
            raise ValueError(f"not an address: {site_url!r}")
        self.host = parts.netloc  # the Host header a browser sends for it
        self.prefix = parts.path.rstrip("/")
        self.server = _Server((LOOPBACK, 0), _PublicHandler)
        self.server.public = self  # type: ignore[attr-defined]
        port = parts.port or (443 if parts.scheme == "https" else 80)
        self.flags = [
            f"--host-resolver-rules=MAP {parts.hostname}:{port}"
            f" {LOOPBACK}:{self.server.server_port}"
        ]
        if parts.scheme == "https":
            certificate, key, fingerprint = _certificate(parts.hostname, folder)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certificate, key)
            # The handshake in the request's thread (_PublicHandler.setup), not in
            # the server's accept(), where one silent connection would stall all.
            self.server.socket = context.wrap_socket(
                self.server.socket, server_side=True, do_handshake_on_connect=False
            )
            self.flags.append(f"--ignore-certificate-errors-spki-list={fingerprint}")

    def serve(self, build: Path) -> None:
        """Answer requests with the files of `build`."""
        self.server.RequestHandlerClass = partial(_PublicHandler, directory=str(build))
        serve_in_thread(self.server)
        self.serving = True

    def close(self) -> None:
        """Stop answering and free the port."""
        # shutdown() waits for a serve_forever() that a run without a test
        # of the published build never started.
        if getattr(self, "serving", False):
            self.server.shutdown()
        self.server.server_close()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """Print what went wrong, unless a browser just dropped a connection."""
        if not isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            super().handle_error(request, client_address)


class _PublicHandler(HostLikeHandler):
    """The host-like server, for requests that name the site's public host.

    The address under the site's path is made the local one the host-like
    server answers; anything else is refused.
    """

    def setup(self) -> None:  # noqa: D102 (socketserver's hook)
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()

    def parse_request(self) -> bool:  # noqa: D102 (http.server's hook)
        if not super().parse_request():
            return False
        public: PublicAddress = self.server.public  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        inside = path == public.prefix or path.startswith(public.prefix + "/")
        if self.headers.get("Host") != public.host or not inside:
            self.send_error(404, "Not this site's address")
            return False
        self.path = self.path[len(public.prefix) :] or "/"
        del self.headers["Host"]
        self.headers["Host"] = f"{LOOPBACK}:{self.server.server_port}"
        return True


def _certificate(hostname: str, folder: Path) -> tuple[Path, Path, str]:
    """Write a certificate for `hostname` and its key; return both and the key's hash.

    The hash is what Chromium's --ignore-certificate-errors-spki-list takes:
    base64 of the SHA-256 of the public key's SubjectPublicKeyInfo.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    certificate_file, key_file = folder / "certificate.pem", folder / "key.pem"
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fingerprint = base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")
    return certificate_file, key_file, fingerprint
