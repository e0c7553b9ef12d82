// The header bar stays at the top of the screen while the reader scrolls;
// it steps aside while they scroll down (reading) and comes back as soon as
// they scroll up, or when a link or field in it has the focus. Only a
// transform changes: nothing below moves.
const header = document.querySelector("[data-site-header]");

if (header) {
  let last = window.scrollY;
  let pending = false;
  const update = () => {
    pending = false;
    const now = window.scrollY;
    const down = now > last && now > header.offsetHeight;
    const focused = header.contains(document.activeElement);
    header.classList.toggle("site-header--away", down && !focused);
    last = now;
  };
  window.addEventListener(
    "scroll",
    () => {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    },
    { passive: true },
  );
  header.addEventListener("focusin", () => {
    header.classList.remove("site-header--away");
  });
}
