// The editor's setup (/admin/), run after Decap CMS has loaded and before it
// starts.
const script = document.currentScript;
const CMS = window.CMS;

// The preview pane uses the site's own stylesheet: a post looks there as it
// will on the site.
CMS.registerPreviewStyle(script.dataset.stylesheet);

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
