// The editor's setup (/admin/), run after Decap CMS has loaded: its preview
// pane uses the site's own stylesheet, so a post looks there as it will on
// the site.
const script = document.currentScript;
window.CMS.registerPreviewStyle(script.dataset.stylesheet);
