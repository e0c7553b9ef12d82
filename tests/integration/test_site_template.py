"""A new library's site made from the template builds; a later template updates it.

The template is this repository's copier.yml and template/, taken as a git
repository of its own at a version tag (as `copier copy gh:...` takes it);
the site it makes builds with the generator installed here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import copier
import pytest
from PIL import Image
from ruamel.yaml import YAML

from site_base.loopback import free_port
from site_preview.static_server import serve
from tests.support import REPO, run_python, soup
from tools.lighthouse import audit, build

pytestmark = pytest.mark.long

# What the template reads besides template/: its questions and the files
# it includes (the generator's pinned packages and front-end files).
TEMPLATE_FILES = [
    "copier.yml",
    "requirements.txt",
    "requirements-gates.txt",
    "package.json",
    "package-lock.json",
    "dev",  # template/dev.jinja includes it
]
ANSWERS = {
    "name_vi": "Nhà văn hoá huyện Bảo Yên Mẫu",
    "languages": ["vi", "en", "fr"],
    "names": {
        "en": "Bao Yen Mau District Cultural House",
        "fr": "Maison de la culture du district de Bao Yen Mau",
    },
    "province": "tỉnh Hà Mẫu",
    "street": "Số 1 đường Trung tâm",
    "locality": "thị trấn Phố Mẫu",
    "phone": "+84 20 0000 1111",
    "email": "nvh@mau.example",
    "managing_agency": "Phòng Văn hoá và Thông tin huyện Mẫu",
    "responsible_person": "Giám đốc Nhà văn hoá huyện Mẫu",
    "site_url": "https://nvh-mau.example",
    "repository": "nvh-mau/site",
    "accent": "#6a1b9a",
    "accent_dark": "#4a148c",
}
LAO_CAI = re.compile(r"lào cai|lao cai|laocai|lao-cai", re.IGNORECASE)


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            *arguments,
        ],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def invoke(site: Path, *arguments: str) -> subprocess.CompletedProcess:
    return run_python(site, "-m", "invoke", *arguments)


@pytest.fixture
def template(tmp_path) -> Path:
    """Return the template as a git repository of its own, tagged v1.0.0."""
    source = tmp_path / "template-repo"
    shutil.copytree(REPO / "template", source / "template")
    for name in TEMPLATE_FILES:
        shutil.copyfile(REPO / name, source / name)
    git(source, "init", "-q", "-b", "main")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "1.0.0")
    git(source, "tag", "v1.0.0")
    return source


def make_site(template: Path, folder: Path) -> Path:
    copier.run_copy(
        str(template),
        str(folder),
        data=ANSWERS,
        defaults=True,
        quiet=True,
        vcs_ref="v1.0.0",
    )
    (folder / "node_modules").symlink_to(REPO / "node_modules")
    return folder


def site_in_git(template: Path, folder: Path) -> Path:
    """Make a site from the template and commit it, as its repository would."""
    site = make_site(template, folder)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "The site, made from the template")
    return site


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in the file at `path`."""
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")


def release_and_update(template: Path, site: Path, version: str) -> None:
    """Commit the template's changes as `version`, then update the site to it."""
    git(template, "commit", "-q", "-am", version)
    git(template, "tag", f"v{version}")
    copier.run_update(
        str(site), defaults=True, overwrite=True, quiet=True, vcs_ref=f"v{version}"
    )


