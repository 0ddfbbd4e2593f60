// Hemtjänstkollen embeds, host side: sets the height of every <iframe data-htk-embed> from the height its
// page reports ({type: "htk-embed-height", id, height}). Accepts messages only from the origin this script
// was loaded from, and only from one of those iframes. Without this script the iframes keep their height
// attribute. Safe to include once per embed: it installs itself once per origin.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, window.location.href).origin;
  var installed = (window.__htkEmbedResize = window.__htkEmbedResize || {});
  if (installed[origin]) return;
  installed[origin] = true;

  function frames() {
    return document.querySelectorAll("iframe[data-htk-embed]");
  }
  function request(frame) {
    try {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "htk-embed-height-request" }, origin);
    } catch (e) { /* not loaded yet or another origin: its own load message will come */ }
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "htk-embed-height" || typeof data.height !== "number" || !isFinite(data.height)) return;
    var height = Math.max(50, Math.min(20000, Math.ceil(data.height)));
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = height + "px";
        list[i].setAttribute("height", String(height));
      }
    }
  });
  // Frames that loaded before this script ran have already posted their height: ask again.
  var list = frames();
  for (var i = 0; i < list.length; i++) {
    request(list[i]);
    list[i].addEventListener("load", request.bind(null, list[i]));
  }
})();
