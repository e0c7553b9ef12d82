"""The tasks of a library's site: build, preview, check, serve, edit, publish...

Each works on the site `site_tasks(root)` names (site.py): its content/,
its settings files, its output/. What a task prints goes through the
message catalogues, in the writers' language; so do the tasks' help texts
(tools/babel_tasks.py extracts them; collection.py translates them).
"""

from __future__ import annotations

import json
import shutil
from functools import partial
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit
from pelican import main as pelican_main
from pelican.utils import slugify

from .site import HOST, PORT, Site, site_settings


def pelican_run(arguments: list[str]) -> None:
    """Run Pelican in this process; content problems end it with exit code 1."""
    pelican_main(arguments)


def build_arguments(
    settings: str, content: str, output: str, **extra: object
) -> list[str]:
    """Return Pelican's arguments; `extra` settings go through -e as JSON."""
    arguments = [content, "-s", settings, "-o", output]
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
    site = Site.of(c)
    pelican_run(
        build_arguments(
            site.settings_base,
            content or site.content,
            output or site.output,
            MESSAGES_LANG=lang,
        )
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
    site = Site.of(c)
    if serve:
        port = pick_port(site, port)
        siteurl = f"http://{HOST}:{port}"
    pelican_run(
        build_arguments(
            site.settings_publish,
            content or site.content,
            output or site.output,
            SITEURL=siteurl,
            MESSAGES_LANG=lang,
        )
    )
    if serve:
        serve_folder(site, Path(output or site.output), port, host_like=True)


@task(help={"content": "content folder (default: content/)", "lang": LANG_HELP})
def check(c, content=None, lang=None):
    """Check all content and data; list every problem; exit 1 if any is an error."""
    from content_model.checker import check_site  # noqa: PLC0415
    from content_model.plugin import check_cache  # noqa: PLC0415
    from site_base.messages import say  # noqa: PLC0415

    site = Site.of(c)
    override = {"PATH": str(Path(content or site.content).resolve())}
    if lang:
        override["MESSAGES_LANG"] = lang
    settings = site.settings(override)
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
    site = Site.of(c)
    serve_folder(site, Path(site.output), pick_port(site, port), host_like=False)


def pick_port(site: Site, wanted: object) -> int:
    """Return the port asked for (8000 by default), or a free one if it is busy."""
    from site_base.loopback import pick_port as free_port  # noqa: PLC0415

    _ = site.gettext
    wanted = int(wanted or PORT)
    port = free_port(HOST, wanted)
    if port != wanted:
        print(
            _("Port {wanted} is busy: using {port}.").format(wanted=wanted, port=port)
        )
    return port


def serve_folder(site: Site, folder: Path, port: int, *, host_like: bool) -> None:
    """Serve `folder` until Ctrl+C (host_like: compressed, with cache headers)."""
    from site_preview.server import serve_folder as serve_files  # noqa: PLC0415

    serve_files(folder, HOST, port, host_like=host_like, gettext=site.gettext)


@task(
    help={
        "port": "port to serve on (default 8000, or a free one if busy)",
        "content": "content folder (default: content/)",
        "output": "output folder",
    }
)
def livereload(c, port=None, content=None, output=None):
    """Build, serve, rebuild on change and reload the browser (problems shown there)."""
    site = Site.of(c)
    live_preview(site, pick_port(site, port), content, output)


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

    site = Site.of(c)
    _ = site.gettext
    port = pick_port(site, port)
    backend = pick_port(site, backend_port or 8081)
    content = Path(content or site.content).resolve()
    settings = site.settings({"PATH": str(content)})
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
        address = f"http://{HOST}:{port}/admin/"
        print(_("The editor: {address}").format(address=address), flush=True)
        live_preview(site, port, content, output, ADMIN=admin)


def live_preview(
    site: Site, port: int, content=None, output=None, **extra: object
) -> None:
    """Serve the build at `port`, rebuilding (with `extra` settings) on every change.

    With a comment server of its own (Isso, its database in .cache/comments/),
    so writers see comments work as readers will.
    """
    from site_comments.local import LinkedFolder, local_comments  # noqa: PLC0415
    from site_preview.protocol import LIVE_SETTINGS  # noqa: PLC0415
    from site_preview.server import serve_live  # noqa: PLC0415

    _ = site.gettext
    content = Path(content or site.content).resolve()
    output = Path(output or site.output).resolve()
    sites = [f"http://{name}:{port}" for name in (HOST, "localhost")]
    # The previewed site's own comments, beside its content (.cache/comments/).
    try:
        with local_comments(content.parent / ".cache/comments", sites) as comments:
            approve = _(
                "Comments: approve or delete them at {admin} (password: {password})"
            )
            print(approve.format(admin=comments.admin, password=comments.password))
            arguments = build_arguments(
                site.settings_base,
                str(content),
                str(output),
                **LIVE_SETTINGS,
                COMMENTS=comments.address,
                **extra,
            )
            override = {"PATH": str(content), "OUTPUT_PATH": str(output)}
            settings = site_settings(site.settings_base, override)
            serve_live(arguments, settings, HOST, port)
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

    site = Site.of(c)
    _ = site.gettext
    folder = Path(content or site.content)
    settings = site.settings({"PATH": str(folder.resolve())})
    cfg, categories = check_settings(settings)
    gettext = partial(cfg.gettext, cfg.facts.default_lang)
    if translate:
        start_translation(site, folder / translate, lang, cfg, gettext)
        return
    if not title:
        raise Exit(_('Give the title: ./dev new-post "Tiêu đề"'), code=1)
    from content_model.scaffold import post_text  # noqa: PLC0415

    now = settings["BUILD_TIME"].astimezone(cfg.facts.timezone)
    path = new_post_path(folder, title, str(year or now.year), settings)
    path.parent.mkdir(parents=True)
    path.write_text(post_text(title, now, categories, gettext), encoding="utf-8")
    message = _("Created {path}: choose its category, write the post, add its photos.")
    print(message.format(path=path))


def start_translation(site: Site, bundle: Path, lang: str, cfg, gettext) -> None:
    """Write the translation of the post in `bundle` into `lang`, to be translated."""
    from content_model.frontmatter import read_front_matter  # noqa: PLC0415
    from content_model.problems import ContentError  # noqa: PLC0415
    from content_model.scaffold import translation_text  # noqa: PLC0415

    _ = site.gettext
    # The original: index.vi.md (what the editor writes), or index.md.
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


def new_post_path(content: Path, title: str, year: str, settings: dict) -> Path:
    """Return posts/<year>/<slug>/index.vi.md, with -2, -3 ... if the slug is taken."""
    base = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"]) or "bai-viet"
    taken = {p.name for p in (content / "posts").glob("*/*") if p.is_dir()}
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return content / "posts" / year / slug / f"index.{settings['DEFAULT_LANG']}.md"


@task(help={"lang": "the language's code, e.g. fr or zh"})
def new_language(c, lang):
    """Start the site's catalogue of a language the generator has none for.

    It is written into translations/<lang>/LC_MESSAGES/messages.po with
    every message of the theme and the plugins, to translate; add the
    language to LANGUAGES in pelicanconf.py.
    """
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415
    from babel.messages.frontend import CommandLineInterface  # noqa: PLC0415

    from site_base.catalogues import catalogue_path  # noqa: PLC0415

    site = Site.of(c)
    _ = site.gettext
    theme = site.settings()["THEME"]
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        message = _("'{lang}' is not a language code such as fr or zh")
        raise Exit(message.format(lang=lang), code=1) from None
    if catalogue_path(theme, lang).is_file():
        message = _("The generator speaks '{lang}' already: add it to LANGUAGES")
        raise Exit(message.format(lang=lang), code=1)
    target = catalogue_path(site.root, lang)
    if target.exists():
        raise Exit(_("{target} exists already").format(target=target), code=1)
    template = Path(theme) / "translations" / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "--quiet",
            "init",
            "-i",
            str(template),
            "-d",
            str(site.root / "translations"),
            "-l",
            lang,
        ]
    )
    message = _(
        "Created {target}: translate its messages, then add '{lang}' to "
        "LANGUAGES in pelicanconf.py."
    )
    print(message.format(target=target, lang=lang))


@task(help={"path": "the picture: PNG, JPEG or WebP, at least 112x112 px"})
def logo(c, path):
    """Make a picture on this computer the site's logo (data/library/logo.png)."""
    from .logo import logo_message  # noqa: PLC0415 (Pillow: this task only)

    site = Site.of(c)
    done, message = logo_message(site.root, Path(path), site.gettext)
    if not done:
        raise Exit(message, code=1)
    print(message)


@task(help={"all": "also remove caches (.cache/)", "output": "output folder"})
def clean(c, all=False, output=None):  # noqa: A002 (the option is --all)
    """Remove output/ (caches survive; --all removes them too)."""
    site = Site.of(c)
    shutil.rmtree(output or site.output, ignore_errors=True)
    if all:
        shutil.rmtree(site.cache, ignore_errors=True)
