/* Landa checklist: progressive enhancement only. Without it the page still shows every item.
   Ticks are kept in this browser (localStorage), keyed by the answers and the task key, so they
   survive a change of answers for the tasks still listed. Nothing leaves the browser. */
(function () {
  "use strict";
  var root = document.querySelector("[data-storage-key]");
  if (!root) { return; }
  var key = root.getAttribute("data-storage-key");
  var store = null;
  try { store = window.localStorage; store.getItem(key); } catch (e) { store = null; }

  function load() {
    if (!store) { return []; }
    try { var v = JSON.parse(store.getItem(key) || "[]"); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function save(list) { if (store) { try { store.setItem(key, JSON.stringify(list)); } catch (e) { /* full */ } } }

  var boxes = Array.prototype.slice.call(root.querySelectorAll(".js-tick"));
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

  if (store) {
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
