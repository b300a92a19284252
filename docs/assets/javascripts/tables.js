// Sortable tables (Material's documented recipe, with tablesort vendored, not loaded from a CDN).
// Only tables with a header row are sortable; the two-column fact boxes have none (kb.mdext).
// A date cell sorts by its <time datetime> (ISO, written by the templates), not by its words
// ("2 Temmuz 2025"); a year or a month alone sorts before that year's or month's days.
function kbDateKeys(table) {
  table.querySelectorAll("tbody td").forEach(function (td) {
    var time = td.querySelector("time[datetime]");
    if (time && !td.hasAttribute("data-sort")) {
      td.setAttribute("data-sort", (time.getAttribute("datetime") + "-00-00").slice(0, 10));
    }
  });
}

document$.subscribe(function () {
  document.querySelectorAll("article table").forEach(function (table) {
    if (table.tHead && table.tHead.textContent.trim() && !table.dataset.kbSortable) {
      table.dataset.kbSortable = "1";
      kbDateKeys(table);
      new Tablesort(table);
    }
  });
});

// Filters for a table that follows a paragraph marked `.kb-filter` (filters.js builds the bar):
// one menu per column named in its data-columns attribute, with the values found in that column
// (comma-separated values count separately, without what follows a ';').
kbFilters.each("p.kb-filter", function (note, table, heads) {
  if (!table) return;
  var menus = [];
  (note.dataset.columns || "").split(",").forEach(function (name) {
    var i = heads.indexOf(name.trim());
    if (i < 0) return;
    menus.push({
      name: name.trim(),
      values: function (row) {
        return row.cells[i].textContent.split(",").map(function (v) {
          return v.replace(/;.*$/, "").trim();
        }).filter(Boolean);
      },
    });
  });
  kbFilters.build({
    note: note,
    rows: Array.prototype.slice.call(table.tBodies[0].rows),
    menus: menus,
    all: note.dataset.all,
  });
});
