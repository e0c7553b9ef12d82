"""Smarty made quick gives the same HTML, byte for byte, as smarty alone."""

from __future__ import annotations

import markdown
import pytest

from content_model.typography import QuickSmartyExtension
from tests.support import project_settings
from tools.corpus import Corpus, our_post_text

# The site's own Markdown settings (pelicanconf.py), smarty among them.
SMARTY = project_settings()["MARKDOWN"]["extension_configs"]

SAMPLES = [
    'Khẩu hiệu "Lấy bạn đọc làm trung tâm" -- năm 2025... và \'90s.',
    "Không có gì để đổi ở đây: chữ, số 2025, dấu chấm. Và dấu phẩy, hết.",
    '**Đậm** và *nghiêng* "trích" [liên kết](https://a.vn/ \'tiêu đề\') `mã "x"`',
    '> Trích dẫn: \'một\' --- "hai"\n\n- mục "một"\n- mục -- hai\n\n1. a...\n2. b',
    '| Cột | "Trích" |\n| --- | --- |\n| 1 -- 2 | ... |\n\n```\nmã "giữ" -- nguyên\n```',
    'Thoát \\"dấu\\" và <span title="a">"HTML"</span> rồi <<góc>> và chữ\'s.',
    '*[HTML]: Hyper Text\n\nĐoạn có HTML "và" chú thích[^1].\n\n[^1]: Chú "thích".',
]


def converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    assert "markdown.extensions.smarty" in SMARTY
    plain = markdown.Markdown(extensions=list(SMARTY), extension_configs=SMARTY)
    quick = markdown.Markdown(
        extensions=[*SMARTY, QuickSmartyExtension()], extension_configs=SMARTY
    )
    return plain, quick


@pytest.mark.parametrize("text", SAMPLES)
def test_quick_smarty_makes_the_html_smarty_makes(text):
    plain, quick = converters()
    expected = plain.convert(text)
    assert quick.convert(text) == expected
    assert "“" in expected or "–" in expected or '"' not in text


@pytest.mark.parametrize("shape", ["text", "long", "tagged"])
def test_quick_smarty_makes_the_same_html_for_generated_posts(shape):
    plain, quick = converters()
    corpus = Corpus(40, shape=shape)
    for number in range(40):
        text = our_post_text(corpus.post(number))
        assert quick.reset().convert(text) == plain.reset().convert(text)


def test_quick_smarty_marks_only_where_smarty_is():
    quick = markdown.Markdown(extensions=["extra", QuickSmartyExtension()])
    assert "smarty_quiet_text" not in quick.treeprocessors
    assert quick.convert('"a" -- b') == '<p>"a" -- b</p>'
