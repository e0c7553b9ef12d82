// Play a post's videos. Each player is a link to the video, with a poster and
// a play button, until the reader presses it: only then is the host's player
// (YouTube's from youtube-nocookie.com, or Facebook's) put in its place. Until
// that press the page asks nothing of the video host; without JavaScript the
// link opens the video on its own site.

const PLAYERS = [
  "https://www.youtube-nocookie.com/embed/",
  "https://www.facebook.com/plugins/video.php?",
];

function play(event) {
  const link = event.currentTarget;
  const address = link.dataset.player || "";
  // Anything else is followed as a link (the page's policy allows no other frame).
  if (!PLAYERS.some((start) => address.startsWith(start))) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.className = "video__frame";
  frame.src = address;
  frame.title = link.dataset.title || link.textContent.trim();
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  link.replaceWith(frame);
  frame.focus();
}

for (const link of document.querySelectorAll("a.video__link[data-player]")) {
  link.addEventListener("click", play);
}
