"""One real-world event, however many reports tell it.

Two extracted events are the same event when they have the same type, compatible status,
dates that agree at their precision (a day may differ by one, since reports count from
their own publication day), and places within 60 km of each other or one inside the
other's area. Events without a date or a place are never merged across reports: sharing a
place alone does not make two events one. Reports that are near-copies of each other
(syndicated text: Jaccard similarity of word 5-shingles of at least 0.5) count as one
independent source.

Merging is greedy in the order events arrive: an event joins the first earlier event it is
the same as. :class:`MergeStore` does this without comparing every pair: each merged event
is filed under blocking keys (type, date at each precision, grid cell, the areas it lies
in) in SQLite, and a new event is compared only with the events that share a key with it.
The keys cover every pair the rules above can join, so the result is the same as comparing
all pairs. Merged events are compared by small summaries (type, status, date, places);
the extracted events themselves are appended to the store and folded into their merged
event when the results are read, so a widely told event costs no more to join than any
other. With a file behind it the store keeps memory flat however many reports go in.
Near-copies are found through MinHash signatures in locality-sensitive buckets (20 bands
of 3 rows: a pair at Jaccard 0.5 shares a bucket with probability 0.93, at 0.6 with 0.99,
at 0.7 with 0.9998), among reports published within a week of each other; bucket mates
whose 3-bit sketches of the signature disagree are dropped, and the rest checked on the
stored shingles.
"""

from __future__ import annotations

import datetime as dt
import marshal
import math
import pickle
import re
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np

from gazetteer.build import distance_km

from .records import Event, Place, Source

__all__ = ["merge_events", "merge_into", "shingles", "fingerprint", "Fingerprint", "MergeStore", "Prepared",
           "prepare", "summary", "SAME_PLACE_KM", "NEAR_COPY"]

