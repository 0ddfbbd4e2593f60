// Hemtjänstkollen embed page: tells the host page how tall the chart is, so the host's /embed/resize.js
// can size the iframe. Posts {type: "htk-embed-height", id, height} on load, on resize and whenever the
// content changes size (ResizeObserver, e.g. when the data table is opened), and again on request.
// The height is not secret, so any parent may read it; the host script checks where it came from.
(function () {
  "use strict";
  var root = document.querySelector("[data-htk-embed-root]");
  if (!root || window.parent === window) return;
  var id = root.getAttribute("data-embed-id");
  var last = -1;
  function post(force) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    window.parent.postMessage({ type: "htk-embed-height", id: id, height: height }, "*");
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(function () { post(false); }).observe(root);
  window.addEventListener("load", function () { post(false); });
  window.addEventListener("resize", function () { post(false); });
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.type === "htk-embed-height-request") post(true);
  });
  post(false);
})();
