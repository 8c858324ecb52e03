"""Typed records that flow through incidentmap: places, sources and events.

They are frozen dataclasses; those with a location speak ``__geo_interface__`` so shapely,
geopandas and folium read them directly. Coordinates are ``(lat, lon)`` here and
``[lon, lat]`` only in GeoJSON (see :meth:`Place.__geo_interface__`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

__all__ = ["Place", "Source", "PlaceRef", "Mention", "Event", "EVENT_TYPES", "STATUSES",
           "DATE_PRECISIONS", "PLACE_KINDS", "USAGES"]

USAGES = ("literal", "metonymic", "in_name")

EVENT_TYPES = ("attack", "agreement", "meeting", "visit", "other")
STATUSES = ("occurred", "agreed", "planned")
DATE_PRECISIONS = ("day", "month", "year", "unknown")
PLACE_KINDS = ("site", "city", "district", "region", "country", "other")


@dataclass(frozen=True)
class Place:
    """A resolved place: a gazetteer record or coordinates given by the user."""

    name: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    kind: str = "other"
    gazetteer_id: str | None = None
    population: int | None = None
    score: float | None = None
    shape: str | None = None  # key of the area's polygon in gazetteer/boundaries, if any

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)

    @property
    def is_area(self) -> bool:
        """True for districts, regions and countries: the point only stands for an area."""
        return self.kind in ("district", "region", "country")

    def contains(self, other: Place) -> bool:
        """Whether this area holds ``other``: its country, or its first- or second-level area."""
        return self.is_area and self.country == other.country and (
            self.kind == "country" or self.name in (other.admin1, other.admin2))

    @property
    def __geo_interface__(self) -> dict:
        return {"type": "Point", "coordinates": [self.lon, self.lat]}


@dataclass(frozen=True)
class Source:
    """Where an event was reported."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class PlaceRef:
    """A place as an event names it: the text as written, its role, and its resolution."""

    text: str
    role: str = "location"
    place: Place | None = None


@dataclass(frozen=True)
class Mention:
    """A place name in a text: its span, how it is used, and what it resolves to."""

    text: str
    start: int
    end: int
    usage: str = "literal"
    place: Place | None = None
    confidence: float = 0.0

    def to_json(self) -> dict:
        p = self.place
        return {"text": self.text, "start": self.start, "end": self.end,
                "name": p.name if p else None, "country": p.country if p else None,
                "admin1": (p.admin1 or None) if p else None, "kind": p.kind if p else None,
                "lat": p.lat if p else None, "lon": p.lon if p else None,
                "gazetteer_id": p.gazetteer_id if p else None, "usage": self.usage,
                "confidence": round(self.confidence, 3)}


@dataclass(frozen=True)
class Event:
    """One real-world event with every field traceable to its source."""

    event_type: str
    date: str | None = None
    date_precision: str = "unknown"
    places: tuple[PlaceRef, ...] = ()
    status: str = "occurred"
    subtype: str | None = None
    killed: int | None = None
    injured: int | None = None
    actors: tuple[str, ...] = ()
    summary: str = ""
    evidence: str = ""
    sources: tuple[Source, ...] = ()
    event_id: str = field(default="")
    evidence_spans: tuple[tuple[int, int], ...] = ()  # character spans in the (first) source's text
    independent_sources: int | None = None  # sources that are not near-copies of each other

    def __post_init__(self) -> None:
        if not self.event_id:
            object.__setattr__(self, "event_id", self._stable_id())

    def _stable_id(self) -> str:
        content = json.dumps(
            [self.event_type, self.date, [(p.text, p.role) for p in self.places], self.summary,
             self.killed, self.injured, list(self.actors)],
            ensure_ascii=False, sort_keys=True,
        )
        return "ev-" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]

    @property
    def source_count(self) -> int:
        return len(self.sources)

    def features(self) -> list[dict]:
        """GeoJSON features, one per (event, place); an unresolved place has null geometry."""
        refs = self.places or (PlaceRef(text=""),)
        out = []
        for ref in refs:
            p = ref.place
            props = {
                "event_id": self.event_id, "event_type": self.event_type, "subtype": self.subtype,
                "status": self.status, "date": self.date, "date_precision": self.date_precision,
                "place_name": ref.text or None, "place": p.name if p else None,
                "place_role": ref.role, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "kind": p.kind if p else None,
                "gazetteer_id": p.gazetteer_id if p else None,
                "killed": self.killed, "injured": self.injured, "actors": list(self.actors),
                "summary": self.summary, "evidence": self.evidence,
                "sources": [{"path": s.path, "url": s.url, "title": s.title, "publisher": s.publisher,
                             "published": s.published} for s in self.sources],
                "source_count": self.source_count,
                "independent_sources": self.independent_sources or self.source_count,
                "evidence_spans": [list(s) for s in self.evidence_spans],
            }
            out.append({"type": "Feature", "properties": props,
                        "geometry": p.__geo_interface__ if p else None})
        return out
