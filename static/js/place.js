/* Landa "Where will you live?": progressive enhancement of the municipality select.
   Without JavaScript the select (grouped by region) is the whole question. With it, a text box above
   the select narrows the list as the reader types (the start of any word of the name, accents
   optional: "gote" finds Göteborg) and chooses the first match, so typing and pressing Enter is
   enough; the number of matches is announced. Nothing leaves the browser. */
(function () {
  "use strict";
  var wrapper = document.querySelector(".place-question");
  var select = wrapper && wrapper.querySelector("select.js-place");
  if (!select) { return; }

  // Accents and case aside; and the direction isolates an Arabic page puts around Latin names (portal.bidi).
  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u200e\u200f\u2066-\u2069]/g, "").toLowerCase().trim();
  }

  var options = Array.prototype.slice.call(select.querySelectorAll("optgroup option"));
  var words = options.map(function (option) {
    return plain(option.textContent).split(/[\s-]+/).concat([plain(option.textContent)]);
  });
  var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup"));

  var id = select.id + "-filter";
  var box = document.createElement("div");
  box.className = "place-filter";
  var label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = wrapper.getAttribute("data-filter-label");
  var hint = document.createElement("span");
  hint.className = "hint";
  hint.id = id + "-hint";
  hint.textContent = wrapper.getAttribute("data-filter-hint");
  var input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("aria-controls", select.id);
  input.setAttribute("aria-describedby", hint.id + " " + id + "-count");
  var count = document.createElement("p");
  count.className = "hint place-filter__count";
  count.id = id + "-count";
  count.setAttribute("aria-live", "polite");
  box.appendChild(label);
  box.appendChild(hint);
  box.appendChild(input);
  box.appendChild(count);
  select.parentNode.insertBefore(box, select);

  function filter() {
    var query = plain(input.value);
    var first = null;
    var shown = 0;
    options.forEach(function (option, n) {
      var match = query === "" || option.value.indexOf(query) === 0 || words[n].some(function (word) {
        return word.indexOf(query) === 0;
      });
      option.hidden = !match;
      option.disabled = !match;
      if (match) {
        shown += 1;
        if (first === null) { first = option; }
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("option:not([hidden])");
    });
    if (query === "") {
      count.textContent = "";
      return;
    }
    if (first === null) {  // nothing matches: the whole list again, and say so
      options.forEach(function (option) { option.hidden = false; option.disabled = false; });
      groups.forEach(function (group) { group.hidden = false; });
      count.textContent = wrapper.getAttribute("data-filter-none");
      return;
    }
    var chosen = select.options[select.selectedIndex];
    if (!chosen || chosen.hidden || chosen.value === "") { select.value = first.value; }
    var said = shown === 1 ? wrapper.getAttribute("data-filter-one") : wrapper.getAttribute("data-filter-count");
    count.textContent = said.replace("{count}", String(shown)) +
      ": " + select.options[select.selectedIndex].textContent;
  }

  input.addEventListener("input", filter);
})();
