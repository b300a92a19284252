// Sortable tables (Material's documented recipe, with tablesort vendored, not loaded from a CDN).
// Only tables with a header row are sortable; the two-column fact boxes have an empty header.
document$.subscribe(function () {
  document.querySelectorAll("article table").forEach(function (table) {
    if (table.tHead && table.tHead.textContent.trim() && !table.dataset.kbSortable) {
      table.dataset.kbSortable = "1";
      new Tablesort(table);
    }
  });
});