def test_a_new_site_from_the_template_checks_and_builds(template, tmp_path):
    site = make_site(template, tmp_path / "nvh-mau")
    # The generator's own ./dev, as a file of the site's, which runs.
    dev = site / "dev"
    assert dev.read_bytes() == (REPO / "dev").read_bytes()
    assert os.access(dev, os.X_OK)
    # Its own logo, from a picture of the institution's.
    picture = tmp_path / "logo.jpg"
    Image.new("RGB", (400, 400), "#6a1b9a").save(picture, "JPEG")
    given = invoke(site, "logo", "--path", str(picture))
    assert given.returncode == 0, given.stdout + given.stderr
    checked = invoke(site, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = invoke(site, "preview")
    assert built.returncode == 0, built.stdout + built.stderr

    home = soup(site, "")
    assert home.select_one(".site-name").get_text(" ", strip=True) == (
        "Nhà văn hoá huyện Bảo Yên Mẫu"
    )
    assert "--accent:#6a1b9a" in home.style.get_text()
    english = soup(site, "en/")
    assert "Bao Yen Mau District Cultural House" in english.title.get_text()
    assert english.select_one(".site-tagline").get_text() == (
        "News, events and reading culture"
    )
    year = next((site / "content/posts").iterdir()).name
    assert soup(site, f"en/{year}/welcome/").h1 is not None
    # The third language: its pages, its words (the generator's French).
    french = soup(site, f"fr/{year}/bienvenue/")
    assert french.html["lang"] == "fr"
    assert french.select_one(".skip-link").get_text() == "Aller au contenu principal"
    assert "Maison de la culture du district de Bao Yen Mau" in french.title.get_text()
    assert french.select_one(".post__tags a").get_text() == "culture de la lecture"
    assert soup(site, "fr/").select_one(".site-tagline").get_text() == (
        "Actualités, événements et culture de la lecture"
    )
    assert {
        link["hreflang"]
        for link in soup(site, "").select('link[rel="alternate"][hreflang]')
    } >= {"vi", "en", "fr"}
    # Its own name where the generator's words would have said "the library".
    assert soup(site, "search/").select_one('meta[name="description"]')["content"] == (
        "Tìm tin tức, tác giả và tác phẩm của Nhà văn hoá huyện Bảo Yên Mẫu"
    )
    # Nothing of Lao Cai in any file the site publishes.
    found = [
        str(path.relative_to(site / "output"))
        for path in (site / "output").rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".ics", ".css", ".js", ".txt"}
        and LAO_CAI.search(path.read_text("utf-8", errors="replace"))
    ]
    assert found == []


