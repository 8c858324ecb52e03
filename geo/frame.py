"""Events as a GeoDataFrame and as files (GeoJSON, GeoPackage, CSV), written atomically.

One row (feature) per (event, place); an event whose place is unresolved is still one row,
with an empty geometry, so nothing is silently dropped. GeoJSON is written with sorted keys
and stable ordering so that the same events give the same bytes.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import atomic_path, atomic_write
from .errors import InputError
from .records import Event

if TYPE_CHECKING:
    import geopandas

__all__ = ["to_geodataframe", "to_geojson", "write_events", "FORMATS"]

FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG", ".csv": "CSV"}
_LIST_COLUMNS = ("actors", "sources")


def _features(events: Iterable[Event]) -> list[dict]:
    return [f for e in events for f in e.features()]


def to_geojson(events: Iterable[Event]) -> str:
    """A GeoJSON FeatureCollection (text) of the events, deterministic."""
    doc = {"type": "FeatureCollection", "features": _features(events)}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def to_geodataframe(events: Iterable[Event]) -> geopandas.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326), one row per (event, place)."""
    import geopandas
    from shapely.geometry import shape

    features = _features(events)
    rows = [f["properties"] for f in features]
    geoms = [shape(f["geometry"]) if f["geometry"] else None for f in features]
    columns = list(rows[0]) if rows else ["event_id"]
    return geopandas.GeoDataFrame(rows, columns=columns, geometry=geoms, crs="EPSG:4326")


def write_events(events: Iterable[Event], path: Path | str) -> Path:
    """Write events to ``.geojson``, ``.gpkg`` or ``.csv`` (by suffix), atomically."""
    path = Path(path)
    driver = FORMATS.get(path.suffix.lower())
    if driver is None:
        raise InputError(f"{path}: unknown output format {path.suffix!r}; use one of "
                         f"{', '.join(FORMATS)}")
    events = list(events)
    if driver == "GeoJSON":
        return atomic_write(path, to_geojson(events))
    gdf = to_geodataframe(events)
    for col in _LIST_COLUMNS:
        gdf[col] = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in gdf[col]]
    if driver == "CSV":
        frame = gdf.drop(columns="geometry")
        frame.insert(len(frame.columns), "lat", [g.y if g is not None else None for g in gdf.geometry])
        frame.insert(len(frame.columns), "lon", [g.x if g is not None else None for g in gdf.geometry])
        return atomic_write(path, frame.to_csv(index=False, lineterminator="\n"))
    with atomic_path(path) as tmp, _gpkg_clock(events):
        gdf.to_file(tmp, driver=driver, layer="events", engine="pyogrio")
    return path


@contextlib.contextmanager
def _gpkg_clock(events: list[Event]) -> Iterator[None]:
    """Make GDAL stamp the GeoPackage's ``last_change`` with the latest event date, not the
    clock, so that the same events give the same bytes."""
    import pyogrio

    dates = [e.date for e in events if e.date]
    latest = max((d + {4: "-01-01", 7: "-01"}.get(len(d), "") for d in dates), default="1970-01-01")
    before = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": f"{latest}T00:00:00.000Z"})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": before})
