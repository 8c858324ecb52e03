"""Reading event tables (CSV, GeoJSON) into geocoded :class:`~geo.records.Event` records.

Columns (case-insensitive; a few common synonyms are accepted, see ``COLUMN_SYNONYMS``):
``date, type, place, country, lat, lon, killed, injured, actors, summary, source_url,
source_title``. ``type`` and either ``place`` or ``lat``+``lon`` are required. A row with a
problem is reported with file:line and field, and left out; the others are kept. ``place``
is geocoded through the gazetteer unless the row gives coordinates; a place the gazetteer
cannot resolve keeps its event, without coordinates, and is listed with suggestions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .dates import parse_date
from .errors import InputError
from .geocoder import Geocoder, LocalGeocoder, place_from_location
from .records import EVENT_TYPES, Event, Place, PlaceRef, Source

__all__ = ["Problem", "Events", "read_events", "geocode_events", "example_path", "COLUMNS"]

COLUMNS = ("date", "type", "place", "country", "lat", "lon", "killed", "injured", "actors",
           "summary", "source_url", "source_title")
COLUMN_SYNONYMS = {
    "event_date": "date", "event_type": "type", "location": "place", "latitude": "lat",
    "longitude": "lon", "lng": "lon", "long": "lon", "fatalities": "killed", "deaths": "killed",
    "wounded": "injured", "url": "source_url", "source": "source_url", "title": "source_title",
    "description": "summary", "notes": "summary", "country_code": "country",
}
TYPE_SYNONYMS = {f"{t}s": t for t in EVENT_TYPES} | {"talks": "meeting", "deal": "agreement"}


@dataclass(frozen=True)
class Problem:
    """A bad row or a warning about one, located at file:line and field."""

    path: str
    line: int
    field: str
    message: str
    level: str = "error"  # "error": the row was left out; "warning": kept

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class Events(list):
    """A list of events that also carries the problems met while reading them."""

    def __init__(self, events: Iterable[Event] = (), problems: Iterable[Problem] = ()):
        super().__init__(events)
        self.problems: list[Problem] = list(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


def example_path(name: str = "events.csv") -> Path:
    """Path of a built-in example file (``events.csv``)."""
    return Path(str(resources.files("geo").joinpath("examples", name)))


# --------------------------------------------------------------------------- reading


def read_events(source: Path | str | Iterable[Path | str], *, geocoder: Geocoder | None = None,
                strict: bool = False, geocode: bool = True) -> Events:
    """Read one or more event tables and geocode their places.

    Parameters
    ----------
    source : a path (``.csv``, ``.tsv``, ``.geojson``/``.json``) or several.
    geocoder : any geocoder with geopy's contract; by default the local gazetteer.
    strict : raise :class:`~geo.errors.InputError` listing every bad row instead of
        leaving bad rows out.
    geocode : resolve places (turn off to only validate).

    Returns
    -------
    Events
        The events in file and row order; ``.problems`` lists bad rows (left out) and
        warnings (unresolved places, with suggestions).
    """
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    if geocode and geocoder is None:
        geocoder = LocalGeocoder()
    out = Events()
    rows: list[tuple[Event, str | None]] = []  # each event with its row's country code
    for path in paths:
        for event, country, problems in _read_any(path):
            place = event.places[0].place if event.places else None
            if geocode and not any(p.level == "error" for p in problems) and place is not None and country:
                problems = problems + _check_country({"lat": place.lat, "lon": place.lon, "country": country},
                                                     event.sources[0], geocoder)
            out.problems.extend(problems)
            if not any(p.level == "error" for p in problems):
                rows.append((event, country))
    if strict and out.errors:
        raise InputError(f"{len(out.errors)} bad row(s):\n" + "\n".join(f"  {p}" for p in out.errors))
    events = [event for event, _ in rows]
    if geocode:
        events = geocode_events(events, geocoder=geocoder, problems=out.problems,
                                countries=[country for _, country in rows])
    out.extend(events)
    return out


def _read_any(path: Path) -> Iterator[tuple[Event, str | None, list[Problem]]]:
    """Rows of our own tables, or of ACLED/UCDP/GDELT files (:mod:`geo.interop`), as events."""
    from .interop import detect_format, read_dataset

    fmt = detect_format(path) if path.is_file() else None
    if fmt is not None:
        yield from read_dataset(path, fmt)
        return
    if path.suffix.lower() == ".zip":
        raise InputError(f"{path}: a .zip is read when it holds one ACLED, UCDP GED or GDELT file, and only then")
    for record, src, problems in _read_table(path):
        failed = any(p.level == "error" for p in problems)
        yield (_to_event(record, src) if not failed else Event(event_type="other", sources=(src,)),
               record.get("country"), problems)


def _read_table(path: Path) -> Iterator[tuple[dict[str, Any], Source, list[Problem]]]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an event table")
    data = path.read_bytes()
    try:
        text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(f"{path}: not UTF-8 or UTF-16 text (byte {exc.start}: {exc.reason}); "
                             "save the table as UTF-8") from None
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
        if "\ufffd" in text:  # one character per byte: its index is the byte's
            raise InputError(f"{path}: not UTF-8 or Windows-1252 text (byte {text.index(chr(0xFFFD))}); "
                             "save the table as UTF-8") from None
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL bytes; is it a binary file?")
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json") or text.lstrip().startswith("{"):
        yield from _read_geojson(path, text)
    else:
        yield from _read_csv(path, text)


def _read_csv(path: Path, text: str) -> Iterator[tuple[dict[str, Any], Source, list[Problem]]]:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = csv_header(path, reader)
    columns = _columns(path, header)
    for start, values, problems in csv_records(path, reader, len(columns)):
        if values is None:
            yield {}, Source(path=str(path), line=start), problems
            return
        record = {name: values[i].strip() for i, name in enumerate(columns)
                  if name and i < len(values)}
        yield _validate(record, str(path), start, problems)


def csv_header(path: Path, reader) -> list[str]:
    """The header line of a CSV file, or an InputError naming the file."""
    try:
        return next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty file, expected a header line") from None
    except csv.Error as exc:
        raise InputError(f"{path}:1: cannot read the header: {exc}") from None


def csv_records(path: Path, reader, width: int) -> Iterator[tuple[int, list[str] | None, list[Problem]]]:
    """``(line, values, problems)`` for each non-blank record after the header, ``line`` being
    where the record starts (a quoted value may hold newlines). A record the csv module cannot
    read ends the file: it comes as ``values`` None with a problem saying so."""
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, None, [Problem(str(path), start, "",
                                        f"cannot read this row ({exc}); the rest of the file was not read")]
            return
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        problems = []
        if len(values) > width:
            problems.append(Problem(str(path), start, "", f"{len(values)} values but only {width} columns in the header"))
        yield start, values, problems


def _columns(path: Path, header: list[str]) -> list[str | None]:
    names: list[str | None] = []
    for raw in header:
        name = raw.strip().lower().replace(" ", "_")
        name = COLUMN_SYNONYMS.get(name, name)
        names.append(name if name in COLUMNS and name not in names else None)
    missing = [c for c in ("type",) if c not in names]
    if "place" not in names and not {"lat", "lon"} <= set(names):
        missing.append("place (or lat and lon)")
    if missing:
        raise InputError(f"{path}:1: missing required column(s): {', '.join(missing)}; "
                         f"columns are: {', '.join(COLUMNS)} (found: {', '.join(header)})")
    return names


def _read_geojson(path: Path, text: str) -> Iterator[tuple[dict[str, Any], Source, list[Problem]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise InputError(f"{path}: expected a GeoJSON FeatureCollection")
    for i, feature in enumerate(doc.get("features") or [], start=1):
        where = f"feature {i}"
        props = {str(k).lower(): v for k, v in ((feature or {}).get("properties") or {}).items()}
        record = {COLUMN_SYNONYMS.get(k, k): ("" if v is None else v) for k, v in props.items()}
        record = {k: v for k, v in record.items() if k in COLUMNS}
        if "place_name" in props:  # our own export: the name as written, not the canonical one
            record["place"] = props["place_name"] or ""
        if isinstance(props.get("actors"), list):  # our own export: a list, not "a; b"
            record["actors"] = "; ".join(str(a) for a in props["actors"])
        first = (props.get("sources") or [None])[0] if isinstance(props.get("sources"), list) else None
        if isinstance(first, dict) and not record.get("source_url"):  # our own export
            record["source_url"] = first.get("url") or ""
            record["source_title"] = first.get("title") or ""
        geom = (feature or {}).get("geometry")
        problems = []
        if isinstance(geom, dict) and geom.get("type") == "Point":
            coords = geom.get("coordinates") or []
            if len(coords) >= 2:
                record["lon"], record["lat"] = coords[0], coords[1]
        elif geom is not None:
            problems.append(Problem(str(path), 0, where, "only Point geometries are read"))
        record = {k: (v if isinstance(v, str) else json.dumps(v) if isinstance(v, (list, dict)) else
                      str(v)) for k, v in record.items()}
        _, src, more = _validate(record, str(path), 0, problems)
        yield record, replace(src, line=i), [replace(p, field=f"{where}: {p.field}".rstrip(": "))
                                             for p in more]


def _validate(record: dict[str, Any], path: str, line: int,
              problems: list[Problem]) -> tuple[dict[str, Any], Source, list[Problem]]:
    """Check and convert one row in place; return it with its source and problems."""

    def bad(field: str, message: str) -> None:
        problems.append(Problem(path, line, field, message))

    kind = str(record.get("type", "")).strip().lower()
    kind = TYPE_SYNONYMS.get(kind, kind)
    if kind not in EVENT_TYPES:
        bad("type", f"{record.get('type', '')!r} is not one of {', '.join(EVENT_TYPES)}")
    record["type"] = kind
    date_text = _unquote(str(record.get("date", "")))
    try:
        record["date"], record["date_precision"] = parse_date(date_text)
    except ValueError as exc:
        serial = _excel_serial(date_text)
        bad("date", f"{date_text!r} looks like an Excel date serial number ({serial}); format the "
            "column as dates, YYYY-MM-DD" if serial else str(exc))
    for name in ("killed", "injured"):
        record[name] = _count(record.get(name, ""), name, bad)
    lat_text, lon_text = _unquote(str(record.get("lat", ""))), _unquote(str(record.get("lon", "")))
    record["lat"] = record["lon"] = None
    if lat_text or lon_text:
        lat = _number(lat_text, "lat", bad)
        lon = _number(lon_text, "lon", bad)
        if lat is not None and lon is not None:
            if not -90 <= lat <= 90:
                hint = " (lat and lon look swapped)" if -90 <= lon <= 90 else ""
                bad("lat", f"{lat_text} is outside -90..90{hint}")
            elif not -180 <= lon <= 180:
                bad("lon", f"{lon_text} is outside -180..180")
            else:
                record["lat"], record["lon"] = lat, lon
    if not str(record.get("place", "")).strip() and record["lat"] is None and not problems:
        bad("place", "empty, and no lat/lon given")
    country = str(record.get("country", "")).strip().upper()
    if country and not (len(country) == 2 and country.isalpha()):
        bad("country", f"{record.get('country')!r} is not an ISO 3166-1 alpha-2 code such as PK")
    record["country"] = country
    url = str(record.get("source_url", "")).strip()
    if url and not url.lower().startswith(("http://", "https://")):
        problems.append(Problem(path, line, "source_url", f"{url[:80]!r} is not an http(s) link; "
                                "dropped", level="warning"))
        url = ""
    src = Source(path=path, url=url or None, title=str(record.get("source_title", "")).strip() or None,
                 line=line or None)
    return record, src, problems


def _check_country(record: dict[str, Any], src: Source, geocoder: Geocoder) -> list[Problem]:
    """Coordinates that land outside the row's country, but inside it once swapped, are an error."""

    def country_at(lat: float, lon: float) -> str | None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        loc = geocoder.reverse((lat, lon))
        return (loc.raw.get("country") or None) if loc is not None else None

    lat, lon, country = record["lat"], record["lon"], record["country"]
    if country_at(lat, lon) == country or country_at(lon, lat) != country:
        return []
    return [Problem(src.path or "", src.line or 0, "lat",
                    f"lat {lat}, lon {lon} is not in {country} but lat {lon}, lon {lat} is: "
                    "lat and lon look swapped")]


