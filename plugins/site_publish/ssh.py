"""One SSH connection for a whole publish, shared by every command and rsync.

A publish runs some thirty short commands on the host (the lock, the
releases, the switch) beside rsync; each new SSH connection costs a key
exchange and a login (a third of a second on this machine, seconds to a
distant host). OpenSSH's connection sharing (ControlMaster) makes the first
command open a connection that the others reuse. Its socket lies in a
private folder made for this publish, never at a name another user of the
machine could take first; the connection ends with the publish, or at the
latest `PERSIST` after its last command if the publisher was killed.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tempfile
import weakref

# How long a shared connection outlives its last command when nothing ends it.
PERSIST = "60s"


class SharedConnection:
    """`ssh user@host` commands that share one connection while this object lives."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.folder = tempfile.mkdtemp(prefix="ssh-")
        self.options = [
            "-o",
            "ControlMaster=auto",
            "-o",
            f"ControlPath={self.folder}/%C",
            "-o",
            f"ControlPersist={PERSIST}",
        ]
        self._end = weakref.finalize(self, _end, host, self.options, self.folder)

    def command(self, script: str) -> list[str]:
        """Return the command that runs `script` on the host."""
        return ["ssh", *self.options, self.host, script]

    def rsync_shell(self) -> str:
        """Return rsync's --rsh: ssh with the shared connection's options."""
        return shlex.join(["ssh", *self.options])

    def close(self) -> None:
        """End the shared connection now."""
        self._end()


def _end(host: str, options: list[str], folder: str) -> None:
    subprocess.run(
        ["ssh", *options, "-O", "exit", host], capture_output=True, check=False
    )
    shutil.rmtree(folder, ignore_errors=True)
