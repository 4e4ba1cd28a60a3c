/* Landa checklist: progressive enhancement only. Without it the page still shows every item.
   Ticks are kept in this browser (localStorage) under the answers' key, as a list of task keys.
   When the reader changes an answer, the new checklist starts from the previous one's ticks for the
   tasks still listed (DESIGN: "ticks survive a change of answers"). Nothing leaves the browser. */
(function () {
  "use strict";
  var root = document.querySelector("[data-storage-key]");
  if (!root) { return; }
  var key = root.getAttribute("data-storage-key");
  var LAST = "landa:checklist:last";
  var store = null;
  try { store = window.localStorage; store.getItem(key); } catch (e) { store = null; }

  function read(k) {
    if (!store) { return null; }
    try {
      var raw = store.getItem(k);
      if (raw === null) { return null; }
      var v = JSON.parse(raw);
      return Array.isArray(v) ? v : null;
    } catch (e) { return null; }
  }
  function load() { return read(key) || []; }
  function save(list) { if (store) { try { store.setItem(key, JSON.stringify(list)); } catch (e) { /* full */ } } }

  var boxes = Array.prototype.slice.call(root.querySelectorAll(".js-tick"));
  var listed = boxes.map(function (b) { return b.value; });
  var progress = document.getElementById("progress");
  var template = root.getAttribute("data-progress") || "";

  function update() {
    var done = boxes.filter(function (b) { return b.checked; }).length;
    boxes.forEach(function (b) {
      var card = b.closest(".task");
      if (card) { card.classList.toggle("task--done", b.checked); }
    });
    if (progress) {
      progress.textContent = template.replace("{done}", String(done)).replace("{total}", String(boxes.length));
      progress.hidden = !template;
    }
  }

  // A firm's link keeps its own ticks under its code: it neither takes nor gives the reader's own.
  var carry = root.getAttribute("data-carry") !== "no";
  if (store) {
    if (carry && read(key) === null) {
      var previous = store.getItem(LAST);
      var carried = previous && previous !== key ? read(previous) : null;
      if (carried) {
        save(carried.filter(function (k) { return listed.indexOf(k) !== -1; }));
      }
    }
    if (carry) { try { store.setItem(LAST, key); } catch (e) { /* full */ } }
    var ticked = load();
    boxes.forEach(function (box) {
      box.parentNode.hidden = false;
      box.checked = ticked.indexOf(box.value) !== -1;
      box.addEventListener("change", function () {
        var list = load().filter(function (k) { return k !== box.value; });
        if (box.checked) { list.push(box.value); }
        save(list);
        update();
      });
    });
    update();
  }

  // Offline reading: this checklist and the guides it links are saved once opened (static/js/sw.js).
  var state = document.getElementById("offline-state");
  if (state && root.getAttribute("data-offline") === "yes" && "serviceWorker" in navigator && window.caches) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "saved") { state.hidden = false; }
    });
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [window.location.href];
      Array.prototype.forEach.call(document.querySelectorAll(".task__guide a, link[rel=stylesheet], script[src]"),
        function (el) { urls.push(el.href || el.src); });
      registration.active.postMessage({ type: "save", urls: urls });
    }).catch(function () { /* no offline copy: the page still works */ });
  }

  var copy = root.querySelector(".js-copy-link");
  var field = document.getElementById("share-url");
  if (copy && field && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        copy.textContent = copy.getAttribute("data-copied");
      });
    });
  }
})();
