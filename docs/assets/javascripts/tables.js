// Sortable tables (Material's documented recipe, with tablesort vendored, not loaded from a CDN).
// Only tables with a header row are sortable; the two-column fact boxes have none (kb.mdext).
document$.subscribe(function () {
  document.querySelectorAll("article table").forEach(function (table) {
    if (table.tHead && table.tHead.textContent.trim() && !table.dataset.kbSortable) {
      table.dataset.kbSortable = "1";
      new Tablesort(table);
    }
  });
});

// Filters for a table that follows a paragraph marked `.kb-filter`: one menu per column named
// in its data-columns attribute, with the values found in that column (comma-separated values
// count separately). A row shows when every chosen value is among its cell's values.
document$.subscribe(function () {
  document.querySelectorAll("p.kb-filter").forEach(function (note) {
    var table = note.nextElementSibling;
    while (table && table.tagName !== "TABLE") {
      table = table.querySelector ? table.querySelector("table") || table.nextElementSibling : null;
    }
    if (!table || table.dataset.kbFiltered) return;
    table.dataset.kbFiltered = "1";
    var wanted = (note.dataset.columns || "").split(",");
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var values = function (row, i) {
      return row.cells[i].textContent.split(",").map(function (v) {
        return v.replace(/;.*$/, "").trim();
      }).filter(Boolean);
    };
    var bar = document.createElement("div");
    bar.className = "kb-filter-bar";
    var menus = [];
    wanted.forEach(function (name) {
      var i = heads.indexOf(name.trim());
      if (i < 0) return;
      var seen = {};
      rows.forEach(function (r) { values(r, i).forEach(function (v) { seen[v] = true; }); });
      var label = document.createElement("label");
      label.textContent = name.trim() + " ";
      var select = document.createElement("select");
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "all";
      select.appendChild(all);
      Object.keys(seen).sort().forEach(function (v) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = v;
        select.appendChild(o);
      });
      label.appendChild(select);
      bar.appendChild(label);
      menus.push({ index: i, select: select });
    });
    var apply = function () {
      rows.forEach(function (r) {
        var show = menus.every(function (m) {
          return !m.select.value || values(r, m.index).indexOf(m.select.value) >= 0;
        });
        r.hidden = !show;
      });
    };
    menus.forEach(function (m) { m.select.addEventListener("change", apply); });
    note.parentNode.insertBefore(bar, note.nextSibling);
  });
});
