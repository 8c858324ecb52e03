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
      box.appendChild(el("div", "im-label", sources.length === 1 ? "Source" : sources.length + " sources"));
      box.appendChild(list);
    }
    return box;
  }

  function tooltipContent(e, types) {
    var parts = [(types[e.type] || {}).label || e.type, e.date || "date unknown", e.place || e.written];
    var text = parts.filter(Boolean).join(" \u00b7 ");
    if (e.summary) { text += " \u2014 " + (e.summary.length > 120 ? e.summary.slice(0, 117) + "\u2026" : e.summary); }
    return el("div", "im-tooltip", text);
  }

  function markerStyle(e, type) {
    var radius = 7;
    if (e.type === "attack" && typeof e.killed === "number") { radius = 6 + 2.2 * Math.sqrt(e.killed); }
    var style = {
      radius: Math.min(radius, 30), color: type.color, weight: 2, opacity: 0.95,
      fillColor: type.color, fillOpacity: 0.55
    };
    if (e.status === "planned") { style.fillOpacity = 0.1; style.dashArray = "3 3"; }
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
        box.appendChild(line);
      });
      box.appendChild(el("div", "im-legend-note", "Dashed ring: a district, region or country (approximate point). Attack size: killed."));
      if (options.unmapped) {
        box.appendChild(el("div", "im-legend-note", options.unmapped + " event(s) without a resolved place are not drawn."));
      }
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
  }

  function addTitle(map, title) {
    if (!title) { return; }
    var control = L.control({ position: "topleft" });
    control.onAdd = function () { return el("div", "im-title leaflet-control", title); };
    control.addTo(map);
  }

  window.incidentmap = {
    addEvents: function (map, groups, data, options) {
      var types = options.types;
      var markers = 0;
      data.forEach(function (e) {
        var group = groups[e.type];
        var type = types[e.type];
        if (!group || !type || typeof e.lat !== "number" || typeof e.lon !== "number") { return; }
        var marker = L.circleMarker([e.lat, e.lon], markerStyle(e, type));
        marker.bindPopup(function () { return popupContent(e, types); }, { maxWidth: 360 });
        marker.bindTooltip(function () { return tooltipContent(e, types); }, { sticky: true, direction: "top" });
        marker.addTo(group);
        markers += 1;
      });
      addLegend(map, options);
      addTitle(map, options.title);
      if (map.attributionControl) {
        map.attributionControl.addAttribution(
          'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0) via incidentmap');
      }
      map.getContainer().setAttribute("data-im-markers", String(markers));
      map.getContainer().setAttribute("data-im-ready", "1");
      return markers;
    }
  };
})();
