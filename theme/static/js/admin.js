// The editor's setup (/admin/), run after Decap CMS has loaded and before it
// starts.
const script = document.currentScript;
const CMS = window.CMS;

// The preview pane uses the site's own stylesheet: a post looks there as it
// will on the site.
CMS.registerPreviewStyle(script.dataset.stylesheet);

// A post's preview, laid out as the site lays out a post: its title, lead
// and text in the site's classes. Decap's preview writes the photos of a
// paragraph as <img> siblings; as photo_groups.rows does on the site, they sit
// two by two, the first alone (full width) when they are an odd number (runs
// of up to 9 are told apart), and the emphasised paragraph after them is
// their caption.
// The first photo of a run of n: n - 1 photos after it, then something else
// (:has() cannot hold another :has(), so the run's end is "not a photo").
const ODD_FIRST = [3, 5, 7, 9].map(
  (n) => `.prose img:not(img + img):has(${"+ img ".repeat(n - 1)}+ :not(img))`,
);
const PREVIEW_CSS = `
.prose img { display: block; width: 100%; height: auto; margin: 1.5rem 0 0;
  border-radius: calc(var(--radius) / 2); }
.prose img:has(+ img), .prose img + img { display: inline-block;
  width: calc(50% - 6px); vertical-align: top; margin-top: 8px; }
.prose img + img { margin-left: 4px; }
${ODD_FIRST.join(",\n")} { display: block; width: 100%; }
${ODD_FIRST.map((first) => `${first} + img`).join(",\n")} { margin-left: 0; }
.prose img + p:has(> em:only-child) { margin-top: 0.4rem; color: var(--muted);
  font-size: 0.925rem; }
`;
CMS.registerPreviewStyle(PREVIEW_CSS, { raw: true });

const h = window.h;
const PostPreview = window.createClass({
  render() {
    const data = this.props.entry.get("data");
    const summary = data.get("summary");
    return h(
      "article",
      { className: "post" },
      h(
        "header",
        { className: "post__header" },
        h("h1", { className: "post__title" }, data.get("title")),
        summary ? h("p", { className: "lead" }, summary) : null,
      ),
      h("div", { className: "prose" }, this.props.widgetFor("body")),
    );
  },
});
CMS.registerPreviewTemplate("posts", PostPreview);

// People and works are named by their folder ("phung-chien"). Decap's
// relation widget names an entry of a folder collection by its file's path
// in the folder ("phung-chien/index": decap-cms#4092). The "folder_relation"
// widget is that widget, given and giving folder names.
const relation = CMS.getWidget("relation");

function inEditor(value) {
  return typeof value === "string" && value && !value.endsWith("/index")
    ? `${value}/index`
    : value;
}

function inFile(value) {
  return typeof value === "string" ? value.replace(/\/index$/, "") : value;
}

function each(value, change) {
  return value && typeof value.map === "function" ? value.map(change) : change(value);
}

const FolderRelation = window.createClass({
  render() {
    return window.h(relation.control, {
      ...this.props,
      value: each(this.props.value, inEditor),
      onChange: (value, metadata) => this.props.onChange(each(value, inFile), metadata),
    });
  },
});
CMS.registerWidget("folder_relation", FolderRelation, relation.preview);

// A date without a time shows no time on the site. Decap's date picker always
// has one: midnight is saved as the day alone, so opening and saving a post
// dated "2025-11-06" leaves it as it was.
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2}) 00:00$/;

function withoutMidnight(value) {
  return typeof value === "string" ? value.replace(MIDNIGHT, "$1") : value;
}

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    let data = entry.get("data");
    if (data.get("date")) data = data.set("date", withoutMidnight(data.get("date")));
    for (const key of ["start", "end"]) {
      if (data.getIn(["event", key])) {
        data = data.setIn(["event", key], withoutMidnight(data.getIn(["event", key])));
      }
    }
    return data;
  },
});
