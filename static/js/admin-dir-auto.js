/* Wagtail admin: let each text field follow the direction of what is typed in it (Arabic right to left). */
(function () {
  "use strict";
  var SELECTOR = 'input[type="text"], input[type="search"], input[type="url"], input:not([type]), textarea, [contenteditable="true"]';
  function mark(root) {
    var fields = (root || document).querySelectorAll(SELECTOR);
    for (var i = 0; i < fields.length; i += 1) {
      if (!fields[i].hasAttribute("dir")) { fields[i].setAttribute("dir", "auto"); }
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    mark(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) { if (node.nodeType === 1) { mark(node.parentNode || node); } });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
}());
