// Claims: filters for the claims index, and old claim anchors forwarded to the claim's page.
// Progressive enhancement: without JavaScript the index shows every claim and an old anchor
// lands on the claim's card, whose heading links to the claim's page.

// An old address such as bases/kurecik/#kurecik-warned-israel-2025 leads to the claim's page.
document$.subscribe(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  var card = document.getElementById(id);
  if (!card || !card.classList.contains("kb-claim-anchor")) return;
  var link = card.querySelector("a[href]:not(.headerlink)");
  if (link) location.replace(link.href);
});

// Filters above the claims index: status (in the order of the rows, which is the schema's
// order of meaning), claimant, installation and year. Values come from each cell's links and
// badges rather than its text, so a name with a comma in it stays one value.
document$.subscribe(function () {
  document.querySelectorAll("p.kb-claims-filter").forEach(function (note) {
    var table = note.nextElementSibling;
    while (table && table.tagName !== "TABLE") {
      table = table.querySelector ? table.querySelector("table") || table.nextElementSibling : null;
    }
    if (!table || table.dataset.kbFiltered) return;
    table.dataset.kbFiltered = "1";
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent.trim();
    });
    var names = (note.dataset.columns || "").split(",");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var values = function (cell) {
      var badge = cell.querySelector(".kb-status");
      if (badge) return [badge.lastChild.textContent.trim()];
      var links = cell.querySelectorAll("a");
      if (links.length) return Array.prototype.map.call(links, function (a) { return a.textContent.trim(); });
      return [cell.textContent.trim()];
    };
    // Sorting the status column keeps the order of meaning, not the alphabet.
    var statusOrder = [];
    rows.forEach(function (r) {
      var badge = r.cells[0].querySelector(".kb-status");
      if (!badge) return;
      var label = badge.lastChild.textContent.trim();
      if (statusOrder.indexOf(label) < 0) statusOrder.push(label);
      r.cells[0].setAttribute("data-sort", String(statusOrder.indexOf(label)));
    });
    var bar = document.createElement("div");
    bar.className = "kb-filter-bar kb-claims-filter-bar";
    var count = document.createElement("p");
    count.className = "kb-claims-count";
    count.setAttribute("aria-live", "polite");
    var menus = [];
    names.forEach(function (name, n) {
      var i = heads.indexOf(name.trim());
      if (i < 0) return;
      var seen = [];
      rows.forEach(function (r) {
        values(r.cells[i]).forEach(function (v) { if (v && seen.indexOf(v) < 0) seen.push(v); });
      });
      if (n > 0) seen.sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang || undefined); });
      var label = document.createElement("label");
      label.appendChild(document.createTextNode(name.trim() + " "));
      var select = document.createElement("select");
      select.dataset.column = name.trim();
      var all = document.createElement("option");
      all.value = "";
      all.textContent = note.dataset.all || "all";
      select.appendChild(all);
      seen.forEach(function (v) {
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
      var shown = 0;
      rows.forEach(function (r) {
        var show = menus.every(function (m) {
          return !m.select.value || values(r.cells[m.index]).indexOf(m.select.value) >= 0;
        });
        r.hidden = !show;
        if (show) shown += 1;
      });
      count.textContent = (note.dataset.shown || "{shown} of {total}")
        .replace("{shown}", shown).replace("{total}", rows.length);
    };
    menus.forEach(function (m) { m.select.addEventListener("change", apply); });
    note.parentNode.insertBefore(bar, note.nextSibling);
    bar.parentNode.insertBefore(count, bar.nextSibling);
    apply();
  });
});
