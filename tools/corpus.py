"""A generated site of any size, written in our content model and for plain Pelican.

The benchmarks (`invoke bench`) build both in one run, so our build is
compared with Pelican's own on the same texts. Everything is decided by the
post's number and the corpus's size, so a corpus of 1,000 posts is the same
files on every machine and at every run.

What a post may carry, in shares close to the sample site's: categories,
two to four tags of a long-tailed list, a byline, people and works (their
own pages), a group of photos with a caption (`photos=True`), an English
translation, an event, a video link, a summary.

Its shape (`shape`) changes what costs the most to build, so that a gain on
one kind of site cannot hide a loss on another:
- "text": news posts of three to seven paragraphs (the default);
- "long": reports of twenty to forty blocks, with a heading every few
  paragraphs, bulleted and numbered lists and tables;
- "tagged": eight to fifteen topics of a much longer list and two to four
  bylines per post (many tag and byline pages and feeds);
- photos are the `photos` flag, on any shape ("photos" in the benchmark).
"""

from __future__ import annotations

import functools
import random
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]

# Words of Vietnamese news text about the library; sentences are drawn from them.
WORDS_TEXT = """
thư viện tỉnh Lào Cai bạn đọc sách báo tài liệu phục vụ lưu động trường học
học sinh giáo viên cán bộ hội nghị giao lưu tác giả tác phẩm địa phương nhạc
sĩ ca khúc bài hát thơ truyện ngắn tiểu thuyết văn hoá đọc di sản dân tộc
Mông Dao Tày Giáy Hà Nhì Sa Pa Bắc Hà Bát Xát Mường Khương Văn Bàn Bảo Thắng
Bảo Yên Yên Bái Cam Đường mùa xuân hè thu đông ruộng bậc thang hoa ban hoa
gạo sông Hồng núi Phan Xi Păng chợ phiên tháng năm ngày năm nay kỷ niệm
triển lãm trưng bày ảnh tư liệu số hoá thư viện số không gian tri thức đọc
sách cùng con gia đình cộng đồng làng bản xã phường huyện thị xã thành phố
tổ chức chương trình hoạt động ý nghĩa thiết thực nâng cao chất lượng phát
triển phong trào khuyến khích thói quen lan toả tinh thần yêu sách giới
thiệu tặng trao giải cuộc thi đại sứ văn hoá đọc kể chuyện theo sách vẽ
tranh thiếu nhi người cao tuổi
"""
WORDS = WORDS_TEXT.split()
TAGS = [
    "hội nghị bạn đọc", "văn hoá đọc", "thư viện số", "âm nhạc Tây Bắc",
    "trường học", "thư viện lưu động", "tác giả địa phương", "sách mới",
    "thiếu nhi", "di sản", "dân tộc Mông", "dân tộc Dao", "Sa Pa", "Bắc Hà",
    "triển lãm", "cuộc thi", "ngày sách", "kể chuyện", "thơ", "ca khúc",
    "lịch sử địa phương", "chuyển đổi số", "tình nguyện", "tặng sách",
    "người cao tuổi", "gia đình", "phong trào đọc", "tư liệu quý",
    "ảnh tư liệu", "lễ hội", "chợ phiên", "ruộng bậc thang", "hoa ban",
    "sông Hồng", "Phan Xi Păng", "giáo viên", "học sinh", "hè", "Tết",
    "kỷ niệm",
]  # fmt: skip
AUTHORS = [
    "Ban biên tập", "Minh Anh", "Thu Hà", "Quang Huy", "Lan Phương",
    "Đức Thắng", "Hồng Nhung", "Văn Toàn",
]  # fmt: skip
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Phùng", "Lò", "Giàng"]
GIVEN = ["An", "Bình", "Chiến", "Dũng", "Hạnh", "Khánh", "Linh", "Mai", "Sơn", "Trọng"]
KINDS = ["song", "book", "poem"]
VENUES = ["Cơ sở 1, Thư viện tỉnh Lào Cai", "Cơ sở 2, phường Cam Đường"]
# The shapes of corpus the benchmark builds (`invoke bench --kinds`).
SHAPES = ("text", "long", "tagged")
# A long tail of topics for the "tagged" shape: the list above, then numbered.
MANY_TAGS = [*TAGS, *(f"chủ đề {number:03d}" for number in range(1, 301))]
FIRST_DAY = datetime(2025, 11, 30, 9, 0)
PHOTO_SIZE = (640, 427)


