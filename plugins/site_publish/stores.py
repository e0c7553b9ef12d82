"""Where releases are kept: a local folder, or a folder reached with rsync (and SSH).

The publish algorithm (folder.py) asks a store for a few operations on paths
relative to DEST; each store does them its way. `ShellStore` sends files with
rsync (`--link-dest`: unchanged files become hard links to the live release,
only changed bytes travel) and runs the rest as POSIX shell commands, on this
machine for a local DEST or through `ssh user@host` for a remote one.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from .progress import Progress
from .ssh import SharedConnection

_SENT_FILES = re.compile(r"Number of regular files transferred: ([\d,]+)")
_SENT_BYTES = re.compile(r"Total transferred file size: ([\d,]+) bytes")


class LocalStore:
    """Releases in a folder of this machine, done with Python."""

    def __init__(
        self, root: Path, copy: Callable[[Path, Path], object] = shutil.copy2
    ) -> None:
        self.root = root
        self.copy = copy

    @property
    def place(self) -> str:
        """Return the destination as the person publishing wrote it."""
        return str(self.root)

    def read_link(self, name: str) -> str | None:
        """Return where the symlink `name` points, if it is one."""
        link = self.root / name
        return os.readlink(link) if link.is_symlink() else None

    def create_new(self, path: str, text: str) -> bool:
        """Write `path` whole and return True, or False if it exists (atomic).

        The text goes into a temporary file first, then a hard link gives it
        its name: the link fails if the name is taken, and a reader never
        sees the file half written.
        """
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        try:
            os.link(temporary, target)
        except FileExistsError:
            return False
        finally:
            temporary.unlink()
        return True

    def names(self, folder: str, suffix: str) -> list[str]:
        """Return the names in `folder` ending with `suffix`."""
        place = self.root / folder
        return (
            sorted(p.name for p in place.iterdir() if p.name.endswith(suffix))
            if place.is_dir()
            else []
        )

    def read_text(self, path: str) -> str:
        """Return a file's text."""
        return (self.root / path).read_text("utf-8")

    def write_text(self, path: str, text: str) -> None:
        """Write a file whole: readers of it see the old text or the new."""
        target = self.root / path
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)

    def remove(self, path: str) -> None:
        """Remove a file or a folder and all it holds, if there."""
        target = self.root / path
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)

    def fill(
        self,
        output: Path,
        folder: str,
        files: list[str],
        live: str | None,
        same: set[str],
    ) -> tuple[int, int]:
        """Put `files` of `output` into `folder`: those in `same` linked from `live`.

        Returns how many files and bytes were sent.
        """
        to_copy = [p for p in files if live is None or p not in same]
        progress = Progress(
            len(to_copy), sum((output / p).stat().st_size for p in to_copy)
        )
        for path in files:
            target = self.root / folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if live is not None and path in same:
                _link(self.root / live / path, target)
            else:
                self.copy(output / path, target)
                progress.advance(target.stat().st_size)
        progress.finish()
        return progress.files, progress.bytes

    def link(self, source_folder: str, folder: str, paths: list[str]) -> None:
        """Hard-link `paths` of one release into another."""
        for path in paths:
            target = self.root / folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            _link(self.root / source_folder / path, target)

    def rename(self, source: str, target: str) -> None:
        """Rename within DEST (atomic)."""
        (self.root / target).parent.mkdir(parents=True, exist_ok=True)
        os.rename(self.root / source, self.root / target)

    def switch(self, name: str, target: str) -> None:
        """Point the symlink `name` at `target` with one atomic rename."""
        temporary = self.root / f"{name}.new"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(target)
        os.replace(temporary, self.root / name)


