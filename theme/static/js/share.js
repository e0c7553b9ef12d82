// The share bar: the phone's own share sheet (the Web Share API reaches
// Zalo, Messenger and every app the reader has) and "copy link", shown only
// where the browser offers them. The plain links to Zalo and Facebook beside
// them work without this script; nothing is asked of any network before the
// reader taps.

const CONFIRMATION_MS = 6000;

// A confirmation goes after a while; the address shown when copying failed stays.
function say(bar, message, { lasting = false } = {}) {
  const status = bar.querySelector("[data-share-status]");
  status.textContent = message;
  clearTimeout(status.clearing);
  if (lasting) return;
  status.clearing = setTimeout(() => {
    status.textContent = "";
  }, CONFIRMATION_MS);
}

function setUp(bar) {
  const { shareUrl: url, shareTitle: title } = bar.dataset;
  const native = bar.querySelector("[data-share-native]");
  if (native && typeof navigator.share === "function") {
    native.hidden = false;
    native.querySelector("button").addEventListener("click", () => {
      // A reader who closes the sheet rejects the promise: nothing to say.
      navigator.share({ title, url }).catch(() => {});
    });
  }
  const copy = bar.querySelector("[data-share-copy]");
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.querySelector("button").addEventListener("click", () => {
      navigator.clipboard.writeText(url).then(
        () => say(bar, bar.dataset.shareCopied),
        () => say(bar, `${bar.dataset.shareFailed} ${url}`, { lasting: true }),
      );
    });
  }
}

for (const bar of document.querySelectorAll("[data-share-url]")) setUp(bar);
