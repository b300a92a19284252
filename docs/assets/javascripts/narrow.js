// Narrowing long pages (issue 13, point 5) and citation previews. Progressive enhancement:
// without JavaScript every row shows and a citation number jumps to the bibliography.

// Filters for the tables after a paragraph marked `.kb-narrow`: one menu per column named in
// data-columns (exact cell values), and, with data-sections, one menu of the h2 sections after
// it (the timeline's decades). Labels come from the page (data-all, the headers, the headings).
document$.subscribe(function () {
  document.querySelectorAll("p.kb-narrow").forEach(function (note) {
    if (note.dataset.kbReady) return;
    note.dataset.kbReady = "1";
    var article = note.closest("article") || document;
    var after = function (el) {
      return note.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
    };
    var tables = Array.prototype.filter.call(article.querySelectorAll("table"), after);
    var rows = [];
    tables.forEach(function (table) {
      if (!table.tHead) return;
      var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
        return c.textContent.trim();
      });
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        rows.push({ row: row, table: table, heads: heads });
      });
    });
    var all = note.dataset.all || "";
    var bar = document.createElement("div");
    bar.className = "kb-filter-bar";
    var menu = function (name, values) {
      var label = document.createElement("label");
      label.textContent = name + " ";
      var select = document.createElement("select");
      [""].concat(values).forEach(function (v) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = v || all;
        select.appendChild(o);
      });
      label.appendChild(select);
      bar.appendChild(label);
      return select;
    };
    var cell = function (r, name) {
      var i = r.heads.indexOf(name);
      return i < 0 ? "" : r.row.cells[i].textContent.trim();
    };
    var columns = (note.dataset.columns || "").split(",").filter(Boolean).map(function (name) {
      name = name.trim();
      var seen = {};
      rows.forEach(function (r) { var v = cell(r, name); if (v) seen[v] = true; });
      var values = Object.keys(seen).sort(function (a, b) { return a.localeCompare(b); });
      return { name: name, select: menu(name, values) };
    });
    // Sections: each h2 after the note with the elements up to the next h2.
    var sections = [];
    if (note.dataset.sections) {
      Array.prototype.filter.call(article.querySelectorAll("h2"), after).forEach(function (h) {
        var parts = [h];
        for (var el = h.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling)
          parts.push(el);
        sections.push({ title: h.firstChild ? h.firstChild.textContent.trim() : "", parts: parts });
      });
    }
    var sectionMenu = sections.length
      ? menu(note.dataset.sections, sections.map(function (s) { return s.title; }))
      : null;
    var count = document.createElement("output");
    bar.appendChild(count);
    var apply = function () {
      var shown = 0;
      rows.forEach(function (r) {
        var show = columns.every(function (c) {
          return !c.select.value || cell(r, c.name) === c.select.value;
        });
        r.row.hidden = !show;
        if (show) shown++;
      });
      sections.forEach(function (s) {
        var picked = !sectionMenu || !sectionMenu.value || sectionMenu.value === s.title;
        var any = s.parts.some(function (el) {
          var t = el.tagName === "TABLE" ? el : el.querySelector && el.querySelector("table");
          return !t || Array.prototype.some.call(t.tBodies[0].rows, function (r) { return !r.hidden; });
        });
        s.parts.forEach(function (el) { el.hidden = !(picked && any); });
      });
      var visible = rows.filter(function (r) {
        return !r.row.hidden && !r.table.closest("[hidden]");
      }).length;
      count.textContent = visible + " / " + rows.length;
    };
    columns.forEach(function (c) { c.select.addEventListener("change", apply); });
    if (sectionMenu) sectionMenu.addEventListener("change", apply);
    note.parentNode.insertBefore(bar, note.nextSibling);
    apply();
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
