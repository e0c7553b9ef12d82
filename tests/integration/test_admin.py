"""The editor at /admin/: Sveltia's files under their version, loading nothing from
elsewhere, a configuration that writes the content model, and a page with its
own policy."""

from __future__ import annotations

import json
import re

import pytest
from ruamel.yaml import YAML

from content_model.fields import VIDEO_KEYS
from content_model.schemas import SCHEMAS
from site_admin.writable import editor_paths
from tests.support import REPO
from tests.support.editor import content_settings

SVELTIA = json.loads(
    (REPO / "node_modules/@sveltia/cms/package.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def config(sample_site):
    return YAML(typ="safe").load((sample_site / "admin/config.yml").read_text("utf-8"))


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields, name):
    return next(f for f in fields if f["name"] == name)


def test_sveltia_is_published_under_its_version(sample_site):
    folder = sample_site / f"admin/sveltia@{SVELTIA['version']}"
    assert (folder / "sveltia-cms.js").is_file()
    assert (folder / "chunks/react-dom.js").is_file()
    assert (folder / "locales/vi.json").is_file()
    assert not list(folder.rglob("*.map"))
    page = (sample_site / "admin/index.html").read_text("utf-8")
    assert (
        f'<script src="sveltia@{SVELTIA["version"]}/sveltia-cms.js"></script>' in page
    )


def test_the_editor_loads_its_words_fonts_and_libraries_from_the_site(sample_site):
    folder = sample_site / f"admin/sveltia@{SVELTIA['version']}"
    script = (folder / "sveltia-cms.js").read_text("utf-8")
    # Sveltia's build asks unpkg.com and jsDelivr for these; here the site has them.
    assert "https://unpkg.com/@sveltia/cms`" not in script
    assert "cdn.jsdelivr.net/fontsource" not in script
    assert "`/admin/sveltia`" in script  # + @<version>/locales/vi.json
    fonts = re.findall(r"/admin/sveltia@[\d.]+/fonts/([\w.-]+\.woff2)", script)
    assert len(fonts) == 3
    assert all((folder / "fonts" / font).is_file() for font in fonts)
    immutable = list(folder.glob("modules/immutable@*/dist/immutable.es.js"))
    assert len(immutable) == 1 and immutable[0].stat().st_size > 50_000


def test_the_editor_page_has_its_own_policy_and_is_not_indexed(sample_site):
    page = (sample_site / "admin/index.html").read_text("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert "connect-src &#x27;self&#x27; https://api.github.com" in policy.group(1)
    assert "127.0.0.1" not in policy.group(1)  # no local host for the public
    assert "&#x27;unsafe-eval&#x27;" not in policy.group(1)
    assert '<meta name="robots" content="noindex">' in page
    assert "<title>Biên tập · Thư viện tỉnh Lào Cai</title>" in page


def test_posts_are_bundles_with_one_file_per_language(config):
    posts = collection(config, "posts")
    # The year of the post's date (not of the day it was written), its name.
    assert (posts["folder"], posts["path"]) == (
        "content/posts",
        "{{fields.date | date('YYYY')}}/{{slug}}/index",
    )
    assert posts["media_folder"] == ""  # photos beside the text
    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": ["vi", "en"],
        "default_locale": "vi",
        "initial_locales": "default",  # a translation is added when written
    }
    # The text opens as Markdown, kept as written (photo groups included).
    assert field(posts["fields"], "body")["modes"] == ["raw", "rich_text"]
    assert field(posts["fields"], "title")["i18n"] is True
    assert "i18n" not in field(posts["fields"], "date")  # a translation inherits it


def test_the_category_is_chosen_from_the_sites_categories(config):
    category = field(collection(config, "posts")["fields"], "category")
    assert category["widget"] == "select"
    keys = [option["value"] for option in category["options"]]
    text = (REPO / "data/categories.yml").read_text("utf-8")
    assert keys == re.findall(r"^\s*- key: (\S+)", text, re.MULTILINE)
    assert category["options"][0]["label"] == "Hoạt động thư viện"


def test_people_and_works_are_chosen_from_their_folders(config):
    fields = collection(config, "posts")["fields"]
    people = field(fields, "people")
    assert (people["widget"], people["collection"], people["multiple"]) == (
        "relation",
        "people",
        True,
    )
    assert field(fields, "works")["collection"] == "works"


def test_the_published_editor_asks_for_review_and_signs_in_to_github(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"
    assert "api_root" not in config["backend"]  # GitHub itself
    assert config["backend"]["repo"] == "thu-vien-lao-cai/site"
    # Staff sign in with a token (no OAuth app to run) and see no stock photos.
    assert "app_id" not in config["backend"] and "base_url" not in config["backend"]
    assert config["backend"]["auth_methods"] == ["token"]
    assert config["media_libraries"]["stock_assets"] is False
    assert config["output"] == {"omit_empty_optional_fields": True}


def test_staff_edit_the_sites_data_files(config):
    data = collection(config, "data")
    files = {item["name"]: item for item in data["files"]}
    assert {name: item["file"] for name, item in files.items()} == {
        "categories": "data/categories.yml",
        "tags": "data/tags.yml",
        "library": "data/library.yml",
    }
    categories = files["categories"]["fields"][0]
    assert [f["name"] for f in categories["fields"]] == ["key", "vi", "en"]
    hours = field(files["library"]["fields"], "opening_hours")
    assert field(hours["fields"], "days")["options"][:2] == ["mon", "tue"]


@pytest.mark.parametrize(
    ("name", "kind", "left_to_files"),
    [
        ("posts", "post", {"slug", "lang"}),
        ("people", "person", {"slug", "lang", "status", "modified"}),
        ("works", "work", {"slug", "lang", "status", "modified"}),
        ("pages", "page", {"slug", "lang", "status", "modified"}),
    ],
)
def test_the_editor_has_a_field_for_every_key_of_the_content_model(
    config, name, kind, left_to_files
):
    fields = {f["name"] for f in collection(config, name)["fields"]}
    assert set(SCHEMAS[kind].fields) - left_to_files <= fields
    assert fields - {"body"} <= set(SCHEMAS[kind].fields)


CHOICES = [
    ("posts", "post", {"status"}),
    ("people", "person", {"roles"}),
    ("works", "work", {"kind"}),
    ("pages", "page", set()),
]


@pytest.mark.parametrize(("name", "kind", "chosen"), CHOICES)
def test_the_editor_offers_exactly_the_values_the_check_accepts(
    config, name, kind, chosen
):
    fields = {f["name"]: f for f in collection(config, name)["fields"]}
    choices = {
        key: list(schema_key.check.options)
        for key, schema_key in SCHEMAS[kind].fields.items()
        if hasattr(getattr(schema_key, "check", None), "options") and key in fields
    }
    offered = {
        key: [
            option["value"] if isinstance(option, dict) else option
            for option in fields[key]["options"]
        ]
        for key in choices
    }
    assert offered == choices
    assert set(choices) == chosen


def test_the_editor_s_video_fields_are_the_keys_the_check_reads(config):
    video = field(collection(config, "posts")["fields"], "video")
    assert {f["name"] for f in video["fields"]} == set(VIDEO_KEYS)


def test_every_folder_and_file_of_the_config_is_one_the_backend_lets_through(config):
    paths = editor_paths(content_settings(REPO / "content"))
    named = [config["media_folder"]]
    for entry in config["collections"]:
        named += [f"{entry['folder']}/x/index.vi.md"] if "folder" in entry else []
        for file in entry.get("files", []):
            named.append(file["file"])
            if "media_folder" in file:
                parent = file["file"].rsplit("/", 1)[0]
                named.append(f"{parent}/{file['media_folder']}/logo.png")
    assert {name: paths.refusal(name) for name in named} == dict.fromkeys(named)
    assert {c["name"] for c in config["collections"]} == paths.collections
