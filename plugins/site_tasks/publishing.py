"""Publishing a site: the gates on a production build, then a release at DEST.

`invoke gates` runs the gates (site_gates) on a build, in Chromium and the
Nu Html Checker; `invoke publish` builds what readers get, runs the gates
on those very files and sends a new release (site_publish), then tells the
WebSub hub of the feeds that changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

from site_gates.site import SITE_FOLDER_VARIABLE

from .site import Site, site_settings
from .tasks import preview


@task(
    help={
        "output": "the production build to check (default: output/)",
        "siteurl": "the SITEURL it was built for (default: publishconf.py's)",
        "select": "only the gates whose names match (pytest -k), e.g. 'post and 390'",
    }
)
def gates(c, output=None, siteurl=None, select=None):
    """Check a production build as readers meet it; a failure names page and rule."""
    from site_gates import gates as gates_package  # noqa: PLC0415

    site = Site.of(c)
    _ = site.gettext
    folder = Path(output or site.output).resolve()
    if not (folder / "index.html").is_file():
        message = _("{folder} holds no built site: run `invoke preview` first")
        raise Exit(message.format(folder=folder), code=1)
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(Path(gates_package.__file__).parent),
        "-p",
        "site_gates.plugin",
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
    env = {**os.environ, SITE_FOLDER_VARIABLE: str(site.root)}
    if subprocess.run(command, cwd=site.root, env=env, check=False).returncode != 0:
        raise Exit(_("Gates failed: the pages and rules are listed above."), code=1)


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

    site = Site.of(c)
    _ = site.gettext
    settings = site_settings(site.settings_publish)
    try:
        target = target_for(to, load_settings(settings))
        if rollback:
            print(target.rollback().describe())
            return
        siteurl = siteurl or settings["SITEURL"]
        output = output or site.output
        preview(c, siteurl=siteurl, content=content, output=output)
        if target.is_online(Path(output)):
            # These very files passed the gates when they were published.
            print(_("Nothing to publish: {to} already has this build.").format(to=to))
            return
        gates(c, output=output, siteurl=siteurl)
        summary = target.publish(Path(output))
    except (PublishError, LockTaken) as error:
        raise Exit(_("Cannot publish: {error}.").format(error=error), code=1) from None
    print(summary.describe())
    hub = hub or settings.get("FEEDS", {}).get("websub_hub")
    feeds = [f"{siteurl}/{path}" for path in feed_paths(summary.sent)]
    if feeds and hub and not no_ping:
        try:
            ping_hub(hub, feeds)
            told = _("Told the WebSub hub of {count} changed feeds.")
            print(told.format(count=len(feeds)))
        except WebSubError as error:
            print(_("The site is published, but {error}.").format(error=error))
