"""The preview servers: the host-like one (gzip, cache headers, charset) of
`invoke preview --serve` and `invoke lighthouse`, and `invoke serve`'s; both
only for this computer, only the folder's files, the site's 404 page, quiet."""

from __future__ import annotations

import gzip
import http.server
import socket
import struct
import time
import urllib.error
import urllib.request
from functools import partial

import pytest

from site_base.loopback import serve_in_thread
from site_preview.static_server import SiteFilesHandler, serve


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text("<p>Xin chào</p>" * 50, encoding="utf-8")
    (tmp_path / "site.a6bd42498f.css").write_text("p{color:red}" * 50)
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8not really a photo")
    server, url = serve(tmp_path)
    yield url
    server.shutdown()


@pytest.fixture(params=["host-like", "serve"])
def any_site(request, tmp_path):
    """The same folder served by either preview server."""
    (tmp_path / "index.html").write_text("<p>Xin chào</p>" * 50, encoding="utf-8")
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8not really a photo")
    if request.param == "host-like":
        server, url = serve(tmp_path)
    else:
        handler = partial(SiteFilesHandler, directory=str(tmp_path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        serve_in_thread(server)
        url = f"http://127.0.0.1:{server.server_port}"
    yield url
    server.shutdown()


def get(url: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 (127.0.0.1)
        return dict(response.headers), response.read()


def test_pages_are_compressed_and_kept_ten_minutes(site):
    headers, body = get(site + "/")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "public, max-age=600"
    assert gzip.decompress(body).decode() == "<p>Xin chào</p>" * 50


def test_fingerprinted_files_are_kept_a_year(site):
    headers, _body = get(site + "/site.a6bd42498f.css")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_photos_are_sent_as_they_are(site):
    headers, body = get(site + "/anh.jpg")
    assert "Content-Encoding" not in headers
    assert body == b"\xff\xd8not really a photo"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1"])
def test_a_request_for_another_host_is_refused(any_site, host):
    port = int(any_site.rsplit(":", 1)[1])
    request = urllib.request.Request(
        any_site + "/", headers={"Host": host.format(port=port)}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)  # noqa: S310 (127.0.0.1)
    assert refused.value.code == 403
    assert b"Xin ch" not in refused.value.read()


def test_localhost_is_this_computer_too(any_site):
    port = int(any_site.rsplit(":", 1)[1])
    request = urllib.request.Request(
        any_site + "/", headers={"Host": f"localhost:{port}"}
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310 (127.0.0.1)
        assert response.status == 200


def test_a_link_to_a_file_outside_the_folder_is_not_served(
    any_site, tmp_path, tmp_path_factory
):
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("mật khẩu", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(secret)
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(any_site + "/link.txt")
    assert refused.value.code == 404
    assert "mật khẩu".encode() not in refused.value.read()


def test_a_missing_page_is_the_sites_own_not_found_page(any_site, tmp_path):
    (tmp_path / "404.html").write_text("<h1>Không tìm thấy trang</h1>", "utf-8")
    with pytest.raises(urllib.error.HTTPError) as missing:
        get(any_site + "/khong-co/")
    assert missing.value.code == 404
    assert missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
    assert missing.value.read().decode() == "<h1>Không tìm thấy trang</h1>"


def test_a_cancelled_request_prints_no_traceback(any_site, capfd):
    port = int(any_site.rsplit(":", 1)[1])
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(
                f"GET /anh.jpg HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
            )
            # Gone before the answer is read: the server writes into a closed socket.
            connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
    time.sleep(0.3)
    get(any_site + "/")  # still serving
    assert "Traceback" not in capfd.readouterr().err
