"""Issue 5: hostile and broken input gets a clear error, nothing is lost, nothing runs or leaks."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.errors import InputError
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


# --------------------------------------------------------------------------- reports


def test_header_dates_read_or_named(tmp_path):
    from geo.reports import parse_report_text

    rss = parse_report_text("title: T\npublished: Tue, 26 Mar 2024 08:00:00 GMT\n\nBody")
    assert rss.published == "2024-03-26"
    assert parse_report_text("date: March 2024\n\nBody").published is None  # coarser than a day
    bad = tmp_path / "bad.txt"
    bad.write_text("title: T\nurl: https://example.org/\ndate: 31/02/2024\n\nBody", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{re.escape(str(bad))}:3: published: '31/02/2024'"):
        read_report(bad)
    lines = tmp_path / "r.jsonl"
    lines.write_text('{"text": "A", "published": "2024-01-02"}\n{"text": "B", "published": "soon"}\n',
                     encoding="utf-8")
    with pytest.raises(InputError, match=r"r.jsonl:2: published: 'soon' is not a date"):
        read_report(lines)


def test_encodings_decoded_or_named(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Officials in Peshawar met \u201ctoday\u201d.".encode("utf-16"))
    assert read_report(utf16)[0].text == "Officials in Peshawar met \u201ctoday\u201d."
    undecodable = tmp_path / "latin2.txt"
    undecodable.write_bytes(b"Officials in \x81\x8d Peshawar met.")  # bytes Windows-1252 leaves unassigned
    with pytest.raises(InputError, match=rf"^{re.escape(str(undecodable))}: not UTF-8, UTF-16 or Windows-1252"):
        read_report(undecodable)
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes(range(1, 32)) * 50)  # binary without a NUL byte
    with pytest.raises(InputError, match="binary file"):
        read_report(controls)


def test_hidden_files_in_folders_are_skipped(tmp_path):
    from geo.reports import report_files

    (tmp_path / "a.txt").write_text("A report.")
    (tmp_path / ".a.txt.swp.txt").write_text("an editor's backup")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("not a report")
    (tmp_path / "table.csv").write_text("not a report either")
    assert list(report_files([tmp_path])) == [tmp_path / "a.txt"]
    assert list(report_files([tmp_path / ".a.txt.swp.txt"])) == [tmp_path / ".a.txt.swp.txt"]  # named: read


def _folder_of_reports(folder: Path, n: int) -> dict[str, str]:
    """``n`` one-event reports, four of them broken; returns the broken names and why."""
    import datetime as dt

    folder.mkdir()
    for i in range(n):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=3 * i)
        (folder / f"r{i:04d}.txt").write_text(
            f"published: {day}\n\nA bomb exploded in Karachi on {day:%d %B %Y}, killing {i + 2} people, "
            "police said.\n", encoding="utf-8")
    bad = {"r0100.txt": "empty file", "r0700.txt": "binary file",
           "r1300.txt": "not UTF-8, UTF-16 or Windows-1252", "r1900.txt": ":1: published: 'next week-ish'"}
    (folder / "r0100.txt").write_bytes(b"")
    (folder / "r0700.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "r1300.txt").write_bytes(b"A bomb \x81\x8d exploded.")
    (folder / "r1900.txt").write_text("published: next week-ish\n\nA bomb exploded in Karachi.\n")
    return bad


@pytest.mark.usefixtures("cache_env")
def test_folder_of_2000_reports_with_a_few_bad_ones(tmp_path, capsys):
    from maps.cli import main

    work = tmp_path / "work"
    work.mkdir()
    folder = work / "reports"
    bad = _folder_of_reports(folder, 2000)
    out = work / "events.geojson"
    assert main(["extract", str(folder), "-o", str(out)]) == 1
    stdout, err = capsys.readouterr()
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    paths = {Path(s["path"]).name for f in features for s in f["properties"]["sources"]}
    assert paths == {f"r{i:04d}.txt" for i in range(2000)} - set(bad)  # every good one, once
    assert len(features) == 2000 - len(bad)
    # the bad ones are listed last, each with its reason, after the output was written
    listed = err.strip().splitlines()
    assert listed[-1] == "incidentmap: 4 bad row(s) or file(s) left out; the rest were processed"
    for line, (name, why) in zip(listed[:-1], sorted(bad.items()), strict=True):
        assert line.startswith(f"incidentmap: error: {folder / name}") and why in line
    assert stdout.startswith(f"wrote {out}")

    # --strict: fatal before any output; an earlier output is left as it was
    out.write_text("previous", encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(out), "--strict"]) == 3
    err = capsys.readouterr().err
    assert "4 unreadable report(s)" in err and all(name in err for name in bad)
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in work.iterdir()) == ["events.geojson", "reports"]
    assert main(["extract", str(folder), "-o", str(work / "new.geojson"), "--strict"]) == 3
    assert not (work / "new.geojson").exists()


def _merge_reference(events, texts):
    """The obvious merge: every event against every earlier merged one, first match wins."""
    from dataclasses import replace

    from geo.merge import _combine, _independent, _same

    merged = []
    for e in events:
        for i, m in enumerate(merged):
            if _same(m, e, texts):
                merged[i] = _combine(m, e)
                break
        else:
            merged.append(e)
    return [replace(e, independent_sources=_independent(e.sources, texts)) for e in merged]


_PLACES = [("Karachi", 24.86, 67.01, "city"), ("Hyderabad", 25.39, 68.37, "city"),
           ("Sindh", 26.0, 68.5, "region"), ("Quetta", 30.18, 66.98, "city")]


@st.composite
def _events(draw):
    from geo.records import Event, Place, PlaceRef, Source

    out = []
    for n in range(draw(st.integers(0, 25))):
        day = dt.date(2023, 12, 28) + dt.timedelta(days=draw(st.integers(0, 6)))  # across a year's end
        precision = draw(st.sampled_from(["day", "day", "month", "year", "unknown"]))
        date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4],
                "unknown": None}[precision]
        name, lat, lon, kind = draw(st.sampled_from(_PLACES))
        place = Place(name, lat, lon, country="PK", admin1="Sindh" if kind == "city" else "", kind=kind,
                      gazetteer_id=f"g:{name}")
        out.append(Event(event_type=draw(st.sampled_from(["attack", "meeting"])), date=date,
                         date_precision=precision, places=(PlaceRef(name, place=place),),
                         status=draw(st.sampled_from(["occurred", "planned"])),
                         killed=draw(st.none() | st.integers(0, 9)), evidence=f"e{n}",
                         sources=(Source(path=f"r{draw(st.integers(0, 6))}.txt"),)))
    return out


@settings(max_examples=150, deadline=None)
@given(_events(), st.booleans())
def test_merging_in_date_buckets_matches_the_reference(events, with_texts):
    from geo.merge import merge_events

    texts = {(f"r{i}.txt", None, None): frozenset({i % 3, 10}) for i in range(7)} if with_texts else None
    assert merge_events(events, texts=texts) == _merge_reference(events, texts)
