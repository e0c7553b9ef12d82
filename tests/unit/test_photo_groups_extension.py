"""The photo-group rule: image paragraphs become figures, the next emphasis their caption."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

from markdown import Markdown

from photo_groups import Photo, PhotoGroupsExtension


def render(
    text: str, missing: tuple[str, ...] = (), credit: str = "", opening: bool = False
) -> str:
    def resolve(src: str, alt: str, title: str) -> Photo | None:
        if src in missing:
            return None
        return Photo(src=src, path=Path(src), alt=alt, width=40, height=30, title=title)

    markdown = Markdown(
        extensions=[
            PhotoGroupsExtension(resolve, credit=credit, opening_first=opening)
        ],
        output_format="html5",
    )
    return markdown.convert(dedent(text).strip())


def figures(html: str) -> list[str]:
    return re.findall(r'<figure class="photos photos--\d+">', html)


def test_one_image_paragraph_is_one_figure():
    html = render("![Hội trường](a.jpg)")
    assert figures(html) == ['<figure class="photos photos--1">']
    assert '<img alt="Hội trường" height="30" src="a.jpg" width="40">' in html


def test_emphasis_after_a_figure_is_its_caption():
    html = render("![Hội trường](a.jpg)\n\n*Quang cảnh hội nghị.*")
    assert (
        '<figcaption class="photos__caption">Quang cảnh hội nghị.</figcaption>' in html
    )
    assert "<em>" not in html


def test_several_images_are_one_group_with_one_caption():
    html = render(
        """
        ![A](a.jpg)
        ![B](b.jpg)
        ![C](c.jpg)

        *Bạn đọc trao đổi ý kiến.*
        """
    )
    assert figures(html) == ['<figure class="photos photos--3">']
    assert html.count("<img") == 3
    assert html.count("photos__caption") == 1


def test_an_image_title_captions_that_image_alone():
    html = render('![A](a.jpg)\n![B](b.jpg "Ảnh B")\n\n*Chung.*')
    assert '<figcaption class="photos__item-caption">Ảnh B</figcaption>' in html
    assert html.count("photos__item-caption") == 1


def test_single_image_title_is_the_caption():
    assert '<figcaption class="photos__caption">Tiêu đề</figcaption>' in render(
        '![A](a.jpg "Tiêu đề")'
    )


def test_single_image_with_title_and_caption_shows_both():
    html = render('![A](a.jpg "Tiêu đề")\n\n*Chú thích.*')
    # Each part on a line of its own: text-only readers keep them apart.
    assert '<span class="photos__title">Tiêu đề</span>\n<span>Chú thích.</span>' in html


def test_caption_keeps_its_links():
    html = render("![A](a.jpg)\n\n*Ảnh: [Báo Lào Cai](https://baolaocai.vn)*")
    assert (
        '<figcaption class="photos__caption">Ảnh: <a href="https://baolaocai.vn">Báo Lào Cai</a></figcaption>'
        in html
    )


def test_emphasis_not_after_photos_stays_a_paragraph():
    html = render("Đoạn văn.\n\n*Nhấn mạnh.*")
    assert "<p><em>Nhấn mạnh.</em></p>" in html and not figures(html)


def test_emphasis_with_more_text_is_not_a_caption():
    html = render("![A](a.jpg)\n\n*Không phải* chú thích.")
    assert "<figcaption" not in html
    assert "<p><em>Không phải</em> chú thích.</p>" in html


def test_image_inside_a_sentence_stays_inline_with_its_size():
    html = render("Xem ![biểu tượng](icon.png) ở đây.")
    assert not figures(html)
    assert (
        '<p>Xem <img alt="biểu tượng" height="30" src="icon.png" width="40"> ở đây.</p>'
        in html
    )


def test_groups_stay_where_they_stand_in_the_text():
    html = render("Một.\n\n![A](a.jpg)\n\nHai.\n\n![B](b.jpg)\n![C](c.jpg)\n\nBa.")
    order = re.findall(r"<p>(\w+)\.</p>|photos--(\d)\"", html)
    assert order == [("Một", ""), ("", "1"), ("Hai", ""), ("", "2"), ("Ba", "")]


def test_photos_are_collected_in_order():
    markdown_photos = []

    def resolve(src, alt, title):
        photo = Photo(src=src, path=Path(src), alt=alt, width=1, height=1)
        markdown_photos.append(src)
        return photo

    markdown = Markdown(extensions=[PhotoGroupsExtension(resolve)])
    markdown.convert("![A](a.jpg)\n\ntext ![B](b.jpg)\n\n![C](c.jpg)\n![D](d.jpg)")
    assert [p.src for p in markdown.photos] == ["a.jpg", "c.jpg", "d.jpg", "b.jpg"]


def test_unresolved_photo_is_left_without_a_size():
    html = render("![A](a.jpg)\n![B](missing.jpg)", missing=("missing.jpg",))
    assert '<img alt="B" src="missing.jpg">' in html


def test_an_empty_text_has_no_photos():
    markdown = Markdown(extensions=[PhotoGroupsExtension(lambda *_: None)])
    assert (markdown.convert(""), markdown.photos) == ("", [])


def test_credit_follows_the_group_caption():
    html = render("![A](a.jpg)\n![B](b.jpg)\n\n*Chung.*", credit="Ảnh: Thư viện")
    assert (
        '<figcaption class="photos__caption">Chung.\n'
        '<small class="photos__credit">Ảnh: Thư viện</small></figcaption>'
    ) in html


def test_credit_alone_makes_a_caption():
    html = render("![A](a.jpg)", credit="Ảnh: Thư viện")
    assert (
        '<figcaption class="photos__caption"><small class="photos__credit">'
        "Ảnh: Thư viện</small></figcaption>"
    ) in html


def test_a_posts_opening_photos_move_before_its_first_paragraphs():
    html = render(
        "Mở đầu.\n\nĐoạn hai.\n\n![A](a.jpg)\n![B](b.jpg)\n\n*Hội nghị.*\n\nSau.",
        opening=True,
    )
    assert html.startswith('<figure class="photos photos--2">')
    assert html.index("Hội nghị.") < html.index("Mở đầu.") < html.index("Sau.")


def test_photos_after_a_heading_stay_where_they_are():
    text = "Mở đầu.\n\n## Phần hai\n\n![A](a.jpg)"
    assert render(text, opening=True) == render(text)
    assert render(text).startswith("<p>Mở đầu.</p>")


def test_photos_stay_in_place_unless_asked_to_open_the_text():
    assert render("Mở đầu.\n\n![A](a.jpg)").startswith("<p>Mở đầu.</p>")
