"""Tasks of the Lao Cai library's site, and of the generator's development.

A library's site has the tasks of the package `site_tasks` (build, preview,
check, serve, livereload, edit, new-post, clean, gates, publish) on its own
folder; here come what the generator's developers run (tests, lint,
benchmarks, message catalogues). `invoke --list` shows them all, their
help in the writers' language.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

from site_tasks import site_tasks

ROOT = Path(__file__).resolve().parent

CONFIG = {
    "pycache": str(ROOT / ".cache" / "pycache"),
    # The tests' temporary sites go to this memory-backed folder when it has
    # this much room (`invoke test`), else to the system's temporary folder.
    "test_temp": "/dev/shm",
    "test_temp_room": 4 * 2**30,
}


TRANSLATIONS = ROOT / "theme" / "translations"
POT = TRANSLATIONS / "messages.pot"
PYBABEL = f"{shlex.quote(sys.executable)} -m babel.messages.frontend"


# pybabel's arguments: writers' messages are marked `say(...)` besides `_()`.
EXTRACT = "extract -F babel.cfg -k say --sort-by-file --no-location --omit-header"
EXTRACT_FROM = "theme/templates plugins tools tasks.py"


@task
def i18n_extract(c):
    """Extract the theme's UI strings into theme/translations/messages.pot."""
    c.run(f"{PYBABEL} {EXTRACT} -o {POT} {EXTRACT_FROM}")


@task(pre=[i18n_extract], help={"lang": "add a new language, e.g. sv"})
def i18n_update(c, lang=None):
    """Merge new strings into every catalogue (or start one for --lang).

    Then the writers' guide gets the current list of content messages.
    """
    # Strings no longer in the code are dropped, not kept as "#~" comments.
    command = "init" if lang else "update --ignore-obsolete"
    language = f" -l {lang}" if lang else ""
    c.run(f"{PYBABEL} {command} -i {POT} -d {TRANSLATIONS}{language}")
    _run_tool(c, "guide_messages")


@task
def i18n_compile(c):
    """Compile the catalogues to .mo files (the build reads the .po files itself)."""
    c.run(f"{PYBABEL} compile -d {TRANSLATIONS}")


@task(help={"args": "extra pytest arguments, in quotes"})
def test(c, args=""):
    """Run the whole test suite (in parallel)."""
    # loadfile: a module's tests share a worker, so its module-scoped sites are
    # built once (xdist 3.8's loadgroup does not group under pytest 9), handed
    # out in tests/conftest.py's order (the long modules first).
    python = shlex.quote(sys.executable)
    # The tests start hundreds of builds and tasks, each importing the plugins:
    # their compiled bytecode is kept in .cache/pycache (also where the
    # environment asks Python to write none, which would compile them each time).
    env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": CONFIG["pycache"]}
    c.run(
        f"{python} -m pytest -n auto --dist loadfile --no-loadscope-reorder {args}",
        pty=False,
        env=env | _test_temp_root(),
    )


def _test_temp_root() -> dict[str, str]:
    """Return the environment that puts the tests' temporary folders in memory.

    A run writes and deletes about 25,000 files (0.6 GB of small sites); on a
    disk, creating files among so many just deleted costs ext4 a sixth of the
    run's CPU time. A folder the caller already chose is kept.
    """
    folder = CONFIG["test_temp"]
    if "PYTEST_DEBUG_TEMPROOT" in os.environ:
        return {}
    try:
        room = shutil.disk_usage(folder).free
    except OSError:
        return {}
    return {"PYTEST_DEBUG_TEMPROOT": folder} if room >= CONFIG["test_temp_room"] else {}


@task(
    help={
        "posts": "sizes of the generated corpus, e.g. 1000,10000 (default 1000)",
        "kinds": "corpus shapes: text, long, tagged, photos (default all four)",
        "no_search": "skip the search figures (they need Chromium)",
        "repeat": "runs of each build, the best kept (default 1)",
        "no_live": "skip the livereload figure (it needs Chromium)",
        "baseline": "a git commit whose build is timed too, on the same corpus",
    }
)
def bench(  # noqa: PLR0913, PLR0917
    c,
    posts="1000",
    kinds="text,long,tagged,photos",
    no_search=False,
    repeat=1,
    no_live=False,
    baseline=None,
):
    """Time cold and incremental builds of a generated corpus beside plain Pelican."""
    extra = " --no-search" if no_search else ""
    extra += " --no-live" if no_live else ""
    extra += f" --baseline {baseline}" if baseline else ""
    _run_tool(
        c, f"bench_build --posts {posts} --kinds {kinds} --repeat {repeat}{extra}"
    )


@task(
    help={
        "photos": "number of camera-size photos",
        "no_phone": "skip the phone measurement",
        "sources": "a folder of your own JPEG photos instead of generated ones",
    }
)
def bench_images(c, photos=16, no_phone=False, sources=""):
    """Time the photo pipeline beside a naive loop and the one-decode floor."""
    extra = " --no-phone" if no_phone else ""
    if sources:
        extra += f" --sources {shlex.quote(sources)}"
    _run_tool(c, f"bench_images --photos {photos}{extra}")


@task(help={"folder": "a folder of JPEG photos (yours, or generated ones)"})
def bench_formats(c, folder=".cache/bench-images/sources"):
    """Bytes, encode time and SSIM of each photo format and setting, per width."""
    _run_tool(c, f"photo_formats {folder}")


@task
def lighthouse(c):
    """Lighthouse (mobile) scores and LCP, CLS, TBT, bytes of key pages."""
    _run_tool(c, "lighthouse")


@task(
    help={
        "baseline": "a git commit to measure beside this tree (e.g. main~3)",
        "runs": "runs per page (the median is printed)",
    }
)
def slow_3g(c, baseline=None, runs=3):
    """First paint of key pages and search's speed on Slow 3G, beside a baseline."""
    extra = f" --baseline {shlex.quote(baseline)}" if baseline else ""
    _run_tool(c, f"slow_3g --runs {int(runs)}{extra}")


@task(
    help={"baseline": "a git commit to measure beside this tree", "runs": "runs each"}
)
def bench_editor(c, baseline=None, runs=3):
    """Measure the editor's page on a laptop and a phone: bytes, time to sign-in."""
    extra = f" --baseline {shlex.quote(baseline)}" if baseline else ""
    _run_tool(c, f"editor_first_use --runs {int(runs)}{extra}")


@task(help={"output": "a build to shoot (default: the sample site, built now)"})
def screenshots(c, output=None):
    """Screenshots of key pages (vi, en; 320, 390, 1280 px) into bench/screenshots/."""
    extra = f" --output {shlex.quote(str(Path(output).resolve()))}" if output else ""
    _run_tool(c, f"screenshots{extra}")


@task
def guide_screenshots(c):
    """Pictures of the editor for the writers' guide, into docs/img/."""
    _run_tool(c, "guide_screenshots")


def _run_tool(c, command: str) -> None:
    """Run `tools/<module>.py` as a module of the repository (`tools.` imports)."""
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(sys.executable)} -m tools.{command}")


@task
def lint(c):
    """Check code style with ruff."""
    python = shlex.quote(sys.executable)
    c.run(f"{python} -m ruff check . && {python} -m ruff format --check .")


namespace = site_tasks(
    ROOT,
    i18n_extract,
    i18n_update,
    i18n_compile,
    test,
    bench,
    bench_images,
    bench_formats,
    lighthouse,
    slow_3g,
    bench_editor,
    screenshots,
    guide_screenshots,
    lint,
)
