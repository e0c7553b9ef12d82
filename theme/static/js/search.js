// The search page: runs the query of the URL (?q=) on load, then as the
// reader types, through Pagefind's index of the page's language.
//
// Vietnamese: Pagefind ignores tone marks (o, ô, ơ, ộ... are one letter to
// it) but not the đ: "doc" does not find "đọc". Typed without tone marks, d
// may mean đ, so each word with a d is also searched with đ (every d of the
// word at once; at most MAX_VARIANTS searches), and the results are merged
// and ranked once. Nothing that is not on the page is indexed: excerpts show
// the page's own words.

const MAX_VARIANTS = 16;
const SHOWN = 20;
// With a filter chosen, the best results are read (their metadata says
// their kind, category and year) until SHOWN match, at most this many.
const FILTERED_FROM = 100;
const root = document.querySelector("[data-search]");

export function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

// "dong van" -> ["dong van", "đong van", "dong van"... ] (each word with d
// also with đ), the query as typed first.
export function variants(query) {
  let found = [""];
  for (const word of query.trim().split(/\s+/).filter(Boolean)) {
    const options = /d/i.test(word) ? [word, word.replace(/d/g, "đ").replace(/D/g, "Đ")] : [word];
    const next = [];
    for (const start of found) {
      for (const option of options) next.push(start ? `${start} ${option}` : option);
    }
    found = next.length <= MAX_VARIANTS ? next : found.map((start) => `${start} ${word}`);
  }
  return found.filter(Boolean);
}

function escape(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

async function start() {
  const data = root.dataset;
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const status = root.querySelector(".search__status");
  const list = root.querySelector(".search__results");
  const selects = [...form.querySelectorAll("select[data-filter]")];
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  // Arriving from the header's button (no words yet): ready to type.
  if (!input.value) input.focus();
  const pagefind = await import(`${data.bundle}pagefind.js`);
  await pagefind.options({ bundlePath: data.bundle });
  pagefind.init();

  for (const select of selects) select.value = params.get(select.name) || "";

  let latest = 0;
  async function run() {
    const query = input.value.trim();
    const chosen = selects.filter((select) => select.value);
    const url = new URL(location.href);
    url.searchParams.set("q", query);
    for (const select of selects) {
      if (select.value) url.searchParams.set(select.name, select.value);
      else url.searchParams.delete(select.name);
    }
    history.replaceState(null, "", url);
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = data.searching;
    // Tone marks mean nothing to Pagefind; đ does. A query is searched as
    // typed without marks, each d also as đ: typed with or without marks,
    // the same query finds the same pages in the same order.
    const spellings = variants(fold(query));
    const searches = await Promise.all(
      spellings.map((term) => pagefind.search(term)),
    );
    // The spelling that matches best (its best page scores highest) gives the
    // order; the others add what it did not find. So "hoi nghi ban doc" and
    // "Hội nghị bạn đọc" list the same pages in the same order.
    const bySpelling = searches.map((search) => search?.results || [])
      .sort((a, b) => (b[0]?.score || 0) - (a[0]?.score || 0));
    const best = new Map();
    for (const results of bySpelling) {
      for (const result of results) if (!best.has(result.id)) best.set(result.id, result);
    }
    const fits = (item) => chosen.every((select) => item.meta[select.dataset.filter] === select.value);
    let loaded;
    let count = best.size;
    if (chosen.length) {
      const read = await Promise.all([...best.values()].slice(0, FILTERED_FROM).map((result) => result.data()));
      const kept = read.filter(fits);
      count = kept.length;
      loaded = kept.slice(0, SHOWN);
    } else {
      loaded = await Promise.all([...best.values()].slice(0, SHOWN).map((result) => result.data()));
    }
    if (ticket !== latest) return;
    // A person's or a work's page, or a post whose title holds every word,
    // comes before posts that merely mention them.
    const words = fold(query).split(/\s+/).filter(Boolean);
    const named = (item) => words.length > 0 && words.every((w) => fold(item.meta.title || "").includes(w));
    const rank = (item) => (named(item) ? 0 : 2) + (item.meta.kind_key === "post" ? 1 : 0);
    const order = loaded.map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map(({ item }) => item);
    list.replaceChildren(...order.map(render));
    status.textContent = count === 0 ? data.noResults
      : count === 1 ? data.resultsOne : data.resultsMany.replace("{n}", count);
  }

  function render(item) {
    const li = document.createElement("li");
    li.className = "search-result";
    const image = item.meta.image
      ? `<img class="search-result__image" src="${escape(item.meta.image)}" alt="" width="96" height="64" loading="lazy">`
      : "";
    const facts = [item.meta.kind, item.meta.date].filter(Boolean).map(escape).join(" · ");
    li.innerHTML = `${image}<div class="search-result__text">
      <h2 class="search-result__title"><a href="${escape(item.url)}">${escape(item.meta.title || item.url)}</a></h2>
      <p class="search-result__excerpt">${item.excerpt}</p>
      <p class="search-result__facts">${facts}</p></div>`;
    return li;
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  for (const select of selects) select.addEventListener("change", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  if (input.value || selects.some((select) => select.value)) await run();
}

if (root) start();