def _rng(*parts: object) -> random.Random:
    """Return a generator seeded by `parts`: the same values for the same post."""
    return random.Random("/".join(map(str, parts)))  # noqa: S311 (not security)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        _sentence(rng, rng.randint(12, 28)) for _ in range(rng.randint(2, 4))
    )


def _long_blocks(rng: random.Random) -> list[str]:
    """Return a report's Markdown blocks: headings, paragraphs, lists, tables."""
    blocks = [_paragraph(rng)]
    for section in range(rng.randint(5, 9)):
        blocks.append(f"## {section + 1}. {_sentence(rng, rng.randint(4, 8))[:-1]}")
        for _ in range(rng.randint(2, 4)):
            blocks.append(_paragraph(rng))
        kind = section % 3
        if kind == 0:
            items = rng.randint(3, 6)
            blocks.append("\n".join(f"- {_sentence(rng, 8)}" for _ in range(items)))
        elif kind == 1:
            items = rng.randint(3, 6)
            blocks.append(
                "\n".join(f"{n + 1}. {_sentence(rng, 10)}" for n in range(items))
            )
        else:
            rows = [
                f"| {_sentence(rng, 3)[:-1]} | {rng.randint(10, 999)} | "
                f"{rng.randint(1, 99)}% |"
                for _ in range(rng.randint(3, 8))
            ]
            blocks.append(
                "\n".join(["| Nội dung | Số lượng | Tỉ lệ |", "| --- | ---: | ---: |"])
                + "\n"
                + "\n".join(rows)
            )
    return blocks


@dataclass(frozen=True)
class Post:
    """One generated post, in terms both formats can write."""

    number: int
    slug: str
    title: str
    date: datetime
    category: str
    tags: list[str]
    authors: list[str]
    paragraphs: list[str]
    summary: str | None = None
    people: list[str] = field(default_factory=list)
    works: list[str] = field(default_factory=list)
    photos: list[tuple[str, str]] = field(default_factory=list)  # file, alt
    caption: str | None = None
    event_venue: str | None = None
    video: str | None = None
    title_en: str | None = None
    paragraphs_en: list[str] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True)
