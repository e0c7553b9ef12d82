"""Builds of this tree and of a git commit beside it, for the benchmarks that compare.

`site_builds` builds the sample site as published (`invoke preview`) for a
free port, here and, with a baseline, in a temporary worktree of that
commit; a commit whose package-lock.json differs gets its own front-end
packages (an older editor, another lightbox), else it shares this one's.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_base.loopback import free_port
from tools.lighthouse import build

ROOT = Path(__file__).resolve().parents[1]
LOCK = "package-lock.json"


def worktree(ref: str, folder: Path) -> Path:
    """Check `ref` out in `folder`, with its own front-end packages if they differ."""
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), ref],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    if (folder / LOCK).read_bytes() == (ROOT / LOCK).read_bytes():
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
    else:
        subprocess.run(
            ["npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=folder,
            check=True,
            capture_output=True,
        )
    return folder


def site_at(root: Path, folder: Path) -> tuple[Path, int]:
    """Build the checkout `root` for a free port; return its output and port."""
    port = free_port()
    output = folder / f"site-{port}"
    build(output, f"http://127.0.0.1:{port}", root, quiet=True)
    return output, port


@contextmanager
def baseline_checkout(ref: str | None, folder: Path) -> Iterator[Path | None]:
    """Yield a worktree of commit `ref` in `folder` (None without one); remove it."""
    if not ref:
        yield None
        return
    checkout = worktree(ref, folder)
    try:
        yield checkout
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(checkout)],
            cwd=ROOT,
            check=False,
        )


@contextmanager
def site_builds(folder: Path, baseline: str | None) -> Iterator[dict]:
    """Yield {"now": (output, port)}, and "baseline" when a commit is given."""
    builds = {"now": site_at(ROOT, folder)}
    with baseline_checkout(baseline, folder / "baseline") as checkout:
        if checkout is not None:
            builds["baseline"] = site_at(checkout, folder)
    yield builds


def write_results(name: str, baseline: str | None, runs: int, results: dict) -> None:
    """Write the figures to bench/results/<name>.json and say where."""
    out = ROOT / "bench" / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"baseline_ref": baseline, "runs": runs, **results}
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Written to {out.relative_to(ROOT)}")
