"""Build small sites in temporary folders with the project's real settings."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from textwrap import dedent

from bs4 import BeautifulSoup
from pelican.settings import read_settings
from PIL import Image

from site_gates.site import local_file
from tests.support.build_server import WarmBuilds
from tools import make_sample_audio

REPO = Path(__file__).resolve().parents[2]
# The content digest in a photo derivative's name: anh-480.3f2a9c0d1e.avif.
_PHOTO_FINGERPRINT = re.compile(r"\.[0-9a-f]{10}(?=\.(?:avif|webp|jpg|png)\b)")


# "Now" of the shared sample build (2025-11-29 08:00 UTC): after every sample
# post, and fixed so that a second build can be compared with it byte for byte.
SAMPLE_BUILD_EPOCH = 1764403200

# Set (to anything) to build each test site in a new `python -m pelican` instead
# of the warm build server (build_server.py).
COLD_BUILDS = "TESTS_COLD_BUILDS"
_WARM_BUILDS = WarmBuilds()
# What a test build sets unless the test says otherwise. Test sites keep their
# photo derivatives and compiled templates with the repository's (keyed by
# bytes and settings, so shared safely): a photo or a template seen by one
# test is not encoded or compiled again by the next; a test that counts what
# a build encodes passes its own MEDIA. Pagefind indexes only the builds of
# the tests of search (they pass SEARCH).
TEST_BUILD_SETTINGS = {
    "MEDIA": {"cache_path": str(REPO / ".cache" / "media")},
    "THEME_SUPPORT": {"templates_cache": str(REPO / ".cache" / "templates")},
    "SEARCH": {"index": False},
}
INDEXED = {"SEARCH": {"index": True}}


@functools.cache
def _development_settings() -> dict:
    return read_settings(str(REPO / "pelicanconf.py"))


def project_settings(**override) -> dict:
    """Return the development settings (pelicanconf.py) with `override` over them."""
    return {**_development_settings(), **override}


def site_pages(output: Path) -> list[Path]:
    """Return the HTML pages of a build that readers meet (not the editor, /admin/)."""
    return [
        page
        for page in sorted(output.rglob("*.html"))
        if page.relative_to(output).parts[0] != "admin"
    ]


def unfingerprinted(text: str) -> str:
    """Return `text` with the digests taken out of photo names (anh-480.avif)."""
    return _PHOTO_FINGERPRINT.sub("", text)


def photo_names(folder: Path) -> set[str]:
    """Return the names of the derivatives in `folder`, digests taken out."""
    return {unfingerprinted(p.name) for p in folder.iterdir()}


CATEGORIES = """\
- key: hoat-dong-thu-vien
  vi: Hoạt động thư viện
  en: Library activities
- key: am-nhac
  vi: Âm nhạc
  en: Music
"""


def jpeg(width: int = 60, height: int = 40, orientation: int | None = None) -> bytes:
    """Return a small JPEG, optionally with an EXIF orientation tag."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    buffer = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def mp3(seconds: float = 0.5) -> bytes:
    """Return a short, real MP3 (silence): the check reads a song's audio as MP3."""
    return make_sample_audio.mp3(bytes(2 * int(make_sample_audio.RATE * seconds)))


def post(front: str, body: str = "Nội dung bài viết.") -> str:
    """Return the text of a content file from its front matter and body."""
    return f"---\n{dedent(front).strip()}\n---\n\n{dedent(body).strip()}\n"


def write_site(
    root: Path,
    files: dict[str, str | bytes],
    categories: str = CATEGORIES,
    data: dict[str, str] | None = None,
) -> Path:
    """Write content/ and data/ under `root` from {relative path: text or bytes}.

    data/ gets categories.yml and the sample site's library.yml with its
    images; `data` adds or replaces files of data/ (such as tags.yml).
    """
    (root / "content").mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "data" / "library", root / "data" / "library")
    shutil.copyfile(REPO / "data" / "library.yml", root / "data" / "library.yml")
    (root / "data" / "categories.yml").write_text(categories, encoding="utf-8")
    for name, text in (data or {}).items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    for name, content in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


# A new library's settings and tasks, as a site outside this repository
# writes them (the generator installed as a package).
NEW_SITE_FILES = {
    "pelicanconf.py": """
from pathlib import Path

from site_build.defaults import generator_settings

ROOT = Path(__file__).resolve().parent
generator = generator_settings(ROOT)
globals().update(generator)

SITENAME = "Nhà văn hoá huyện Mẫu"
PUBLIC_SITEURL = "https://nvh.example"
ADMIN = {**generator["ADMIN"], "repo": "nha-van-hoa/site", "branch": "main"}
""",
    "publishconf.py": """
from pathlib import Path

from pelican.settings import load_source

from site_build.defaults import production_settings

_base = load_source("pelicanconf", str(Path(__file__).with_name("pelicanconf.py")))
globals().update({k: v for k, v in vars(_base).items() if k.isupper()})
globals().update(production_settings(vars(_base)))
""",
    "tasks.py": """
from pathlib import Path

from site_tasks import site_tasks

namespace = site_tasks(Path(__file__).resolve().parent)
""",
}