class Corpus:
    """What to generate: posts, whether they carry photos, and their shape."""

    posts: int
    photos: bool = False
    shape: str = "text"

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise ValueError(f"shape {self.shape!r} is not one of {SHAPES}")

    @property
    def people(self) -> int:
        return max(5, self.posts // 25)

    @property
    def works(self) -> int:
        return max(5, self.posts // 15)

    def post(self, number: int) -> Post:
        """Return post `number`: 0 is the newest, `posts` the one a bench adds."""
        rng = _rng("post", number)
        categories = category_keys()
        slug = f"bai-{number:05d}-" + "-".join(
            _slug_word(w) for w in rng.choices(WORDS, k=3)
        )
        topics, picked = (MANY_TAGS, 15) if self.shape == "tagged" else (TAGS, 3)
        weights = [1 / (i + 1) for i in range(len(topics))]
        tags = sorted(set(rng.choices(topics, weights=weights, k=picked)))
        photos = []
        if self.photos and rng.random() < 0.4:  # noqa: PLR2004 (a share of posts)
            photos = [
                (f"anh-{i + 1:02d}.jpg", f"Ảnh {i + 1} của bài {number}")
                for i in range(rng.randint(1, 4))
            ]
        translated = rng.random() < 0.2  # noqa: PLR2004
        return Post(
            number=number,
            slug=slug,
            title=_sentence(rng, rng.randint(8, 16))[:-1],
            date=FIRST_DAY - timedelta(hours=7 * number),
            category=rng.choice(categories),
            tags=tags,
            authors=(
                rng.sample(AUTHORS, rng.randint(2, 4))
                if self.shape == "tagged"
                else [rng.choice(AUTHORS)]
            ),
            paragraphs=(
                _long_blocks(rng)
                if self.shape == "long"
                else [_paragraph(rng) for _ in range(rng.randint(3, 7))]
            ),
            summary=_sentence(rng, 30) if rng.random() < 0.3 else None,  # noqa: PLR2004
            people=sorted(
                {
                    f"nguoi-{rng.randrange(self.people):04d}"
                    for _ in range(rng.randint(0, 2))
                }
            ),
            works=sorted(
                {
                    f"tac-pham-{rng.randrange(self.works):04d}"
                    for _ in range(rng.randint(0, 2))
                }
            ),
            photos=photos,
            caption=_sentence(rng, 10) if photos else None,
            event_venue=rng.choice(VENUES) if rng.random() < 0.1 else None,  # noqa: PLR2004
            video=(
                f"https://www.youtube.com/watch?v=corpus{number:05d}"
                if rng.random() < 0.05  # noqa: PLR2004
                else None
            ),
            title_en=f"Library news number {number}" if translated else None,
            paragraphs_en=(
                [f"An English version of post {number}. " * 12] * 3
                if translated
                else []
            ),
        )


def _slug_word(word: str) -> str:
    from pelican.utils import slugify  # noqa: PLC0415 (pelican imports are slow)

    return slugify(word, regex_subs=[]) or "x"


@functools.cache
def category_keys() -> tuple[str, ...]:
    """Return the sample site's category keys (the corpus uses its data files)."""
    import yaml  # noqa: PLC0415

    data = yaml.safe_load((ROOT / "data" / "categories.yml").read_text("utf-8"))
    return tuple(entry["key"] for entry in data["categories"])


def write_photo(path: Path, number: int) -> None:
    """Write a JPEG of its own bytes (the photo cache is keyed by content)."""
    rng = _rng("photo", path.name, number)
    image = Image.new("RGB", PHOTO_SIZE, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randint(20, 200), y + rng.randint(20, 200)), colour)
    image.save(path, "JPEG", quality=85)


# Our content model -------------------------------------------------------------


def _yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _body(post: Post, *, static_prefix: str = "") -> str:
    """Return the Markdown body: paragraphs, a photo group after the first, a video."""
    blocks = [post.paragraphs[0]]
    if post.photos:
        blocks.append(
            "\n".join(f"![{alt}]({static_prefix}{name})" for name, alt in post.photos)
        )
        blocks.append(f"*{post.caption}*")
    if post.video:
        blocks.append(post.video)
    blocks += post.paragraphs[1:]
    return "\n\n".join(blocks) + "\n"


def our_post_text(post: Post) -> str:
    """Return the post's `index.vi.md`."""
    lines = [
        "---",
        f"title: {post.title}",
        f"date: {post.date:%Y-%m-%d %H:%M}",
        f"category: {post.category}",
        f"tags: {_yaml_list(post.tags)}",
        f"authors: {_yaml_list(post.authors)}",
    ]
    if post.summary:
        lines.append(f"summary: {post.summary}")
    if post.people:
        lines.append(f"people: {_yaml_list(post.people)}")
    if post.works:
        lines.append(f"works: {_yaml_list(post.works)}")
    if post.event_venue:
        lines += [
            "event:",
            f"  start: {post.date:%Y-%m-%d %H:%M}",
            f"  venue: {post.event_venue}",
        ]
    lines += ["---", "", _body(post)]
    return "\n".join(lines)


def our_translation_text(post: Post) -> str:
    """Return the post's `index.en.md` (title and body; the rest is inherited)."""
    summary = [f"summary: Summary of post {post.number}."] if post.summary else []
    return "\n".join(
        [
            "---",
            f"title: {post.title_en}",
            *summary,
            "---",
            "",
            "\n\n".join(post.paragraphs_en),
            "",
        ]
    )


def write_our_post(site: Path, post: Post) -> Path:
    """Write the post's bundle under site/content/posts/; return its folder."""
    bundle = site / "content" / "posts" / str(post.year) / post.slug
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "index.vi.md").write_text(our_post_text(post), encoding="utf-8")
    if post.title_en:
        (bundle / "index.en.md").write_text(
            our_translation_text(post), encoding="utf-8"
        )
    for name, _alt in post.photos:
        write_photo(bundle / name, post.number)
    return bundle


def write_ours(site: Path, corpus: Corpus) -> Path:
    """Write the corpus as a site in our content model; return the site folder."""
    (site / "data").mkdir(parents=True, exist_ok=True)
    for name in ("categories.yml", "tags.yml", "library.yml"):
        shutil.copyfile(ROOT / "data" / name, site / "data" / name)
    shutil.copytree(
        ROOT / "data" / "library", site / "data" / "library", dirs_exist_ok=True
    )
    for number in range(corpus.people):
        folder = site / "content" / "people" / f"nguoi-{number:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.vi.md").write_text(
            _person_text(number, front=True), encoding="utf-8"
        )
    for number in range(corpus.works):
        folder = site / "content" / "works" / f"tac-pham-{number:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.vi.md").write_text(
            _work_text(number, corpus, front=True), encoding="utf-8"
        )
    for number in range(corpus.posts):
        write_our_post(site, corpus.post(number))
    return site


def _person_name(number: int) -> str:
    rng = _rng("person", number)
    return f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {number}"