def _unquote(text: str) -> str:
    """A value without surrounding spaces and the apostrophe spreadsheets use to mark text."""
    text = text.strip()
    return text[1:].strip() if text.startswith("'") else text


def _excel_serial(text: str) -> str | None:
    """The day a spreadsheet date serial number (days since 1899-12-30) stands for, if it is one."""
    if not re.fullmatch(r"\d{5}(?:\.\d+)?", text) or not 20_000 <= float(text) < 80_000:
        return None
    return (dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))).isoformat()


def _number(text: str, field: str, bad) -> float | None:
    """A coordinate; a decimal comma ("33,7", as in semicolon CSVs) is read as a decimal point."""
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        bad(field, f"{text!r} is not a number" if text else "empty (give both lat and lon)")
        return None
    if not math.isfinite(value):
        bad(field, f"{text!r} is not a finite number")
        return None
    return value


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.0*)?")


def _count(text: Any, field: str, bad) -> int | None:
    """A whole number >= 0: "1,234" (thousands), "6.0" and "1.5E+01" (spreadsheets) are read."""
    text = _unquote(str(text)).replace("_", "")
    if not text:
        return None
    if "," in text:
        if not _THOUSANDS.fullmatch(text):
            bad(field, f"{text!r} is not a whole number (a comma may only separate thousands)")
            return None
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        bad(field, f"{text!r} is not a whole number")
        return None
    if not math.isfinite(value) or value < 0 or value != int(value):
        bad(field, f"{text!r} is not a whole number >= 0")
        return None
    return int(value)


