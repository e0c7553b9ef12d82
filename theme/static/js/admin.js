// The editor's setup (/admin/), run after Sveltia CMS has loaded and before it
// starts.
const script = document.currentScript;
const CMS = window.CMS;

// On a writer's computer (`invoke edit`) the editor saves to the local host,
// which knows this computer's token: the writer is signed in without typing it.
const localToken = script.dataset.localToken;
if (localToken) {
  const user = JSON.parse(localStorage.getItem("sveltia-cms.user") || "null");
  if (!user || user.token !== localToken) {
    localStorage.setItem(
      "sveltia-cms.user",
      JSON.stringify({ backendName: "github", token: localToken }),
    );
  }
}

// The preview pane uses the site's own stylesheet: a post looks there as it
// will on the site.
CMS.registerPreviewStyle(script.dataset.stylesheet);

// A post's preview, laid out as the site lays out a post: its title, lead
// and text in the site's classes. The preview writes the photos of a
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
