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
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }

  data.evidence.forEach(function (ev) { evidenceById[ev.id] = ev; });
  nodes.forEach(function (n, i) { n.index = i; byId[n.id] = n; n.up = []; n.down = []; });
  data.edges.forEach(function (e) { nodes[e[0]].down.push(nodes[e[1]]); nodes[e[1]].up.push(nodes[e[0]]); });

  // ---- drawing
  svg.setAttribute("width", data.size[0]);
  svg.setAttribute("height", data.size[1]);
  svg.setAttribute("viewBox", "0 0 " + data.size[0] + " " + data.size[1]);
  data.columns.forEach(function (c) { svg.appendChild(el("text", {x: c.x, y: 24, "class": "column", "text-anchor": "middle"}, c.title)); });
  var edgeLayer = el("g", {"class": "edges"}), nodeLayer = el("g", {"class": "nodes"});
  svg.appendChild(edgeLayer); svg.appendChild(nodeLayer);
  data.edges.forEach(function (e) {
    var a = nodes[e[0]], b = nodes[e[1]], mid = (a.x + b.x) / 2;
    var path = el("path", {"class": "edge", d: "M" + a.x + " " + a.y + " C" + mid + " " + a.y + " " + mid + " " + b.y + " " + b.x + " " + b.y});
    path.tgFrom = a; path.tgTo = b;
    edgeLayer.appendChild(path); edgeEls.push(path);
  });
  nodes.forEach(function (n) {
    var g = el("g", {"class": "node " + n.kind + (n.designations.length ? " designated" : ""), "data-id": n.id, "data-kind": n.kind, tabindex: "0", role: "button"});
    g.appendChild(el("title", {}, n.label + " \u2014 " + n.kind + ", " + n.releases + " release(s)"));
    g.appendChild(el("circle", {cx: n.x, cy: n.y, r: n.r, fill: n.color}));
    var label = el("text", {"class": "label", x: n.x + n.r + 5, y: n.y + 4}, short(n.label, 42));
    if (n.designations.length) {
      var badges = n.designations.map(function (d) { return d.badge; }).join(" \u00b7 ");
      label.appendChild(el("tspan", {"class": "badges", dx: 6}, badges));
    }
    g.appendChild(label);
    g.addEventListener("click", function () { select(n.id); });
    g.addEventListener("keydown", function (event) { if (event.key === "Enter") select(n.id); });
    nodeLayer.appendChild(g); elements[n.id] = g;
  });

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
  function showPanel(n) {
    panel.textContent = "";
    panel.appendChild(html("div", n.kind, "kind"));
    panel.appendChild(html("h2", n.label));
    var meta = n.releases + " release(s) mention it";
    if (n.phase) meta += "; phase " + n.phase;
    panel.appendChild(html("p", meta, "hint"));
    var others = n.names.filter(function (name) { return name !== n.label; });
    if (others.length) panel.appendChild(html("p", "Also written: " + others.join("; ")));
    if (n.designations.length) panel.appendChild(html("p", "Designations: " + n.designations.map(function (d) { return d.name; }).join(", ")));
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
    panel.appendChild(html("h3", "Facts (" + n.facts.length + ")"));
    panel.appendChild(ul);
  }

  function select(id) {
    var n = byId[id]; if (!n || id === selected) return;  // re-rendering would drop a link being clicked
    if (selected) elements[selected].classList.remove("selected");
    selected = id; svg.setAttribute("data-selected", id);
    elements[id].classList.add("selected");
    edgeEls.forEach(function (p) { p.classList.toggle("lit", p.tgFrom === n || p.tgTo === n); });
    showPanel(n);
    showCharts(n.kind === "drug" ? n.id : document.getElementById("filter-drug").value);
    var box = document.getElementById("map");
    box.scrollTo({left: Math.max(0, n.x - box.clientWidth / 2), top: Math.max(0, n.y - box.clientHeight / 2)});
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
    nodes.forEach(function (n) { elements[n.id].classList.toggle("hidden", keep !== null && !keep[n.id]); });
    edgeEls.forEach(function (p) { p.classList.toggle("hidden", keep !== null && !(keep[p.tgFrom.id] && keep[p.tgTo.id])); });
    showCharts(drug);
    status();
  }
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
    search.value = ""; applyFilters();
  });
  status();
  document.body.setAttribute("data-ready", String(nodes.length));
})();