def test_the_sites_workflow_and_requirements_name_the_generators_version(
    template, tmp_path
):
    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
        "version"
    ]
    site = make_site(template, tmp_path / "nvh-mau")
    workflow = YAML(typ="safe").load(
        (site / ".github/workflows/site.yml").read_text("utf-8")
    )
    (job,) = workflow["jobs"].values()
    assert job["uses"] == (
        f"thu-vien-lao-cai/site/.github/workflows/site.yml@v{version}"
    )
    assert job["with"] == {"deploy": "${{ github.event_name != 'pull_request' }}"}
    assert job["permissions"] == {
        "contents": "read",
        "pages": "write",
        "id-token": "write",
    }
    requirements = (site / "requirements.txt").read_text("utf-8").splitlines()
    assert (
        f"pelican-thuvien @ git+https://github.com/thu-vien-lao-cai/site@v{version}"
        in requirements
    )
    assert any(line.startswith("pelican==") for line in requirements)
    git(site, "init", "-q")  # actionlint reads the workflows of a repository
    linted = subprocess.run(
        [
            shutil.which("actionlint", path=str(Path(sys.executable).parent)),
            "-no-color",
        ],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_copier_update_brings_a_later_template_and_keeps_the_sites_changes(
    template, tmp_path
):
    site = site_in_git(template, tmp_path / "nvh-mau")
    # The site's own change, and its own post.
    settings = site / "pelicanconf.py"
    replace_in(settings, "#6a1b9a", "#880e4f")
    year = next((site / "content/posts").iterdir()).name
    own = site / f"content/posts/{year}/dem-tho/index.vi.md"
    own.parent.mkdir(parents=True)
    own.write_text(
        f"---\ntitle: Đêm thơ\ndate: {year}-01-02\ncategory: su-kien\n---\n\nThơ.\n",
        "utf-8",
    )
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Our colour, our post")

    # A later version of the template changes a file the site did not
    # touch, and another part of the file whose colour the site changed.
    readme = template / "template/README.md.jinja"
    replace_in(readme, "\n## ", "\nPhiên bản mới của mẫu trang.\n\n## ")
    template_settings = template / "template/pelicanconf.py.jinja"
    replace_in(template_settings, "\nTIMEZONE", "\n# Thêm ở phiên bản 1.1.0.\nTIMEZONE")
    release_and_update(template, site, "1.1.0")

    assert "Phiên bản mới của mẫu trang." in (site / "README.md").read_text("utf-8")
    # Both changes of the same file: the site's colour, the template's line.
    assert '"#880e4f"' in settings.read_text("utf-8")
    assert "# Thêm ở phiên bản 1.1.0." in settings.read_text("utf-8")
    assert own.is_file()
    answers = (site / ".copier-answers.yml").read_text("utf-8")
    assert "_commit: v1.1.0" in answers
    rebuilt = invoke(site, "preview")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert "--accent:#880e4f" in soup(site, "").style.get_text()


def test_copier_update_of_a_line_the_site_also_changed_leaves_both_to_choose(
    template, tmp_path
):
    site = site_in_git(template, tmp_path / "nvh-mau")
    settings = site / "pelicanconf.py"
    replace_in(settings, "#6a1b9a", "#880e4f")
    git(site, "commit", "-q", "-am", "Our colour")
    # The template's next version changes the same line.
    replace_in(
        template / "template/pelicanconf.py.jinja",
        '{"accent": "{{ accent }}"}',
        '{"accent": "{{ accent }}", "link": "#0b5"}',
    )
    release_and_update(template, site, "1.1.0")

    # Nothing lost: both versions are in the file, marked.
    text = settings.read_text("utf-8")
    assert '"#880e4f"' in text and '"link": "#0b5"' in text
    line = text.splitlines().index("<<<<<<< before updating") + 1
    # Every task says where, in the writers' language, and what to do.
    checked = run_python(
        site, "-m", "invoke", "check", env={"SITE_MESSAGES_LANG": None}
    )
    shown = " ".join((checked.stdout + checked.stderr).split())
    assert checked.returncode == 1
    assert f"pelicanconf.py, dòng {line}: lần cập nhật để lại hai phiên bản" in shown
    assert "Traceback" not in shown
    # The site keeps its own line: the task runs again.
    ours = re.sub(
        r"<<<<<<< .*?\n(.*?)=======\n.*?>>>>>>> .*?\n", r"\1", text, flags=re.S
    )
    settings.write_text(ours, "utf-8")
    assert invoke(site, "check").returncode == 0


@pytest.mark.browser
def test_a_new_site_from_the_template_passes_the_gates(template, tmp_path):
    site = make_site(template, tmp_path / "nvh-mau")
    built = invoke(site, "preview")
    assert built.returncode == 0, built.stdout + built.stderr
    gated = invoke(site, "gates")
    shown = gated.stdout + gated.stderr
    assert gated.returncode == 0, shown
    assert " passed" in shown


@pytest.mark.browser
def test_a_new_site_from_the_template_keeps_lighthouse_at_100(template, tmp_path):
    site = make_site(template, tmp_path / "nvh-mau")
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    output = tmp_path / "served"
    build(output, siteurl, root=site, quiet=True)
    server, _url = serve(output, port)
    year = next((site / "content/posts").iterdir()).name
    try:
        for path in ("/", f"/{year}/chao-mung/", "/en/", f"/fr/{year}/bienvenue/"):
            scores = audit(siteurl + path, tmp_path / "report.json")
            assert (
                scores["accessibility"],
                scores["best-practices"],
                scores["seo"],
            ) == (100, 100, 100), (path, scores)
    finally:
        server.shutdown()
