"""A site outside this repository has the site's tasks, working on its own folder."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.support import post, run_python, soup, write_new_site

FILES = {
    "posts/2026/ngay-hoi/index.md": post(
        "title: Ngày hội đọc sách\ndate: 2026-04-21\ncategory: am-nhac"
    ),
}


def invoke(site, *arguments, lang="en"):
    """Run `invoke <arguments>` in the site; lang=None: the writers' own language."""
    return run_python(
        site, "-m", "invoke", *arguments, env={"SITE_MESSAGES_LANG": lang}
    )


def test_a_new_sites_tasks_check_and_build_its_own_folder(tmp_path):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    listed = invoke(site, "--list", lang=None)
    assert listed.returncode == 0, listed.stderr
    # The help is in the writers' language (the site's own, Vietnamese).
    assert "Kiểm tra toàn bộ nội dung" in listed.stdout
    assert "bench" not in listed.stdout  # the generator's own tasks are not a site's
    assert "Check all content and data" in invoke(site, "--list").stdout

    checked = invoke(site, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Content OK: 1 files checked" in checked.stdout

    built = invoke(site, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(site, "2026/ngay-hoi/")
    assert "Nhà văn hoá huyện Mẫu" in page.title.get_text()

    made = invoke(site, "new-post", "--title", "Đêm thơ mùa xuân")
    assert made.returncode == 0, made.stdout + made.stderr
    year = sorted((site / "content/posts").iterdir())[-1].name
    assert (site / f"content/posts/{year}/dem-tho-mua-xuan/index.vi.md").is_file()


def test_a_problem_in_a_new_sites_content_is_said_with_its_file(tmp_path):
    site = write_new_site(
        tmp_path / "nha-van-hoa",
        {"posts/2026/sai/index.md": post("title: Sai\ndate: 2026-04-21\ncategory: x")},
    )
    checked = invoke(site, "check")
    assert checked.returncode == 1
    assert "content/posts/2026/sai/index.md:4" in checked.stdout + checked.stderr


def test_a_new_language_starts_from_every_message_of_the_generator(tmp_path):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    started = invoke(site, "new-language", "--lang", "zh")
    assert started.returncode == 0, started.stdout + started.stderr
    catalogue = site / "translations/zh/LC_MESSAGES/messages.po"
    assert f"Created {catalogue}" in started.stdout
    text = catalogue.read_text("utf-8")
    assert 'msgid "Skip to main content"' in text
    assert "Language: zh" in text
    # A language the generator has, or a made-up one, is refused.
    assert "add it to LANGUAGES" in invoke(site, "new-language", "--lang", "en").stderr
    refused = invoke(site, "new-language", "--lang", "xx-nope")
    assert refused.returncode == 1
    assert "is not a language code" in refused.stderr


def test_a_mistake_in_the_settings_is_said_with_its_file_and_line(tmp_path):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    settings = site / "pelicanconf.py"
    lines = settings.read_text("utf-8").splitlines()
    settings.write_text("\n".join([*lines, 'SITENAME = "Nhà văn hoá', ""]), "utf-8")
    checked = invoke(site, "check")
    shown = checked.stdout + checked.stderr
    assert checked.returncode == 1
    assert f"pelicanconf.py, line {len(lines) + 1}: this is not a setting" in shown
    assert "Traceback" not in shown

    settings.write_text("\n".join([*lines, "LANGUAGES = LANGUAGE", ""]), "utf-8")
    checked = invoke(site, "check")
    shown = " ".join((checked.stdout + checked.stderr).split())
    assert checked.returncode == 1
    assert "pelicanconf.py: the settings stop with an error (NameError:" in shown
    assert "Traceback" not in shown

    settings.write_bytes("\n".join(lines).encode("utf-16"))  # another encoding
    checked = invoke(site, "check")
    shown = " ".join((checked.stdout + checked.stderr).split())
    assert checked.returncode == 1
    assert "pelicanconf.py: not UTF-8 text. Save it as UTF-8" in shown
    assert "Traceback" not in shown


def test_what_an_update_left_in_the_settings_is_said_in_the_writers_language(
    tmp_path,
):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    publish = site / "publishconf.py"
    publish.write_text(
        publish.read_text("utf-8")
        + "<<<<<<< before updating\nA = 1\n=======\nA = 2\n>>>>>>> after updating\n",
        "utf-8",
    )
    line = publish.read_text("utf-8").splitlines().index("<<<<<<< before updating")
    for task in ("check", "--list"):
        ran = invoke(site, task, lang=None)
        shown = " ".join((ran.stdout + ran.stderr).split())
        assert ran.returncode == 1
        assert f"publishconf.py, dòng {line + 1}: " in shown
        assert "Traceback" not in shown


def test_a_picture_on_this_computer_becomes_the_logo(tmp_path):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    picture = tmp_path / "Logo nhà văn hoá.jpg"
    Image.new("RGB", (300, 240), "#6a1b9a").save(picture, "JPEG")
    made = invoke(site, "logo", "--path", str(picture), lang=None)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "data/library/logo.png (300x240 px)" in made.stdout
    assert (site / "data/library/logo.png").stat().st_mode & 0o777 == 0o644
    with Image.open(site / "data/library/logo.png") as logo:
        assert (logo.format, logo.size) == ("PNG", (300, 240))
        assert logo.getpixel((5, 5))[:3] == pytest.approx((106, 27, 154), abs=4)
    checked = invoke(site, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = invoke(site, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    header_logo = soup(site, "").select_one(".site-name__logo")["src"]
    with Image.open(site / "output" / header_logo.lstrip("/")) as shown:
        assert shown.convert("RGB").getpixel((20, 20)) == pytest.approx(
            (106, 27, 154), abs=6
        )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "There is no file"),
        (lambda path: path.write_text("<svg/>", "utf-8"), "is not a picture"),
        (
            lambda path: Image.new("RGB", (64, 64)).save(path, "PNG"),
            "is 64x64 px: the logo must be at least 112x112 px",
        ),
    ],
)
def test_a_picture_that_cannot_be_the_logo_is_refused_and_the_logo_kept(
    tmp_path, make, message
):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    before = (site / "data/library/logo.png").read_bytes()
    picture = tmp_path / "logo.png"
    make(picture)
    refused = invoke(site, "logo", "--path", str(picture))
    shown = " ".join((refused.stdout + refused.stderr).split())
    assert refused.returncode == 1
    assert message in shown
    assert "Traceback" not in shown
    assert (site / "data/library/logo.png").read_bytes() == before


def test_the_logo_task_writes_inside_data_only(tmp_path):
    site = write_new_site(tmp_path / "nha-van-hoa", FILES)
    picture = tmp_path / "logo.png"
    Image.new("RGB", (200, 200), "#1b5e20").save(picture, "PNG")
    # A link where the logo is: replaced by the logo, the file it named untouched.
    victim = tmp_path / "victim.txt"
    victim.write_text("secret", "utf-8")
    logo = site / "data/library/logo.png"
    logo.unlink()
    logo.symlink_to(victim)
    assert invoke(site, "logo", "--path", str(picture)).returncode == 0
    assert not logo.is_symlink()
    assert victim.read_text("utf-8") == "secret"
    # library.yml naming a file outside data/: refused, nothing written there.
    facts = site / "data/library.yml"
    facts.write_text(
        facts.read_text("utf-8").replace(
            "logo: library/logo.png", "logo: ../../outside.png"
        ),
        "utf-8",
    )
    refused = invoke(site, "logo", "--path", str(picture))
    assert refused.returncode == 1
    assert "data/library.yml names the logo '../../outside.png'" in refused.stderr
    assert not (tmp_path / "outside.png").exists()
