"""Work shared among forked processes comes back whole, in order, errors included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_base.settings import SettingsError
from site_build.workers import FEWEST_SHARED, build_workers, run_shared


def square_and_process(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_results_come_back_in_the_items_order_from_every_process():
    items = list(range(FEWEST_SHARED * 3))
    results = run_shared(items, square_and_process, 3)
    assert [square for square, _pid in results] == [n * n for n in items]
    processes = {pid for _square, pid in results}
    assert len(processes) == 3
    assert os.getpid() in processes  # the build's own process takes its share


def test_a_few_items_are_done_in_the_build_process_alone():
    results = run_shared(list(range(FEWEST_SHARED - 1)), square_and_process, 2)
    assert {pid for _square, pid in results} == {os.getpid()}


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise LookupError(f"no page for {number}")
    return number


def test_an_error_in_another_process_is_raised_here_as_it_was():
    with pytest.raises(LookupError, match="no page for 7"):
        run_shared(list(range(FEWEST_SHARED * 2)), fail_on_seven, 2)
    assert unreaped_children() == []  # every forked process was waited for


def unreaped_children() -> list[int]:
    """Return the pids of this process's children that ended and were not waited for."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            found.append(int(stat.parent.name))
    return found


def test_what_a_process_changes_in_memory_stays_there():
    seen: list[int] = []

    def remember(number: int) -> int:
        seen.append(number)
        return number

    run_shared(list(range(FEWEST_SHARED * 2)), remember, 2)
    assert seen == list(range(0, FEWEST_SHARED * 2, 2))  # this process's share


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_build_workers_refuses_anything_but_a_whole_number_above_zero(workers):
    with pytest.raises(SettingsError, match="BUILD_WORKERS must be a whole number"):
        build_workers({"BUILD_WORKERS": workers})


def test_build_workers_is_every_core_unless_set():
    assert build_workers({}) == len(os.sched_getaffinity(0))
    assert build_workers({"BUILD_WORKERS": 1}) == 1
