"""Tasks of the site (`invoke --list`); start from Pelican's quickstart tasks.py."""

from __future__ import annotations

import inspect
import json
import os
import shlex
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

from invoke import Task, task
from invoke.exceptions import Exit
from pelican import main as pelican_main
from pelican.settings import read_settings
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parent

CONFIG = {
    "settings_base": str(ROOT / "pelicanconf.py"),
    "settings_publish": str(ROOT / "publishconf.py"),
    "content": str(ROOT / "content"),
    "output": str(ROOT / "output"),
    "cache": str(ROOT / ".cache"),
    "pycache": str(ROOT / ".cache" / "pycache"),
    # The tests' temporary sites go to this memory-backed folder when it has
    # this much room (`invoke test`), else to the system's temporary folder.
    "test_temp": "/dev/shm",
    "test_temp_room": 4 * 2**30,
    "host": "127.0.0.1",
    "port": 8000,
}


def _writers_gettext():
    """Return the gettext of the writers' language (the content messages' one)."""
    from site_build.facts import writers_gettext  # noqa: PLC0415

    return writers_gettext(read_settings(CONFIG["settings_base"]))


# What the tasks print and their help (translated at the end of this file).
_ = _writers_gettext()


def pelican_run(arguments: list[str]) -> None:
    """Run Pelican in this process; content problems end it with exit code 1."""
    pelican_main(arguments)


def _build_arguments(
    settings: str, content: str | None, output: str | None, **extra
) -> list[str]:
    """Return Pelican's arguments; `extra` settings go through -e as JSON."""
    arguments = [
        content or CONFIG["content"],
        "-s",
        settings,
        "-o",
        output or CONFIG["output"],
    ]
    given = {key: value for key, value in extra.items() if value is not None}
    if given:
        arguments += [
            "-e",
            *(f"{key}={json.dumps(value)}" for key, value in given.items()),
        ]
    return arguments


LANG_HELP = "language of the content problems (default: the site's, vi), e.g. en"


@task(
    help={
        "content": "content folder (default: content/)",
        "output": "output folder",
        "lang": LANG_HELP,
    }
)
def build(c, content=None, output=None, lang=None):
    """Development build into output/: drafts and future posts included."""
    pelican_run(
        _build_arguments(CONFIG["settings_base"], content, output, MESSAGES_LANG=lang)
    )


@task(
    help={
        "siteurl": "public address, e.g. https://org.github.io/repo",
        "content": "content folder",
        "output": "output folder",
        "serve": "build for a local address and serve it, as readers will see it",
        "port": "with --serve: the port (default 8000, or a free one if busy)",
        "lang": LANG_HELP,
    }
)
def preview(  # noqa: PLR0913, PLR0917
    c, siteurl=None, content=None, output=None, serve=False, port=None, lang=None
):
    """Production build (publishconf.py) into output/: what gets published."""
    if serve:
        port = _port(port)
        siteurl = f"http://{CONFIG['host']}:{port}"
    pelican_run(
        _build_arguments(
            CONFIG["settings_publish"],
            content,
            output,
            SITEURL=siteurl,
            MESSAGES_LANG=lang,
        )
    )
    if serve:
        _serve_folder(Path(output or CONFIG["output"]), port, host_like=True)


@task(
    help={
        "output": "the production build to check (default: output/)",
        "siteurl": "the SITEURL it was built for (default: publishconf.py's)",
        "select": "only the gates whose names match (pytest -k), e.g. 'post and 390'",
    }
)
def gates(c, output=None, siteurl=None, select=None):
    """Check a production build as readers meet it; a failure names page and rule."""
    folder = Path(output or CONFIG["output"]).resolve()
    if not (folder / "index.html").is_file():
        raise Exit(f"{folder} holds no built site: run `invoke preview` first", code=1)
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(ROOT / "tests" / "gates"),
        "-m",
        "gates",
        "--gates-output",
        str(folder),
        "-n",
        "auto",
        "-p",
        "no:cacheprovider",
    ]
    if siteurl:
        command += ["--gates-siteurl", siteurl]
    if select:
        command += ["-k", select]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise Exit("Gates failed: the pages and rules are listed above.", code=1)


