"""A geocoder over the local gazetteer index, with geopy's contract.

``LocalGeocoder().geocode("Bisham, Shangla")`` returns a :class:`geopy.location.Location`
whose ``raw`` is the gazetteer record, ``None`` when nothing matches, or a ranked list with
``exactly_one=False``; ``reverse((lat, lon))`` returns the nearest place. Any geopy
geocoder can stand in for it, and ``geopandas.tools.geocode(names, provider=LocalGeocoder)``
works. Nothing touches the network unless an online fallback is passed explicitly.

Ranking (see docs/architecture.md): every (name, place) pair has a prior computed at build
time from how the name belongs to the place (own name, reviewed alias, GeoNames alternate),
the place's kind and population, and its layer (curated and user places win). A query's
qualifiers ("Dasu, Kohistan", "Paris, Texas", "Hyderabad, Pakistan") add a bonus to the
candidates that lie in, or near, a place the qualifier names. Misspellings fall back to
RapidFuzz over the names of notable places. ``score`` is the best candidate's share of the
candidates' exp(prior): 1.0 for an unambiguous name, low for "Springfield".
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from gazetteer.build import distance_km
from gazetteer.names import normalize, split_generic

from .index import open_db, user_index, world_index
from .records import Place

__all__ = ["Geocoder", "LocalGeocoder", "Candidate", "place_from_location"]

QUALIFIER_BONUS = 8.0
INSIDE_BONUS = 6.0  # ... and this more when the candidate lies in the qualifier's area itself
KIND_HINT_BONUS = 3.0
MAX_CANDIDATES = 50
# how far (km) a candidate may lie from a qualifier place of each kind and still be "in" it
QUALIFIER_RADIUS_KM = {"city": 60.0, "site": 60.0, "other": 120.0, "district": 120.0,
                       "region": 450.0}

_COLUMNS = ("id", "gid", "name", "kind", "feature", "lat", "lon", "country", "admin1", "admin2",
            "admin1_id", "admin2_id", "population", "layer", "note", "shape")
_SELECT = ", ".join(f"p.{c}" for c in _COLUMNS)


class Geocoder(Protocol):
    """The part of geopy's geocoder contract incidentmap relies on."""

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: Any) -> Any: ...

    def reverse(self, query: Any, *, exactly_one: bool = True, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class Candidate:
    """A place that a query may mean, with its ranking value."""

    db: str  # "world" or "user": admin ids are only comparable within one index
    id: int
    gid: str
    name: str
    kind: str
    feature: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    admin1_id: int | None
    admin2_id: int | None
    population: int
    layer: str
    note: str
    shape: str | None
    prior: float
    similarity: float = 100.0  # RapidFuzz ratio for fuzzy matches
    via: str = ""  # "qualifier": the head was not found in it, so this is the qualifier's place

    def record(self, query: str, score: float) -> dict[str, Any]:
        """The gazetteer record as ``Location.raw`` and ``geocode --json`` show it."""
        return {
            "query": query, "name": self.name, "lat": self.lat, "lon": self.lon,
            "country": self.country, "admin1": self.admin1 or None,
            "admin2": self.admin2 or None, "kind": self.kind, "feature": self.feature or None,
            "gazetteer_id": self.gid, "population": self.population or None,
            "score": round(score, 3), "layer": self.layer, "note": self.note or None,
            "shape": self.shape or None,
            **({"approximate": f"{query.split(',')[0].strip()!r} not found; this is the place "
                               "it was said to be in"} if self.via == "qualifier" else {}),
        }


def _shares(values: Sequence[float]) -> list[float]:
    """Each value's share of ``sum(exp(values))``."""
    top = max(values)
    weights = [math.exp(v - top) for v in values]
    total = sum(weights)
    return [w / total for w in weights]


class LocalGeocoder:
    """Geocode place names through the local, offline gazetteer.

    Parameters
    ----------
    gazetteer : paths of user CSVs (same schema as ``gazetteer/curated``) whose places
        are added to, or override, the built-in ones.
    index : path of a prebuilt index to use instead of the world index (tests, tools).
    online : an opt-in fallback geocoder with geopy's contract (see
        :func:`geo.online.nominatim`), asked only when the gazetteer has no answer.

    Examples
    --------
    >>> g = LocalGeocoder()
    >>> g.geocode("Bisham, Shangla").raw["gazetteer_id"]
    'incidentmap:pk-besham'
    >>> g.geocode("Paris, Texas").address
    'Paris, Lamar County, Texas, United States'
    """

    def __init__(self, *, gazetteer: Iterable[Path | str] = (), index: Path | str | None = None,
                 online: Geocoder | None = None):
        self._gazetteer = [Path(p) for p in gazetteer]
        self._index_path = Path(index) if index is not None else None
        self._online = online
        self._dbs: dict[str, sqlite3.Connection] | None = None
        self._fuzzy_keys: dict[int, list[str]] = {}
        self._country_names: dict[str, str] | None = None
        self._cache: dict[tuple[str, tuple[str, ...]], Candidate | None] = {}
        self._has: dict[str, bool] = {}

    # ------------------------------------------------------------------ index access

    @property
    def dbs(self) -> dict[str, sqlite3.Connection]:
        """The open indexes, opened (and built if needed) on first use."""
        if self._dbs is None:
            dbs = {"world": open_db(self._index_path or world_index())}
            user = user_index(self._gazetteer)
            if user is not None:
                dbs["user"] = open_db(user)
            self._dbs = dbs
        return self._dbs

    def _rows(self, db: str, sql: str, args: Sequence[Any]) -> list[Candidate]:
        return [Candidate(db, *row) for row in self.dbs[db].execute(sql, args)]

    def _lookup(self, key: str) -> list[Candidate]:
        """Every place with the normalised name ``key``, best prior first."""
        found: list[Candidate] = []
        for db in self.dbs:
            found += self._rows(
                db, f"SELECT {_SELECT}, n.prior FROM names n JOIN places p ON p.id = n.place"
                    " WHERE n.key = ? ORDER BY n.prior DESC, p.id LIMIT ?", (key, MAX_CANDIDATES))
        if "user" in self.dbs:
            overridden = {c.gid for c in found if c.db == "user"}
            found = [c for c in found if c.db == "user" or c.gid not in overridden]
            found.sort(key=lambda c: (-c.prior, c.db != "user", c.id))
        return found

    @property
    def country_names(self) -> dict[str, str]:
        if self._country_names is None:
            self._country_names = dict(self.dbs["world"].execute(
                "SELECT country, name FROM places WHERE kind = 'country' ORDER BY id DESC"))
        return self._country_names

    # ------------------------------------------------------------------ ranking

    def candidates(self, query: str, *, country_codes: str | Iterable[str] | None = None,
                   kinds: Iterable[str] | None = None) -> list[tuple[Candidate, float]]:
        """Ranked ``(candidate, score)`` pairs for a query, best first."""
        head, *qualifiers = [part.strip() for part in query.split(",") if part.strip()] or [""]
        key = normalize(head)
        if not key:
            return []
        codes = _codes(country_codes)
        kind_set = set(kinds) if kinds else None

        cands = self._lookup(key)
        kind_hint = None
        if not self._keep(cands, codes, kind_set):
            stripped, kind_hint = split_generic(key)
            if kind_hint or stripped != key:
                cands = self._lookup(stripped)
        if not self._keep(cands, codes, kind_set):
            cands = self._fuzzy(key)
        cands = self._keep(cands, codes, kind_set)
        constraints = [self._qualifier(q) for q in qualifiers]
        if constraints and not any(_satisfies(c, q) for c in cands for q in constraints):
            # "Clifton, Karachi" when no Clifton lies in Karachi: answer with Karachi itself,
            # coarser but right, rather than a Clifton elsewhere. A country is too coarse.
            within = next((q for q in constraints if q), [])
            fallback = self._keep([replace(c, via="qualifier") for c in within
                                   if c.kind != "country"], codes, None)
            if fallback:
                return [(c, s * 0.5) for c, s in self._rank(fallback, [], None)]
        if not cands:
            return []
        return self._rank(cands, constraints, kind_hint)

    def _rank(self, cands: list[Candidate], constraints: list[list[Candidate]],
              kind_hint: str | None) -> list[tuple[Candidate, float]]:
        scored = []
        for c in cands:
            value = c.prior
            if kind_hint and c.kind == kind_hint:
                value += KIND_HINT_BONUS
            value += QUALIFIER_BONUS * sum(_satisfies(c, q) for q in constraints)
            value += INSIDE_BONUS * sum(_inside(c, q) for q in constraints)
            value -= (100.0 - c.similarity) / 4.0
            scored.append((value, c))
        scored.sort(key=lambda vc: (-vc[0], vc[1].db != "user", vc[1].id))
        out = []
        for share, (_, c) in zip(_shares([v for v, _ in scored]), scored, strict=True):
            if constraints and not any(_satisfies(c, q) for q in constraints):
                share *= 0.5
            out.append((c, share * c.similarity / 100.0))
        return out

    @staticmethod
    def _keep(cands: list[Candidate], codes: set[str] | None,
              kinds: set[str] | None) -> list[Candidate]:
        return [c for c in cands
                if (codes is None or c.country in codes) and (kinds is None or c.kind in kinds)]

    def _qualifier(self, text: str) -> list[Candidate]:
        key = normalize(text)
        found = self._lookup(key)
        stripped, _ = split_generic(key)
        if stripped != key:
            found += self._lookup(stripped)
        return found[:MAX_CANDIDATES]

    def _fuzzy(self, key: str, *, loose: bool = False) -> list[Candidate]:
        """Places whose name is a near spelling of ``key``, best (similarity, prior) first.

        A misspelling may be one edit away (a transposition counts as one) in names of up
        to 9 letters and two in longer ones; ``loose`` matches by RapidFuzz ratio >= 60, for
        suggestions.
        """
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        if len(key) < 4:
            return []
        edits = 3 if loose else 1 if len(key) <= 9 else 2
        pool = [k for n in range(len(key) - edits, len(key) + edits + 1)
                for k in self._fuzzy_pool(n)]
        if loose:
            matches = [(m, sim) for m, sim, _ in process.extract(
                key, pool, scorer=fuzz.ratio, limit=30, score_cutoff=60)]
        else:
            matches = [(m, 100.0 * (1 - d / max(len(key), len(m)))) for m, d, _ in process.extract(
                key, pool, scorer=OSA.distance, limit=30, score_cutoff=edits)]
        out: list[Candidate] = []
        for match, similarity in matches:
            out += [replace(c, similarity=similarity) for c in self._lookup(match)[:5]]
        out.sort(key=lambda c: (-c.similarity, -c.prior, c.db != "user", c.id))
        return out

    def _fuzzy_pool(self, length: int) -> list[str]:
        """Names of one length that misspellings are matched against (loaded on demand)."""
        if length not in self._fuzzy_keys:
            keys: set[str] = set()
            for db in self.dbs.values():
                keys.update(k for (k,) in db.execute("SELECT key FROM fuzzy WHERE len = ?", (length,)))
            self._fuzzy_keys[length] = sorted(keys)
        return self._fuzzy_keys[length]

    def suggest(self, query: str, *, limit: int = 5) -> list[str]:
        """Near spellings of a name that resolves to nothing, as "Name (CC)"."""
        out: list[str] = []
        for c in self._fuzzy(normalize(query.split(",")[0]), loose=True):
            label = f"{c.name} ({c.country})"
            if label not in out:
                out.append(label)
        return out[:limit]

    # ------------------------------------------------------------------ geopy contract

    def geocode(self, query: str, *, exactly_one: bool = True,
                country_codes: str | Iterable[str] | None = None,
                kinds: Iterable[str] | None = None, limit: int | None = None,
                timeout: Any = None, **_: Any):
        """Resolve a place name; see the class docstring. ``timeout`` is accepted and unused."""
        from geopy.location import Location

        if not isinstance(query, str):
            raise TypeError(f"query must be a string, not {type(query).__name__}")
        ranked = self.candidates(query, country_codes=country_codes, kinds=kinds)
        if not ranked:
            if self._online is not None:
                return self._online.geocode(query, exactly_one=exactly_one)
            return None
        locs = [Location(self._address(c), (c.lat, c.lon), c.record(query, s)) for c, s in ranked]
        return locs[0] if exactly_one else locs[: limit or len(locs)]

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None, **_: Any):
        """The nearest city or site to ``(lat, lon)`` (a tuple, or a geopy/shapely point)."""
        from geopy.location import Location

        lat, lon = _latlon(query)
        for radius in (0.25, 1.0, 4.0, 16.0):
            rows = self._rows("world", f"SELECT {_SELECT}, 0.0 FROM places p WHERE p.lat BETWEEN ? AND ?"
                              " AND p.lon BETWEEN ? AND ? AND p.kind IN ('city', 'site')",
                              (lat - radius, lat + radius, lon - radius * 2, lon + radius * 2))
            if rows:
                break
        if not rows:
            return None if exactly_one else []
        rows.sort(key=lambda c: (distance_km((lat, lon), (c.lat, c.lon)), c.id))
        locs = [Location(self._address(c), (c.lat, c.lon), c.record(f"{lat},{lon}", 1.0))
                for c in rows[:10]]
        return locs[0] if exactly_one else locs

    # ------------------------------------------------------------------ fast batch path

    def best(self, query: str, *, country_codes: str | Iterable[str] | None = None
             ) -> tuple[Candidate, float] | None:
        """The best ``(candidate, score)`` for a query, or None; cached and fast for bare names."""
        codes = tuple(sorted(_codes(country_codes) or ()))
        cache_key = (query, codes)
        if cache_key in self._cache:
            return self._cache[cache_key]
        result = None
        if not codes and "," not in query and "user" not in self.dbs:
            row = self.dbs["world"].execute(
                f"SELECT {_SELECT}, k.score FROM keys k JOIN places p ON p.id = k.place"
                " WHERE k.key = ?", (normalize(query),)).fetchone()
            if row is not None:
                *fields, score = row
                result = (Candidate("world", *fields, prior=0.0), score)
        if result is None:
            ranked = self.candidates(query, country_codes=codes or None)
            result = ranked[0] if ranked else None
        if len(self._cache) < 200_000:
            self._cache[cache_key] = result
        return result

    def has_name(self, key: str) -> bool:
        """Whether a normalised name is any place's name (cached)."""
        found = self._has.get(key)
        if found is None:
            found = any(db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone()
                        for db in self.dbs.values())
            if len(self._has) < 500_000:
                self._has[key] = found
        return found

    def geocode_many(self, queries: Sequence[str], *,
                     country_codes: str | Iterable[str] | None = None
                     ) -> list[tuple[Candidate, float] | None]:
        """:meth:`best` for many queries at once, in order; same answers, set-based SQL.

        Bare names are answered by one join over a temporary table of their keys; the rest
        (qualified names, country filters, misspellings) go through :meth:`best`.
        """
        codes = _codes(country_codes)
        results: list[tuple[Candidate, float] | None] = [None] * len(queries)
        pending: list[int] = list(range(len(queries)))
        if codes is None and "user" not in self.dbs:
            keys: dict[str, list[int]] = {}
            seen: dict[str, str] = {}
            pending = []
            for i, q in enumerate(queries):
                if "," in q:
                    pending.append(i)
                    continue
                key = seen.get(q)
                if key is None:
                    key = seen[q] = normalize(q)
                keys.setdefault(key, []).append(i)
            db = self.dbs["world"]
            db.execute("CREATE TEMP TABLE IF NOT EXISTS batch (key TEXT PRIMARY KEY) WITHOUT ROWID")
            db.execute("DELETE FROM temp.batch")
            db.executemany("INSERT OR IGNORE INTO temp.batch VALUES (?)", ((k,) for k in keys))
            found = set()
            for key, *fields, score in db.execute(
                    f"SELECT b.key, {_SELECT}, k.score FROM temp.batch b JOIN keys k ON k.key = b.key"
                    " JOIN places p ON p.id = k.place"):
                answer = (Candidate("world", *fields, prior=0.0), score)
                found.add(key)
                for i in keys[key]:
                    results[i] = answer
            db.execute("DELETE FROM temp.batch")
            pending += [i for k, idx in keys.items() if k not in found for i in idx]
        for i in sorted(pending):
            if queries[i].strip():
                results[i] = self.best(queries[i], country_codes=codes)
        return results

    def _address(self, c: Candidate) -> str:
        parts = [c.name, c.admin2, c.admin1, self.country_names.get(c.country, c.country)]
        out: list[str] = []
        for p in parts:
            if p and p not in out:
                out.append(p)
        return ", ".join(out)


