"""The server the browser tests take for the site's public address."""

from __future__ import annotations

import base64
import hashlib
import http.client
import socket
import ssl

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from site_gates.public_address import PublicAddress


def _get(port: int, path: str, host: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read()


def test_it_answers_only_for_the_sites_host_and_path(tmp_path):
    build = tmp_path / "output"
    build.mkdir()
    (build / "index.html").write_text("trang chủ", encoding="utf-8")
    address = PublicAddress("http://thuvien.example/thu-vien", tmp_path)
    address.serve(build)
    try:
        port = address.server.server_port
        assert address.flags == [
            f"--host-resolver-rules=MAP thuvien.example:80 127.0.0.1:{port}"
        ]
        assert _get(port, "/thu-vien/", "thuvien.example") == (
            200,
            "trang chủ".encode(),
        )
        assert _get(port, "/", "thuvien.example")[0] == 404
        assert _get(port, "/thu-vien-khac/", "thuvien.example")[0] == 404
        assert _get(port, "/thu-vien/", "other.example")[0] == 404
        assert _get(port, "/thu-vien/", f"127.0.0.1:{port}")[0] == 404
    finally:
        address.close()


def test_chromium_is_told_to_trust_the_key_it_is_shown(tmp_path):
    address = PublicAddress("https://thuvien.example", tmp_path)
    address.serve(tmp_path)
    try:
        port = address.server.server_port
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with (
            socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
            context.wrap_socket(raw, server_hostname="thuvien.example") as tls,
        ):
            shown = x509.load_der_x509_certificate(tls.getpeercert(binary_form=True))
        spki = shown.public_key().public_bytes(
            serialization.Encoding.DER,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        fingerprint = base64.b64encode(hashlib.sha256(spki).digest()).decode()
        assert f"--ignore-certificate-errors-spki-list={fingerprint}" in address.flags
        assert f"MAP thuvien.example:443 127.0.0.1:{port}" in address.flags[0]
    finally:
        address.close()
