"""Issue 5: hostile and broken input gets a clear error, nothing is lost, nothing runs or leaks."""

from __future__ import annotations

import time

import pytest

from geo.reports import Report, read_report


def test_ten_megabyte_single_line_report_is_read_quickly(tmp_path):
    path = tmp_path / "long.txt"
    sentence = "Officials in Karachi said a blast near Quetta on 26 March 2024 killed six people. "
    path.write_text((sentence * (10_000_000 // len(sentence) + 1))[:10_000_000], encoding="utf-8")
    start = time.perf_counter()
    (report,) = read_report(path)
    assert time.perf_counter() - start < 2
    assert len(report.text) == 10_000_000 and "\n" not in report.text


@pytest.mark.parametrize("unit", ["Aaa Bbb Karachi Lahore Of The Al ", "Minister Karachi Lahore Quetta ",
                                  "ISLAMABAD KARACHI BOMB "])
def test_one_long_capitalised_run_is_parsed_in_linear_time(world, unit):
    # every word capitalised and no punctuation: one "name" chunk as long as the text. Each
    # match's checks used to scan the whole chunk (quadratic: 20 s for 100 kB, days for 10 MB);
    # chunks are now cut, and 10 MB of this takes about 30 s (README).
    from geo.extract import Extractor
    from geo.geoparse import Geoparser

    text = (unit * (100_000 // len(unit)))
    extractor = Extractor(Geoparser(world))
    start = time.perf_counter()
    extractor.extract(Report(text=text, published="2024-03-27"))
    assert time.perf_counter() - start < 5
