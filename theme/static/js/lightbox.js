// Open an article's photos in PhotoSwipe (swipe, arrows, Esc, captions).
// Nothing of PhotoSwipe loads before the reader opens a photo: this loader
// waits for the first tap (or Enter) on a photo, then loads the styles and
// modules, and opens the photo that was tapped. Without JavaScript each photo
// is a link to its large version. The addresses of the fingerprinted files
// and the labels (in the page's language) come from data-* of the article.

const root = document.querySelector("[data-lightbox]");

function captionOf(link) {
  const parts = [];
  const item = link.closest(".photos__item");
  const own = item && item.querySelector(":scope > figcaption");
  if (own) parts.push(own.innerHTML);
  const group = link.closest("figure.photos");
  const shared = group && group.querySelector(":scope > figcaption");
  if (shared) parts.push(shared.innerHTML);
  return parts.join("<br>");
}

function stylesheet(href) {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve);
    document.head.append(link);
  });
}

// The format the page's <picture>s chose (AVIF where the browser shows it):
// the lightbox offers the same, through the <source> of that type.
function sourceType() {
  const shown = [...root.querySelectorAll("a.photo-link img")].find((img) => img.currentSrc);
  const name = shown ? new URL(shown.currentSrc).pathname : "";
  if (name.endsWith(".avif")) return "image/avif";
  if (name.endsWith(".webp")) return "image/webp";
  return "";
}

async function start() {
  const data = root.dataset;
  const [, , { default: PhotoSwipeLightbox }, { default: PhotoSwipeDynamicCaption }] =
    await Promise.all([
      stylesheet(data.style),
      stylesheet(data.captionStyle),
      import(data.lightbox),
      import(data.caption),
    ]);
  const lightbox = new PhotoSwipeLightbox({
    gallery: root,
    children: "a.photo-link",
    pswpModule: () => import(data.photoswipe),
    closeTitle: data.labelClose,
    zoomTitle: data.labelZoom,
    arrowPrevTitle: data.labelPrevious,
    arrowNextTitle: data.labelNext,
    errorMsg: data.labelError,
    indexIndicatorSep: " / ",
    // Opaque: nothing of the page shows through behind the photo and its caption.
    bgOpacity: 1,
  });
  const type = sourceType();
  lightbox.addFilter("itemData", (itemData) => {
    const link = itemData.element;
    const source = type && link.querySelector(`source[type="${type}"]`);
    const img = link.querySelector("img");
    itemData.srcset = source ? source.srcset : img.srcset;
    return itemData;
  });
  new PhotoSwipeDynamicCaption(lightbox, {
    type: "auto",
    captionContent: (slide) => captionOf(slide.data.element),
  });
  // The state shows when PhotoSwipe takes keys (it ignores them while opening).
  lightbox.on("openingAnimationEnd", () => { root.dataset.lightboxState = "open"; });
  lightbox.on("destroy", () => { delete root.dataset.lightboxState; });
  lightbox.init();
  return lightbox;
}

async function openFirst(event) {
  const link = event.target.closest("a.photo-link");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  root.removeEventListener("click", openFirst);
  const lightbox = await start();
  const links = [...root.querySelectorAll("a.photo-link")];
  lightbox.loadAndOpen(links.indexOf(link), { gallery: root });
}

if (root) {
  root.addEventListener("click", openFirst);
}