@task(
    help={
        "to": "where to publish: a folder, user@host:/path (rsync) or s3://bucket/prefix",
        "rollback": "switch readers back to the release before the current one",
        "siteurl": "public address to build for (default: publishconf.py's)",
        "content": "content folder (default: content/)",
        "output": "build folder (default: output/)",
        "hub": "WebSub hub to tell of the changed feeds (default: FEEDS' hub)",
        "no_ping": "do not tell the WebSub hub",
    }
)
# invoke makes each parameter a command-line option: they stay positional.
def publish(  # noqa: PLR0913, PLR0917
    c,
    to,
    rollback=False,
    siteurl=None,
    content=None,
    output=None,
    hub=None,
    no_ping=False,
):
    """Production build, the gates, then a new release at DEST (or --rollback)."""
    from site_feeds.websub import WebSubError, feed_paths, ping_hub  # noqa: PLC0415
    from site_publish.destinations import target_for  # noqa: PLC0415
    from site_publish.folder import PublishError  # noqa: PLC0415
    from site_publish.lock import LockTaken  # noqa: PLC0415
    from site_publish.settings import load_settings  # noqa: PLC0415

    settings = read_settings(CONFIG["settings_publish"])
    try:
        target = target_for(to, load_settings(settings))
        if rollback:
            print(target.rollback().describe())
            return
        siteurl = siteurl or settings["SITEURL"]
        output = output or CONFIG["output"]
        preview(c, siteurl=siteurl, content=content, output=output)
        if target.is_online(Path(output)):
            # These very files passed the gates when they were published.
            print(f"Nothing to publish: {to} already has this build.")
            return
        gates(c, output=output, siteurl=siteurl)
        summary = target.publish(Path(output))
    except (PublishError, LockTaken) as error:
        raise Exit(f"Cannot publish: {error}.", code=1) from None
    print(summary.describe())
    hub = hub or settings.get("FEEDS", {}).get("websub_hub")
    feeds = [f"{siteurl}/{path}" for path in feed_paths(summary.sent)]
    if feeds and hub and not no_ping:
        try:
            ping_hub(hub, feeds)
            print(f"Told the WebSub hub of {len(feeds)} changed feeds.")
        except WebSubError as error:
            print(f"The site is published, but {error}.")


@task(help={"content": "content folder (default: content/)", "lang": LANG_HELP})
def check(c, content=None, lang=None):
    """Check all content and data; list every problem; exit 1 if any is an error."""
    from content_model.checker import check_site  # noqa: PLC0415
    from content_model.plugin import check_cache  # noqa: PLC0415
    from site_base.messages import say  # noqa: PLC0415

    override = {"PATH": str(Path(content or CONFIG["content"]).resolve())}
    if lang:
        override["MESSAGES_LANG"] = lang
    settings = read_settings(CONFIG["settings_base"], override=override)
    result = check_site(settings, cache=check_cache(settings))
    result.problems.report(result.cfg.facts.root, result.cfg.messages_gettext)
    if not result.ok:
        raise Exit(code=1)
    summary = say(
        "Content OK: {checked} files checked, {warnings} warnings.",
        checked=len(result.documents),
        warnings=len(result.problems.warnings),
    )
    print(summary.render(result.cfg.messages_gettext))


@task(help={"port": "port to serve on (default 8000, or a free one if busy)"})
def serve(c, port=None):
    """Serve output/ on http://127.0.0.1:8000/ (or the port given, or a free one)."""
    _serve_folder(Path(CONFIG["output"]), _port(port), host_like=False)


def _port(wanted) -> int:
    """Return the port asked for (8000 by default), or a free one if it is busy."""
    from site_base.loopback import pick_port  # noqa: PLC0415

    wanted = int(wanted or CONFIG["port"])
    port = pick_port(CONFIG["host"], wanted)
    if port != wanted:
        print(
            _("Port {wanted} is busy: using {port}.").format(wanted=wanted, port=port)
        )
    return port


