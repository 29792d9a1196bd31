// A trailer is the magazine's own still until the reader presses play (templates/includes/trailer.html): only
// then does the player's frame, and with it the first request to the video's host, come into the page.
(function () {
  "use strict";
  if (window.trailerPlayers) return;  // the include brings this script once per trailer on the page
  window.trailerPlayers = true;

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".trailer-play");
    if (!button) return;
    var frame = document.createElement("iframe");
    frame.className = "trailer-player";
    frame.src = button.dataset.embed;
    frame.title = button.dataset.title;
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    // The site's Referrer-Policy sends other hosts nothing, and a player that cannot see the page's origin
    // may refuse to play: this frame alone tells its host the origin, never the page.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.closest(".trailer-frame").replaceChildren(frame);
    frame.focus();
  });
})();
