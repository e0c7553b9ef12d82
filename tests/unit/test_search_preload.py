"""The search page's list of what its first search fetches at once."""

from __future__ import annotations

import json

from site_search.preload import BUDGET, cache_tag, preloads, with_preloads


def bundle(tmp_path, chunk_size: int = 100):
    entry = {
        "languages": {
            "vi": {"hash": "vi_abc", "page_count": 3, "wasm": None},
            "en": {"hash": "en_def", "page_count": 1, "wasm": "en"},
        }
    }
    (tmp_path / "pagefind-entry.json").write_text(json.dumps(entry))
    for folder, name in [
        ("index", "vi_1.pf_index"),
        ("index", "en_2.pf_index"),
        ("fragment", "vi_3.pf_fragment"),
    ]:
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_bytes(b"x" * chunk_size)
    return tmp_path


def test_each_language_gets_its_entry_webassembly_metadata_and_chunks(tmp_path):
    tag, files = preloads(bundle(tmp_path))
    assert tag == cache_tag((tmp_path / "pagefind-entry.json").read_bytes())
    assert files["vi"] == [
        f"pagefind-entry.json?ts={tag}",
        "wasm.unknown.pagefind",  # a language without a stemmer
        "pagefind.vi_abc.pf_meta",
        "index/vi_1.pf_index",
    ]
    assert files["en"][1:] == [
        "wasm.en.pagefind",
        "pagefind.en_def.pf_meta",
        "index/en_2.pf_index",
    ]


def test_a_large_index_loads_its_chunks_as_words_are_typed(tmp_path):
    _tag, files = preloads(bundle(tmp_path, chunk_size=BUDGET + 1))
    assert not [name for name in files["vi"] if name.startswith("index/")]


def test_the_page_gets_the_list_and_the_tag_again_at_each_build():
    page = '<div data-search data-preload="old" data-cache-tag="">'
    filled = with_preloads(page, "t1", ["a.pf_meta", "index/b & c"])
    assert filled == (
        '<div data-search data-preload="a.pf_meta index/b &amp; c" data-cache-tag="t1">'
    )
    assert with_preloads(filled, "t2", []) == (
        '<div data-search data-preload="" data-cache-tag="t2">'
    )