class ShellStore:
    """Releases in a folder reached with rsync, and shell commands (SSH if remote).

    `host` is "user@host" for another machine, None for this one.
    """

    def __init__(self, root: str, host: str | None = None) -> None:
        self.root = root.rstrip("/")
        self.host = host
        self.ssh = SharedConnection(host) if host else None

    def _run(self, script: str, stdin: str = "") -> str:
        root = shlex.quote(self.root)
        script = f"set -e; mkdir -p {root}; cd {root}; {script}"
        command = self.ssh.command(script) if self.ssh else ["sh", "-c", script]
        result = subprocess.run(
            command, input=stdin, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            runner = f"ssh {self.host}" if self.ssh else "sh -c"
            raise OSError(f"{runner}: {result.stderr.strip()}")
        return result.stdout

    @property
    def place(self) -> str:
        """Return the destination as the person publishing wrote it."""
        return f"{self.host}:{self.root}" if self.host else self.root

    def create_new(self, path: str, text: str) -> bool:
        """Write `path` whole and return True, or False if it exists (atomic).

        As LocalStore does it, in the shell: a temporary file, then `ln`,
        which fails when the name is taken.
        """
        quoted = shlex.quote(path)
        script = (
            f't=$(mktemp {shlex.quote(path + ".XXXXXX")}); cat > "$t"; '
            f'if ln "$t" {quoted} 2>/dev/null; then echo taken; fi; rm -f "$t"'
        )
        return self._run(script, stdin=text).strip() == "taken"

    def _remote(self, path: str) -> str:
        place = f"{self.root}/{path}"
        return f"{self.host}:{place}" if self.host else place

    def read_link(self, name: str) -> str | None:
        """Return where the symlink `name` points, if it is one."""
        quoted = shlex.quote(name)
        found = self._run(f"if [ -L {quoted} ]; then readlink {quoted}; fi").strip()
        return found or None

    def names(self, folder: str, suffix: str) -> list[str]:
        """Return the names in `folder` ending with `suffix`."""
        quoted = shlex.quote(folder)
        listing = self._run(f"if [ -d {quoted} ]; then ls -1 {quoted}; fi")
        return sorted(name for name in listing.splitlines() if name.endswith(suffix))

    def read_text(self, path: str) -> str:
        """Return a file's text."""
        return self._run(f"cat {shlex.quote(path)}")

    def write_text(self, path: str, text: str) -> None:
        """Write a file whole (a temporary file, then one rename)."""
        quoted, temporary = shlex.quote(path), shlex.quote(path + ".tmp")
        self._run(f"cat > {temporary}; mv {temporary} {quoted}", stdin=text)

    def remove(self, path: str) -> None:
        """Remove a file or a folder and all it holds, if there."""
        self._run(f"rm -rf {shlex.quote(path)}")

    def fill(
        self,
        output: Path,
        folder: str,
        files: list[str],
        live: str | None,
        same: set[str],
    ) -> tuple[int, int]:
        """Send `output` into `folder` with rsync; unchanged files link to `live`."""
        self._run(f"mkdir -p {shlex.quote(folder)}")
        command = ["rsync", "-a", "--checksum", "--stats"]
        if self.ssh:
            command.append(f"--rsh={self.ssh.rsync_shell()}")
        if live is not None:
            # Relative to the folder filled: ../<live release>.
            command.append(f"--link-dest=../{Path(live).name}")
        command += [f"{output}/", self._remote(folder) + "/"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise OSError(f"rsync: {result.stderr.strip()}")
        return _stat(_SENT_FILES, result.stdout), _stat(_SENT_BYTES, result.stdout)

    def link(self, source_folder: str, folder: str, paths: list[str]) -> None:
        """Hard-link `paths` of one release into another (names on standard input)."""
        script = (
            "while IFS= read -r f; do "
            f'mkdir -p "$(dirname {shlex.quote(folder)}/"$f")"; '
            f'ln {shlex.quote(source_folder)}/"$f" {shlex.quote(folder)}/"$f"; done'
        )
        self._run(script, stdin="".join(f"{path}\n" for path in paths))

    def rename(self, source: str, target: str) -> None:
        """Rename within DEST."""
        self._run(f"mv {shlex.quote(source)} {shlex.quote(target)}")

    def switch(self, name: str, target: str) -> None:
        """Point the symlink `name` at `target`: a new link renamed over the old."""
        new = shlex.quote(f"{name}.new")
        self._run(
            f"ln -sfn {shlex.quote(target)} {new}; mv -T {new} {shlex.quote(name)}"
        )


def _link(source: Path, target: Path) -> None:
    """Hard-link an unchanged file into the new release (no bytes copied)."""
    try:
        os.link(source, target)
    except OSError:  # another file system: copy instead
        shutil.copy2(source, target)


def _stat(pattern: re.Pattern[str], text: str) -> int:
    found = pattern.search(text)
    return int(found.group(1).replace(",", "")) if found else 0
