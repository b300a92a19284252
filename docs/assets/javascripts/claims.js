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

// Filters above the claims index (filters.js builds the bar): status in the order of the rows,
// which is the schema's order of meaning, then claimant, installation and year. The choice is
// kept in the address (?status=disputed&claimant=…, names from data-keys), and a link to a
// status's section (claims/#status--disputed, prefix in data-anchor) opens with it chosen.
kbFilters.each("p.kb-claims-filter", function (note, table, heads) {
  if (!table) return;
  // The language-neutral value of a claims-index cell, with the text its menu shows: a status
  // badge gives its status (kb-status--disputed), a link the last part of its page's address
  // (the actor's or installation's id), anything else its text. Ids rather than names keep a
  // name with a comma in it one value, and make the shared address work in both languages.
  var values = function (cell, texts) {
    var badge = cell.querySelector(".kb-status");
    if (badge) {
      var status = Array.prototype.find.call(badge.classList, function (c) {
        return c.indexOf("kb-status--") === 0;
      }).slice("kb-status--".length);
      texts[status] = badge.lastChild.textContent.trim();
      return [status];
    }
    var links = cell.querySelectorAll("a");
    if (links.length) {
      return Array.prototype.map.call(links, function (a) {
        var id = a.pathname.replace(/(\/index)?\.html$/, "").split("/").filter(Boolean).pop() || "";
        texts[id] = a.textContent.trim();
        return id;
      });
    }
    var text = cell.textContent.trim();
    texts[text] = text;
    return [text];
  };
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  // Sorting the status column keeps the order of meaning, not the alphabet.
  var statusOrder = [];
  rows.forEach(function (r) {
    var badge = r.cells[0].querySelector(".kb-status");
    if (!badge) return;
    var label = badge.lastChild.textContent.trim();
    if (statusOrder.indexOf(label) < 0) statusOrder.push(label);
    r.cells[0].setAttribute("data-sort", String(statusOrder.indexOf(label)));
  });
  var keys = (note.dataset.keys || "").split(",");
  var menus = [];
  (note.dataset.columns || "").split(",").forEach(function (name, n) {
    var i = heads.indexOf(name.trim());
    if (i < 0) return;
    var texts = {};
    menus.push({
      name: name.trim(),
      values: function (row) { return values(row.cells[i], texts); },
      text: function (value) { return texts[value]; },
      order: n === 0 ? "seen" : "alpha",
      key: (keys[n] || "").trim(),
      anchor: n === 0 ? note.dataset.anchor : undefined,
    });
  });
  kbFilters.build({
    note: note,
    rows: rows,
    menus: menus,
    all: note.dataset.all,
    className: "kb-claims-filter-bar",
    count: { tag: "p", className: "kb-claims-count", format: note.dataset.shown || "{shown} of {total}" },
  });
});
