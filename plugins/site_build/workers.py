"""Independent work shared among the cores, in processes forked from the build.

Rendering a site's pages is most of a cold build, and each page is rendered
on its own. A process forked from the build starts with everything the build
has made so far (the context, the templates already compiled), so nothing is
sent to it: it takes every n-th item, does the work (a page is written to
output/ by the process that renders it) and sends back only the small
results, through a pipe. The build's own process takes its share too.

`BUILD_WORKERS` (pelicanconf.py) sets how many processes: None for every
core this process may run on, 1 for none besides the build's own. Results
come back in the items' order, so what the build does with them does not
depend on which process did which item: the site is the same bytes with one
process or several (tests/integration/test_parallel_build.py).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from site_base.settings import SettingsError

Item = TypeVar("Item")
Result = TypeVar("Result")

WORKERS_SETTING = "BUILD_WORKERS"
# Fewer items than this are done in the build's own process: forking costs
# more than it saves for the handful of pages a live edit renders.
FEWEST_SHARED = 32


def build_workers(settings: dict[str, Any]) -> int:
    """Return how many processes share a build's work (BUILD_WORKERS, checked)."""
    workers = settings.get(WORKERS_SETTING)
    if workers is None:
        return len(os.sched_getaffinity(0)) or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SettingsError(
            f"{WORKERS_SETTING} must be a whole number above 0 (or None: every "
            f"core), not {workers!r}"
        )
    return workers


def processes_for(count: int, workers: int) -> int:
    """Return how many processes `run_shared` uses for `count` items."""
    return 1 if count < FEWEST_SHARED else max(1, min(workers, count))


class WorkerFailed(RuntimeError):
    """A forked process failed: its error could not be sent back as it was."""


def run_shared(
    items: Sequence[Item], work: Callable[[Item], Result], workers: int
) -> list[Result]:
    """Return [work(item) for item in items], shared among `workers` processes.

    `work` must give the same result whichever process runs it; what it
    changes in memory stays in the process that ran it (only its result
    comes back). An error in any process is raised here once every process
    has ended.
    """
    workers = processes_for(len(items), workers)
    if workers == 1:
        return [work(item) for item in items]
    children = [_fork(items, work, share, workers) for share in range(1, workers)]
    results: list[Any] = [None] * len(items)
    try:
        for index in range(0, len(items), workers):
            results[index] = work(items[index])
    finally:  # every process is waited for, whatever failed
        answers = [_answer(pid, read) for pid, read in children]
    for kind, value in answers:
        if kind == "failed":
            raise value
        for index, result in value:
            results[index] = result
    return results


def _fork(
    items: Sequence[Any], work: Callable[[Any], Any], share: int, workers: int
) -> tuple[int, int]:
    """Fork a process doing items share, share + workers...; return pid and pipe."""
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the forked process: never returns
        os.close(read)
        code = 0
        try:
            answer = [(i, work(items[i])) for i in range(share, len(items), workers)]
            payload = pickle.dumps(("done", answer))
        except BaseException as error:  # noqa: BLE001 (sent back, raised there)
            code = 1
            payload = _failure(error)
        with contextlib.suppress(BaseException):
            with os.fdopen(write, "wb") as stream:
                stream.write(payload)
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
    os.close(write)
    return pid, read


def _failure(error: BaseException) -> bytes:
    """Return the pickled error, or its traceback's text when it cannot be pickled."""
    try:
        return pickle.dumps(("failed", error))
    except Exception:  # noqa: BLE001 (any object may refuse pickling)
        text = "".join(traceback.format_exception(error))
        return pickle.dumps(("failed", WorkerFailed(text)))


def _answer(pid: int, read: int) -> tuple[str, Any]:
    """Wait for a forked process; return ("done", results) or ("failed", error)."""
    with os.fdopen(read, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        code = os.waitstatus_to_exitcode(status)
        return "failed", WorkerFailed(f"a build process ended with no answer ({code})")
    return pickle.loads(payload)  # noqa: S301 (our own child's bytes)
