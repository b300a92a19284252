// The one filter-bar builder behind tables.js, narrow.js and claims.js: each describes its
// menus (which values a row has) and this builds the same bar for all of them, so the menus
// sort, label and count the same way everywhere. A plain script with no
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

  /* Build a filter bar after `spec.note` and return it with its menus.
     spec.rows    the table rows to filter (<tr> elements)
     spec.menus   [{name, values(row, index) -> [value...], text(value)?, order: "alpha"|"seen"}]: a row shows when each chosen value is among its values
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
    menus.forEach(function (m) { m.select.addEventListener("change", apply); });
    spec.note.parentNode.insertBefore(bar, spec.note.nextSibling);
    if (count && count.tagName === "OUTPUT") bar.appendChild(count);
    else if (count) bar.parentNode.insertBefore(count, bar.nextSibling);
    apply();
    return { bar: bar, menus: menus, apply: apply };
  }

  return { build: build, tableAfter: tableAfter, headers: headers };
})();
