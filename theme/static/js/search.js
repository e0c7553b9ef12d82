// The search page: runs the query of the URL (?q=) on load, then as the
// reader types, through Pagefind's index of the page's language.
//
// Vietnamese: Pagefind ignores tone marks (o, ô, ơ, ộ... are one letter to
// it) but not the đ: "doc" does not find "đọc". Typed without tone marks, d
// may mean đ, so each word with a d is also searched with đ (every d of the
// word at once; at most MAX_VARIANTS searches), and the results are merged
// and ranked once. Nothing that is not on the page is indexed: excerpts show
// the page's own words.
//
// Nothing of Pagefind loads with the page: its script, WebAssembly and
// index are fetched when the reader first types, taps the field or picks a
// filter (or at once when the address holds a query), then the index
// chunks of the words as they are typed. Excerpts are taken from the page's
// text after its title, starting at a sentence where one starts nearby.

const MAX_VARIANTS = 16;
const SHOWN = 20;
// Shown first, while the others' texts load: what a browser fetches in one
// round trip (six at a time over HTTP/1.1).
const SHOWN_FIRST = 5;
const EXCERPT_WORDS = 30;
// An excerpt starts at the sentence of its first match when that sentence
// starts at most this many words before it.
const LOOK_BACK = 20;
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

const SENTENCE_END = /[.!?…:;]["”»)]*$/;

// The number of words the page's text starts with that are its title
// (Pagefind's text of a page begins with its <h1>), else 0.
export function titleLength(words, title) {
  const titleWords = (title || "").trim().split(/\s+/).filter(Boolean);
  const bare = (word) => (word || "").replace(/[.:]$/, "");
  const same = titleWords.length > 0 && titleWords.every((word, i) => bare(words[i]) === bare(word));
  return same ? titleWords.length : 0;
}

// An excerpt of `content` (Pagefind's text of the page with < and >
// escaped, its `raw_content`, whose words `locations` points at) from its body: from the start of the
// sentence of the first match after the title, the matched words marked.
export function excerpt(content, locations, title) {
  const words = content.split(/[\r\n\s]+/g).filter(Boolean);
  const body = titleLength(words, title);
  const matches = locations.filter((at) => at >= body).sort((a, b) => a - b);
  let start = matches.length ? matches[0] : body;
  let back = start;
  while (back > body && start - back < LOOK_BACK && !SENTENCE_END.test(words[back - 1])) back--;
  const atSentence = back === body || SENTENCE_END.test(words[back - 1]);
  if (atSentence) start = back;
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const marked = new Set(matches);
  const shown = words.slice(start, end)
    .map((word, i) => (marked.has(start + i) ? `<mark>${word}</mark>` : word));
  return `${atSentence ? "" : "… "}${shown.join(" ")}${end < words.length ? " …" : ""}`;
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
  const filters = form.querySelector("[data-filters]");
  const chosenCount = form.querySelector("[data-filters-count]");
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) select.value = params.get(select.name) || "";
  // Folded on phones; open on wide screens and when a filter is chosen.
  function showChosen() {
    const count = selects.filter((select) => select.value).length;
    chosenCount.textContent = count ? `(${count})` : "";
    if (count) filters.open = true;
  }
  filters.open = matchMedia("(min-width: 48em)").matches;
  showChosen();
  // Arriving from the header's button (no words yet): ready to type. This
  // focus loads nothing; the reader's own (a tap, Tab) does.
  if (!input.value) input.focus();

  let loading;
  function load() {
    loading ??= (async () => {
      // What the first search needs, all at once (the build lists it:
      // site_search.preload); Pagefind then finds it in the browser's cache.
      for (const file of data.preload.split(" ").filter(Boolean)) {
        fetch(data.bundle + file).catch(() => {});
      }
      const pagefind = await import(`${data.bundle}pagefind.js`);
      // Without its worker: one file and one round trip less before the
      // first results, and a small index searches fast on the page itself.
      const options = { bundlePath: data.bundle, noWorker: true };
      if (data.cacheTag) options.metaCacheTag = data.cacheTag;
      await pagefind.options(options);
      await pagefind.init();
      return pagefind;
    })();
    return loading;
  }
  for (const event of ["focus", "pointerdown", "keydown"]) {
    input.addEventListener(event, load, { once: true });
  }

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
    const pagefind = await load();
    if (ticket !== latest) return;
    // Tone marks mean nothing to Pagefind; đ does. A query is searched as
    // typed without marks, each d also as đ: typed with or without marks,
    // the same query finds the same pages in the same order.
    const spellings = variants(fold(query));
    const searches = await Promise.all(
      spellings.map((term) => pagefind.search(term)),
    );
    // Typed on since: the texts of these results would only hold up the next.
    if (ticket !== latest) return;
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
    if (chosen.length) {
      const read = await Promise.all([...best.values()].slice(0, FILTERED_FROM).map((result) => result.data()));
      const kept = read.filter(fits);
      if (ticket === latest) show(query, kept.slice(0, SHOWN), kept.length);
      return;
    }
    // Each result's text is a file of its own: the first few are shown as
    // soon as they arrive (one round trip on a slow network), then the rest.
    const wanted = [...best.values()].slice(0, SHOWN);
    const first = await Promise.all(wanted.slice(0, SHOWN_FIRST).map((result) => result.data()));
    if (ticket !== latest) return;
    show(query, first, best.size);
    if (wanted.length > SHOWN_FIRST) {
      const rest = await Promise.all(wanted.slice(SHOWN_FIRST).map((result) => result.data()));
      if (ticket === latest) show(query, [...first, ...rest], best.size);
    }
  }

  function show(query, loaded, count) {
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
      <p class="search-result__excerpt">${excerpt(item.raw_content, item.locations, item.meta.title)}</p>
      <p class="search-result__facts">${facts}</p></div>`;
    return li;
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
    // The index's chunks of the words typed so far, while the reader types.
    const words = fold(input.value).trim();
    if (words) load().then((pagefind) => pagefind.preload(words));
  });
  for (const select of selects) {
    select.addEventListener("change", () => {
      showChosen();
      run();
    });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  if (input.value || selects.some((select) => select.value)) await run();
}

if (root) start();
