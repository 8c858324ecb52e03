"""Quality on our own annotated test reports (tests/data/reports): a guard against regressions.

The thresholds sit just under the figures measured when they were set (see README); raise
them as extraction improves, never lower them to make a change pass.
"""

import pytest

from geo.evaluate import evaluate_folder
from geo.extract import Extractor
from geo.geoparse import Geoparser
from tests.conftest import DATA

pytestmark = pytest.mark.slow


def test_quality_on_our_gold_reports(world):
    scores = evaluate_folder(DATA / "reports", extractor=Extractor(Geoparser(world))).summary()
    assert scores["gold_toponyms"] >= 300 and scores["gold_events"] >= 100
    assert scores["toponym_f1"] >= 0.94
    assert scores["toponym_acc161"] >= 0.94
    assert scores["event_f1"] >= 0.55
    assert scores["date_accuracy"] >= 0.75
    assert scores["casualty_accuracy"] >= 0.80
