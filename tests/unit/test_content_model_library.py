"""data/library.yml: the library's facts, each checked with the line to fix."""

from __future__ import annotations

import shutil

import pytest

from content_model.library import load_library
from content_model.problems import ProblemList
from tests.support import REPO, jpeg

LANGUAGES = ("vi", "en")
SAMPLE = (REPO / "data" / "library.yml").read_text("utf-8")


@pytest.fixture
def data(tmp_path):
    shutil.copytree(REPO / "data" / "library", tmp_path / "library")
    return tmp_path


def problems_of(data, text):
    (data / "library.yml").write_text(text, encoding="utf-8")
    problems = ProblemList()
    library = load_library(data / "library.yml", LANGUAGES, problems)
    return library, [p.describe(data) for p in problems.errors]


def test_the_sample_facts_are_read(data):
    library, problems = problems_of(data, SAMPLE)
    assert problems == []
    assert library.name("en") == "Lao Cai Provincial Library"
    assert library.name("sv") == "Thư viện tỉnh Lào Cai"
    assert library.opening_hours[0].days == ("mon", "tue", "wed", "thu", "fri")
    assert (library.latitude, library.longitude) == (22.43, 103.99)
    assert library.podcast_artwork.width == 1400
    assert library.logo.path == data / "library" / "logo.png"


def test_a_missing_file_is_an_error_with_an_example(tmp_path):
    problems = ProblemList()
    assert load_library(tmp_path / "library.yml", LANGUAGES, problems) is None
    (problem,) = problems.errors
    assert "the library's facts are missing: create this file" in problem.message
    assert "podcast_artwork:" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'phone: "+84 214 000 0000"',
            "phone: gọi thư viện",
            "library.yml:15: error: 'phone' 'gọi thư viện' is not a phone number",
        ),
        (
            "email: thuvien@laocai.example",
            "email: thuvien",
            "library.yml:16: error: 'email' 'thuvien' is not an e-mail address",
        ),
        (
            'opens: "07:30", closes: "17:00"',
            'opens: "17:00", closes: "07:30"',
            "library.yml:17: error: 'opening_hours' item 1: write opens and closes",
        ),
        (
            "days: [mon, tue",
            "days: [monday, tue",
            "library.yml:17: error: 'opening_hours' item 1: days must be a list of mon",
        ),
        (
            "geo: {lat: 22.43, lon: 103.99}",
            "geo: {lat: 122.43, lon: 103.99}",
            "library.yml:19: error: 'geo' lat must be from -90 to 90",
        ),
        (
            "  country: VN",
            "  country: Việt Nam",
            "library.yml:10: error: 'address' country must be a two-letter code",
        ),
        (
            "podcast_artwork: library/podcast.jpg",
            "podcast_artwork: library/logo.png",
            "library.yml:23: error: 'podcast_artwork' 'library/logo.png' is 512x512 px: "
            "the podcast artwork must be at least 1400x1400 px",
        ),
        (
            "logo: library/logo.png",
            "logo: library/logo.svg",
            "library.yml:22: error: 'logo' 'library/logo.svg' must be a picture file",
        ),
        (
            "logo: library/logo.png",
            "logo: library/khong-co.png",
            "library.yml:22: error: 'logo' there is no file 'library/khong-co.png'",
        ),
        (
            "email: thuvien@laocai.example",
            "e-mail: thuvien@laocai.example",
            "library.yml:16: error: 'e-mail' is not a fact this file holds",
        ),
        (
            "  en: Lao Cai Provincial Library",
            "  fr: Bibliothèque",
            "library.yml:7: error: 'name' has names in unknown languages: fr",
        ),
    ],
)
def test_a_bad_value_names_the_line_and_the_fix(data, old, new, expected):
    assert old in SAMPLE
    library, problems = problems_of(data, SAMPLE.replace(old, new))
    assert library is None
    assert any(p.startswith(expected) for p in problems), problems


def test_a_missing_fact_is_named(data):
    text = "\n".join(line for line in SAMPLE.splitlines() if "phone" not in line)
    _library, problems = problems_of(data, text)
    assert problems[0].startswith("library.yml: error: needs 'phone'")


def test_a_small_logo_is_accepted_but_artwork_needs_1400_px(data):
    (data / "library" / "big.jpg").write_bytes(jpeg(1500, 1400))
    text = SAMPLE.replace("library/podcast.jpg", "library/big.jpg")
    library, problems = problems_of(data, text)
    assert problems == []
    assert library.podcast_artwork.height == 1400


def test_the_legal_facts_are_read_in_each_language(data):
    library, problems = problems_of(data, SAMPLE)
    assert problems == []
    assert library.fact("managing_agency", "vi").startswith("Sở Văn hoá")
    assert library.fact("responsible_person", "en").startswith("Director")
    assert library.licence == {}


def test_a_missing_managing_agency_is_an_error_naming_the_key(data):
    text = SAMPLE.replace("managing_agency:", "managing_agencies:")
    _library, problems = problems_of(data, text)
    assert any("needs 'managing_agency', like" in problem for problem in problems)


def test_a_licence_without_the_default_language_says_what_to_write(data):
    _library, problems = problems_of(data, SAMPLE + "licence: {en: Licence 12}\n")
    assert any(
        "'licence' needs a text, or one per language with at least vi" in problem
        for problem in problems
    )