def _serve_folder(folder: Path, port: int, *, host_like: bool) -> None:
    """Serve `folder` until Ctrl+C (host_like: compressed, with cache headers)."""
    from site_preview.server import serve_folder  # noqa: PLC0415

    serve_folder(folder, CONFIG["host"], port, host_like=host_like, gettext=_)


@task(
    help={
        "port": "port to serve on (default 8000, or a free one if busy)",
        "content": "content folder (default: content/)",
        "output": "output folder",
    }
)
def livereload(c, port=None, content=None, output=None):
    """Build, serve, rebuild on change and reload the browser (problems shown there)."""
    _live_preview(_port(port), content, output)


@task(
    help={
        "port": "port of the preview (default 8000, or a free one if busy)",
        "backend_port": (
            "port of the editor's local host (default 8081, or a free one if busy)"
        ),
        "content": "content folder (default: content/); the editor saves beside it",
        "output": "output folder",
    }
)
def edit(c, port=None, backend_port=None, content=None, output=None):
    """Edit in the browser on this computer: /admin/ saves into this git repository.

    Starts the editor's local host (GitHub's API over this computer's repository)
    and the live preview; open http://127.0.0.1:8000/admin/. Each save is a
    commit of the branch you are on; `git push` sends it to the site.
    """
    from site_admin.local_host import (  # noqa: PLC0415
        LOCAL_REPO,
        local_host,
        writers_token,
    )
    from site_admin.local_host.people import person_of_repository  # noqa: PLC0415

    port = _port(port)
    backend = _port(backend_port or 8081)
    content = Path(content or CONFIG["content"]).resolve()
    settings = read_settings(CONFIG["settings_base"], override={"PATH": str(content)})
    person = person_of_repository(content.parent)
    if person is None:
        message = _(
            "The editor saves with git: {folder} is not a git repository "
            "(clone the site with git, or run: git init)"
        )
        raise Exit(message.format(folder=content.parent), code=1)
    token = writers_token(content.parent / ".cache")
    with local_host(content.parent, backend, settings, {token: person}) as api:
        # Saving publishes to this branch at once: the preview shows it.
        admin = {
            **settings["ADMIN"],
            "api_root": api,
            "repo": LOCAL_REPO,
            "editorial_workflow": False,
            "local_token": token,
        }
        address = f"http://{CONFIG['host']}:{port}/admin/"
        print(_("The editor: {address}").format(address=address), flush=True)
        _live_preview(port, content, output, ADMIN=admin)


def _live_preview(port: int, content=None, output=None, **extra) -> None:
    """Serve the build at `port`, rebuilding (with `extra` settings) on every change.

    With a comment server of its own (Isso, its database in .cache/comments/),
    so writers see comments work as readers will.
    """
    from site_comments.local import LinkedFolder, local_comments  # noqa: PLC0415
    from site_preview.protocol import LIVE_SETTINGS  # noqa: PLC0415
    from site_preview.server import serve_live  # noqa: PLC0415

    content = Path(content or CONFIG["content"]).resolve()
    output = Path(output or CONFIG["output"]).resolve()
    sites = [f"http://{name}:{port}" for name in (CONFIG["host"], "localhost")]
    # The previewed site's own comments, beside its content (.cache/comments/).
    try:
        with local_comments(content.parent / ".cache/comments", sites) as comments:
            approve = _(
                "Comments: approve or delete them at {admin} (password: {password})"
            )
            print(approve.format(admin=comments.admin, password=comments.password))
            arguments = _build_arguments(
                CONFIG["settings_base"],
                str(content),
                str(output),
                **LIVE_SETTINGS,
                COMMENTS=comments.address,
                **extra,
            )
            override = {"PATH": str(content), "OUTPUT_PATH": str(output)}
            settings = read_settings(CONFIG["settings_base"], override=override)
            serve_live(arguments, settings, CONFIG["host"], port)
    except LinkedFolder as linked:  # raised before anything is written or started
        refused = _("{path} is a link: delete it, then start again")
        raise Exit(refused.format(path=linked.path), code=1) from None