def _person_text(number: int, *, front: bool) -> str:
    name = _person_name(number)
    body = _paragraph(_rng("person-body", number))
    if front:
        return f"---\nname: {name}\nroles: [author]\n---\n\n{body}\n"
    return f"Title: {name}\nSlug: nguoi-{number:04d}\n\n{body}\n"


def _work_text(number: int, corpus: Corpus, *, front: bool) -> str:
    rng = _rng("work", number)
    title = _sentence(rng, 4)[:-1]
    kind = rng.choice(KINDS)
    creator = f"nguoi-{rng.randrange(corpus.people):04d}"
    body = _paragraph(rng)
    if front:
        return (
            f"---\ntitle: {title}\nkind: {kind}\ncreators: [{creator}]\n---\n\n{body}\n"
        )
    return f"Title: {title}\nSlug: tac-pham-{number:04d}\n\n{body}\n"


# Plain Pelican ---------------------------------------------------------------------

PLAIN_SETTINGS = """
SITENAME = "bench"
PATH = "content"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["posts"]
STATIC_EXCLUDE_SOURCES = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DEFAULT_PAGINATION = 10
TAG_SAVE_AS = "tag/{slug}/index.html"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Its own content cache, as a site that rebuilds would switch on.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache"
# Plain Pelican writing its own feeds, as ours does (ours: 20 items, 30 for
# the site's feed).
FEED_DOMAIN = "https://bench.example"
FEED_MAX_ITEMS = 20
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
"""


def plain_post_text(post: Post) -> str:
    """Return the post in Pelican's `Key: value` Markdown, photos as {static} links."""
    lines = [
        f"Title: {post.title}",
        f"Date: {post.date:%Y-%m-%d %H:%M}",
        f"Category: {post.category}",
        f"Tags: {', '.join(post.tags)}",
        f"Authors: {', '.join(post.authors)}",
        f"Slug: {post.slug}",
    ]
    if post.summary:
        lines.append(f"Summary: {post.summary}")
    return "\n".join(lines) + "\n\n" + _body(post, static_prefix="{static}")


def plain_translation_text(post: Post) -> str:
    """Return the English version, linked to the post by its slug as Pelican does."""
    return (
        f"Title: {post.title_en}\nDate: {post.date:%Y-%m-%d %H:%M}\n"
        f"Category: {post.category}\nSlug: {post.slug}\nLang: en\n\n"
        + "\n\n".join(post.paragraphs_en)
        + "\n"
    )


def write_plain_post(site: Path, post: Post) -> Path:
    """Write the post under site/content/posts/; return its folder."""
    folder = site / "content" / "posts" / str(post.year) / post.slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(plain_post_text(post), encoding="utf-8")
    if post.title_en:
        (folder / "index-en.md").write_text(
            plain_translation_text(post), encoding="utf-8"
        )
    for name, _alt in post.photos:
        write_photo(folder / name, post.number)
    return folder


def write_plain(site: Path, corpus: Corpus) -> Path:
    """Write the corpus for plain Pelican (people, works as pages); return the site."""
    pages = site / "content" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for number in range(corpus.people):
        (pages / f"nguoi-{number:04d}.md").write_text(
            _person_text(number, front=False), encoding="utf-8"
        )
    for number in range(corpus.works):
        (pages / f"tac-pham-{number:04d}.md").write_text(
            _work_text(number, corpus, front=False), encoding="utf-8"
        )
    for number in range(corpus.posts):
        write_plain_post(site, corpus.post(number))
    (site / "settings.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
    return site


# Changes the benchmarks make -----------------------------------------------------


def edit_post(folder: Path, name: str, stamp: str) -> None:
    """Change one sentence of a post's body, as a writer fixing a typo does."""
    path = folder / name
    text = path.read_text("utf-8")
    path.write_text(text.rstrip("\n") + f" Đã sửa lúc {stamp}.\n", encoding="utf-8")


def main() -> None:
    """Write a corpus into a folder: `python -m tools.corpus FOLDER --posts N`."""
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--photos", action="store_true")
    parser.add_argument("--shape", choices=SHAPES, default="text")
    arguments = parser.parse_args()
    corpus = Corpus(arguments.posts, photos=arguments.photos, shape=arguments.shape)
    write_ours(arguments.folder / "ours", corpus)
    write_plain(arguments.folder / "plain", corpus)
    print(f"{arguments.folder}/ours and {arguments.folder}/plain: {corpus.posts} posts")


if __name__ == "__main__":
    main()


def corpus_of(posts: int, kind: str) -> Corpus:
    """Return the corpus the benchmark calls `kind`: a shape, or "photos"."""
    if kind == "photos":
        return Corpus(posts, photos=True)
    return Corpus(posts, shape=kind)
