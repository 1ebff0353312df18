// trialgraph map. Every string from the graph is set with textContent,
// setAttribute or option.value/text: never innerHTML, never a URL.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("tg-data").textContent);
  var svg = document.getElementById("map-svg");
  var panel = document.getElementById("panel");
  var nodes = data.nodes, byId = {}, elements = {}, edgeEls = [], evidenceById = {};
  var selected = null;

  function el(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var key in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, String(attrs[key])); }
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function html(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function norm(text) { return String(text).replace(/\s+/g, " ").trim().toLowerCase(); }

  data.evidence.forEach(function (ev) { evidenceById[ev.id] = ev; });
  nodes.forEach(function (n, i) { n.index = i; byId[n.id] = n; n.up = []; n.down = []; });
  data.edges.forEach(function (e) { nodes[e[0]].down.push(nodes[e[1]]); nodes[e[1]].up.push(nodes[e[0]]); });

  // ---- drawing: elements first, places later (layout() runs whenever what is shown or the width changes)
  var KINDS = ["company", "drug", "trial", "condition"], ROW = 30, TOP = 52, MAX_R = 18;
  var titles = {}, mapBox = document.getElementById("map");
  data.columns.forEach(function (c, k) {
    titles[KINDS[k]] = el("text", {y: 24, "class": "column", "text-anchor": "start"}, c.title);
    svg.appendChild(titles[KINDS[k]]);
  });
  var edgeLayer = el("g", {"class": "edges"}), nodeLayer = el("g", {"class": "nodes"});
  svg.appendChild(edgeLayer); svg.appendChild(nodeLayer);
  data.edges.forEach(function (e) {
    var path = el("path", {"class": "edge"});
    path.tgFrom = nodes[e[0]]; path.tgTo = nodes[e[1]];
    edgeLayer.appendChild(path); edgeEls.push(path);
  });
  nodes.forEach(function (n) {
    n.linked = n.up.length + n.down.length > 0;
    var g = el("g", {"class": "node " + n.kind + (n.designations.length ? " designated" : ""), "data-id": n.id, "data-kind": n.kind, tabindex: "0", role: "button"});
    // the full name on hover: the drawn label may be shortened to fit its column
    g.appendChild(el("title", {}, n.label + " \u2014 " + n.kind + ", " + n.releases + " release(s)"));
    n.circle = el("circle", {r: n.r, fill: n.color});
    g.appendChild(n.circle);
    n.text = el("text", {"class": "label"});
    n.name = el("tspan", {"class": "name"}, n.display);
    n.text.appendChild(n.name);
    if (n.designations.length) {
      var badges = n.designations.map(function (d) { return d.badge; }).join(" \u00b7 ");
      n.text.appendChild(el("tspan", {"class": "badges", dx: 6}, badges));
    }
    g.appendChild(n.text);
    g.addEventListener("click", function () { select(n.id); });
    g.addEventListener("keydown", function (event) { if (event.key === "Enter") select(n.id); });
    nodeLayer.appendChild(g); elements[n.id] = g;
  });

  function shown(n) { return !elements[n.id].classList.contains("hidden"); }

  // Shorten a label (whole words where it can) until it ends before `room` pixels.
  function fit(n, room) {
    n.name.textContent = n.display;
    if (n.text.getComputedTextLength() <= room) return;
    var lo = 1, hi = n.display.length - 1;
    while (lo < hi) {  // the longest prefix that fits, by bisection: a few measurements per label
      var mid = Math.ceil((lo + hi) / 2);
      n.name.textContent = n.display.slice(0, mid) + "\u2026";
      if (n.text.getComputedTextLength() <= room) lo = mid; else hi = mid - 1;
    }
    var cut = n.display.slice(0, lo), space = cut.lastIndexOf(" ");
    if (space > lo / 2) cut = cut.slice(0, space);
    n.name.textContent = cut.replace(/[\s,;:\u00b7\/-]+$/, "") + "\u2026";
  }

  // Columns share the width of the map box, so all four are always in view.
  // The tallest column is packed from the top; the others are placed column
  // by column outwards from it, each node level with the mean of its placed
  // neighbours where there is room, in layout order and never closer than a row.
  function layout() {
    var width = Math.max(mapBox.clientWidth, 480), column = (width - 16) / KINDS.length;
    var byKind = {}, tallest = 0, start = 0, placed = {};
    KINDS.forEach(function (k) { byKind[k] = []; });
    nodes.forEach(function (n) { if (shown(n)) byKind[n.kind].push(n); });
    KINDS.forEach(function (k, i) { if (byKind[k].length > tallest) { tallest = byKind[k].length; start = i; } });
    function place(k) {
      var prev = TOP - ROW;
      byKind[KINDS[k]].forEach(function (n) {
        var ys = n.up.concat(n.down).filter(function (m) { return placed[m.id]; }).map(function (m) { return m.y; });
        var want = ys.length ? ys.reduce(function (a, b) { return a + b; }, 0) / ys.length : prev + ROW;
        n.y = Math.max(want, prev + ROW); prev = n.y; placed[n.id] = true;
      });
    }
    place(start);
    for (var k = start - 1; k >= 0; k--) place(k);
    for (k = start + 1; k < KINDS.length; k++) place(k);
    var bottom = TOP;
    KINDS.forEach(function (kind, k) {
      var x = 8 + k * column + MAX_R + 2;
      titles[kind].setAttribute("x", x - MAX_R);
      var room = (k + 1 < KINDS.length ? 8 + (k + 1) * column - 6 : width - 8);
      byKind[kind].forEach(function (n) {
        n.x = x; bottom = Math.max(bottom, n.y);
        n.circle.setAttribute("cx", n.x); n.circle.setAttribute("cy", n.y);
        n.text.setAttribute("x", n.x + n.r + 5); n.text.setAttribute("y", n.y + 4);
        fit(n, room - (n.x + n.r + 5));
      });
    });
    edgeEls.forEach(function (p) {
      var a = p.tgFrom, b = p.tgTo, mid = (a.x + b.x) / 2;
      if (shown(a) && shown(b)) p.setAttribute("d", "M" + a.x + " " + a.y + " C" + mid + " " + a.y + " " + mid + " " + b.y + " " + b.x + " " + b.y);
    });
    var height = bottom + ROW;
    svg.setAttribute("width", width); svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  }

  // ---- legend
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var span = html("span"); var dot = html("span", undefined, "swatch");
    dot.style.background = item.color; span.appendChild(dot); span.appendChild(document.createTextNode(item.label));
    legend.appendChild(span);
  });

  // ---- evidence list
  var list = document.getElementById("evidence");
  data.evidence.forEach(function (ev) {
    var li = html("li"); li.id = ev.id;
    li.appendChild(html("span", ev.doc + (ev.issued ? " (" + ev.issued + ")" : "") + ", characters " + ev.start + "\u2013" + ev.end, "where"));
    if (ev.headline) li.appendChild(html("div", ev.headline, "hint"));
    li.appendChild(html("blockquote", ev.quote));
    list.appendChild(li);
  });

  // ---- panel
  var panelBody = document.getElementById("panel-body");
  function showPanel(n) {
    panel.classList.add("open");
    var body = panelBody;
    body.textContent = "";
    body.appendChild(html("div", n.kind, "kind"));
    body.appendChild(html("h2", n.label));
    var meta = n.releases + " release(s) mention it";
    if (n.phase) meta += "; phase " + n.phase;
    body.appendChild(html("p", meta, "hint"));
    var others = n.names.filter(function (name) { return name !== n.label; });
    if (others.length) body.appendChild(html("p", "Also written: " + others.join("; ")));
    if (n.designations.length) body.appendChild(html("p", "Designations: " + n.designations.map(function (d) { return d.name; }).join(", ")));
    var ul = html("ul");
    n.facts.forEach(function (fact) {
      var li = html("li", fact.text);
      fact.evidence.forEach(function (id) {
        var ev = evidenceById[id]; if (!ev) return;
        var a = html("a", "[" + ev.doc + " " + ev.start + "\u2013" + ev.end + "]", "ev");
        a.setAttribute("href", "#" + ev.id);  // our own id, never text from a release
        a.setAttribute("title", ev.quote);
        li.appendChild(document.createTextNode(" ")); li.appendChild(a);
      });
      ul.appendChild(li);
    });
    body.appendChild(html("h3", "Facts (" + n.facts.length + ")"));
    body.appendChild(ul);
  }
  function closePanel() {
    if (selected) elements[selected].classList.remove("selected");
    selected = null; svg.removeAttribute("data-selected");
    edgeEls.forEach(function (p) { p.classList.remove("lit"); });
    panel.classList.remove("open");
    layout(); status();
  }
  document.getElementById("close-panel").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape" && selected) closePanel(); });

  function select(id) {
    var n = byId[id]; if (!n || id === selected) return;  // re-rendering would drop a link being clicked
    if (selected) elements[selected].classList.remove("selected");
    selected = id; svg.setAttribute("data-selected", id);
    elements[id].classList.add("selected");
    edgeEls.forEach(function (p) { p.classList.toggle("lit", p.tgFrom === n || p.tgTo === n); });
    if (!n.linked && !unlinked.checked) { unlinked.checked = true; applyFilters(); }
    var wasOpen = panel.classList.contains("open");
    showPanel(n);
    if (!wasOpen) layout();  // the panel takes width: the columns close up
    showCharts(n.kind === "drug" ? n.id : document.getElementById("filter-drug").value);
    mapBox.scrollTo({top: Math.max(0, n.y - mapBox.clientHeight / 2)});
  }

  // ---- search over every name
  var names = [], datalist = document.getElementById("names"), seen = {};
  nodes.forEach(function (n) {
    n.names.concat([n.label]).forEach(function (name) {
      names.push({key: norm(name), node: n});
      if (!seen[name]) { seen[name] = true; var o = document.createElement("option"); o.value = name; datalist.appendChild(o); }
    });
  });
  function find(query) {
    var q = norm(query); if (!q) return null;
    var tests = [function (k) { return k === q; }, function (k) { return k.indexOf(q) === 0; }, function (k) { return k.indexOf(q) >= 0; }];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < names.length; i++) { if (tests[t](names[i].key)) return names[i].node; }
    }
    return null;
  }
  var search = document.getElementById("search");
  function runSearch(exactOnly) {
    var q = norm(search.value), hit = find(search.value);
    if (hit && (!exactOnly || hit.names.concat([hit.label]).some(function (name) { return norm(name) === q; }))) select(hit.id);
    status();
  }
  search.addEventListener("input", function () { runSearch(true); });
  search.addEventListener("change", function () { runSearch(false); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") runSearch(false); });

  // ---- filters
  function fill(selectId, items) {
    var box = document.getElementById(selectId);
    items.forEach(function (item) { var o = document.createElement("option"); o.value = item.value; o.text = item.text; box.appendChild(o); });
    box.addEventListener("change", applyFilters);
  }
  function ofKind(kind) {
    return nodes.filter(function (n) { return n.kind === kind; }).map(function (n) { return {value: n.id, text: n.label}; })
      .sort(function (a, b) { return a.text.toLowerCase() < b.text.toLowerCase() ? -1 : a.text.toLowerCase() > b.text.toLowerCase() ? 1 : 0; });
  }
  fill("filter-company", ofKind("company"));
  fill("filter-drug", ofKind("drug"));
  fill("filter-phase", data.phases.map(function (p) { return {value: p.code, text: "Phase " + p.code}; }));

  function walk(start, dir) {
    var out = {}, stack = start.slice();
    while (stack.length) { var n = stack.pop(); if (out[n.id]) continue; out[n.id] = true; n[dir].forEach(function (m) { stack.push(m); }); }
    return out;
  }
  function around(list) {  // the nodes linked to any of `list`, up and down the map
    var up = walk(list, "up"), down = walk(list, "down"), all = {};
    for (var k in up) all[k] = true; for (k in down) all[k] = true;
    return all;
  }
  function applyFilters() {
    var company = document.getElementById("filter-company").value, drug = document.getElementById("filter-drug").value,
        phase = document.getElementById("filter-phase").value, keep = null;
    function meet(set) { if (keep === null) { keep = set; return; } var next = {}; for (var k in keep) if (set[k]) next[k] = true; keep = next; }
    if (company) meet(around([byId[company]]));
    if (drug) meet(around([byId[drug]]));
    if (phase) meet(around(nodes.filter(function (n) { return n.kind === "trial" && n.phase === phase; })));
    nodes.forEach(function (n) {
      elements[n.id].classList.toggle("hidden", (keep !== null && !keep[n.id]) || (!n.linked && !unlinked.checked));
    });
    edgeEls.forEach(function (p) { p.classList.toggle("hidden", !(shown(p.tgFrom) && shown(p.tgTo))); });
    layout();
    showCharts(drug);
    showTimelines(company);
    status();
  }
  function showTimelines(company) {
    var figures = document.querySelectorAll("#timelines figure");
    for (var i = 0; i < figures.length; i++) figures[i].classList.toggle("hidden", !!company && figures[i].getAttribute("data-company") !== company);
  }
  // ---- tabs: the map or the company timelines; the evidence list stays below both
  var tabs = document.querySelectorAll("#tabs button");
  function showTab(chosen) {
    for (var i = 0; i < tabs.length; i++) {
      var on = tabs[i] === chosen;
      tabs[i].setAttribute("aria-selected", String(on));
      document.getElementById(tabs[i].getAttribute("data-view")).classList.toggle("hidden", !on);
    }
    if (chosen.id === "tab-map") layout();  // widths are 0 while hidden
  }
  for (var t = 0; t < tabs.length; t++) tabs[t].addEventListener("click", function (event) { showTab(event.currentTarget); });
  function showCharts(drug) {
    var figures = document.querySelectorAll("#charts figure"), shown = 0;
    for (var i = 0; i < figures.length; i++) {
      var on = !drug || figures[i].getAttribute("data-drug") === drug;
      figures[i].classList.toggle("hidden", !on); if (on) shown++;
    }
    document.getElementById("charts-hint").classList.toggle("hidden", shown > 0 && !!drug);
  }
  function status() {
    var shown = nodes.filter(function (n) { return !elements[n.id].classList.contains("hidden"); }).length;
    var text = shown + " of " + nodes.length + " nodes shown";
    if (selected) text += "; selected: " + byId[selected].label;
    document.getElementById("status").textContent = text;
  }
  document.getElementById("reset").addEventListener("click", function () {
    ["filter-company", "filter-drug", "filter-phase"].forEach(function (id) { document.getElementById(id).value = ""; });
    search.value = ""; unlinked.checked = false; applyFilters();
  });
  // names nothing links to (comparators, prior therapies) are hidden until asked for
  var unlinked = document.getElementById("show-unlinked");
  document.getElementById("unlinked-count").textContent = String(nodes.filter(function (n) { return !n.linked; }).length);
  unlinked.addEventListener("change", applyFilters);
  var resizing = null;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(layout, 100); });
  applyFilters();
  tgFigures.start(data);
  document.body.setAttribute("data-ready", String(nodes.length));
})();
