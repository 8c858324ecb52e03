"""incidentmap's geography: reading inputs, the gazetteer look-up, geocoding, events.

Heavy dependencies (geopandas) load only when a function that needs them is first used.
"""

from __future__ import annotations

from typing import Any

from .errors import (
    BrowserNotFound,
    ExportError,
    GazetteerError,
    IncidentmapError,
    InputError,
    PlaceNotFound,
)
from .geocoder import LocalGeocoder
from .records import Event, Place, PlaceRef, Source

__all__ = [
    "BrowserNotFound", "Event", "ExportError", "GazetteerError", "IncidentmapError",
    "InputError", "LocalGeocoder", "Place", "PlaceNotFound", "PlaceRef", "Source",
    "read_events", "geocode_events", "to_geodataframe", "write_events", "example_path",
]

_LAZY = {
    "read_events": "tables", "geocode_events": "tables", "example_path": "tables",
    "to_geodataframe": "frame", "write_events": "frame",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