def _to_event(record: dict[str, Any], src: Source) -> Event:
    place_text = str(record.get("place", "")).strip()
    place = None
    if record.get("lat") is not None:
        place = Place(name=place_text or f"{record['lat']:.5f}, {record['lon']:.5f}",
                      lat=record["lat"], lon=record["lon"], country=record.get("country", ""),
                      kind="site", gazetteer_id=None)
    actors = tuple(a.strip() for a in str(record.get("actors", "")).split(";") if a.strip())
    return Event(
        event_type=record["type"], date=record.get("date"),
        date_precision=record.get("date_precision", "unknown"),
        places=(PlaceRef(text=place_text, role="location", place=place),),
        killed=record.get("killed"), injured=record.get("injured"), actors=actors,
        summary=str(record.get("summary", "")).strip(), sources=(src,),
    )


# --------------------------------------------------------------------------- geocoding


def geocode_events(events: Iterable[Event], *, geocoder: Geocoder | None = None,
                   problems: list[Problem] | None = None,
                   countries: Iterable[str | None] | None = None) -> list[Event]:
    """Resolve every place an event names but has no coordinates for.

    A place that resolves to nothing stays unresolved (never 0,0); a warning with near
    spellings is appended to ``problems``.
    """
    geocoder = geocoder or LocalGeocoder()
    events = list(events)
    country_list = list(countries) if countries is not None else [None] * len(events)
    out = []
    for event, country in zip(events, country_list, strict=True):
        refs = []
        for ref in event.places:
            if ref.place is None and ref.text:
                kwargs = {"country_codes": country} if country else {}
                loc = geocoder.geocode(ref.text, **kwargs)
                if loc is not None:
                    ref = replace(ref, place=place_from_location(loc))
                elif problems is not None:
                    src = event.sources[0] if event.sources else Source()
                    hint = ""
                    if hasattr(geocoder, "suggest"):
                        near = geocoder.suggest(ref.text)
                        hint = f"; did you mean: {', '.join(near)}?" if near else ""
                    where = f" in {country}" if country else ""
                    problems.append(Problem(src.path or "", src.line or 0, "place",
                                            f"{ref.text!r} not found in the gazetteer{where}; event"
                                            f" kept without coordinates{hint}", level="warning"))
            refs.append(ref)
        out.append(replace(event, places=tuple(refs)))
    return out
