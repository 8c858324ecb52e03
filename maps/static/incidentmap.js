/* incidentmap: event layers, popups, legend and title for a Leaflet map.
 *
 * Every text that comes from a report, a table or the gazetteer reaches the page through
 * textContent or a checked href, never through innerHTML: a hostile summary shows as text.
 * Defined once per page, so several maps (fragments) can share it.
 */
(function () {
  "use strict";
  if (window.incidentmap) { return; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  function row(table, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    tr.appendChild(el("td", null, value));
    table.appendChild(tr);
  }

  var PRECISION = { day: "", month: " (month)", year: " (year)", unknown: "" };

  function popupContent(e, types) {
    var box = el("div", "im-popup");
    var head = el("div", "im-popup-head");
    var swatch = el("span", "im-swatch");
    swatch.style.background = (types[e.type] || {}).color || "#777";
    head.appendChild(swatch);
    head.appendChild(el("strong", null, (types[e.type] || {}).label || e.type));
    if (e.status && e.status !== "occurred") { head.appendChild(el("span", "im-status", e.status)); }
    box.appendChild(head);
    var t = el("table", "im-fields");
    row(t, "Date", e.date ? e.date + (PRECISION[e.date_precision] || "") : "unknown");
    var where = e.place || "";
    if (e.written && e.written !== e.place) { where += " (written \u201c" + e.written + "\u201d)"; }
    row(t, "Place", where);
    if (e.area) { row(t, "Precision", e.kind + ": the marker stands for the whole area"); }
    row(t, "Killed", e.killed);
    row(t, "Injured", e.injured);
    row(t, "Actors", (e.actors || []).join("; "));
    box.appendChild(t);
    if (e.summary) { box.appendChild(el("p", "im-summary", e.summary)); }
    if (e.evidence && e.evidence !== e.summary) { box.appendChild(el("blockquote", "im-evidence", e.evidence)); }
    var sources = e.sources || [];
    if (sources.length) {
      var list = el("ul", "im-sources");
      sources.forEach(function (s) {
        var li = el("li");
        var label = [s.title, s.publisher, s.published].filter(Boolean).join(", ") || s.url || s.path || "source";
        var url = safeUrl(s.url);
        if (url) {
          var a = el("a", null, label);
          a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
          li.appendChild(a);
        } else {
          li.appendChild(el("span", null, label));
        }
        list.appendChild(li);
      });
      var independent = e.independent && e.independent < sources.length
        ? " (" + e.independent + " independent)" : "";
      box.appendChild(el("div", "im-label", sources.length === 1 ? "Source" : sources.length + " sources" + independent));
      box.appendChild(list);
    }
    return box;
  }

  function groupPopup(events, types) {
    if (events.length === 1) { return popupContent(events[0], types); }
    var box = el("div", "im-popup-group");
    var first = events[0];
    box.appendChild(el("div", "im-group-head", events.length + " " +
      ((types[first.type] || {}).label || first.type).toLowerCase() + " at " + (first.place || first.written)));
    events.forEach(function (e) { box.appendChild(popupContent(e, types)); });
    return box;
  }

  function tooltipContent(events, types) {
    var e = events[0];
    var label = (types[e.type] || {}).label || e.type;
    if (events.length > 1) {
      var dates = events.map(function (x) { return x.date; }).filter(Boolean).sort();
      var span = dates.length ? " (" + dates[0] + (dates.length > 1 ? " \u2013 " + dates[dates.length - 1] : "") + ")" : "";
      return el("div", "im-tooltip", events.length + " " + label.toLowerCase() + " at " + (e.place || e.written) + span);
    }
    var parts = [label, e.date || "date unknown", e.place || e.written];
    var text = parts.filter(Boolean).join(" \u00b7 ");
    if (e.summary) { text += " \u2014 " + (e.summary.length > 120 ? e.summary.slice(0, 117) + "\u2026" : e.summary); }
    return el("div", "im-tooltip", text);
  }

  function markerStyle(events, type) {
    var e = events[0];
    var radius = events.length > 1 ? 7 + 2 * Math.sqrt(events.length - 1) : 7;
    if (e.type === "attack") {
      var killed = events.reduce(function (n, x) { return n + (typeof x.killed === "number" ? x.killed : 0); }, 0);
      if (killed > 0) { radius = Math.max(radius, 6 + 2.2 * Math.sqrt(killed)); }
    }
    var planned = events.every(function (x) { return x.status === "planned"; });
    var style = {
      radius: Math.min(radius, 30), color: type.color, weight: 2, opacity: 0.95,
      fillColor: type.color, fillOpacity: 0.55
    };
    if (planned) { style.fillOpacity = 0.1; style.dashArray = "3 3"; }
    if (events.every(function (x) { return x.role === "alternative"; })) { style.fillOpacity = 0.15; style.dashArray = "2 4"; }
    if (events.length > 1) { style.weight = 3; style.color = "#222"; }
    if (e.area) { style.radius = Math.max(style.radius, 14); style.fillOpacity = 0.12; style.dashArray = "6 4"; }
    return style;
  }

  function addLegend(map, options) {
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var box = el("div", "im-legend leaflet-control");
      box.appendChild(el("div", "im-legend-title", "Events"));
      options.legend.forEach(function (item) {
        var line = el("div", "im-legend-row");
        var sw = el("span", "im-swatch");
        sw.style.background = item.color;
        line.appendChild(sw);
        line.appendChild(el("span", null, item.label + " (" + item.count + ")"));
        line.title = item.count + " event(s)";
        box.appendChild(line);
      });
      box.appendChild(el("div", "im-legend-note", "Dark outline: several events at one place (click to list them). " +
        "Dashed outline: the event is placed only at a district, region or country (the whole area). Attack size: killed."));
      if (options.unmapped) {
        box.appendChild(el("div", "im-legend-note", options.unmapped + " event(s) without a resolved place are not drawn."));
      }
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
  }

  function addFullscreen(map) {
    var container = map.getContainer();
    if (!container.requestFullscreen) { return; }
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var bar = el("div", "leaflet-bar leaflet-control");
      var button = el("a", "im-fullscreen");
      var NS = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", "0 0 16 16");
      svg.setAttribute("width", "16");
      svg.setAttribute("height", "16");
      var path = document.createElementNS(NS, "path");
      path.setAttribute("d", "M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4");
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", "#222");
      path.setAttribute("stroke-width", "2");
      svg.appendChild(path);
      button.appendChild(svg);
      button.href = "#";
      button.title = "Full screen";
      button.setAttribute("role", "button");
      L.DomEvent.on(button, "click", function (ev) {
        L.DomEvent.preventDefault(ev);
        if (document.fullscreenElement) { document.exitFullscreen(); } else { container.requestFullscreen(); }
      });
      bar.appendChild(button);
      return bar;
    };
    control.addTo(map);
    document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });
  }

  function addSearch(map, markers) {
    // search the places on this map by name: a text box with suggestions, Enter flies there
    var names = {};
    markers.forEach(function (item) {
      var e = item.events[0];
      var key = (e.place || e.written || "").toLowerCase();
      if (key && !names[key]) { names[key] = { label: e.place || e.written, markers: [] }; }
      if (key) { names[key].markers.push(item); }
    });
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var box = el("div", "im-search leaflet-control");
      var input = el("input");
      input.type = "search";
      input.placeholder = "Find a place\u2026";
      input.setAttribute("aria-label", "Find a place on this map");
      var list = el("datalist");
      list.id = map.getContainer().id + "-places";
      input.setAttribute("list", list.id);
      var filled = false;
      function fill() {  // the suggestions are built when first needed: a big map has many places
        if (filled) { return; }
        filled = true;
        var fragment = document.createDocumentFragment();
        Object.keys(names).sort().forEach(function (k) {
          var option = el("option");
          option.value = names[k].label;
          fragment.appendChild(option);
        });
        list.appendChild(fragment);
      }
      L.DomEvent.on(input, "focus", fill);
      function go() {
        var hit = names[input.value.trim().toLowerCase()];
        if (!hit) { input.classList.add("im-search-miss"); return; }
        input.classList.remove("im-search-miss");
        var item = hit.markers[0];
        map.setView([item.lat, item.lon], Math.max(map.getZoom(), 8));
        if (item.layer) { item.layer.openItem(item); } else { item.marker.openPopup(); }
      }
      L.DomEvent.on(input, "keydown", function (ev) { if (ev.key === "Enter") { go(); } });
      L.DomEvent.on(input, "change", go);
      L.DomEvent.disableClickPropagation(box);
      box.appendChild(input);
      box.appendChild(list);
      return box;
    };
    control.addTo(map);
  }

  // an event's period in days since 1970: a day, or its whole month or year
  function period(e) {
    if (!e.date) { return null; }
    var p = e.date.split("-").map(Number);
    var start = Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1);
    var end = p[2] ? start : (p[1] ? Date.UTC(p[0], p[1], 1) - 864e5 : Date.UTC(p[0] + 1, 0, 1) - 864e5);
    return [Math.floor(start / 864e5), Math.floor(end / 864e5)];
  }

  function dayText(day) { return new Date(day * 864e5).toISOString().slice(0, 10); }

  function addTimeFilter(map, groups, placed, heat) {
    var spans = [];
    placed.forEach(function (item) {
      item.periods = item.events.map(period);
      item.periods.forEach(function (p) { if (p) { spans.push(p[0], p[1]); } });
    });
    if (spans.length < 2) { return; }
    var lo = Infinity, hi = -Infinity;  // a loop: apply() over many values overflows the stack
    for (var s = 0; s < spans.length; s++) { if (spans[s] < lo) { lo = spans[s]; } if (spans[s] > hi) { hi = spans[s]; } }
    if (hi <= lo) { return; }
    var control = L.control({ position: "bottomleft" });
    var from, to, label, play, timer = null;
    function apply() {
      var a = Math.min(+from.value, +to.value), b = Math.max(+from.value, +to.value);
      label.textContent = dayText(a) + " \u2013 " + dayText(b);
      var shown = 0, layers = [], changed = false;
      placed.forEach(function (item) {
        var undated = item.periods.every(function (p) { return p === null; });
        var inside = undated || item.periods.some(function (p) { return p && p[1] >= a && p[0] <= b; });
        if (item.layer) {  // a big map: hide the point on its canvas
          if (item.hidden !== !inside) { changed = true; }
          item.hidden = !inside;
          if (layers.indexOf(item.layer) < 0) { layers.push(item.layer); }
        } else {
          var group = groups[item.events[0].type];
          if (inside && !group.hasLayer(item.marker)) { group.addLayer(item.marker); }
          if (!inside && group.hasLayer(item.marker)) { group.removeLayer(item.marker); }
        }
        if (inside) { shown += 1; }
      });
      if (changed) { layers.forEach(function (layer) { layer.redraw(); }); }
      if (heat) {
        heat._pts.forEach(function (p) { p.hidden = !!p.period && (p.period[1] < a || p.period[0] > b); });
        if (heat._map) { heat.redraw(); }
      }
      map.getContainer().setAttribute("data-im-shown", String(shown));
    }
    control.onAdd = function () {
      var box = el("div", "im-time leaflet-control");
      label = el("div", "im-time-label");
      from = el("input"); to = el("input");
      [from, to].forEach(function (input, i) {
        input.type = "range"; input.min = lo; input.max = hi; input.step = 1;
        input.value = i === 0 ? lo : hi;
        input.setAttribute("aria-label", i === 0 ? "From date" : "To date");
        L.DomEvent.on(input, "input", apply);
      });
      play = el("button", "im-play", "\u25b6 Play");
      play.type = "button";
      L.DomEvent.on(play, "click", function () {
        if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6 Play"; return; }
        var width = Math.max(30, Math.round((hi - lo) / 12));
        from.value = lo; to.value = lo + width;
        play.textContent = "\u275a\u275a Pause";
        timer = setInterval(function () {
          if (+to.value >= hi) { clearInterval(timer); timer = null; play.textContent = "\u25b6 Play"; return; }
          var step = Math.max(1, Math.round((hi - lo) / 60));
          from.value = Math.min(hi, +from.value + step); to.value = Math.min(hi, +to.value + step);
          apply();
        }, 250);
        apply();
      });
      box.appendChild(el("div", "im-time-title", "Dates"));
      box.appendChild(from); box.appendChild(to); box.appendChild(label); box.appendChild(play);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    apply();
  }

  function addLinks(layer, data, types) {
    // one event, several places: a line from its venue (or origin) to each other place
    var byEvent = {};
    data.forEach(function (e) {
      if (typeof e.lat !== "number" || !e.id) { return; }
      (byEvent[e.id] = byEvent[e.id] || []).push(e);
    });
    Object.keys(byEvent).forEach(function (id) {
      var places = byEvent[id];
      if (places.length < 2) { return; }
      var hub = places.filter(function (p) { return p.role === "venue" || p.role === "origin"; })[0] || places[0];
      places.forEach(function (p) {
        if (p === hub || (p.lat === hub.lat && p.lon === hub.lon)) { return; }
        var line = L.polyline([[hub.lat, hub.lon], [p.lat, p.lon]], {
          color: (types[p.type] || {}).color || "#666", weight: 2, opacity: 0.7,
          dashArray: p.role === "alternative" ? "4 6" : null, interactive: true
        });
        line.bindTooltip(function () {
          return el("div", "im-tooltip", ((types[p.type] || {}).label || p.type) + ": " + (hub.place || hub.written)
            + " \u2192 " + (p.place || p.written) + (p.role ? " (" + p.role + ")" : ""));
        }, { sticky: true });
        line.addTo(layer);
      });
    });
  }

  function addBasemap(map, collection) {
    // offline: country outlines and first-level boundaries, below everything else
    if (!map.getPane("im-basemap")) {
      map.createPane("im-basemap");
      map.getPane("im-basemap").style.zIndex = 150;
    }
    map.getContainer().style.background = "#cfe3ee";
    L.geoJSON(collection, {
      pane: "im-basemap", interactive: false, renderer: L.canvas({ pane: "im-basemap" }),
      style: function (f) {
        return f.properties.k === "c"
          ? { color: "#8a8a8a", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }
          : { color: "#b5b0a6", weight: 0.6, fill: false };
      }
    }).addTo(map);
    if (map.attributionControl) {
      map.attributionControl.addAttribution('Boundaries: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>');
    }
  }

  function addTitle(map, title) {
    if (!title) { return; }
    var control = L.control({ position: "topleft" });
    control.onAdd = function () { return el("div", "im-title leaflet-control", title); };
    control.addTo(map);
  }

  // Big maps: one canvas per event type draws all its points; a click finds the points under
  // the cursor and builds their popup then. Items may be hidden (the date filter).
  // Heat of attacks: each attack a blurred spot weighted by its toll, coloured by density.
  var HeatLayer = null;
  function heatLayer(points) {
    if (!HeatLayer) {
      HeatLayer = L.Layer.extend({
        initialize: function (pts) { this._pts = pts; },
        onAdd: function (map) {
          this._map = map;
          this._canvas = L.DomUtil.create("canvas", "im-heat leaflet-zoom-hide");
          this._canvas.style.opacity = "0.75";
          map.getPanes().overlayPane.appendChild(this._canvas);
          map.on("moveend zoomend resize viewreset", this.redraw, this);
          this.redraw();
        },
        onRemove: function (map) {
          L.DomUtil.remove(this._canvas);
          map.off("moveend zoomend resize viewreset", this.redraw, this);
        },
        redraw: function () {
          var map = this._map, size = map.getSize(), canvas = this._canvas;
          L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
          canvas.width = size.x; canvas.height = size.y;
          var ctx = canvas.getContext("2d"), radius = 18, max = 1;
          this._pts.forEach(function (p) { if (p.w > max) { max = p.w; } });
          this._pts.forEach(function (p) {
            if (p.hidden) { return; }
            var c = map.latLngToContainerPoint([p.lat, p.lon]);
            if (c.x < -radius || c.y < -radius || c.x > size.x + radius || c.y > size.y + radius) { return; }
            var g = ctx.createRadialGradient(c.x, c.y, 0, c.x, c.y, radius);
            var a = Math.min(1, 0.15 + 0.85 * Math.log(1 + p.w) / Math.log(1 + max));
            g.addColorStop(0, "rgba(0,0,0," + a + ")");
            g.addColorStop(1, "rgba(0,0,0,0)");
            ctx.fillStyle = g;
            ctx.fillRect(c.x - radius, c.y - radius, 2 * radius, 2 * radius);
          });
          if (!size.x || !size.y) { return; }
          var img = ctx.getImageData(0, 0, size.x, size.y), d = img.data;
          for (var i = 0; i < d.length; i += 4) {  // alpha -> yellow..red
            var v = d[i + 3] / 255;
            if (!v) { continue; }
            d[i] = 255; d[i + 1] = Math.round(230 * (1 - v)); d[i + 2] = Math.round(60 * (1 - v));
            d[i + 3] = Math.round(255 * Math.min(1, v * 1.4));
          }
          ctx.putImageData(img, 0, 0);
        }
      });
    }
    return new HeatLayer(points);
  }

  var CLUSTER_ABOVE = 1500;  // points of one type in view before they are counted per cell
  var CELL = 48;             // cell size in screen pixels

  // defined on first use: this script may load before Leaflet does
  var PointsLayer = null;
  function pointsLayer(items, types) {
    if (!PointsLayer) { PointsLayer = L.Layer.extend({
    initialize: function (items, style, types) { this._items = items; this._style = style; this._types = types; },
    onAdd: function (map) {
      this._map = map;
      this._canvas = L.DomUtil.create("canvas", "im-points leaflet-zoom-hide");
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this.redraw, this);
      map.on("click", this._click, this);
      this.redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this.redraw, this);
      map.off("click", this._click, this);
    },
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var size = map.getSize(), ratio = window.devicePixelRatio || 1, canvas = this._canvas;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      canvas.width = size.x * ratio; canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
      var ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      var drawn = 0, visible = [];
      for (var i = 0; i < this._items.length; i++) {
        var item = this._items[i];
        item.x = null;
        if (item.hidden) { continue; }
        var p = map.latLngToContainerPoint([item.lat, item.lon]);
        if (p.x < -30 || p.y < -30 || p.x > size.x + 30 || p.y > size.y + 30) { continue; }
        visible.push([item, p]);
      }
      // many points in view: count them per screen cell, one bubble per cell (per type, so the
      // layer toggles and the date filter still apply); a click on a bubble zooms in
      this._cells = null;
      if (visible.length > CLUSTER_ABOVE && map.getZoom() < map.getMaxZoom()) {
        var cells = {}, color = visible[0][0].style.color;
        visible.forEach(function (v) {
          var key = Math.floor(v[1].x / CELL) + ":" + Math.floor(v[1].y / CELL);
          var c = cells[key] || (cells[key] = { x: 0, y: 0, n: 0 });
          c.x += v[1].x; c.y += v[1].y; c.n += 1;
        });
        this._cells = Object.keys(cells).map(function (k) {
          var c = cells[k];
          return { x: c.x / c.n, y: c.y / c.n, n: c.n, r: Math.min(26, 6 + 3 * Math.log(1 + c.n)) };
        });
        ctx.font = "bold 11px system-ui, sans-serif";
        ctx.textAlign = "center"; ctx.textBaseline = "middle";
        this._cells.forEach(function (c) {
          ctx.beginPath();
          ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
          ctx.globalAlpha = 0.7; ctx.fillStyle = color; ctx.fill();
          ctx.globalAlpha = 1; ctx.lineWidth = 1.5; ctx.strokeStyle = "#fff"; ctx.stroke();
          if (c.n > 1) { ctx.fillStyle = "#fff"; ctx.fillText(String(c.n), c.x, c.y); }
        });
        this._drawn = visible.length;
        map.getContainer().setAttribute("data-im-drawn-" + this._items[0].events[0].type, String(visible.length));
        return;
      }
      for (var j = 0; j < visible.length; j++) {
        var item = visible[j][0], p = visible[j][1];
        var st = item.style;
        ctx.beginPath();
        ctx.arc(p.x, p.y, st.radius, 0, 2 * Math.PI);
        ctx.globalAlpha = st.fillOpacity; ctx.fillStyle = st.fillColor; ctx.fill();
        ctx.globalAlpha = st.opacity; ctx.lineWidth = st.weight; ctx.strokeStyle = st.color; ctx.stroke();
        item.x = p.x; item.y = p.y;
        drawn += 1;
      }
      this._drawn = drawn;
      map.getContainer().setAttribute("data-im-drawn-" + this._items[0].events[0].type, String(drawn));
    },
    _click: function (e) {
      if (e.imHandled) { return; }  // one click, one answer, whichever type layer hears it first
      var hit = null, best = Infinity, pt = e.containerPoint, map = this._map;
      if (this._cells) {
        var cell = null;
        this._cells.forEach(function (c) {
          var d = Math.sqrt((c.x - pt.x) * (c.x - pt.x) + (c.y - pt.y) * (c.y - pt.y));
          if (d <= c.r && d < best) { best = d; cell = c; }
        });
        if (cell) {
          e.imHandled = true;
          map.setView(map.containerPointToLatLng([cell.x, cell.y]), Math.min(map.getZoom() + 2, map.getMaxZoom()),
                      { animate: false });
        }
        return;
      }
      for (var i = 0; i < this._items.length; i++) {
        var item = this._items[i];
        if (item.x === null || item.x === undefined) { continue; }
        var d = Math.sqrt((item.x - pt.x) * (item.x - pt.x) + (item.y - pt.y) * (item.y - pt.y));
        if (d <= item.style.radius + 3 && d < best) { best = d; hit = item; }
      }
      if (hit) { e.imHandled = true; this.openItem(hit); }
    },
    openItem: function (item) {
      var types = this._types;
      L.popup({ maxWidth: 360, maxHeight: 360 }).setLatLng([item.lat, item.lon])
        .setContent(groupPopup(item.events, types)).openOn(this._map);
    }
  }); }
    return new PointsLayer(items, null, types);
  }

  // the page carries events as one columnar block (see maps/build.py: columnar)
  var STRING_FIELDS = ["type", "status", "date", "date_precision", "place", "written", "kind", "role",
                       "country", "summary", "evidence", "id", "shape"];
  function decode(block) {
    if (Array.isArray(block)) { return block; }
    var c = {}, S = block.strings, rows = new Array(block.n);
    Object.keys(block.cols).forEach(function (k) {  // a column stored once stands for every row
      var v = block.cols[k];
      c[k] = Array.isArray(v) ? v : { length: block.n, constant: v };
    });
    function col(name, i) { var v = c[name]; return v.constant !== undefined ? v.constant : v[i]; }
    function str(i) { return i < 0 ? null : S[i]; }
    for (var i = 0; i < block.n; i++) {
      var killed = col("killed", i), injured = col("injured", i);
      var r = { lat: col("lat", i), lon: col("lon", i), killed: killed < 0 ? null : killed,
                injured: injured < 0 ? null : injured, area: col("area", i) === 1,
                independent: col("independent", i), actors: str(col("actors", i)) || [],
                sources: str(col("sources", i)) || [] };
      for (var f = 0; f < STRING_FIELDS.length; f++) { r[STRING_FIELDS[f]] = str(col(STRING_FIELDS[f], i)); }
      if (r.evidence === null) { r.evidence = r.summary; }
      if (r.written === null) { r.written = r.place; }
      rows[i] = r;
    }
    return rows;
  }

  window.incidentmap = {
    addEvents: function (map, groups, block, options) {
      var types = options.types;
      var heat = null;
      var data = decode(block);
      if (options.basemap) { addBasemap(map, options.basemap); }
      var markers = 0;
      // Events of one type at the same point share a marker: its popup lists them all.
      var byPlace = {};
      var order = [];
      data.forEach(function (e) {
        if (!groups[e.type] || !types[e.type] || typeof e.lat !== "number" || typeof e.lon !== "number") { return; }
        var key = e.type + "|" + e.lat + "|" + e.lon;
        if (!byPlace[key]) { byPlace[key] = []; order.push(key); }
        byPlace[key].push(e);
      });
      var placed = [];
      if (options.big) {
        var perType = {};
        order.forEach(function (key) {
          var events = byPlace[key];
          var e = events[0];
          var item = { lat: e.lat, lon: e.lon, events: events, hidden: false,
                       style: markerStyle(events, types[e.type]) };
          (perType[e.type] = perType[e.type] || []).push(item);
          placed.push(item);
        });
        Object.keys(perType).forEach(function (type) {
          var layer = pointsLayer(perType[type], types);
          perType[type].forEach(function (item) { item.layer = layer; });
          layer.addTo(groups[type]);
        });
        markers = placed.length;
      }
      order.forEach(function (key) {
        if (options.big) { return; }
        var events = byPlace[key];
        var e = events[0];
        var marker = L.circleMarker([e.lat, e.lon], markerStyle(events, types[e.type]));
        marker.bindPopup(function () { return groupPopup(events, types); }, { maxWidth: 360, maxHeight: 360 });
        marker.bindTooltip(function () { return tooltipContent(events, types); }, { sticky: true, direction: "top" });
        var geometry = e.shape && options.shapes && options.shapes[e.shape];
        if (geometry) {
          // a district, region or country: draw the area itself, with its marker at the centre
          var area = L.geoJSON(geometry, { style: {
            color: types[e.type].color, weight: 1.5, dashArray: "5 4", opacity: 0.9,
            fillColor: types[e.type].color, fillOpacity: 0.08 } });
          area.bindPopup(function () { return groupPopup(events, types); }, { maxWidth: 360, maxHeight: 360 });
          marker = L.featureGroup([area, marker]);
        }
        placed.push({ marker: marker, events: events, lat: e.lat, lon: e.lon });
        marker.addTo(groups[e.type]);
        markers += 1;
      });
      if (groups._links) { addLinks(groups._links, data, types); }
      if (groups._heat) {
        var heatPoints = data.filter(function (e) { return e.type === "attack" && typeof e.lat === "number"; })
          .map(function (e) { return { lat: e.lat, lon: e.lon, w: 1 + (e.killed || 0), period: period(e) }; });
        heat = heatLayer(heatPoints);
        heat.addTo(groups._heat);
      }
      if (options.shapes && Object.keys(options.shapes).length && map.attributionControl && !options.basemap) {
        map.attributionControl.addAttribution('Areas: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>');
      }
      addLegend(map, options);
      addTitle(map, options.title);
      addFullscreen(map);
      addSearch(map, placed);
      addTimeFilter(map, groups, placed, heat);
      if (map.attributionControl) {
        map.attributionControl.addAttribution(
          'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0; ' +
          'area points via OpenWeather, CC BY-SA 4.0) via incidentmap');
      }
      if (/(^|[#&])static($|&)/.test(window.location.hash.slice(1))) {
        document.documentElement.classList.add("im-static");  // a picture: no buttons to press
      }
      map.getContainer().setAttribute("data-im-markers", String(markers));
      map.getContainer().setAttribute("data-im-events", String(data.length));
      map.getContainer().setAttribute("data-im-ready", "1");
      return markers;
    }
  };
})();