@task(
    help={
        "title": "the post's title (./dev new-post takes it as words, quotes or not)",
        "year": "year folder (default: this year)",
        "content": "content folder (default: content/)",
        "translate": "start a translation of this post folder, e.g. posts/2025/x",
        "lang": "with --translate: the translation's language (default en)",
    }
)
def new_post(c, title=None, year=None, content=None, translate=None, lang="en"):  # noqa: PLR0913, PLR0917
    """Start a post (content/posts/<year>/<slug>/index.vi.md) or a translation of one.

    The Vietnamese text is index.vi.md, not index.md: the editing interface
    (/admin/) names every language's file by its language and cannot open an
    index.md.
    """
    from content_model.checker import check_settings  # noqa: PLC0415
    from content_model.frontmatter import read_front_matter  # noqa: PLC0415
    from content_model.problems import ContentError  # noqa: PLC0415
    from content_model.scaffold import post_text, translation_text  # noqa: PLC0415

    folder = Path(content or CONFIG["content"])
    settings = read_settings(
        CONFIG["settings_base"], override={"PATH": str(folder.resolve())}
    )
    cfg, categories = check_settings(settings)
    gettext = partial(cfg.gettext, cfg.facts.default_lang)
    if translate:
        # The original: index.vi.md (what the editor writes), or index.md.
        bundle = folder / translate
        original = bundle / f"index.{cfg.facts.default_lang}.md"
        if not original.is_file() and (bundle / "index.md").is_file():
            original = bundle / "index.md"
        target = original.with_name(f"index.{lang}.md")
        if lang not in cfg.facts.languages or lang == cfg.facts.default_lang:
            message = _("'{lang}' is not another language of the site")
            raise Exit(message.format(lang=lang), code=1)
        if not original.is_file():
            message = _("There is no {original}: give the post's folder")
            raise Exit(message.format(original=original), code=1)
        if target.exists():
            raise Exit(_("{target} exists already").format(target=target), code=1)
        try:
            front = read_front_matter(original)
        except ContentError as error:
            raise Exit(f"{original}: {error.message}", code=1) from None
        target.write_text(translation_text(front, gettext), encoding="utf-8")
        message = _("Created {target}: translate it, then delete the status line.")
        print(message.format(target=target))
        return
    if not title:
        raise Exit(_('Give the title: ./dev new-post "Tiêu đề"'), code=1)
    now = settings["BUILD_TIME"].astimezone(_site_zone(settings))
    path = new_post_path(folder, title, str(year or now.year), settings)
    path.parent.mkdir(parents=True)
    path.write_text(post_text(title, now, categories, gettext), encoding="utf-8")
    message = _("Created {path}: choose its category, write the post, add its photos.")
    print(message.format(path=path))


def _site_zone(settings):
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return ZoneInfo(settings["TIMEZONE"])


def new_post_path(content: Path, title: str, year: str, settings: dict) -> Path:
    """Return posts/<year>/<slug>/index.vi.md, with -2, -3 ... if the slug is taken."""
    base = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"]) or "bai-viet"
    taken = {p.name for p in (content / "posts").glob("*/*") if p.is_dir()}
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return content / "posts" / year / slug / f"index.{settings['DEFAULT_LANG']}.md"


@task(help={"all": "also remove caches (.cache/)", "output": "output folder"})
def clean(c, all=False, output=None):  # noqa: A002 (the option is --all)
    """Remove output/ (caches survive; --all removes them too)."""
    shutil.rmtree(output or CONFIG["output"], ignore_errors=True)
    if all:
        shutil.rmtree(CONFIG["cache"], ignore_errors=True)


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


def _translate_tasks(gettext) -> None:
    """Show each task's description and options in the writers' language.

    The English texts stay where invoke expects them (docstrings, `help=`);
    tools/babel_tasks.py extracts them into the catalogues.
    """
    for value in list(globals().values()):
        if isinstance(value, Task):
            if value.__doc__:
                value.__doc__ = gettext(inspect.cleandoc(value.__doc__))
            value.help = {name: gettext(text) for name, text in value.help.items()}


_translate_tasks(_)
