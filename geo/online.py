"""Opt-in online geocoding: geopy's Nominatim behind a rate limiter and a persistent cache.

Never used unless asked for (``--online nominatim`` or ``LocalGeocoder(online=...)``).
Answers are cached in SQLite in the cache directory, so a name is asked online once.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .errors import InputError
from .geocoder import Geocoder
from .index import cache_dir

__all__ = ["CachedGeocoder", "online_geocoder", "SERVICES"]

SERVICES = ("nominatim",)


class CachedGeocoder:
    """Wrap any geopy-style geocoder with a persistent cache of forward look-ups."""

    def __init__(self, geocoder: Geocoder, path: Path | str, *, min_delay_seconds: float = 1.0):
        from geopy.extra.rate_limiter import RateLimiter

        self._geocoder = geocoder
        self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=2, swallow_exceptions=False)
        self._path = Path(path)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self._path)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (query TEXT PRIMARY KEY, raw TEXT)")

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: Any):
        from geopy.location import Location

        row = self._db.execute("SELECT raw FROM answers WHERE query = ?", (query,)).fetchone()
        if row is None:
            loc = self._geocode(query, exactly_one=True, **kwargs)
            stored = None if loc is None else {"address": loc.address, "lat": loc.latitude,
                                               "lon": loc.longitude, "raw": loc.raw}
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)",
                                 (query, json.dumps(stored, sort_keys=True, default=str)))
        else:
            stored = json.loads(row[0])
        if stored is None:
            return None if exactly_one else []
        loc = Location(stored["address"], (stored["lat"], stored["lon"]), stored["raw"])
        return loc if exactly_one else [loc]

    def reverse(self, query: Any, *, exactly_one: bool = True, **kwargs: Any):
        return self._geocoder.reverse(query, exactly_one=exactly_one, **kwargs)


def online_geocoder(service: str, *, user_agent: str = "incidentmap") -> CachedGeocoder:
    """The named online geocoder, rate-limited and cached. Only ``nominatim`` for now."""
    if service not in SERVICES:
        raise InputError(f"--online: unknown service {service!r}; choose one of {', '.join(SERVICES)}")
    from geopy.geocoders import Nominatim

    return CachedGeocoder(Nominatim(user_agent=user_agent), cache_dir() / f"online-{service}.sqlite")
