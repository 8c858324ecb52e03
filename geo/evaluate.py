"""Scoring extraction against gold annotations.

A gold folder holds report files and, beside each, ``<name>.gold.json``::

    {"published": "YYYY-MM-DD" | null,
     "toponyms": [{"text", "start", "end", "usage", "name", "country", "kind", "lat", "lon"}],
     "events": [{"type", "subtype", "status", "date", "date_precision",
                 "places": [{"name", "country", "role", "lat", "lon"}],
                 "killed", "injured", "actors", "evidence"}]}

Offsets are into the report body (after any header block). Scores:

* toponyms: precision, recall and F1 of exact spans; accuracy within 161 km of the matched
  ones that have coordinates (a country counts as right when it is the gold's country,
  whatever point each side uses for it: conventions differ by hundreds of kilometres, as
  GeoNames puts Ethiopia at 8° N 38° E and others at 9.1° N 40.5° E);
* events: a predicted event matches a gold one of the same type whose places lie within
  ``EVENT_KM`` of it (or are the same country, or neither has a place) and whose dates do not contradict; P/R/F1
  over one-to-one matches; date accuracy (same date and precision) and casualty accuracy
  (same killed and injured) over the matched events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.build import distance_km
from gazetteer.names import normalize

from .extract import Extractor
from .geoparse import Geoparser
from .records import Event
from .reports import read_report

__all__ = ["evaluate_folder", "Scores", "EVENT_KM"]

EVENT_KM = 100.0


@dataclass
class Scores:
    """Counts and the misses behind them."""

    top_tp: int = 0
    top_fp: int = 0
    top_fn: int = 0
    top_resolved: int = 0
    top_within: int = 0
    ev_tp: int = 0
    ev_fp: int = 0
    ev_fn: int = 0
    date_ok: int = 0
    casualty_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, float | int]:
        tp, tr, tf = self._prf(self.top_tp, self.top_fp, self.top_fn)
        ep, er, ef = self._prf(self.ev_tp, self.ev_fp, self.ev_fn)
        return {
            "toponym_precision": round(tp, 3), "toponym_recall": round(tr, 3), "toponym_f1": round(tf, 3),
            "toponym_acc161": round(self.top_within / self.top_resolved, 3) if self.top_resolved else 0.0,
            "event_precision": round(ep, 3), "event_recall": round(er, 3), "event_f1": round(ef, 3),
            "date_accuracy": round(self.date_ok / self.ev_tp, 3) if self.ev_tp else 0.0,
            "casualty_accuracy": round(self.casualty_ok / self.ev_tp, 3) if self.ev_tp else 0.0,
            "gold_toponyms": self.top_tp + self.top_fn, "gold_events": self.ev_tp + self.ev_fn,
        }


def _places(obj) -> list[tuple[float, float]]:
    if isinstance(obj, Event):
        return [r.place.point for r in obj.places if r.place is not None]
    return [(p["lat"], p["lon"]) for p in obj.get("places") or [] if p.get("lat") is not None]


def _same_country(place, gold: dict) -> bool:
    """Whether a resolved place is the very country a gold entry names.

    Toponyms say so by ``kind``; event places (which have no kind) by naming it.
    """
    if place is None or place.kind != "country" or place.country != gold.get("country"):
        return False
    if "kind" in gold:
        return gold["kind"] == "country"
    return normalize(gold.get("name") or "") == normalize(place.name)


def _dates_fit(pred: str | None, gold: str | None) -> bool:
    return pred is None or gold is None or pred.startswith(gold) or gold.startswith(pred)


def _event_match(pred: Event, gold: dict) -> bool:
    if pred.event_type != gold["type"] or not _dates_fit(pred.date, gold.get("date")):
        return False
    pp, gp = _places(pred), _places(gold)
    if not pp or not gp:
        return not pp and not gp
    if any(_same_country(r.place, g) for r in pred.places for g in gold.get("places") or []):
        return True
    return any(distance_km(a, b) <= EVENT_KM for a in pp for b in gp)


def evaluate_folder(folder: Path | str, *, extractor: Extractor | None = None) -> Scores:
    """Score the extractor on every report of ``folder`` that has a ``.gold.json``."""
    folder = Path(folder)
    extractor = extractor or Extractor(Geoparser())
    scores = Scores()
    golds = sorted(folder.glob("*.gold.json"))
    for gold_path in golds:
        stem = gold_path.name[: -len(".gold.json")]
        report_path = next((p for p in folder.glob(stem + ".*") if not p.name.endswith(".gold.json")), None)
        if report_path is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        (report,) = read_report(report_path)
        _score_toponyms(scores, stem, report.text, extractor.geoparser.parse(report.text), gold["toponyms"])
        _score_events(scores, stem, extractor.extract(report), gold["events"])
    return scores


def _score_toponyms(scores: Scores, name: str, text: str, mentions, gold: list[dict]) -> None:
    predicted = {(m.start, m.end): m for m in mentions}
    for g in gold:
        m = predicted.pop((g["start"], g["end"]), None)
        if m is None:
            scores.top_fn += 1
            scores.misses.append(f"{name}: missed toponym {g['text']!r} at {g['start']}")
            continue
        scores.top_tp += 1
        if m.place is not None and g.get("lat") is not None:
            scores.top_resolved += 1
            if _same_country(m.place, g) or distance_km(m.place.point, (g["lat"], g["lon"])) <= 161:
                scores.top_within += 1
            else:
                scores.misses.append(f"{name}: {g['text']!r} resolved to {m.place.name}, {m.place.country}")
    for (start, _), m in sorted(predicted.items()):
        scores.top_fp += 1
        scores.misses.append(f"{name}: spurious toponym {m.text!r} at {start}")


def _score_events(scores: Scores, name: str, predicted: list[Event], gold: list[dict]) -> None:
    free = list(predicted)
    for g in gold:
        match = next((p for p in free if _event_match(p, g)), None)
        where = ", ".join(p["name"] for p in g.get("places") or []) or "no place"
        if match is None:
            scores.ev_fn += 1
            scores.misses.append(f"{name}: missed {g['type']} {g.get('date')} at {where}")
            continue
        free.remove(match)
        scores.ev_tp += 1
        if match.date == g.get("date") and (match.date is None or match.date_precision == g.get("date_precision")):
            scores.date_ok += 1
        else:
            scores.misses.append(f"{name}: {g['type']} at {where}: date {match.date} for {g.get('date')}")
        if (match.killed, match.injured) == (g.get("killed"), g.get("injured")):
            scores.casualty_ok += 1
        else:
            scores.misses.append(f"{name}: {g['type']} at {where}: killed/injured {match.killed}/"
                                 f"{match.injured} for {g.get('killed')}/{g.get('injured')}")
    for p in free:
        scores.ev_fp += 1
        where = ", ".join(r.place.name for r in p.places if r.place) or "no place"
        scores.misses.append(f"{name}: spurious {p.event_type} {p.date} at {where}")
