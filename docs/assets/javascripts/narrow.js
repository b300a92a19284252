// Narrowing long pages (issue 13, point 5) and citation previews. Progressive enhancement:
// without JavaScript every row shows and a citation number jumps to the bibliography.

// Filters for the tables after a paragraph marked `.kb-narrow` (filters.js builds the bar): one
// menu per column named in data-columns (exact cell values), and, with data-sections, one menu
// of the h2 sections after it (the timeline's decades); a section whose rows are all filtered
// out is hidden with its heading. Labels come from the page (data-all, the headers, headings).
kbFilters.each("p.kb-narrow", function (note) {
  var article = note.closest("article") || document;
  var after = function (el) {
    return note.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
  };
  // Sections: each h2 after the note with the elements up to the next h2.
  var sections = [];
  if (note.dataset.sections) {
    Array.prototype.filter.call(article.querySelectorAll("h2"), after).forEach(function (h) {
      var parts = [h];
      for (var el = h.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling)
        parts.push(el);
      sections.push({ title: h.firstChild ? h.firstChild.textContent.trim() : "", parts: parts, rows: [] });
    });
  }
  var rows = [];
  var heads = [];
  var section = [];
  Array.prototype.filter.call(article.querySelectorAll("table"), after).forEach(function (table) {
    if (!table.tHead) return;
    var names = kbFilters.headers(table);
    var home = sections.filter(function (s) {
      return s.parts.some(function (el) { return el === table || el.contains(table); });
    })[0];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      rows.push(row);
      heads.push(names);
      section.push(home);
      if (home) home.rows.push(row);
    });
  });
  var menus = (note.dataset.columns || "").split(",").filter(Boolean).map(function (name) {
    name = name.trim();
    return {
      name: name,
      values: function (row, r) {
        var i = heads[r].indexOf(name);
        var v = i < 0 ? "" : row.cells[i].textContent.trim();
        return v ? [v] : [];
      },
    };
  });
  if (sections.length) {
    menus.push({
      name: note.dataset.sections,
      values: function (row, r) {
        var home = section[r];
        return home ? [home.title] : [];
      },
      order: "seen",
    });
  }
  kbFilters.build({
    note: note,
    rows: rows,
    menus: menus,
    all: note.dataset.all,
    count: { format: "{shown} / {total}" },
    after: function () {
      sections.forEach(function (s) {
        var empty = s.rows.length && s.rows.every(function (r) { return r.hidden; });
        s.parts.forEach(function (el) { el.hidden = Boolean(empty); });
      });
    },
  });
});

// A citation number shows its source in a small box on hover, on keyboard focus and on the
// first tap (a second tap follows the link to the bibliography). The box holds a copy of the
// page's own bibliography entry, so it says exactly what the list at the bottom says.
document$.subscribe(function () {
  var box = document.getElementById("kb-cite-box");
  if (!box) {
    box = document.createElement("div");
    box.id = "kb-cite-box";
    box.className = "kb-cite-box md-typeset";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    document.body.appendChild(box);
  }
  var current = null;
  var timer = null;
  // Leaving the number hides the box a moment later, so the pointer can move into it (to
  // follow its links); leaving the box hides it too.
  var later = function () { clearTimeout(timer); timer = setTimeout(hide, 300); };
  box.onmouseenter = function () { clearTimeout(timer); };
  box.onmouseleave = later;
  var hide = function () {
    clearTimeout(timer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    box.hidden = true;
  };
  var show = function (link) {
    clearTimeout(timer);
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var entry = target && target.closest("li");
    if (!entry) return false;
    box.innerHTML = "";
    Array.prototype.forEach.call(entry.childNodes, function (n) { box.appendChild(n.cloneNode(true)); });
    box.hidden = false;
    var r = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    box.style.left = Math.max(8, Math.min(r.left + window.scrollX - width / 2,
      window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    box.style.top = r.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", box.id);
    current = link;
    return true;
  };
  var touch = false;
  var wasShown = false;
  // (Material's instant navigation makes every href absolute: compare the path instead.)
  document.querySelectorAll("article sup.kb-cite a").forEach(function (link) {
    if (link.dataset.kbCite || !link.hash || link.pathname !== location.pathname) return;
    link.dataset.kbCite = "1";
    link.addEventListener("pointerdown", function (e) {
      touch = e.pointerType !== "mouse";
      wasShown = current === link; // before the mouse events a tap also fires
    });
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", later);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", function () { if (!touch) hide(); });
    link.addEventListener("click", function (e) {
      if (touch && !wasShown && show(link)) e.preventDefault();
      touch = false;
    });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
});
