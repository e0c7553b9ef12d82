// Comments (Isso, on the library's comment server): the count of every
// thread on the page in one request, then a post's thread and form only when
// the reader comes near them (Isso's script is 67 KB: a reader who stops at
// the lead never loads it). Nothing is stored on the reader's device before
// they post.

const config = document.querySelector("script[data-comments-server]");
const server = config.dataset.commentsServer;
// How far below the screen the thread starts loading, so it is there on arrival.
const AHEAD = "800px 0px";

async function showCounts() {
  const links = [...document.querySelectorAll("[data-comments-thread]")];
  const threads = [...new Set(links.map((link) => link.dataset.commentsThread))];
  if (!threads.length) return;
  let counts;
  try {
    // A text body makes a "simple" request: one request, no CORS preflight.
    const response = await fetch(`${server}count`, {
      method: "POST",
      body: JSON.stringify(threads),
    });
    if (!response.ok) return;
    counts = await response.json();
  } catch {
    return; // The server is away: the links say "Bình luận" without a count.
  }
  const byThread = new Map(threads.map((thread, i) => [thread, counts[i]]));
  for (const link of links) {
    const count = byThread.get(link.dataset.commentsThread);
    if (!Number.isInteger(count) || count < 1) continue;
    link.textContent = config.dataset.commentsLabel.replace("{n}", count);
    link.closest("[data-comments-reveal]")?.removeAttribute("hidden");
  }
}

// Isso's comment box has a placeholder only: each one Isso draws (the
// form, and a reply's) gets a visible label.
function labelCommentBoxes(section) {
  const words = section.dataset.commentsBoxLabel;
  let made = 0;
  const label = () => {
    for (const box of section.querySelectorAll(".isso-textarea:not([id])")) {
      made += 1;
      box.id = `comments-box-${made}`;
      const text = document.createElement("label");
      text.className = "comments__label";
      text.htmlFor = box.id;
      text.textContent = words;
      box.before(text);
    }
  };
  new MutationObserver(label).observe(section, { childList: true, subtree: true });
}

function loadThread(section) {
  labelCommentBoxes(section);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = section.dataset.commentsStyle;
  document.head.append(style);
  // Isso reads its settings and words from its script's data-isso-* attributes.
  const script = document.createElement("script");
  script.src = section.dataset.commentsEmbed;
  script.dataset.isso = server;
  for (const { name, value } of section.attributes) {
    if (name.startsWith("data-isso-")) script.setAttribute(name, value);
  }
  document.body.append(script);
}

const section = document.getElementById("comments");
if (section) {
  section.querySelector("[data-comments-without-script]").hidden = true;
  const watcher = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watcher.disconnect();
      loadThread(section);
    },
    { rootMargin: AHEAD },
  );
  watcher.observe(section);
}
showCounts();
