"""Streaming extraction and merging: the same answer as the simple way, at any scale or split."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.build import distance_km
from geo.merge import _combine, _same, merge_events, shingles
from geo.records import Event, Place, PlaceRef, Source

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent

PLACES = [
    Place("Besham", 34.93, 72.87, "PK", "Khyber Pakhtunkhwa", "Shangla", "city", "g:1"),
    Place("Alpurai", 34.90, 72.65, "PK", "Khyber Pakhtunkhwa", "Shangla", "city", "g:2"),  # 20 km away
    Place("Shangla", 34.90, 72.65, "PK", "Khyber Pakhtunkhwa", "", "district", "g:3"),
    Place("Khyber Pakhtunkhwa", 34.5, 72.0, "PK", "", "", "region", "g:4"),
    Place("Pakistan", 30.0, 70.0, "PK", "", "", "country", "g:5"),
    Place("Quetta", 30.18, 67.0, "PK", "Balochistan", "Quetta", "city", "g:6"),
    Place("Torkham", 34.10, 71.09, "PK", "Khyber Pakhtunkhwa", "Khyber", "city", "g:7"),
    Place("Lal Pur", 34.13, 70.95, "AF", "Nangarhar", "", "city", "g:8"),  # across the border, 14 km
    Place("Tromso", 69.65, 18.96, "NO", "Troms", "", "city", "g:9"),
    Place("Tromso east", 69.65, 20.2, "NO", "Troms", "", "city", "g:10"),  # 48 km east, 1.2 deg of longitude
    Place("Suva", -18.14, 178.44, "FJ", "Central", "", "city", "g:11"),
    Place("Taveuni", -16.8, -179.9, "FJ", "Northern", "", "city", "g:12"),  # across the antimeridian
]
TEXTS = ["a bomb went off near the market killing several people and wounding many more, police said",
         "the two sides held talks on trade and security and agreed to meet again later in the year",
         "gunmen opened fire on a convoy carrying engineers to the dam site early in the morning today"]


def _reference_merge(events, texts):
    """The all-pairs greedy merge the store must equal."""

    def near(a, b):
        for s in a.sources:
            for t in b.sources:
                x, y = texts.get((s.path, s.line, s.url)), texts.get((t.path, t.line, t.url))
                if x and y and len(x & y) / max(1, len(x | y)) >= 0.5:
                    return True
        return False

    merged: list[Event] = []
    for e in events:
        for i, m in enumerate(merged):
            if _same(m, e, near):
                merged[i] = _combine(m, e)
                break
        else:
            merged.append(e)
    return merged


@st.composite
def event_lists(draw):
    n_reports = draw(st.integers(1, 6))
    # each report's text: one of a few stories, possibly with a word changed (a near-copy)
    reports = []
    for i in range(n_reports):
        text = draw(st.sampled_from(TEXTS))
        if draw(st.booleans()):
            text += " " + draw(st.sampled_from(["officials said", "reporters said", "it was reported"]))
        reports.append((f"r{i}.txt", text))
    events = []
    base = dt.date(2024, 12, 30)
    for _ in range(draw(st.integers(0, 14))):
        path, _ = draw(st.sampled_from(reports))
        precision = draw(st.sampled_from(["day", "day", "month", "year", "unknown"]))
        day = base + dt.timedelta(days=draw(st.integers(0, 4)))
        date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4],
                "unknown": None}[precision]
        places = draw(st.lists(st.sampled_from(PLACES), min_size=0, max_size=2, unique=True))
        events.append(Event(draw(st.sampled_from(["attack", "meeting"])), date=date, date_precision=precision,
                            status=draw(st.sampled_from(["occurred", "occurred", "planned"])),
                            places=tuple(PlaceRef(p.name, place=p) for p in places),
                            killed=draw(st.none() | st.integers(0, 9)),
                            sources=(Source(path=path),), summary=path))
    return events, {(p, None, None): shingles(t) for p, t in reports}


@settings(max_examples=300, deadline=None)
@given(event_lists())
def test_store_merge_equals_all_pairs_merge(case):
    events, texts = case
    got = merge_events(events, texts=texts)
    want = _reference_merge(events, texts)
    assert [(e.event_id, e.sources, e.date, e.killed) for e in got] == \
           [(e.event_id, e.sources, e.date, e.killed) for e in want]


@settings(max_examples=100, deadline=None)
@given(event_lists())
def test_store_with_a_tiny_cache_writes_back_what_it_evicts(case):
    from geo.merge import MergeStore

    events, texts = case
    store = MergeStore(cache_size=1)
    rids = {}
    for e in events:
        key = (e.sources[0].path, None, None)
        if key not in rids:
            rids[key] = store.add_report(texts[key])
        store.add(e, rids[key])
    got = list(store)
    assert [(e.event_id, e.sources) for e in got] == [(e.event_id, e.sources) for e in _reference_merge(events, texts)]


def test_near_places_merge_across_cells_borders_and_the_antimeridian():
    for a, b in [(PLACES[6], PLACES[7]), (PLACES[8], PLACES[9]), (PLACES[10], PLACES[11])]:
        if a.name == "Suva":
            continue  # Suva and Taveuni are 200 km apart: never the same event
        evs = [Event("attack", date="2024-03-26", date_precision="day", places=(PlaceRef(p.name, place=p),),
                     sources=(Source(path=p.name),)) for p in (a, b)]
        assert len(merge_events(evs)) == 1, (a.name, b.name)


def test_shingles_are_the_same_in_every_process():
    text = "A bomb went off in Besham on Tuesday, killing five engineers and their driver."
    code = f"from geo.merge import shingles; print(sorted(shingles({text!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT, env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin",
                                        "PYTHONPATH": str(ROOT)}).stdout
    assert json.loads(out) == sorted(shingles(text))


@pytest.fixture()
def reports_dir():
    return DATA / "reports"


def _run(args):
    from maps.cli import main

    return main(args)


def test_jobs_give_the_same_output_as_one_process(tmp_path, cache_env, reports_dir):
    one, two = tmp_path / "one.geojson", tmp_path / "two.geojson"
    assert _run(["extract", str(reports_dir), "-o", str(one)]) == 0
    assert _run(["extract", str(reports_dir), "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(json.loads(one.read_text())["features"]) > 50


def test_streamed_extract_equals_the_in_memory_path(tmp_path, cache_env, reports_dir):
    from geo.frame import to_geojson
    from geo.pipeline import load_events

    out = tmp_path / "e.geojson"
    assert _run(["extract", str(reports_dir), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == to_geojson(load_events([reports_dir]))


def test_geoparquet_parts_read_back_as_one_table(tmp_path, cache_env, reports_dir, monkeypatch):
    import geopandas

    import geo.frame

    monkeypatch.setattr(geo.frame, "CHUNK", 25)  # several parts
    gj, pq = tmp_path / "e.geojson", tmp_path / "e.parquet"
    assert _run(["extract", str(reports_dir), "-o", str(gj)]) == 0
    assert _run(["extract", str(reports_dir), "-o", str(pq)]) == 0
    parts = sorted(p.name for p in pq.iterdir())
    assert len(parts) > 2 and parts[0] == "part-00000.parquet"
    a, b = geopandas.read_file(gj), geopandas.read_parquet(pq)
    assert list(a["event_id"]) == list(b["event_id"]) and b.crs.to_epsg() == 4326
    assert list(b["killed"].astype("float").fillna(-1)) == list(a["killed"].astype("float").fillna(-1))
    # a second run replaces the folder whole
    assert _run(["extract", str(reports_dir / "01-besham-convoy-attack.txt"), "-o", str(pq)]) == 0
    assert len(geopandas.read_parquet(pq)) < len(b)


def test_strict_stops_before_writing_anything(tmp_path, cache_env):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A bomb killed six people in Besham on Tuesday.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    out = tmp_path / "e.geojson"
    out.write_text("previous", encoding="utf-8")
    assert _run(["extract", str(folder), "-o", str(out), "--strict"]) == 3
    assert out.read_text(encoding="utf-8") == "previous"
    assert _run(["extract", str(folder), "-o", str(out)]) == 1  # the good report is written, the bad listed
    assert json.loads(out.read_text())["features"]


def test_bad_jobs_value_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        _run(["extract", "x.txt", "-o", "y.geojson", "--jobs", "0"])
    assert exc.value.code == 2


def test_dask_local_cluster_gives_the_same_output(tmp_path, cache_env, reports_dir, monkeypatch):
    pytest.importorskip("distributed")
    import contextlib

    from distributed import Client, LocalCluster
    from distributed.comm import inproc

    import geo.dask_run

    monkeypatch.setattr(inproc.global_manager, "_ip", "127.0.0.1")  # else it asks a UDP socket for its address
    @contextlib.contextmanager
    def inproc_client(address, workers=None):
        # threads and in-process transport: the test opens no socket at all
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="inproc://",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client

    monkeypatch.setattr(geo.dask_run, "dask_client", inproc_client)
    # the report files, and the same reports again as one JSON Lines file that gets cut in pieces
    from geo.reports import read_reports

    shard = tmp_path / "shard.jsonl"
    shard.write_text("".join(json.dumps({"text": r.text, "published": r.published, "title": r.title}) + "\n"
                             for r in read_reports([reports_dir])), encoding="utf-8")
    one, dsk = tmp_path / "one.geojson", tmp_path / "dask.geojson"
    assert _run(["extract", str(reports_dir), str(shard), "-o", str(one)]) == 0
    # small partitions, so that reports of one event land in different partitions
    monkeypatch.setattr(geo.dask_run.extract_with_dask, "__kwdefaults__",
                        {**geo.dask_run.extract_with_dask.__kwdefaults__, "partition_bytes": 6000})
    assert _run(["extract", str(reports_dir), str(shard), "-o", str(dsk), "--dask", "local"]) == 0
    assert one.read_bytes() == dsk.read_bytes()


def test_progress_bar_on_a_terminal_quiet_when_piped(tmp_path, cache_env, capsys):
    from geo.reports import Report
    from geo.stream import ExtractRun

    reports = [Report(text=f"A bomb killed {n + 2} people in Quetta on Tuesday.", path=f"{n}.txt",
                      published="2024-03-27") for n in range(3)]
    with ExtractRun(progress=True) as run:
        run.add_reports(reports, total=3)
    err = capsys.readouterr().err
    assert "extracting" in err and "3/3" in err and "report/s" in err
    # the real command with stderr piped: no bar, only the result
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(json.dumps({"text": r.text, "published": r.published}) + "\n"
                                            for r in reports), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "maps.cli", "extract", str(folder), "-o", str(tmp_path / "e.csv")],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "extracting" not in out.stderr and "wrote" in out.stdout


def test_json_lines_stream_line_by_line_and_bad_lines_are_named(tmp_path, monkeypatch, cache_env):
    import geo.reports
    from geo.pipeline import load_events

    monkeypatch.setattr(geo.reports, "MAX_REPORT_BYTES", 400)  # a "huge" file of small reports
    lines = [json.dumps({"text": f"A bomb killed {n + 2} people in {town} on Monday.", "published": "2024-03-27"})
             for n, town in enumerate(["Quetta", "Karachi", "Lahore"])]
    lines.insert(1, "{not json")
    lines.insert(3, json.dumps({"text": "x" * 500}))
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 400
    events = load_events([path])
    assert sorted(e.killed for e in events) == [2, 3, 4]
    assert [(p.path, p.line) for p in events.problems] == [(str(path), 2), (str(path), 4)]
    assert "not valid JSON" in events.problems[0].message and "larger than" in events.problems[1].message
    with pytest.raises(Exception, match="2 unreadable"):
        load_events([path], strict=True)


def test_dask_partitions_group_files_by_size(tmp_path):
    pytest.importorskip("distributed")
    from geo.dask_run import _groups

    sizes = [50, 10, 10, 10, 200, 5, 5]
    files = []
    for i, n in enumerate(sizes):
        f = tmp_path / f"{i}.txt"
        f.write_bytes(b"x" * n)
        files.append(str(f))
    groups = _groups(files, 60)
    assert [[Path(f).name for f in g] for g in groups] == [["0.txt", "1.txt"], ["2.txt", "3.txt"], ["4.txt"],
                                                          ["5.txt", "6.txt"]]
    assert sum(groups, []) == files  # order kept, nothing lost


def test_dask_cuts_a_big_json_lines_file_into_pieces_at_line_ends(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import geo.reports
    from geo.dask_run import _groups, _items
    from geo.reports import iter_jsonl_piece, iter_report

    monkeypatch.setattr(geo.reports, "_SCAN_CHUNK", 37)  # line ends fall across read chunks
    lines = [json.dumps({"text": f"Report {n} " + "x" * (n * 7 % 90), "published": "2024-03-27"}) for n in range(60)]
    lines[17] = "{not json"
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("A report.", encoding="utf-8")
    items = _items([str(small), str(big)], 300)
    assert items[0] == str(small) and len(items) > 5
    pieces = items[1:]
    assert pieces[0][1] == 0 and pieces[-1][2] == big.stat().st_size
    assert all(a[2] == b[1] for a, b in zip(pieces, pieces[1:]))  # contiguous, nothing lost
    whole_errors, piece_errors = [], []
    whole = [(r.text, r.line) for r in iter_report(big, on_error=whole_errors.append)]
    cut = [(r.text, r.line) for p in pieces
           for r in iter_jsonl_piece(*p, on_error=piece_errors.append)]
    assert cut == whole and len(whole) == 59
    assert [str(e) for e in piece_errors] == [str(e) for e in whole_errors] and ":18:" in str(piece_errors[0])
    assert sum(_groups(items, 600), []) == items


def test_dask_plugin_ships_the_index_to_a_remote_worker_once(tmp_path, world_index):
    pytest.importorskip("distributed")
    from types import SimpleNamespace

    from geo.dask_run import ExtractorPlugin
    from geo.reports import Report

    plugin = ExtractorPlugin((), str(world_index), world_index.read_bytes())
    worker = SimpleNamespace(local_directory=str(tmp_path))
    plugin.setup(worker)
    copy = tmp_path / "incidentmap-index.sqlite"
    assert copy.stat().st_size == world_index.stat().st_size
    events = worker.incidentmap_extractor.extract(Report(text="A bomb killed six people in Quetta on Monday.",
                                                         published="2024-03-27"))
    assert events and events[0].places[0].place.name == "Quetta"
    assert worker.incidentmap_extractor.geoparser.geocoder._index_path == copy
    before = copy.stat().st_mtime_ns
    plugin.setup(worker)  # a second set-up on the same worker does not copy again
    assert copy.stat().st_mtime_ns == before


@settings(max_examples=2000, deadline=None)
@given(st.floats(-89.99, 89.99), st.floats(-180, 179.999), st.floats(0, 360), st.floats(0, 60))
def test_points_within_60_km_always_share_a_blocking_key(lat, lon, bearing, km):
    from geo.merge import _place_summary, _space_keys

    # the point ``km`` from (lat, lon) along ``bearing``, on the sphere
    r = math.radians
    d, b, p1, l1 = km / 6371.0, r(bearing), r(lat), r(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    a = Place("a", lat, lon, "XA", "", "", "city", "")
    q = Place("b", math.degrees(p2), (math.degrees(l2) + 180) % 360 - 180, "XB", "", "", "city", "")
    if distance_km(a.point, q.point) <= 60.0:
        a, q = _place_summary(a), _place_summary(q)
        assert set(_space_keys(a, query=False)) & set(_space_keys(q, query=True))
        assert set(_space_keys(q, query=False)) & set(_space_keys(a, query=True))


def test_two_events_of_one_report_stay_two_and_join_other_reports():
    from geo.merge import merge_events
    from geo.records import Event, PlaceRef, Source

    region = Place("Tillaberi", 14.2, 1.45, "NE", "Tillaberi", "", "region", "g:r")
    town = Place("Tera", 14.01, 0.75, "NE", "Tillaberi", "", "city", "g:t")
    a = Event("attack", date="2025-03-20", date_precision="day", places=(PlaceRef("Tillaberi", place=region),),
              killed=27, sources=(Source(path="a.txt"),))
    b = Event("attack", date="2025-03", date_precision="month", places=(PlaceRef("Tera", place=town),),
              killed=10, sources=(Source(path="a.txt"),))
    later = Event("attack", date="2025-03-20", date_precision="day", places=(PlaceRef("Tera", place=town),),
                  killed=27, sources=(Source(path="b.txt"),))
    # one report told two attacks (the region's and the town's): they agree in date and place, and
    # still stay two; another report's telling joins the first that agrees with it
    got = merge_events([a, b, later])
    assert [(e.killed, [s.path for s in e.sources]) for e in got] == [(27, ["a.txt", "b.txt"]), (10, ["a.txt"])]


def test_a_report_without_shingles_files_no_lsh_buckets():
    import numpy as np

    from geo.merge import MergeStore

    store = MergeStore()
    for _ in range(3):
        store.add_report(np.zeros(0, np.uint32))
    store.add_report("a long enough report about talks held in the capital on a Monday afternoon")
    assert store.db.execute("SELECT COUNT(DISTINCT rid) FROM band").fetchone()[0] == 1


def test_a_run_tunes_the_garbage_collector_and_restores_it():
    import gc

    from geo.stream import _BATCH_GC_THRESHOLD, batch_gc

    before = gc.get_threshold()
    with batch_gc():
        assert gc.get_threshold() == _BATCH_GC_THRESHOLD
        assert gc.get_freeze_count() > 0  # what was loaded is out of the collector's sight
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError), batch_gc():  # restored when the run fails too
        raise ValueError
    assert gc.get_threshold() == before


def test_sigterm_mid_run_leaves_the_output_and_no_temporary_files(tmp_path, cache_env):
    import signal
    import subprocess
    import sys
    import time

    work = tmp_path / "work"
    work.mkdir()
    src = work / "many.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(20_000):  # minutes of work: the signal comes long before the end
            fh.write(json.dumps({"text": f"Gunmen killed {i % 9 + 2} people near Quetta on Monday, police said.",
                                 "published": "2024-03-27"}) + "\n")
    out = work / "events.geojson"
    out.write_text("previous", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "maps.cli", "extract", str(src), "-o", str(out)],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not any(p.name.startswith(".incidentmap-merge-") for p in work.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the run never started merging"
            time.sleep(0.05)
        time.sleep(0.5)  # well into the run
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM
    assert "terminated" in err
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in work.iterdir()) == ["events.geojson", "many.jsonl"]
