"""Folium maps of events: one layer per event type, popups, legend, title.

``build_map(events, *, m=None)`` returns a :class:`folium.Map`; pass your own ``m`` to add
our layers to it. Event data goes into the page once, as JSON escaped for a script
context, and ``maps/static/incidentmap.js`` draws it: popups and tooltips are built with
``textContent`` on click, so nothing from a report or table is ever parsed as HTML.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import folium
from branca.element import MacroElement

from geo.records import Event

from .assets import RawHTML, own_assets, script_tag, style_tag
from .shapes import area_geometries, basemap

__all__ = ["build_map", "IncidentMap", "EVENT_STYLES", "script_json", "stabilize_ids"]


@dataclass(frozen=True)
class TypeStyle:
    label: str
    color: str


# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
EVENT_STYLES = {
    "attack": TypeStyle("Attacks", "#D55E00"),
    "agreement": TypeStyle("Agreements", "#0072B2"),
    "meeting": TypeStyle("Meetings", "#009E73"),
    "visit": TypeStyle("Visits", "#CC79A7"),
    "other": TypeStyle("Other events", "#666666"),
}


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` and inert as a Jinja template.

    No ``<``, ``>`` or ``&`` (so no ``</script>`` or ``<!--``), no U+2028/2029, and no
    ``{{``, ``{%`` or ``{#`` (branca compiles rendered macros as templates). Structural
    braces are never followed by those characters, so every escape falls inside a string.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return re.sub(r"\{(?=[{%#])", r"\\u007b", text)


class EventLayers(MacroElement):
    """The script that puts the events into their type's FeatureGroup."""

    def __init__(self, groups: list[tuple[str, folium.FeatureGroup]], data: str, options: str):
        super().__init__()
        self._name = "EventLayers"
        self.groups = groups
        self.data = data
        self.options = options

    def render(self, **kwargs) -> None:
        # Added as raw text: a MacroElement's output would be compiled again as Jinja.
        groups = "{" + ", ".join(f"{json.dumps(k)}: {g.get_name()}" for k, g in self.groups) + "}"
        js = (f"incidentmap.addEvents({self._parent.get_name()}, {groups}, {self.data}, "
              f"{self.options});")
        self.get_root().script.add_child(RawHTML(js), name=self.get_name())


class IncidentMap(folium.Map):
    """A folium Map whose notebook view is self-contained (folium's own links a CDN)."""

    def _repr_html_(self, **kwargs) -> str:
        import html as html_lib

        from .export import render_html

        page = render_html(self)
        return (f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" style="width:100%;height:600px;'
                f'border:none" sandbox="allow-scripts allow-popups"></iframe>')


def _event_rows(events: Iterable[Event]) -> tuple[list[dict], int]:
    rows, unmapped = [], 0
    for e in events:
        mapped = False
        for ref in e.places or ():
            p = ref.place
            if p is None:
                continue
            mapped = True
            rows.append({
                "type": e.event_type, "status": e.status, "date": e.date,
                "date_precision": e.date_precision, "lat": round(p.lat, 5), "lon": round(p.lon, 5),
                "place": p.name, "written": ref.text, "kind": p.kind, "area": p.is_area, "role": ref.role,
                "country": p.country,
                "shape": p.shape if p.is_area else None,
                "killed": e.killed, "injured": e.injured, "actors": list(e.actors),
                "summary": e.summary, "evidence": e.evidence,
                "sources": [{"url": s.url, "title": s.title, "publisher": s.publisher,
                             "published": s.published,
                             "path": None if s.url else s.path} for s in e.sources],
                "id": e.event_id, "independent": e.independent_sources or len(e.sources),
            })
        unmapped += not mapped
    return rows, unmapped


