"""`invoke edit`'s token: made once per computer, kept for the writer alone."""

from __future__ import annotations

import stat

from site_admin.local_host import TOKEN_FILE, writers_token


def test_the_token_is_the_same_at_every_run_and_only_the_writer_reads_it(tmp_path):
    first = writers_token(tmp_path)
    assert len(first) >= 32
    assert writers_token(tmp_path) == first
    mode = stat.S_IMODE((tmp_path / TOKEN_FILE).stat().st_mode)
    assert mode == 0o600


def test_a_token_file_that_is_a_link_or_too_short_is_replaced(tmp_path):
    (tmp_path / "editor").mkdir()
    (tmp_path / "known").write_text("a-token-someone-else-chose-for-me\n")
    (tmp_path / TOKEN_FILE).symlink_to(tmp_path / "known")
    token = writers_token(tmp_path)
    assert token != "a-token-someone-else-chose-for-me"
    assert not (tmp_path / TOKEN_FILE).is_symlink()
    (tmp_path / TOKEN_FILE).write_text("short\n")
    assert writers_token(tmp_path) not in ("short", token)
