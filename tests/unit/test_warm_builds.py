"""The live preview's warm process builds in a child prepared ahead, unless code changed."""

import os
import time

import pytest

from site_build.inputs import package_folders
from site_preview import warm_builds
from site_preview.warm_builds import code_stamps, discard, exit_code, spawn, start_build


def _arguments(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("PLUGINS = []\n", "utf-8")
    # No content folder: the build itself fails at once, which is enough here.
    return [str(tmp_path / "content"), "-s", str(settings), "-o", str(tmp_path / "o")]


def _finish(child):
    code = exit_code(child)
    discard(child)
    return code


def test_the_next_build_starts_in_the_prepared_child(tmp_path):
    arguments = _arguments(tmp_path)
    prepared = spawn(arguments, prepared=True)
    child = start_build(arguments, prepared)
    assert child is prepared
    assert _finish(child) != 0  # there is no content folder: the build says so


def test_a_changed_python_file_gets_a_new_child(tmp_path):
    arguments = _arguments(tmp_path)
    prepared = spawn(arguments, prepared=True)
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("PLUGINS = []\nVALUE = 2\n", "utf-8")
    os.utime(settings, ns=(time.time_ns(), time.time_ns() + 10**9))
    child = start_build(arguments, prepared)
    _finish(child)
    assert child.pid != prepared.pid
    with pytest.raises(ChildProcessError):  # the prepared one was ended and reaped
        os.waitpid(prepared.pid, os.WNOHANG)


def test_other_arguments_get_a_new_child(tmp_path):
    arguments = _arguments(tmp_path)
    prepared = spawn(arguments, prepared=True)
    child = start_build([*arguments, "-e", "SITENAME='x'"], prepared)
    _finish(child)
    assert child.pid != prepared.pid


def test_code_stamps_cover_plugins_and_settings_not_content(tmp_path):
    arguments = _arguments(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/notes.py").write_text("", "utf-8")
    stamps = set(code_stamps(arguments))
    assert str(tmp_path / "pelicanconf.py") in stamps
    assert str(package_folders()["site_build"] / "inputs.py") in stamps
    assert str(package_folders()["content_model"] / "checker.py") in stamps
    assert not any(path.startswith(str(tmp_path / "content")) for path in stamps)


def test_discarding_nothing_is_harmless(tmp_path):
    child = spawn(_arguments(tmp_path), prepared=True)
    open_ends = set(warm_builds._PARENT_ENDS)
    discard(None)
    # The children's pipes stay open: the prepared child still builds.
    assert open_ends == warm_builds._PARENT_ENDS
    assert _finish(start_build(_arguments(tmp_path), child)) != 0