SAME_PLACE_KM = 60.0
NEAR_COPY = 0.5
_WORD = re.compile(r"\w+")
_BANDS, _ROWS = 20, 3
WEEK_WINDOW = 1  # near-copies are looked for among reports published within a week or so
# multiply-shift hashing of 32-bit shingles, ((a*x + b) mod 2^64) >> 32 with odd 64-bit a: one
# pair per hash function, fixed, so signatures are the same in every process and run
_rng = np.random.Generator(np.random.PCG64(20240326))
_A = _rng.integers(0, 1 << 63, size=_BANDS * _ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=_BANDS * _ROWS, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplying by it permutes 64-bit integers
del _rng


def _shingle_array(text: str, k: int = 5) -> np.ndarray:
    """The sorted distinct 32-bit hashes of the word k-grams of a text (lowercased).

    Each word is hashed once (CRC-32 of its UTF-8 bytes) and a k-gram's hash combines its
    words' hashes with fixed odd multipliers (arithmetic modulo 2**64, top 32 bits kept):
    stable across processes and runs, unlike Python's salted ``hash``, and a few times
    faster than hashing every k-gram's text.
    """
    words = _WORD.findall(text.lower())
    if len(words) < k:  # a very short text is one shingle of all its words
        return np.array([zlib.crc32(" ".join(words).encode("utf-8"))], dtype=np.uint32)
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = (acc ^ h[j:j + n]) * _MIX
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


def shingles(text: str, k: int = 5) -> frozenset[int]:
    """Stable 32-bit hashes of the word k-grams of a text (lowercased), as a set.

    Stable across processes and runs, so reports extracted in different worker processes
    compare correctly.
    """
    return frozenset(_shingle_array(text, k).tolist())


def _signature(sh: Iterable[int] | np.ndarray) -> np.ndarray:
    """MinHash: for each hash function, the least hash over the shingles."""
    x = sh.astype(np.uint64) if isinstance(sh, np.ndarray) else np.fromiter(sh, dtype=np.uint64)
    if not len(x):
        return np.zeros(_BANDS * _ROWS, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return ((_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(32)).min(axis=1)


def _bands(sig: np.ndarray) -> list[int]:
    rows = sig.reshape(_BANDS, _ROWS)
    return [(b << 56) ^ (zlib.crc32(r.tobytes()) & 0xFFFFFFFFFFFF) for b, r in enumerate(rows)]


_SKETCH_BITS = 3  # of each MinHash value kept in the sketch
_SKETCH_LOW = sum(1 << (_SKETCH_BITS * i) for i in range(_BANDS * _ROWS))  # the lowest bit of each group
_SKETCH_MIN = 24  # groups of 60 that must agree before the shingles are compared


def _sketch(sig: np.ndarray) -> bytes:
    """The low bits of every MinHash value, packed (23 bytes): two reports' sketches agree in a
    group with probability J + (1 - J) / 8, so they estimate the similarity J without the
    signatures (60 groups: at J = 0.5, 34 agree on average and fewer than 24 with probability
    0.5%; at J = 0.1, 13 do, and 24 or more with probability 0.02%)."""
    x = 0
    for i, v in enumerate((sig & np.uint64((1 << _SKETCH_BITS) - 1)).tolist()):
        x |= v << (_SKETCH_BITS * i)
    return x.to_bytes((_SKETCH_BITS * _BANDS * _ROWS + 7) // 8, "little")


def _sketch_agree(a: bytes, b: bytes) -> int:
    """How many of the 60 MinHash values two sketches agree on (in their low bits)."""
    x = int.from_bytes(a, "little") ^ int.from_bytes(b, "little")
    differ = (x | (x >> 1) | (x >> 2)) & _SKETCH_LOW
    return _BANDS * _ROWS - differ.bit_count()


@dataclass(frozen=True)
class Fingerprint:
    """What near-copy detection keeps of a report: its shingles (sorted), and its MinHash
    signature's LSH bands and sketch (the signature itself is not needed once they are made)."""

    shingles: np.ndarray
    bands: tuple[int, ...]
    sketch: bytes


def fingerprint(text_or_shingles: str | Iterable[int]) -> Fingerprint:
    """A report's :class:`Fingerprint` (computed where the report is extracted, e.g. in a worker)."""
    if isinstance(text_or_shingles, str):
        arr = _shingle_array(text_or_shingles)
    else:
        arr = np.unique(np.fromiter(text_or_shingles, dtype=np.uint32))
    sig = _signature(arr)
    return Fingerprint(arr, tuple(_bands(sig)), _sketch(sig))


def _week(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published).toordinal() // 7 if published else None
    except ValueError:
        return None


def _band_key(band: int, week: int | None) -> int:
    """A band's bucket within a week (or among undated reports), as a signed 63-bit integer."""
    return ((band * 1_000_003 + (week if week is not None else -1)) * 0x9E3779B1 ^ band) & ((1 << 62) - 1)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct shingles."""
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / max(1, len(a) + len(b) - inter)


def _source_key(s: Source) -> tuple:
    return (s.path, s.line, s.url)


# What merging compares, as plain tuples (cheap to store and read back): an event's
# (type, status, date, date precision, places) and a place's fields below.
_GID, _LAT, _LON, _AREA, _KIND, _COUNTRY, _NAME, _ADMIN1, _ADMIN2 = range(9)


def _place_summary(p: Place) -> tuple:
    return (p.gazetteer_id, p.lat, p.lon, p.is_area, p.kind, p.country, p.name, p.admin1, p.admin2)


def summary(e: Event) -> tuple:
    """``(type, status, date, date_precision, places)``: all :func:`_same` looks at."""
    return (e.event_type, e.status, e.date, e.date_precision,
            tuple(_place_summary(r.place) for r in e.places if r.place is not None))


def _dates_agree(a: tuple, b: tuple) -> bool:
    (da, pa), (db_, pb) = a[2:4], b[2:4]
    if da is None or db_ is None:
        return False
    if pa == "day" and pb == "day":
        return abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db_)).days) <= 1
    return da.startswith(db_) or db_.startswith(da)


def _contains(p: tuple, q: tuple) -> bool:
    """Whether area ``p`` holds ``q`` (as :meth:`Place.contains`)."""
    return p[_AREA] and p[_COUNTRY] == q[_COUNTRY] and (p[_KIND] == "country" or p[_NAME] in (q[_ADMIN1], q[_ADMIN2]))


def _places_agree(a: tuple, b: tuple) -> bool:
    for p in a[4]:
        for q in b[4]:
            if p[_GID] and p[_GID] == q[_GID]:
                return True
            if not p[_AREA] and not q[_AREA] and \
                    distance_km((p[_LAT], p[_LON]), (q[_LAT], q[_LON])) <= SAME_PLACE_KM:
                return True
            if (_contains(p, q) and not q[_AREA]) or (_contains(q, p) and not p[_AREA]):
                return True
    return False


def _same_summary(a: tuple, b: tuple, near_copies) -> bool:
    """:func:`_same` on summaries; ``near_copies()`` is asked only when it decides."""
    if a[0] != b[0] or (a[1] != b[1] and "planned" in (a[1], b[1])):
        return False
    if not _places_agree(a, b):
        return False
    if _dates_agree(a, b):
        return True
    # undated events told by near-copies of one report are the same event
    return (a[2] is None or b[2] is None or a[2] == b[2]) and near_copies()


def _same(a: Event, b: Event, near_copies) -> bool:
    """Whether ``a`` and ``b`` are one real-world event; ``near_copies(a, b)``: some source of
    ``a`` is a near-copy of some source of ``b``. Two events one report tells are two: the
    extractor, which read the report whole, has already told them apart."""
    if not {_source_key(s) for s in a.sources}.isdisjoint(_source_key(s) for s in b.sources):
        return False
    return _same_summary(summary(a), summary(b), lambda: near_copies(a, b))


def _combine_summary(a: tuple, b: tuple) -> tuple:
    """The summary of ``_combine`` of two events with these summaries."""
    t, status, date, precision, places = a
    if _precision_rank(b[3]) > _precision_rank(precision):
        date, precision = b[2], b[3]
    if b[4]:
        ids = {p[_GID] for p in places}
        extra = tuple(p for p in b[4] if p[_GID] not in ids)
        places = places + extra if extra else places
    return (t, status, date, precision, places)


def _precision_rank(p: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(p, 0)


MAX_EVIDENCE = 5  # passages kept in a merged event's evidence (every source is still listed)
_EVIDENCE_SEP = " | "


def _combine(a: Event, b: Event, seen: set | None = None) -> Event:
    """``a`` with what ``b`` adds: its new sources and places, a more precise date, the lower
    casualty figures, its actors, and its evidence while ``a`` has fewer than
    :data:`MAX_EVIDENCE` passages (a widely reported event would otherwise carry hundreds).
    ``seen``: the source keys of ``a``, when the caller keeps them (updated in place)."""
    if seen is None:
        seen = {_source_key(s) for s in a.sources}
    new = [s for s in b.sources if _source_key(s) not in seen]
    seen.update(_source_key(s) for s in new)
    sources = a.sources + tuple(new) if new else a.sources
    places = a.places
    if b.places:
        ids = {r.place.gazetteer_id for r in places if r.place}
        extra = tuple(r for r in b.places if r.place and r.place.gazetteer_id not in ids)
        places = places + extra if extra else places
    date, precision = a.date, a.date_precision
    if _precision_rank(b.date_precision) > _precision_rank(precision):
        date, precision = b.date, b.date_precision

    def low(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else min(x, y)

    evidence = a.evidence
    if b.evidence not in a.evidence and a.evidence.count(_EVIDENCE_SEP) + 1 < MAX_EVIDENCE:
        evidence = f"{a.evidence}{_EVIDENCE_SEP}{b.evidence}"
    return replace(a, sources=sources, places=places, date=date,
                   date_precision=precision, killed=low(a.killed, b.killed),
                   injured=low(a.injured, b.injured),
                   actors=tuple(dict.fromkeys(a.actors + b.actors)),
                   subtype=a.subtype or b.subtype, evidence=evidence)


# --------------------------------------------------------------------------- blocking keys

CELL_DEG = 2.0  # grid cells of 2 degrees: wider than a 60 km neighbourhood's 1.1 degrees of latitude
_LAT_RADIUS = SAME_PLACE_KM / 110.5  # degrees of latitude 60 km can span (a degree is >= 110.57 km)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / CELL_DEG), math.floor(((lon + 180.0) % 360.0) / CELL_DEG))


def _near_cells(lat: float, lon: float) -> list[tuple[int, int]]:
    """The cells a 60 km disk around a point touches (those of its bounding box; the box's
    longitude half-width is a safe bound: asin(sin r / cos lat) <= 1.6 r / cos(|lat| + r))."""
    lat_hi = abs(lat) + _LAT_RADIUS
    rows = range(math.floor((lat - _LAT_RADIUS) / CELL_DEG), math.floor((lat + _LAT_RADIUS) / CELL_DEG) + 1)
    n_cols = math.ceil(360.0 / CELL_DEG)
    half = 180.0 if lat_hi >= 89.9 else min(180.0, 1.6 * _LAT_RADIUS / math.cos(math.radians(lat_hi)))
    if half >= 180.0:
        cols = range(n_cols)  # the disk holds a pole, or nearly: every longitude
    else:
        lo = (lon - half + 180.0) % 360.0
        first, span = math.floor(lo / CELL_DEG), math.floor((lo + 2 * half) / CELL_DEG) - math.floor(lo / CELL_DEG)
        cols = sorted({(first + k) % n_cols for k in range(span + 1)})
    return [(i, j) for i in rows for j in cols]


def _space_keys(p: tuple, *, query: bool) -> list[str]:
    """Keys under which an event at place ``p`` (a :func:`_place_summary`) is filed
    (``query`` False) or looked for (True).

    Two places agree (see ``_places_agree``) only if they share a gazetteer id, are points
    within 60 km, or one is an area holding the other point: each case has a key. A point is
    filed under every grid cell its 60 km disk touches and looked for under its own cell, so
    two points within 60 km always meet in one.
    """
    gid, lat, lon, area, kind, country, name, admin1, admin2 = p
    keys = [f"g{gid}"] if gid else []
    if area:
        name = "" if kind == "country" else name
        keys.append(f"in{country}|{name}" if query else f"a{country}|{name}")
        return keys
    areas = dict.fromkeys(("", admin1 or "", admin2 or ""))  # its country, first- and second-level area
    if query:
        i, j = _cell(lat, lon)
        keys.append(f"c{i}|{j}")
        keys += [f"a{country}|{n}" for n in areas]
    else:
        keys += [f"c{i}|{j}" for i, j in _near_cells(lat, lon)]
        keys += [f"in{country}|{n}" for n in areas]
    return keys


def _date_keys(d: str | None, p: str, *, query: bool) -> list[str]:
    """Filed: the date at its precision (a day also as the days either side, since days one
    apart agree) and, for finer dates, its month and year. Looked for: the date itself, the
    month and year holding it, and finer dates inside it."""
    if d is None or p not in ("day", "month", "year"):
        return []
    if not query:
        if p == "day":
            day = dt.date.fromisoformat(d)
            keys = [f"={(day + dt.timedelta(days=k)).isoformat()}" for k in (-1, 0, 1)]
        else:
            keys = [f"={d}"]
        return keys + [f"<{d[:n]}" for n in (7, 4) if len(d) > n]
    keys = [f"={d}"] + [f"={d[:n]}" for n in (7, 4) if len(d) > n]
    if p != "day":
        keys.append(f"<{d}")
    return keys


def _stable_hash(text: str) -> int:
    """A 62-bit hash of a key's text, the same in every process (two CRC-32s; a collision
    only adds a candidate to compare)."""
    b = text.encode("utf-8")
    return (zlib.crc32(b) << 30) ^ zlib.crc32(b, 0x5BD1E995)


def _keys(sm: tuple, *, query: bool) -> set[int]:
    """The blocking keys of an event summary: (type, date key, place key) for every pair, hashed."""
    dates = _date_keys(sm[2], sm[3], query=query)
    if not dates or not sm[4]:
        return set()
    space = {k for p in sm[4] for k in _space_keys(p, query=query)}
    t = sm[0]
    return {_stable_hash(f"{t}|{d}|{s}") for d in dates for s in space}


class Prepared(NamedTuple):
    """An extracted event as the merge store takes it, made where it is extracted (e.g. in a
    worker process): its :func:`summary`, the pickled event, and its blocking keys."""

    summary: tuple
    blob: bytes
    query: tuple[int, ...]
    filed: tuple[int, ...]


def prepare(e: Event) -> Prepared:
    sm = summary(e)
    return Prepared(sm, pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL),
                    tuple(sorted(_keys(sm, query=True))), tuple(sorted(_keys(sm, query=False))))


def _report_key(rid: int) -> int:
    """The key under which the events a report tells are filed (for near-copies' events)."""
    return -1 - rid  # blocking keys are never negative


class MergeStore:
    """Events merged as they arrive, kept in SQLite (a file, or memory for small runs).

    >>> store = MergeStore()
    >>> rid = store.add_report("some report text")
    >>> store.add(Event("attack", date="2024-03-26", date_precision="day"), rid)
    >>> len(store)
    1
    """

    def __init__(self, path: Path | str = ":memory:", *, cache_size: int = 20_000):
        # Merged events are compared by their summaries (small tuples, stored with marshal);
        # the extracted events themselves are kept pickled and folded only when the merged
        # events are read: the one that opened a merged event in `first` (appended in id
        # order, so reading them all is one sequential pass over the file), those that joined
        # it later in `part`. Keys are stable hashes (see _keys); the key tables are clustered
        # on (key, id), so a look-up is one B-tree search and a row is stored once. Pages are
        # 16 KB: a WITHOUT ROWID row keeps at most about a quarter of a page in place, so with
        # 4 KB pages every pickled event in `part` (about 1.1 KB) spilled onto an overflow page
        # of its own, and two reports' shingles (2.2 KB) never shared a page; the store was
        # twice its size, and slower for it.
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.executescript("""
            PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;
            PRAGMA cache_size=-262144;
            CREATE TABLE rep(id INTEGER PRIMARY KEY, sh BLOB);
            CREATE TABLE band(h INTEGER, rid INTEGER, sk BLOB, PRIMARY KEY (h, rid)) WITHOUT ROWID;
            CREATE TABLE ev(id INTEGER PRIMARY KEY, summ BLOB, rids TEXT);
            CREATE TABLE first(eid INTEGER PRIMARY KEY, obj BLOB);
            CREATE TABLE part(eid INTEGER, seq INTEGER, obj BLOB, PRIMARY KEY (eid, seq)) WITHOUT ROWID;
            CREATE TABLE k(key INTEGER, eid INTEGER, PRIMARY KEY (key, eid)) WITHOUT ROWID;
        """)
        self.db.execute("BEGIN")
        self._near: dict[int, set[int]] = {}  # near-copies, both ways, of reports that have any
        self._count = 0
        self._parts = 0
        # recently used merged events' [summary, report ids, dirty], written back when they
        # leave (news tells an event in bursts, so most look-ups hit here)
        self._cache: OrderedDict[int, list] = OrderedDict()
        self._cache_size = cache_size

    def add_report(self, report: str | Iterable[int] | Fingerprint, published: str | None = None) -> int:
        """Register a report (its text, its :func:`shingles`, or its :func:`fingerprint`) and
        publication date; return its id.

        Its near-copies are looked for among the reports published in the same week or the
        weeks either side (syndicated copies run within days of each other), or among the
        undated reports if it has no date: this keeps the search short in a corpus of years.
        """
        if not isinstance(report, Fingerprint):
            report = fingerprint(report)
        arr, sk, bands = report.shingles, report.sketch, report.bands
        week = _week(published)
        weeks = [week] if week is None else range(week - WEEK_WINDOW, week + WEEK_WINDOW + 1)
        db = self.db
        rid = db.execute("INSERT INTO rep(sh) VALUES (?)", (arr.tobytes(),)).lastrowid
        if not len(arr):
            return rid  # too short to have shingles, or no text: a copy of nothing (and all such share bands)
        near = set()
        query = [_band_key(b, w) for w in weeks for b in bands]
        marks = ",".join("?" * len(query))
        # a bucket holds the reports sharing one band: besides near-copies, in a corpus of
        # similar reports, some that share little; the sketches weed those out cheaply
        found = dict(db.execute(f"SELECT rid, sk FROM band WHERE h IN ({marks})", query).fetchall())
        for other in sorted(found):
            if _sketch_agree(found[other], sk) < _SKETCH_MIN:
                continue
            blob = db.execute("SELECT sh FROM rep WHERE id=?", (other,)).fetchone()[0]
            if _jaccard(arr, np.frombuffer(blob, dtype=np.uint32)) >= NEAR_COPY:
                near.add(other)
        db.executemany("INSERT OR IGNORE INTO band(h, rid, sk) VALUES (?, ?, ?)",
                       [(_band_key(b, week), rid, sk) for b in bands])
        if near:
            self._near[rid] = near
            for other in near:  # the relation is symmetric: a later copy is near the earlier report too
                self._near.setdefault(other, set()).add(rid)
        return rid

    # ---------------------------------------------------------------- events

    def _load(self, eid: int) -> list:
        """``[summary, rids, dirty]`` of a merged event, through the write-back cache."""
        entry = self._cache.get(eid)
        if entry is not None:
            self._cache.move_to_end(eid)
            return entry
        summ, rids = self.db.execute("SELECT summ, rids FROM ev WHERE id=?", (eid,)).fetchone()
        entry = [marshal.loads(summ), {int(x) for x in rids.split(",") if x}, False]
        self._remember(eid, entry)
        return entry

    def _remember(self, eid: int, entry: list) -> None:
        self._cache[eid] = entry
        if len(self._cache) > self._cache_size:
            old_id, (sm, rids, dirty) = self._cache.popitem(last=False)
            if dirty:
                self._write(old_id, sm, rids)

    def _write(self, eid: int, sm: tuple, rids: set[int]) -> None:
        self.db.execute("INSERT OR REPLACE INTO ev(id, summ, rids) VALUES (?, ?, ?)",
                        (eid, marshal.dumps(sm), ",".join(map(str, sorted(rids)))))

    def _flush(self) -> None:
        for eid, entry in self._cache.items():
            if entry[2]:
                self._write(eid, entry[0], entry[1])
                entry[2] = False

    def add(self, event: Event | Prepared, rid: int | None = None) -> None:
        """Merge ``event`` (told by report ``rid``) into the first earlier event it is, or file
        it. ``event`` may come :func:`prepare`-d (in the process that extracted it)."""
        prep = event if isinstance(event, Prepared) else prepare(event)
        sm = prep.summary
        db = self.db
        rids = {rid} if rid is not None else set()
        query = set(prep.query)
        near = set().union(*(self._near.get(r, set()) for r in rids)) if rids else set()
        query |= {_report_key(r) for r in near | rids}
        if query:
            marks = ",".join("?" * len(query))
            found = db.execute(f"SELECT DISTINCT eid FROM k WHERE key IN ({marks}) ORDER BY eid",
                               sorted(query)).fetchall()
            for (eid,) in found:
                entry = self._load(eid)
                old, old_rids = entry[0], entry[1]
                if rids and not rids.isdisjoint(old_rids):
                    continue  # another event of the same report: the extractor told them apart
                if _same_summary(old, sm, lambda o=old_rids: any(
                        y in o or not self._near.get(y, set()).isdisjoint(o) for y in rids)):
                    merged = _combine_summary(old, sm)
                    new_keys = {_report_key(r) for r in rids - old_rids}
                    old_rids |= rids  # in place: a widely told event gathers thousands
                    if merged != old:
                        new_keys |= _keys(merged, query=False) - _keys(old, query=False)
                    entry[0], entry[2] = merged, True
                    self._parts += 1
                    db.execute("INSERT INTO part(eid, seq, obj) VALUES (?, ?, ?)", (eid, self._parts, prep.blob))
                    db.executemany("INSERT OR IGNORE INTO k(key, eid) VALUES (?, ?)", [(k, eid) for k in sorted(new_keys)])
                    return
        self._count += 1
        eid = self._count
        self._remember(eid, [sm, rids, True])
        db.execute("INSERT INTO first(eid, obj) VALUES (?, ?)", (eid, prep.blob))
        keys = set(prep.filed) | {_report_key(r) for r in rids}
        db.executemany("INSERT OR IGNORE INTO k(key, eid) VALUES (?, ?)", [(k, eid) for k in sorted(keys)])

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Event]:
        """The merged events in first-seen order, each with its count of independent sources:
        each folded from its parts in the order they came."""
        self._flush()
        evs = self.db.cursor().execute("SELECT id, rids FROM ev ORDER BY id")
        firsts = self.db.cursor().execute("SELECT eid, obj FROM first ORDER BY eid")
        parts = self.db.cursor().execute("SELECT eid, obj FROM part ORDER BY eid, seq")
        row = next(parts, None)
        for (eid, rids), (first_id, blob) in zip(evs, firsts):
            assert first_id == eid
            event = pickle.loads(blob)
            seen = None
            while row is not None and row[0] == eid:
                if seen is None:
                    seen = {_source_key(s) for s in event.sources}
                event = _combine(event, pickle.loads(row[1]), seen)
                row = next(parts, None)
            ids = [int(x) for x in rids.split(",") if x]
            yield replace(event, independent_sources=self._independent(event, ids))

    def _independent(self, e: Event, rids: list[int]) -> int:
        """Sources that are not near-copies of each other: the groups of its reports joined
        by the near-copy relation (connected components), plus sources without a report."""
        if len(e.sources) < 2 or len(rids) < 2:
            return len(e.sources)
        members = set(rids)
        parent = {r: r for r in rids}

        def root(r: int) -> int:
            while parent[r] != r:
                parent[r] = parent[parent[r]]
                r = parent[r]
            return r

        for r in rids:
            for o in self._near.get(r, ()):
                if o in members:
                    parent[root(o)] = root(r)
        groups = len({root(r) for r in rids})
        return groups + (len(e.sources) - len(rids) if len(e.sources) > len(rids) else 0)

    def close(self) -> None:
        self.db.close()


def merge_events(events: Iterable[Event], *, texts: dict[tuple, frozenset[int]] | None = None) -> list[Event]:
    """Merge events that are the same real-world event; keep first-seen order.

    ``texts`` maps a source key ``(path, line, url)`` to :func:`shingles` of its report, for
    counting independent sources; without it every source counts as independent.
    """
    store = MergeStore()
    rids: dict[tuple, int] = {}
    for e in events:
        key = _source_key(e.sources[0]) if e.sources else None
        rid = None
        if key is not None:
            if key not in rids:  # without its text a report has an id, and no near-copies
                rids[key] = store.add_report(texts[key] if texts and key in texts else np.zeros(0, np.uint32))
            rid = rids[key]
        store.add(e, rid)
    out = list(store)
    store.close()
    return out


def merge_into(base: list[Event], extra: Iterable[Event]) -> list[Event]:
    """Add ``extra`` events to ``base``: one that tells a base event adds its sources and
    evidence to it; base events are never merged with each other (a table's rows stay rows)."""
    out = list(base)
    never = lambda a, b: False  # noqa: E731 - rows carry no report text
    for e in extra:
        for i, b in enumerate(out[: len(base)]):
            if _same(b, e, never):
                # the row stays as the analyst wrote it; the report adds its source and evidence
                combined = _combine(b, e)
                out[i] = replace(b, sources=combined.sources, evidence=combined.evidence,
                                 evidence_spans=b.evidence_spans or e.evidence_spans,
                                 killed=b.killed if b.killed is not None else e.killed,
                                 injured=b.injured if b.injured is not None else e.injured,
                                 independent_sources=(b.independent_sources or len(b.sources))
                                 + (e.independent_sources or len(e.sources)))
                break
        else:
            out.append(e)
    return [replace(e, independent_sources=e.independent_sources or len(e.sources)) for e in out]
