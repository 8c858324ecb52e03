"""Quality on our own annotated test reports: a guard against regressions.

tests/data/reports is the set extraction rules are written against; tests/data/reports_heldout
is kept out of tuning and shows whether a rule generalises (see its README); tests/data/reports_dev
was annotated before the extractor saw it and is measured, not tuned on, like the held-out set;
tests/data/reports_heldout2 likewise (eight reports in real outlets' styles, written before the rules of
the events3 branch), and reports_heldout3 to reports_heldout9 (small sets written during that branch, each
measured once before the rules that followed it; their READMEs give those first figures), and the sets
written after them (reports_heldout10 and on), each also measured once before any rule it prompted. The thresholds
sit just under the figures measured when they were set (see README); raise them as
extraction improves, never lower them to make a change pass.
"""

from typing import NamedTuple

import pytest

from geo.evaluate import evaluate_folder
from geo.extract import Extractor
from geo.geoparse import Geoparser
from tests.conftest import DATA

pytestmark = pytest.mark.slow


class Floor(NamedTuple):
    """What a set must keep scoring: sizes (so a broken gold file cannot pass by scoring
    nothing) and floors just under the figures measured when they were set."""

    folder: str
    toponyms: int      # at least this many gold toponyms and events
    events: int
    toponym_f1: float | None  # None: the set's toponyms were not listed with care enough to guard
    acc161: float | None
    event_f1: float
    date: float
    casualty: float


FLOORS = [
    Floor("reports", 300, 100, 0.94, 0.97, 0.88, 0.96, 0.97),
    Floor("reports_heldout", 140, 60, 0.94, 0.97, 0.83, 0.98, 0.97),
    Floor("reports_dev", 85, 45, 0.95, 0.95, 0.93, 0.97, 0.97),
    Floor("reports_heldout2", 90, 40, 0.93, 0.97, 0.95, 0.98, 0.97),
    Floor("reports_heldout3", 0, 10, None, None, 0.90, 0.85, 0.97),
    Floor("reports_heldout4", 0, 10, None, None, 0.90, 0.85, 0.97),
    Floor("reports_heldout5", 0, 10, None, None, 0.94, 0.85, 0.97),
    Floor("reports_heldout6", 0, 10, None, None, 0.97, 0.85, 0.97),
    Floor("reports_heldout7", 0, 10, None, None, 0.93, 0.85, 0.97),
    Floor("reports_heldout8", 0, 10, None, None, 0.85, 0.85, 0.97),
    Floor("reports_heldout9", 20, 7, 0.90, 0.97, 0.85, 0.97, 0.8),
    Floor("reports_heldout10", 140, 38, 0.96, 0.97, 0.86, 0.95, 0.93),
    # seven reports in outlets' styles (see its README); event F1 0.680 at first sight, before the rules it prompted
    Floor("reports_heldout11", 160, 40, 0.94, 0.96, 0.95, 0.97, 0.95),
    # styles the others lack (ISPR press release, live page, OCHA brief, explainer, joint statement,
    # editorial, court report); event F1 0.681 at first sight, before the rules it prompted; 0.947 on its own
    # branch counted a spurious "agreed to hold the meeting" agreement that happened to meet a gold agreement
    # of another paragraph: since heldout11's rule that "agreed to hold" is the planned meeting alone, 0.936
    Floor("reports_heldout12", 140, 48, 0.96, 0.99, 0.93, 0.97, 0.97),
]


@pytest.mark.parametrize("floor", FLOORS, ids=[f.folder for f in FLOORS])
def test_quality_floor(world, floor):
    scores = evaluate_folder(DATA / floor.folder, extractor=Extractor(Geoparser(world))).summary()
    assert scores["gold_toponyms"] >= floor.toponyms and scores["gold_events"] >= floor.events
    if floor.toponym_f1 is not None:
        assert scores["toponym_f1"] >= floor.toponym_f1
        assert scores["toponym_acc161"] >= floor.acc161
    assert scores["event_f1"] >= floor.event_f1
    assert scores["date_accuracy"] >= floor.date
    assert scores["casualty_accuracy"] >= floor.casualty


def test_a_country_is_scored_by_identity_not_by_its_point():
    from geo.evaluate import _same_country
    from geo.records import Place

    ethiopia = Place("Ethiopia", 8.0, 38.0, country="ET", kind="country")  # GeoNames' point
    gold = {"name": "Ethiopia", "country": "ET", "kind": "country", "lat": 9.145, "lon": 40.49}
    assert _same_country(ethiopia, gold)
    assert _same_country(ethiopia, {"name": "Ethiopia", "country": "ET", "lat": 9.1, "lon": 40.5})
    # a city of the country, or the country for a city, is still judged by distance
    assert not _same_country(ethiopia, {**gold, "name": "Addis Ababa", "kind": "city"})
    assert not _same_country(ethiopia, {"name": "Addis Ababa", "country": "ET", "lat": 9.0, "lon": 38.7})
    assert not _same_country(Place("Addis Ababa", 9.0, 38.7, country="ET", kind="city"), gold)
