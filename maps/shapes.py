"""Boundary polygons for maps: the areas events name, and an offline basemap.

Geometries come from ``gazetteer/boundaries`` (Natural Earth, public domain), loaded once.
Only the areas a map uses go into its page; the offline basemap carries every country's
outline and the first-level boundaries of the countries the map shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

__all__ = ["area_geometries", "basemap"]


@lru_cache(maxsize=1)
def _shapes() -> dict:
    from gazetteer.build import load_shapes

    return load_shapes()


def _geojson(geom) -> dict:
    from shapely.geometry import mapping

    return mapping(geom)


def area_geometries(keys: Iterable[str]) -> dict[str, dict]:
    """GeoJSON geometries of the given shape keys ("admin1:PK-GB"), those that exist."""
    shapes = _shapes()
    return {k: _geojson(shapes[k]) for k in sorted(set(keys)) if k in shapes}


def basemap(countries: Iterable[str]) -> dict:
    """An offline basemap: all country outlines, and admin-1 lines for ``countries``."""
    shapes = _shapes()
    wanted = {c.upper() for c in countries if c}
    features = []
    for key in sorted(shapes, key=lambda k: (not k.startswith("country:"), k)):  # fills first, lines on top
        kind, code = key.split(":", 1)
        if kind == "country" or (kind == "admin1" and code.split("-")[0] in wanted):
            features.append({"type": "Feature", "properties": {"k": kind[0]},
                             "geometry": _geojson(shapes[key])})
    return {"type": "FeatureCollection", "features": features}
