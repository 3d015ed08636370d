// Filter forms marked data-filters change nothing until "Apply filters" (WCAG 3.2.2, On
// Input): ticking a box or arrowing through "Sort by" neither reloads the page nor moves
// the focus. Without JavaScript the button submits the form as a normal GET. With it, the
// list is fetched and every region marked data-updates-with-filters (the form, the chart,
// the results) is replaced in place; the address is pushed onto the history, the focus
// stays on the control that had it, and #result-count (aria-live) announces the new count.
(function () {
  "use strict";

  function queryOf(form) {
    // Empty text fields stay out of the address, as they mean no filter.
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && value.trim() === "") return;
      params.append(name, value);
    });
    var query = params.toString();
    return form.getAttribute("action").split("?")[0] + (query ? "?" + query : "");
  }

  // How to find the focused control again in the new form: by name and value for a
  // checkbox (facet ids follow the order of the counts, which changes), else by id.
  function focusKey(element) {
    if (!element || !element.closest || !element.closest("[data-updates-with-filters]")) return null;
    if (element.type === "checkbox" && element.name) {
      return '[name="' + CSS.escape(element.name) + '"][value="' + CSS.escape(element.value) + '"]';
    }
    return element.id ? "#" + CSS.escape(element.id) : null;
  }

  function announce(doc) {
    var live = document.getElementById("result-count");
    var heading = doc.getElementById("results-heading");
    if (live && heading) live.textContent = heading.textContent.trim();
  }

  function replaceRegions(doc) {
    var key = focusKey(document.activeElement);
    document.querySelectorAll("[data-updates-with-filters]").forEach(function (region) {
      var fresh = region.id && doc.getElementById(region.id);
      if (fresh) region.replaceWith(document.importNode(fresh, true));
    });
    document.title = doc.title;
    var again = key && document.querySelector(key);
    if (again) again.focus({ preventScroll: true });
  }

  function load(url, push) {
    return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        replaceRegions(doc);
        announce(doc);
        if (push) history.pushState({ filtered: true }, "", url);
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-filters") || !window.fetch) return;
    event.preventDefault();
    var url = queryOf(form);
    load(url, true).catch(function () { window.location.assign(url); });
  });

  window.addEventListener("popstate", function () {
    if (!document.querySelector("form[data-filters]")) return;
    load(window.location.href, false).catch(function () { window.location.reload(); });
  });
})();