NEW_SITE_LIBRARY = """\
name: {vi: Nhà văn hoá huyện Mẫu, en: Mau District Cultural House}
address: {street: 1 Đường Mẫu, locality: thị trấn Mẫu, region: tỉnh Mẫu, country: VN}
phone: "+84 20 0000 0000"
email: nvh@mau.example
opening_hours:
  - {days: [tue, wed, thu, fri, sat], opens: "08:00", closes: "20:00"}
geo: {lat: 21.5, lon: 105.5}
logo: library/logo.png
podcast_artwork: library/podcast.jpg
managing_agency: {vi: Phòng Văn hoá và Thông tin huyện Mẫu, en: ...}
responsible_person: {vi: Giám đốc Nhà văn hoá huyện Mẫu, en: ...}
"""


def write_new_site(
    root: Path, files: dict[str, str | bytes], categories: str = CATEGORIES
) -> Path:
    """Write a site of its own under `root`: content, data, settings, tasks.

    Its front-end files are this repository's (node_modules/, linked).
    """
    write_site(root, files, categories, data={"library.yml": NEW_SITE_LIBRARY})
    for name, text in NEW_SITE_FILES.items():
        (root / name).write_text(text.lstrip(), encoding="utf-8")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


def run_pelican(
    site: Path,
    production: bool = False,
    source_date_epoch: int | None = None,
    **settings,
) -> subprocess.CompletedProcess:
    """Build `site` with `python -m pelican` and the project's settings file.

    With `source_date_epoch`, "now" is that moment (SOURCE_DATE_EPOCH).
    """
    config = REPO / ("publishconf.py" if production else "pelicanconf.py")
    arguments = [str(site / "content"), "-s", str(config), "-o", str(site / "output")]
    settings = {**TEST_BUILD_SETTINGS, **settings}
    if settings:
        arguments += ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]
    return _run("pelican", arguments, source_date_epoch)


def run_task(
    *arguments: str, source_date_epoch: int | None = None, writers_language=False
) -> subprocess.CompletedProcess:
    """Run `invoke <arguments>` in the repository, as a writer would.

    With `source_date_epoch`, "now" is that moment (SOURCE_DATE_EPOCH).
    Content problems are in English (the tests' setting) unless
    `writers_language`: then in the site's language, as writers read them.
    """
    return _run(
        "invoke", list(arguments), source_date_epoch, writers_language=writers_language
    )


def tracked_files(*folders: str) -> list[str]:
    """Return the files git tracks under `folders` (no caches, no builds)."""
    listed = subprocess.run(
        ["git", "ls-files", "--", *folders],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return [name for name in listed if name and (REPO / name).is_file()]


def run_python(
    folder: Path, *arguments: str, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess:
    """Run `python <arguments>` in `folder` in a new process (a site of its own).

    Not the warm build server: the site's own settings, tasks and installed
    packages, as its writers run them; content problems in English unless
    `env` says otherwise (a variable set to None is left out).
    """
    merged = {**os.environ, "SITE_MESSAGES_LANG": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=folder,
        env={name: value for name, value in merged.items() if value is not None},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def run_in(folder: Path, program: str, *arguments: str) -> subprocess.CompletedProcess:
    """Run `python -m <program> <arguments>` in `folder` (plain Pelican's own site)."""
    return _run(program, list(arguments), cwd=folder)


def _environment(
    source_date_epoch: int | None = None, *, writers_language: bool = False
) -> dict[str, str]:
    """Return the environment of a build or task a test runs."""
    env = {
        **os.environ,
        "COLUMNS": "200",
        "PYTHONWARNINGS": "ignore",
        # `invoke gates` inside a test: the test run already uses every core.
        "PYTEST_XDIST_AUTO_NUM_WORKERS": "0",
        # Nor do numpy's related lists need threads that wait for work, busily.
        "OPENBLAS_NUM_THREADS": "1",
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    if writers_language:
        env.pop("SITE_MESSAGES_LANG", None)
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    return env


def _run(
    program: str,
    arguments: list[str],
    source_date_epoch: int | None = None,
    *,
    writers_language: bool = False,
    cwd: Path = REPO,
) -> subprocess.CompletedProcess:
    """Run `python -m <program> <arguments>` in the warm server (or a new process)."""
    env = _environment(source_date_epoch, writers_language=writers_language)
    if os.environ.get(COLD_BUILDS):
        return subprocess.run(
            [sys.executable, "-m", program, *arguments],
            check=False,
            cwd=cwd,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
    with tempfile.TemporaryDirectory() as folder:
        return _WARM_BUILDS.run(program, arguments, env, cwd, Path(folder))


def read(site: Path, url_path: str) -> str:
    """Return the built page at `url_path` (e.g. '2025/slug/')."""
    path = site / "output" / url_path
    if url_path.endswith("/") or not url_path:
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


def soup(site: Path, url_path: str) -> BeautifulSoup:
    """Return the built page at `url_path`, parsed."""
    return BeautifulSoup(read(site, url_path), "html.parser")


def built_file(output: Path, siteurl: str, url: str) -> Path:
    """Return the built file an address of the site names; fail for another site's."""
    path = local_file(output, siteurl, url)
    assert path is not None, f"{url} is not an address of {siteurl}"
    return path
