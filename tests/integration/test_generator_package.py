"""The generator installs as a package of its own, and a site outside this repository builds with it.

The wheel is built as PyPI would build it (setuptools, no network), holds
every file of the theme and the plugins, and, installed in a folder of its
own, builds a new library's site whose pelicanconf.py is only that
library's.
"""

from __future__ import annotations

import shutil
import tomllib
import zipfile
from pathlib import Path

import pytest

from site_build.inputs import GENERATOR_PACKAGES, package_folders
from tests.support import REPO, post, run_python, soup, tracked_files, write_new_site

pytestmark = pytest.mark.long

# pip as the tests use it: this package alone, from files here, never the network.
PIP = ("-m", "pip", "--disable-pip-version-check", "--quiet")
PIP_OPTIONS = ("--no-deps", "--no-index")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def test_the_package_list_is_every_package_of_the_generator():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    folders = {
        path.parent.relative_to(REPO / "plugins").as_posix().replace("/", ".")
        for path in (REPO / "plugins").glob("**/__init__.py")
    }
    assert listed == folders | {"site_theme"}
    assert {name for name in listed if "." not in name} == set(GENERATOR_PACKAGES)
    assert package_folders()["site_theme"] == REPO / "theme"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the generator's tracked files (no build/ here)."""
    source = tmp_path_factory.mktemp("source")
    for name in [
        "pyproject.toml",
        "README.md",
        *tracked_files("plugins"),
        *tracked_files("theme"),
    ]:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, source / name)
    folder = tmp_path_factory.mktemp("wheel")
    made = run_python(
        source,
        *PIP,
        "wheel",
        *PIP_OPTIONS,
        "--no-build-isolation",
        "-w",
        str(folder),
        ".",
    )
    assert made.returncode == 0, made.stdout + made.stderr
    (found,) = folder.glob("pelican_thuvien-*.whl")
    return found


def test_the_wheel_has_every_file_of_the_theme_and_the_plugins(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = tracked_files("theme")
    plugins = [
        name for name in tracked_files("plugins") if name != "plugins/PLUGINS.md"
    ]
    wanted = {"site_theme/" + name.removeprefix("theme/") for name in theme} | {
        name.removeprefix("plugins/") for name in plugins
    }
    assert wanted - names == set()
    version = PYPROJECT["project"]["version"]
    assert wheel.name.startswith(f"pelican_thuvien-{version}-")


def test_a_new_site_builds_with_the_installed_package(wheel, tmp_path):
    installed = tmp_path / "installed"
    done = run_python(
        tmp_path, *PIP, "install", *PIP_OPTIONS, "--target", str(installed), str(wheel)
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = write_new_site(
        tmp_path / "site",
        {
            "posts/2026/ngay-hoi/index.md": post(
                "title: Ngày hội đọc sách\ndate: 2026-04-21\ncategory: am-nhac"
            )
        },
    )
    env = {"PYTHONPATH": str(installed)}
    code = (
        "import site_build, site_theme; print(site_build.__file__, site_theme.__file__)"
    )
    where = run_python(site, "-c", code, env=env).stdout.split()
    assert all(Path(path).is_relative_to(installed) for path in where), where
    built = run_python(
        site,
        *("-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"),
        *("-e", 'SEARCH={"index": false}'),
        env=env,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(site, "2026/ngay-hoi/")
    assert " ".join(page.h1.get_text().split()) == "Ngày hội đọc sách"
    assert page.select_one(".site-header") is not None
    assert list((site / "output" / "theme" / "css").glob("site.*.css"))
