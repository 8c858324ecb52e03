"""One real-world event, however many reports tell it.

Two extracted events are the same event when they have the same type, compatible status,
dates that agree at their precision (a day may differ by one, since reports count from
their own publication day), and places within 60 km of each other or one inside the
other's area. Events without a date or a place are never merged across reports: sharing a
place alone does not make two events one. Reports that are near-copies of each other
(syndicated text: Jaccard similarity of word 5-shingles of at least 0.5) count as one
independent source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from gazetteer.build import distance_km

from .records import Event, Source

__all__ = ["merge_events", "merge_into", "shingles", "SAME_PLACE_KM", "NEAR_COPY"]

SAME_PLACE_KM = 60.0
NEAR_COPY = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> frozenset[int]:
    """Hashes of the word k-grams of a text (lowercased)."""
    words = _WORD.findall(text.lower())
    return frozenset(hash(" ".join(words[i:i + k])) for i in range(max(1, len(words) - k + 1)))


def _source_key(s: Source) -> tuple:
    return (s.path, s.line, s.url)


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return False
    if a.date_precision == "day" and b.date_precision == "day":
        return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days) <= 1
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _places_agree(a: Event, b: Event) -> bool:
    pa = [r.place for r in a.places if r.place is not None]
    pb = [r.place for r in b.places if r.place is not None]
    if not pa or not pb:
        return False
    for p in pa:
        for q in pb:
            if p.gazetteer_id and p.gazetteer_id == q.gazetteer_id:
                return True
            if not p.is_area and not q.is_area and distance_km(p.point, q.point) <= SAME_PLACE_KM:
                return True
            if (p.contains(q) and not q.is_area) or (q.contains(p) and not p.is_area):
                return True
    return False


def _same(a: Event, b: Event, texts: dict[tuple, frozenset[int]] | None = None) -> bool:
    if a.event_type != b.event_type or (a.status != b.status and "planned" in (a.status, b.status)):
        return False
    if not _places_agree(a, b):
        return False
    if _dates_agree(a, b):
        return True
    # undated events told by near-copies of one report are the same event
    return (a.date is None or b.date is None or a.date == b.date) and _near_copies(a, b, texts)


def _near_copies(a: Event, b: Event, texts: dict[tuple, frozenset[int]] | None) -> bool:
    if not texts:
        return False
    for s in a.sources:
        for t in b.sources:
            x, y = texts.get(_source_key(s)), texts.get(_source_key(t))
            if x and y and len(x & y) / max(1, len(x | y)) >= NEAR_COPY:
                return True
    return False


def _precision_rank(p: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(p, 0)


def _combine(a: Event, b: Event) -> Event:
    sources = list(a.sources)
    keys = {_source_key(s) for s in sources}
    sources += [s for s in b.sources if _source_key(s) not in keys]
    places = list(a.places)
    ids = {r.place.gazetteer_id for r in places if r.place}
    places += [r for r in b.places if r.place and r.place.gazetteer_id not in ids]
    date, precision = a.date, a.date_precision
    if _precision_rank(b.date_precision) > _precision_rank(precision):
        date, precision = b.date, b.date_precision

    def low(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else min(x, y)

    evidence = a.evidence if b.evidence in a.evidence else f"{a.evidence} | {b.evidence}"
    return replace(a, sources=tuple(sources), places=tuple(places), date=date,
                   date_precision=precision, killed=low(a.killed, b.killed),
                   injured=low(a.injured, b.injured),
                   actors=tuple(dict.fromkeys(a.actors + b.actors)),
                   subtype=a.subtype or b.subtype, evidence=evidence)


def _date_key(date: str | None) -> str | None:
    """The bucket an event's date falls in: its month, or its year for year precision."""
    return None if date is None else date[:7]


def _keys_that_may_agree(date: str | None) -> list[str | None] | None:
    """Buckets holding every date that may agree with ``date`` (None: all may)."""
    if date is None:
        return None
    keys: list[str | None] = [None, date[:4], date[:7]]
    if len(date) == 10:  # a day agrees with the day before and after, perhaps in another month
        day = dt.date.fromisoformat(date)
        keys += [(day - dt.timedelta(days=1)).isoformat()[:7], (day + dt.timedelta(days=1)).isoformat()[:7]]
    elif len(date) == 4:  # a year agrees with every month and day in it
        keys += [f"{date}-{m:02d}" for m in range(1, 13)]
    return keys


def merge_events(events: Iterable[Event], *, texts: dict[tuple, frozenset[int]] | None = None) -> list[Event]:
    """Merge events that are the same real-world event; keep first-seen order.

    ``texts`` maps a source key ``(path, line, url)`` to :func:`shingles` of its report, for
    counting independent sources; without it every source counts as independent.

    Each event is compared, in first-seen order, only with the earlier events of its type
    whose dates may agree with its own (same month, neighbouring day, its year, or
    undated), so thousands of reports merge in about linear time.
    """
    merged: list[Event] = []
    buckets: dict[str, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        by_date = buckets[e.event_type]
        keys = _keys_that_may_agree(e.date)
        candidates = sorted({i for k in (by_date if keys is None else keys) for i in by_date.get(k, ())})
        for i in candidates:
            m = merged[i]
            if _same(m, e, texts):
                merged[i] = _combine(m, e)
                if _date_key(merged[i].date) != _date_key(m.date):
                    by_date[_date_key(m.date)].remove(i)
                    by_date[_date_key(merged[i].date)].append(i)
                break
        else:
            by_date[_date_key(e.date)].append(len(merged))
            merged.append(e)
    return [replace(e, independent_sources=_independent(e.sources, texts)) for e in merged]


def merge_into(base: list[Event], extra: Iterable[Event]) -> list[Event]:
    """Add ``extra`` events to ``base``: one that tells a base event adds its sources and
    evidence to it; base events are never merged with each other (a table's rows stay rows)."""
    out = list(base)
    for e in extra:
        for i, b in enumerate(out[: len(base)]):
            if _same(b, e):
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


def _independent(sources: tuple[Source, ...], texts: dict[tuple, frozenset[int]] | None) -> int:
    if not texts or len(sources) < 2:
        return len(sources)
    groups: list[list[frozenset[int]]] = []
    for s in sources:
        sh = texts.get(_source_key(s))
        if sh is None:
            groups.append([])
            continue
        for g in groups:
            if any(len(sh & other) / max(1, len(sh | other)) >= NEAR_COPY for other in g):
                g.append(sh)
                break
        else:
            groups.append([sh])
    return len(groups)
