// trialgraph figures: the charts and the company swim lanes, drawn as inline
// SVG from the page's data (page.py chart_data, lanes_data), each when its
// figure first comes into view. The data carries every text already wrapped
// and formatted; this only places it. Every string from the graph is set
// with textContent or setAttribute; links are the page's own #ev-N anchors.
var tgFigures = (function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var FAMILY = "DejaVu Sans, Verdana, sans-serif";
  // matplotlib's default cycle, as in the static charts (drawing.py)
  var COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var DAY = 864e5;
  var ruler = document.createElement("canvas").getContext("2d");

  function el(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var key in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, String(attrs[key])); }
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function textWidth(text, size) { ruler.font = size + "px " + FAMILY; return ruler.measureText(text).width; }
  function label(parent, x, y, text, size, attrs) {
    var a = {x: x, y: y, "font-size": size, "font-family": FAMILY};
    for (var key in attrs || {}) a[key] = attrs[key];
    parent.appendChild(el("text", a, text));
  }
  function day(text) { return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)); }

  // ---- axes: ticks at round numbers, dates at whole months or years
  function numberTicks(low, high, count) {
    var raw = (high - low) / Math.max(count, 1), magnitude = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var step = [1, 2, 2.5, 5, 10].map(function (f) { return f * magnitude; }).filter(function (s) { return s >= raw; })[0];
    var ticks = [];
    for (var i = Math.ceil(low / step - 1e-9); i * step <= high + step * 1e-9; i++) ticks.push({at: i * step, text: String(+(i * step).toPrecision(6))});
    return ticks;
  }
  function dateTicks(low, high, count) {
    var months = (high - low) / (30.44 * DAY);
    var step = [1, 2, 3, 6, 12, 24, 60, 120, 240].filter(function (s) { return months / s <= count; })[0] || 240;
    var start = new Date(low), year = start.getUTCFullYear(), month = start.getUTCMonth() + 1;
    if (step >= 12) { year = Math.ceil((year + (month > 1 ? 1 : 0)) / (step / 12)) * (step / 12); month = 0; }
    else { month = Math.ceil(month / step) * step; }
    var ticks = [];
    for (var t = Date.UTC(year, month, 1); t <= high; month += step, t = Date.UTC(year, month, 1)) {
      var d = new Date(t);
      var text = d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()];
      if (!ticks.length && d.getUTCMonth() !== 0) text += " " + d.getUTCFullYear();
      ticks.push({at: t, text: text});
    }
    return ticks;
  }
  function scale(low, high, from, to) { return function (v) { return from + (v - low) / (high - low || 1) * (to - from); }; }

  // ---- charts: one panel per endpoint, two across, as drawing.chart_figure
  var PANEL_W = 430, PLOT_H = 210, LEFT = 60, RIGHT = 16, LINE = 16;
  function panelHeight(panel) {
    var legend = panel.series.reduce(function (n, s) { return n + s.label.length; }, 0);
    return panel.title.length * LINE + 12 + PLOT_H + 44 + legend * LINE + 8;
  }
  function drawPanel(svg, panel, left, top) {
    var values = [], xs = [];
    panel.series.forEach(function (s) { s.points.forEach(function (p) { values.push(p[1]); xs.push(panel.dates ? day(p[0]) : p[0]); }); });
    var highest = values.length ? Math.max.apply(null, values) : 1, lowest = values.length ? Math.min.apply(null, values) : 0;
    var y0, y1;
    if (panel.percent) { y0 = 0; y1 = Math.max(100, highest * 1.08); }  // a rate axis cut short turns 6 points into a cliff
    else if (lowest >= 0) { y0 = 0; y1 = highest > 0 ? highest * 1.18 : 1; }
    else { var pad = (highest - lowest) * 0.08 || 1; y0 = lowest - pad; y1 = highest + pad; }
    var x0, x1;
    if (panel.dates) {
      var a = xs.length ? Math.min.apply(null, xs) : 0, b = xs.length ? Math.max.apply(null, xs) : DAY;
      var margin = Math.max((b - a) * 0.08, 30 * DAY); x0 = a - margin; x1 = b + margin;
    } else { var right = xs.length ? Math.max.apply(null, xs) : 1; x0 = 0; x1 = right > 0 ? right * 1.12 : 1; }
    var plotTop = top + panel.title.length * LINE + 12, plotBottom = plotTop + PLOT_H;
    var plotLeft = left + LEFT, plotRight = left + PANEL_W - RIGHT;
    var sx = scale(x0, x1, plotLeft, plotRight), sy = scale(y0, y1, plotBottom, plotTop);
    var g = el("g", {"class": "panel"});
    svg.appendChild(g);
    panel.title.forEach(function (line, i) {
      label(g, (plotLeft + plotRight) / 2, top + (i + 1) * LINE, line, 14, {"text-anchor": "middle"});
    });
    numberTicks(y0, y1, 6).forEach(function (t) {
      var y = sy(t.at);
      g.appendChild(el("line", {x1: plotLeft, x2: plotRight, y1: y, y2: y, stroke: "#e3e6ea", "stroke-width": 0.8}));
      label(g, plotLeft - 5, y + 4, t.text, 12, {"text-anchor": "end"});
    });
    (panel.dates ? dateTicks(x0, x1, 6) : numberTicks(x0, x1, 6)).forEach(function (t) {
      var x = sx(t.at);
      g.appendChild(el("line", {x1: x, x2: x, y1: plotTop, y2: plotBottom, stroke: "#e3e6ea", "stroke-width": 0.8}));
      label(g, x, plotBottom + 16, t.text, 12, {"text-anchor": "middle"});
    });
    g.appendChild(el("path", {d: "M" + plotLeft + "," + plotTop + "V" + plotBottom + "H" + plotRight, stroke: "#333", fill: "none"}));
    label(g, (plotLeft + plotRight) / 2, plotBottom + 34, panel.x_label, 12, {"text-anchor": "middle"});
    label(g, 0, 0, panel.y_label, 12, {"text-anchor": "middle", transform: "translate(" + (left + 14) + "," + (plotTop + plotBottom) / 2 + ") rotate(-90)"});
    var legendY = plotBottom + 44;
    panel.series.forEach(function (s, i) {
      var colour = COLORS[i % COLORS.length];
      var points = s.points.map(function (p) { return [sx(panel.dates ? day(p[0]) : p[0]), sy(p[1]), p[2]]; });
      g.appendChild(el("polyline", {points: points.map(function (p) { return p[0] + "," + p[1]; }).join(" "), stroke: colour, "stroke-width": 1.6, fill: "none"}));
      points.forEach(function (p) {
        g.appendChild(el("circle", {cx: p[0], cy: p[1], r: 3.5, fill: colour}));
        // every point carries its value: a reader cannot always hover
        label(g, p[0], p[1] - 7, p[2], 12, {"text-anchor": "middle", fill: colour});
      });
      var lx = left + LEFT;
      g.appendChild(el("line", {x1: lx, x2: lx + 22, y1: legendY + 10, y2: legendY + 10, stroke: colour, "stroke-width": 1.6}));
      g.appendChild(el("circle", {cx: lx + 11, cy: legendY + 10, r: 3.5, fill: colour}));
      s.label.forEach(function (line) { legendY += LINE; label(g, lx + 30, legendY, line, 12); });
    });
  }
  function drawChart(figure, chart) {
    var columns = Math.min(chart.panels.length, 2), rows = Math.ceil(chart.panels.length / columns);
    var width = columns * PANEL_W, top = 34, heights = [];
    for (var r = 0; r < rows; r++) heights.push(Math.max.apply(null, chart.panels.slice(r * columns, r * columns + columns).map(panelHeight)));
    var height = top + heights.reduce(function (a, b) { return a + b; }, 0);
    var svg = el("svg", {xmlns: SVG, viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img"});
    svg.appendChild(el("title", {}, chart.title));
    label(svg, width / 2, 22, chart.title, 16, {"text-anchor": "middle"});
    chart.panels.forEach(function (panel, i) {
      var row = Math.floor(i / columns), y = top + heights.slice(0, row).reduce(function (a, b) { return a + b; }, 0);
      drawPanel(svg, panel, (i % columns) * PANEL_W, y);
    });
    figure.insertBefore(svg, figure.firstChild);
  }

  // ---- company swim lanes, as lane_drawing.lanes_figure
  var LANES_W = 1300, BAND = 76, MARK = 5.5, SHIFT = 14, NUDGE = 13, LABEL_SIZE = 12;
  function markerPath(marker, x, y) {
    var r = MARK;
    if (marker === "D") return "M" + x + "," + (y - r * 1.15) + "L" + (x + r) + "," + y + "L" + x + "," + (y + r * 1.15) + "L" + (x - r) + "," + y + "Z";
    if (marker === "^") return "M" + x + "," + (y - r * 1.1) + "L" + (x + r) + "," + (y + r * 0.8) + "L" + (x - r) + "," + (y + r * 0.8) + "Z";
    if (marker === "v") return "M" + x + "," + (y + r * 1.1) + "L" + (x + r) + "," + (y - r * 0.8) + "L" + (x - r) + "," + (y - r * 0.8) + "Z";
    if (marker === "P") {
      var t = r * 0.4;
      return "M" + (x - t) + "," + (y - r) + "H" + (x + t) + "V" + (y - t) + "H" + (x + r) + "V" + (y + t) + "H" + (x + t) + "V" + (y + r) +
        "H" + (x - t) + "V" + (y + t) + "H" + (x - r) + "V" + (y - t) + "H" + (x - t) + "Z";
    }
    return "M" + (x - r) + "," + y + "A" + r + "," + r + " 0 1,0 " + (x + r) + "," + y + "A" + r + "," + r + " 0 1,0 " + (x - r) + "," + y + "Z";
  }
  // boxes already taken, bucketed by x so a check looks at its neighbours only
  function Boxes() { this.buckets = {}; }
  Boxes.prototype.keys = function (box) { var out = []; for (var k = Math.floor(box.x0 / 100); k <= Math.floor(box.x1 / 100); k++) out.push(k); return out; };
  Boxes.prototype.add = function (box) { var self = this; this.keys(box).forEach(function (k) { (self.buckets[k] = self.buckets[k] || []).push(box); }); };
  Boxes.prototype.hits = function (box, except) {
    var self = this;
    return this.keys(box).some(function (k) {
      return (self.buckets[k] || []).some(function (o) { return o !== except && o.x0 < box.x1 && box.x0 < o.x1 && o.y0 < box.y1 && box.y0 < o.y1; });
    });
  };
  function drawLanes(figure, lanes) {
    var count = lanes.lanes.length;
    var gutter = 16 + Math.min(170, Math.max.apply(null, lanes.lanes.map(function (lane) {
      return Math.max.apply(null, lane.label.map(function (line) { return textWidth(line, 13); }));
    })));
    var plotLeft = gutter, plotRight = LANES_W - 20, plotTop = 44, plotBottom = plotTop + count * BAND;
    var whens = [];
    lanes.lanes.forEach(function (lane) { lane.marks.forEach(function (m) { whens.push(day(m.when)); }); });
    var low = Math.min.apply(null, whens), high = Math.max.apply(null, whens);
    var pad = Math.max((high - low) * 0.04, 30 * DAY);
    var x0 = low - pad, x1 = high + Math.max(pad * 4, (high - low) * 0.16);  // room for the last labels
    var sx = scale(x0, x1, plotLeft, plotRight);
    var rowsOfLegend = Math.ceil(lanes.legend.length / 5), height = plotBottom + 30 + rowsOfLegend * 20 + 10;
    var svg = el("svg", {xmlns: SVG, viewBox: "0 0 " + LANES_W + " " + height, width: LANES_W, height: height, role: "img"});
    svg.appendChild(el("title", {}, lanes.title));
    label(svg, LANES_W / 2, 24, lanes.title, 17, {"text-anchor": "middle"});
    lanes.lanes.forEach(function (lane, i) {
      var middle = plotTop + (i + 0.5) * BAND;
      if (i % 2 === 0) svg.appendChild(el("rect", {x: plotLeft, y: plotTop + i * BAND, width: plotRight - plotLeft, height: BAND, fill: "#f1f3f6"}));
      lane.label.forEach(function (line, k) {
        label(svg, plotLeft - 8, middle + (k - (lane.label.length - 1) / 2) * 15 + 4, line, 13, {"text-anchor": "end"});
      });
    });
    dateTicks(x0, x1, 9).forEach(function (t) {
      var x = sx(t.at);
      svg.appendChild(el("line", {x1: x, x2: x, y1: plotTop, y2: plotBottom, stroke: "#c5ccd6", "stroke-width": 0.6}));
      label(svg, x, plotBottom + 16, t.text, 12, {"text-anchor": "middle"});
    });
    svg.appendChild(el("path", {d: "M" + plotLeft + "," + plotBottom + "H" + plotRight, stroke: "#333", fill: "none"}));
    var taken = new Boxes(), placed = [];
    lanes.lanes.forEach(function (lane, i) {
      var same = {};  // marks on one day in one row sit side by side
      lane.marks.forEach(function (m) {
        var key = m.when + "/" + m.category, nth = same[key] || 0;
        same[key] = nth + 1;
        var x = sx(day(m.when)) + nth * SHIFT, y = plotTop + (i + 0.5 - m.lift) * BAND;
        var box = {x0: x - MARK - 1, x1: x + MARK + 1, y0: y - MARK - 1, y1: y + MARK + 1};
        taken.add(box);
        placed.push({mark: m, x: x, y: y, box: box});
      });
    });
    placed.forEach(function (p) {
      var parent = svg;
      if (p.mark.href) { parent = el("a", {href: p.mark.href}); svg.appendChild(parent); }
      var dot = el("path", {d: markerPath(p.mark.marker, p.x, p.y), fill: p.mark.color, stroke: "#fff", "stroke-width": 0.8});
      dot.appendChild(el("title", {}, p.mark.detail));
      parent.appendChild(dot);
      // beside the mark, else just above or below it; never over another mark or label, never past the plot
      var width = textWidth(p.mark.label, LABEL_SIZE);
      [0, -NUDGE, NUDGE].some(function (rise) {
        var cy = p.y + rise, box = {x0: p.x + 9, x1: p.x + 9 + width, y0: cy - 7, y1: cy + 7};
        if (box.x1 > plotRight || taken.hits(box, p.box)) return false;
        taken.add(box);
        label(parent, box.x0, cy + 4, p.mark.label, LABEL_SIZE, {fill: "#1d2430"});
        return true;
      });
    });
    var perRow = Math.min(lanes.legend.length, 5);
    lanes.legend.forEach(function (entry, i) {
      var row = Math.floor(i / 5), column = i % 5, y = plotBottom + 38 + row * 20, x = LANES_W / 2 + (column - perRow / 2) * 240 + 12;
      svg.appendChild(el("path", {d: markerPath(entry.marker, x, y - 4), fill: entry.color}));
      label(svg, x + 12, y, entry.label, 12);
    });
    figure.insertBefore(svg, figure.firstChild);
  }

  // ---- each figure drawn once, when it first comes into view (or its tab opens)
  function drawWhenSeen(figures, items, draw) {
    var pending = [];
    for (var i = 0; i < figures.length && i < items.length; i++) { figures[i].tgItem = items[i]; pending.push(figures[i]); }
    function once(figure) { if (!figure.tgDrawn) { figure.tgDrawn = true; draw(figure, figure.tgItem); } }
    if (!("IntersectionObserver" in window)) { pending.forEach(once); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) { observer.unobserve(entry.target); once(entry.target); } });
    }, {rootMargin: "600px 0px"});
    pending.forEach(function (figure) { observer.observe(figure); });
  }
  return {
    start: function (data) {
      drawWhenSeen(document.querySelectorAll("#charts figure.chart"), data.charts || [], drawChart);
      drawWhenSeen(document.querySelectorAll("#timelines figure.lanes"), data.timelines || [], drawLanes);
    }
  };
})();
