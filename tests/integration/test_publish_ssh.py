"""`invoke publish --to user@host:path` over real SSH: an sshd on 127.0.0.1, a test key.

Debian's openssh-server (installed by .ci/run) is started by the test with its
own host key and configuration; `ssh` and rsync reach it through a wrapper
first in PATH that adds the test's client configuration.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest

from site_base.loopback import free_port
from site_publish.destinations import target_for
from site_publish.lock import LOCK, LockTaken, publish_lock
from site_publish.settings import PublishSettings
from tests.unit.test_site_publish_folder import SITE, Clock, site, write

SSHD = "/usr/sbin/sshd"
HOST = "publish-test"


def _key(path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True
    )


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def ssh_host(tmp_path_factory):
    """Start sshd on a free port of 127.0.0.1; return the folder of its files."""
    if not os.access(SSHD, os.X_OK) or shutil.which("ssh") is None:
        pytest.fail(
            "openssh-server and openssh-client are needed: .ci/run installs them"
        )
    folder = tmp_path_factory.mktemp("ssh")
    _key(folder / "host_key")
    _key(folder / "user_key")
    shutil.copy(folder / "user_key.pub", folder / "authorized_keys")
    port = free_port()
    (folder / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder}/host_key\n"
        f"AuthorizedKeysFile {folder}/authorized_keys\nPidFile {folder}/sshd.pid\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
        "StrictModes no\nPermitRootLogin prohibit-password\n"
        # The remote commands start the user's shell: this machine's own
        # ~/.bashrc (pyenv's set-up here, a tenth of a second each) is not the
        # host under test, so the shell finds an empty home instead.
        f"SetEnv HOME={folder}/home\n",
        encoding="utf-8",
    )
    (folder / "ssh_config").write_text(
        f"Host {HOST}\n  HostName 127.0.0.1\n  Port {port}\n"
        f"  IdentityFile {folder}/user_key\n  IdentitiesOnly yes\n"
        "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
        "  BatchMode yes\n  LogLevel ERROR\n",
        encoding="utf-8",
    )
    (folder / "home").mkdir()
    wrapper = folder / "bin" / "ssh"
    wrapper.parent.mkdir()
    wrapper.write_text(
        f'#!/bin/sh\nexec {shutil.which("ssh")} -F {folder}/ssh_config "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege separation
    log = folder / "sshd.log"
    server = subprocess.Popen(  # noqa: S603
        [SSHD, "-D", "-E", str(log), "-f", str(folder / "sshd_config")]
    )
    deadline = time.monotonic() + 15
    while not _listening(port):
        if server.poll() is not None or time.monotonic() > deadline:
            said = log.read_text("utf-8") if log.exists() else "(nothing logged)"
            pytest.fail(f"sshd did not start: {said}")
        time.sleep(0.1)
    yield folder
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def remote(ssh_host, tmp_path, monkeypatch):
    """Return the destination user@publish-test:<folder> and that folder."""
    monkeypatch.setenv("PATH", f"{ssh_host / 'bin'}{os.pathsep}{os.environ['PATH']}")
    folder = tmp_path / "www"
    return f"{getpass.getuser()}@{HOST}:{folder}", folder


def test_a_release_goes_over_ssh_and_readers_switch_at_once(tmp_path, remote):
    destination, folder = remote
    clock = Clock()
    target = target_for(destination, PublishSettings(retention=timedelta(days=7)))
    target.now = clock
    output = write(tmp_path / "out", SITE)
    first = target.publish(output)
    assert first.uploaded == len(SITE)
    assert site(folder) == SITE
    clock.advance(minutes=1)
    write(output, {"index.html": "edited"})
    second = target.publish(output)
    assert second.sent == ["index.html"]
    assert site(folder)["index.html"] == "edited"
    assert not (folder / LOCK).exists()
    target.rollback()
    assert site(folder) == SITE


def logins(ssh_host) -> int:
    """Return how many times sshd has let the test's key in."""
    return (ssh_host / "sshd.log").read_text("utf-8").count("Accepted publickey")


def test_a_publish_over_ssh_logs_in_once(tmp_path, remote, ssh_host):
    destination, folder = remote
    before = logins(ssh_host)
    target = target_for(destination, PublishSettings(retention=timedelta(days=7)))
    target.publish(write(tmp_path / "out", SITE))
    target.store.ssh.close()
    assert site(folder) == SITE
    assert logins(ssh_host) - before == 1
    assert not Path(target.store.ssh.folder).exists()


def test_a_second_publish_over_ssh_meanwhile_is_refused(tmp_path, remote):
    destination, folder = remote
    clock = Clock()
    cfg = PublishSettings(retention=timedelta(days=7))
    holder = target_for(destination, cfg)
    with publish_lock(holder.store, holder.store.place, clock, timedelta(hours=1)):
        assert (folder / LOCK).is_file()  # taken on the other machine
        second = target_for(destination, cfg)
        second.now = clock
        with pytest.raises(LockTaken, match=f"another publish to {destination} is"):
            second.publish(write(tmp_path / "out", SITE))
    assert not (folder / "current").exists()
    assert not (folder / LOCK).exists()