def build_map(events: Iterable[Event], *, m: folium.Map | None = None, title: str | None = None,
              tiles: str | None = "OpenStreetMap", offline: bool = False) -> folium.Map:
    """A Folium map with one toggleable layer per event type.

    Parameters
    ----------
    events : events with resolved places; events without any are counted in the legend.
    m : an existing map to add the layers to; a new one is made when None.
    title : shown in a box at the top left (as text, never HTML).
    tiles : the base layer for a new map (``None`` for none).
    offline : draw a basemap of country outlines and first-level boundaries (Natural Earth)
        instead of web tiles, so the page needs no network at all.
    """
    events = list(events)
    rows, unmapped = _event_rows(events)
    if offline:
        tiles = None
    if m is None:
        m = IncidentMap(location=(30.0, 70.0), zoom_start=4, tiles=tiles, prefer_canvas=True,
                       control_scale=True, max_zoom=18, maxZoom=18)
    js, css = own_assets()
    m.get_root().header.add_child(RawHTML(style_tag(css) + "\n" + script_tag(js)),
                                  name="incidentmap_assets")
    counts = Counter(t for _, t in {(r["id"], r["type"]) for r in rows})  # events, not event-places
    groups = []
    for key, style in EVENT_STYLES.items():
        if counts[key] or key != "other":
            group = folium.FeatureGroup(name=f"{style.label} ({counts[key]})", show=True)
            group.add_to(m)
            groups.append((key, group))
    options = {
        "types": {k: {"label": s.label, "color": s.color} for k, s in EVENT_STYLES.items()},
        "legend": [{"label": EVENT_STYLES[k].label, "color": EVENT_STYLES[k].color,
                    "count": counts[k]} for k, _ in groups],
        "title": title or "", "unmapped": unmapped,
        "shapes": area_geometries(r["shape"] for r in rows if r.get("shape")),
        "basemap": basemap({r["country"] for r in rows if r.get("country")}) if offline else None,
    }
    links = None
    if _has_links(rows):
        links = folium.FeatureGroup(name="Links between an event's places", show=True)
        links.add_to(m)
        groups.append(("_links", links))
    options["big"] = len({(r["type"], r["lat"], r["lon"]) for r in rows}) > BIG_MAP
    if any(r["type"] == "attack" for r in rows):
        heat = folium.FeatureGroup(name="Heat of attacks (by toll)", show=False)
        heat.add_to(m)
        groups.append(("_heat", heat))
    m.add_child(EventLayers(groups, script_json(columnar(rows)), script_json(options)))
    folium.LayerControl(collapsed=False).add_to(m)
    _fit(m, rows)
    stabilize_ids(m)
    return m


# fields of a row, in the order of the columnar block; lat and lon are numbers, the rest are
# indexes into one table of strings (or of lists, for actors and sources)
_STRING_FIELDS = ("type", "status", "date", "date_precision", "place", "written", "kind", "role",
                  "country", "summary", "evidence", "id", "shape")
BIG_MAP = 3000  # more markers than this are drawn on one canvas per type


def columnar(rows: list[dict]) -> dict:
    """Rows as one compact columnar block: each distinct string (or list) is stored once."""
    strings: dict[tuple[str, str], int] = {}
    table: list = []

    def s(value) -> int:
        if value is None or value == "":
            return -1
        key = ("s", value) if isinstance(value, str) else (
            "j", json.dumps(value, sort_keys=True, separators=(",", ":")))
        if key not in strings:
            strings[key] = len(table)
            table.append(value)
        return strings[key]

    cols: dict[str, list] = {f: [] for f in ("lat", "lon", "killed", "injured", "area", "independent",
                                             "actors", "sources", *_STRING_FIELDS)}
    multi = {k for k, n in Counter(r["id"] for r in rows).items() if n > 1}  # events that need links
    for r in rows:
        cols["lat"].append(r["lat"])
        cols["lon"].append(r["lon"])
        cols["killed"].append(-1 if r["killed"] is None else r["killed"])
        cols["injured"].append(-1 if r["injured"] is None else r["injured"])
        cols["area"].append(1 if r["area"] else 0)
        cols["independent"].append(r.get("independent") or 0)
        cols["actors"].append(s(r["actors"] or None))
        cols["sources"].append(s(r["sources"] or None))
        for f in _STRING_FIELDS:
            value = r.get(f)
            if (f == "evidence" and value == r.get("summary")) or (f == "written" and value == r.get("place")) \
                    or (f == "id" and value not in multi):
                value = None  # the page falls back to the summary, the place, or no id
            cols[f].append(s(value))
    # a column with one value throughout is stored once
    packed = {f: (v[0] if v and all(x == v[0] for x in v) else v) for f, v in cols.items()}
    return {"n": len(rows), "strings": table, "cols": packed}


def _has_links(rows: list[dict]) -> bool:
    """Whether some event has several places (a venue and the places it concerns, a route)."""
    seen: dict[str, int] = {}
    for r in rows:
        seen[r["id"]] = seen.get(r["id"], 0) + 1
    return any(n > 1 for n in seen.values())


def _fit(m: folium.Map, rows: list[dict]) -> None:
    if not rows:
        return
    lats = [r["lat"] for r in rows]
    lons = [r["lon"] for r in rows]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    if north - south < 0.05 and east - west < 0.05:
        south, north, west, east = south - 0.25, north + 0.25, west - 0.25, east + 0.25
    m.fit_bounds([[south, west], [north, east]], padding=(30, 30))


def stabilize_ids(m: folium.Map) -> None:
    """Give every element a deterministic id, so the same input gives the same page.

    Ids carry a prefix from the map's content, so two different maps on one page differ.
    """
    root = m.get_root()
    elements = []

    def walk(e):
        elements.append(e)
        for child in e._children.values():
            walk(child)

    walk(root)
    digest = hashlib.sha1()
    for e in elements:
        digest.update(type(e).__name__.encode())
        for attr in ("data", "options", "html"):
            value = getattr(e, attr, None)
            if isinstance(value, str):
                digest.update(value.encode("utf-8"))
    prefix = digest.hexdigest()[:8]
    for n, e in enumerate(elements):
        e._id = f"{prefix}{n:04d}"
