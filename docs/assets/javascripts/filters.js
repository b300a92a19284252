// The one filter-bar builder behind tables.js, narrow.js and claims.js: each describes its
// menus (which values a row has) and this builds the same bar for all of them, so the menus
// sort, label, count and keep the address the same way everywhere. A plain script with no
// build step: mkdocs.yml loads it before the three, and it only defines `kbFilters`.
var kbFilters = (function () {
  "use strict";

  // The table that follows a marked paragraph (Material may wrap it in a scrolling box).
  function tableAfter(note) {
    var table = note.nextElementSibling;
    while (table && table.tagName !== "TABLE") {
      table = table.querySelector ? table.querySelector("table") || table.nextElementSibling : null;
    }
    return table;
  }

  // The header texts of a table, to find a column by the name a menu shows.
  function headers(table) {
    return Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent.trim();
    });
  }

  // Options in the page language's alphabetical order (on /tr/ Ç follows C and İ follows I),
  // unless the menu keeps the order in which the values first appear (statuses, decades).
  function ordered(values, menu) {
    if (menu.order === "seen") return values;
    var collator = new Intl.Collator(document.documentElement.lang || undefined);
    return values.slice().sort(function (a, b) {
      return collator.compare(menu.text(a), menu.text(b));
    });
  }

  function option(select, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  function has(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  // One labelled menu: the wrapping <label> gives the select its accessible name.
  function menu(spec, m) {
    m.text = m.text || function (v) { return v; };
    m.cells = spec.rows.map(m.values);
    var seen = [];
    m.cells.forEach(function (vs) {
      vs.forEach(function (v) { if (v && seen.indexOf(v) < 0) seen.push(v); });
    });
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(m.name + " "));
    m.select = document.createElement("select");
    m.select.dataset.column = m.name;
    option(m.select, "", spec.all || "all");
    ordered(seen, m).forEach(function (v) { option(m.select, v, m.text(v)); });
    label.appendChild(m.select);
    return label;
  }

  // The chosen values as the page's address, so a filtered view can be shared: each menu with
  // a `key` is a query parameter (other parameters, such as the search highlight, stay), and a
  // menu with an `anchor` prefix also reads a fragment such as #status--disputed, which wins
  // over its parameter. Returns the menu the fragment chose.
  function anchorValue(m) {
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* a stray '%': compare it as written */ }
    return m.anchor && hash.indexOf(m.anchor) === 0 ? hash.slice(m.anchor.length) : null;
  }

  function readAddress(menus) {
    var params = new URLSearchParams(location.search);
    var anchored = null;
    menus.forEach(function (m) {
      if (!m.key) return;
      var value = params.get(m.key) || "";
      var fragment = anchorValue(m);
      if (fragment !== null && has(m.select, fragment)) {
        value = fragment;
        anchored = m;
      }
      m.select.value = has(m.select, value) ? value : "";
    });
    return anchored;
  }

  // Replaces the address (no new history entry); a fragment that names another value than its
  // menu now shows is dropped, one that agrees stays (it is where the page scrolled to).
  function writeAddress(menus) {
    var params = new URLSearchParams(location.search);
    var hash = location.hash;
    menus.forEach(function (m) {
      if (!m.key) return;
      if (m.select.value) params.set(m.key, m.select.value);
      else params.delete(m.key);
      var fragment = anchorValue(m);
      if (fragment !== null && fragment !== m.select.value) hash = "";
    });
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "") + hash;
    if (address !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", address);
    }
  }

  // Bars that keep the address, read again when the address changes on the same page: a
  // fragment link (a status count, a table of contents entry; the browser still scrolls to
  // its heading) or the back and forward buttons.
  var keeping = [];

  function follow(entry) {
    var anchored = readAddress(entry.menus);
    entry.apply();
    if (anchored) writeAddress(entry.menus);
    return anchored;
  }

  function addressChanged() {
    keeping = keeping.filter(function (entry) { return entry.bar.isConnected; });
    keeping.forEach(function (entry) {
      if (entry.path === location.pathname) follow(entry);
    });
  }
  window.addEventListener("popstate", addressChanged);
  window.addEventListener("hashchange", addressChanged);

  // The page shown before this one: Material's instant navigation renders the same page again
  // for a link within it, which is not an arrival.
  var shown = [null, null];
  document$.subscribe(function () { shown = [shown[1], location.pathname]; });

  // Bring the filters into view below Material's fixed header, after the browser and Material
  // have scrolled to the fragment (the page's load, or Material's scroll, comes first).
  function reveal(el) {
    var go = function () {
      setTimeout(function () {
        var header = document.querySelector(".md-header");
        var top = el.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, Math.max(0, top - (header ? header.offsetHeight : 0) - 8));
      }, 0);
    };
    if (document.readyState === "complete") go();
    else window.addEventListener("load", go, { once: true });
  }

  /* Build a filter bar after `spec.note` and return it with its menus.
     spec.rows    the table rows to filter (<tr> elements)
     spec.menus   [{name, values(row, index) -> [value...], text(value)?, order: "alpha"|"seen",
                    key?, anchor?}]: a row shows when each chosen value is among its values
     spec.all     the text of the empty choice (localized by the page)
     spec.count   optional {format: "{shown} of {total}", tag: "output"|"p", className}: an
                  <output> at the end of the bar, or a paragraph after it
     spec.className, spec.after (called after each change, e.g. to hide emptied sections) */
  function build(spec) {
    var bar = document.createElement("div");
    bar.className = "kb-filter-bar" + (spec.className ? " " + spec.className : "");
    var menus = spec.menus;
    menus.forEach(function (m) {
      bar.appendChild(menu(spec, m));
    });
    var count = null;
    if (spec.count) {
      count = document.createElement(spec.count.tag || "output");
      if (spec.count.className) count.className = spec.count.className;
      if (count.tagName !== "OUTPUT") count.setAttribute("aria-live", "polite");
    }
    var apply = function () {
      var shown = 0;
      spec.rows.forEach(function (row, r) {
        var show = menus.every(function (m) {
          return !m.select.value || m.cells[r].indexOf(m.select.value) >= 0;
        });
        row.hidden = !show;
        if (show) shown += 1;
      });
      if (spec.after) spec.after();
      if (count) {
        count.textContent = (spec.count.format || "{shown} / {total}")
          .replace("{shown}", shown).replace("{total}", spec.rows.length);
      }
    };
    var keyed = menus.some(function (m) { return m.key; });
    menus.forEach(function (m) {
      m.select.addEventListener("change", function () {
        apply();
        if (keyed) writeAddress(menus);
      });
    });
    spec.note.parentNode.insertBefore(bar, spec.note.nextSibling);
    if (count && count.tagName === "OUTPUT") bar.appendChild(count);
    else if (count) bar.parentNode.insertBefore(count, bar.nextSibling);
    var entry = { bar: bar, menus: menus, apply: apply, path: location.pathname };
    if (!keyed) apply();
    else {
      keeping.push(entry);
      // Arriving from another page (or a shared address) by a link such as
      // claims/#status--disputed: show the filtered table, not the heading further down,
      // which is where the link lands without JavaScript and where a link within the page
      // (the table of contents, a status count) still leads.
      if (follow(entry) && shown[0] !== shown[1]) reveal(spec.note);
    }
    return entry;
  }

  // Run `fn(note, table, headers)` once for each paragraph matching `selector` on every page
  // Material shows (instant navigation renders pages without reloading the scripts); `table`
  // is the table after the paragraph, if any.
  function each(selector, fn) {
    document$.subscribe(function () {
      document.querySelectorAll(selector).forEach(function (note) {
        if (note.dataset.kbReady) return;
        note.dataset.kbReady = "1";
        var table = tableAfter(note);
        fn(note, table, table && table.tHead ? headers(table) : []);
      });
    });
  }

  return { build: build, each: each, headers: headers };
})();
