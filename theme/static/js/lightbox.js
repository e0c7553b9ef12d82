// Open an article's photos in PhotoSwipe (swipe, arrows, Esc, captions).
// Without this script each photo is a link to its large version.
// The modules' fingerprinted addresses come from data-* attributes of the article.

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

if (root) {
  const [{ default: PhotoSwipeLightbox }, { default: PhotoSwipeDynamicCaption }] =
    await Promise.all([import(root.dataset.lightbox), import(root.dataset.caption)]);
  const lightbox = new PhotoSwipeLightbox({
    gallery: root,
    children: "a.photo-link",
    pswpModule: () => import(root.dataset.photoswipe),
    closeTitle: "Đóng (Esc)",
    zoomTitle: "Phóng to",
    arrowPrevTitle: "Ảnh trước",
    arrowNextTitle: "Ảnh sau",
    errorMsg: "Không tải được ảnh",
    indexIndicatorSep: " / ",
    bgOpacity: 0.95,
  });
  new PhotoSwipeDynamicCaption(lightbox, {
    type: "auto",
    captionContent: (slide) => captionOf(slide.data.element),
  });
  // The state shows when PhotoSwipe takes keys (it ignores them while opening).
  lightbox.on("openingAnimationEnd", () => { root.dataset.lightboxState = "open"; });
  lightbox.on("destroy", () => { delete root.dataset.lightboxState; });
  lightbox.init();
}