def _codes(country_codes: str | Iterable[str] | None) -> set[str] | None:
    if country_codes is None:
        return None
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    codes = {c.strip().upper() for c in country_codes if c and c.strip()}
    return codes or None


@lru_cache(maxsize=4096)
def _norm_head(text: str) -> str:
    return split_generic(normalize(text))[0]


def _inside(c: Candidate, qualifier: list[Candidate]) -> bool:
    """Whether ``c`` lies in the area a qualifier means first (its admin parent by id or name),
    which says more than lying within reach of it ("Bassa, Plateau": the Bassa in Plateau
    state, not the larger one in Kogi, 330 km from Plateau's point)."""
    q = qualifier[0] if qualifier else None
    if q is None or q.kind not in ("region", "district") or q.id == c.id:
        return False
    if q.db == c.db and q.id in (c.admin1_id, c.admin2_id):
        return True
    return c.country == q.country and _norm_head(q.name) in (_norm_head(c.admin1), _norm_head(c.admin2))


def _satisfies(c: Candidate, qualifier: list[Candidate]) -> bool:
    """Whether candidate ``c`` lies in, or near, one of the places a qualifier may mean."""
    for q in qualifier:
        if q.kind == "country":
            if c.country == q.country:
                return True
            continue
        if q.db == c.db and q.id in (c.admin1_id, c.admin2_id, c.id):
            return True  # in it, or another name of the same place ("Washington, D.C.")
        if c.country == q.country and _norm_head(q.name) in (_norm_head(c.admin1), _norm_head(c.admin2)):
            return True
        radius = QUALIFIER_RADIUS_KM.get(q.kind, 60.0)
        if q.id != c.id and distance_km((c.lat, c.lon), (q.lat, q.lon)) <= radius:
            return True
    return False


def _latlon(query: Any) -> tuple[float, float]:
    if hasattr(query, "latitude") and hasattr(query, "longitude"):
        return float(query.latitude), float(query.longitude)
    if hasattr(query, "x") and hasattr(query, "y"):
        return float(query.y), float(query.x)
    if isinstance(query, str):
        query = query.split(",")
    lat, lon = (float(v) for v in query)
    return lat, lon


def place_from_location(location: Any) -> Place:
    """A :class:`Place` from a geopy ``Location`` of ours or of any geopy geocoder."""
    raw = getattr(location, "raw", None) or {}
    if "gazetteer_id" in raw:
        return Place(name=raw["name"], lat=raw["lat"], lon=raw["lon"], country=raw["country"] or "",
                     admin1=raw.get("admin1") or "", admin2=raw.get("admin2") or "",
                     kind=raw["kind"], gazetteer_id=raw["gazetteer_id"],
                     population=raw.get("population"), score=raw.get("score"), shape=raw.get("shape"))
    return Place(name=location.address, lat=location.latitude, lon=location.longitude,
                 kind="other", gazetteer_id=raw.get("osm_id") and f"osm:{raw['osm_id']}")
