"""End-to-end tests of the ``incidentmap`` command (on the real world index)."""

import json
import shutil
import subprocess
import sys

import pytest

from maps.cli import main
from tests.conftest import DATA

pytestmark = pytest.mark.usefixtures("cache_env")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_writes_map_and_geojson(capsys, tmp_path):
    code, out, err = run(capsys, "demo", "-o", str(tmp_path / "out"))
    assert code == 0, err
    html = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    doc = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert "incidentmap.addEvents(" in html and "GeoNames" in html
    located = [f for f in doc["features"] if f["geometry"]]
    assert len(located) >= 0.9 * len(doc["features"]) > 20
    for f in located:
        lon, lat = f["geometry"]["coordinates"]
        assert (lat, lon) != (0, 0)


def test_demo_is_deterministic(capsys, tmp_path):
    run(capsys, "demo", "-o", str(tmp_path / "a"))
    run(capsys, "demo", "-o", str(tmp_path / "b"))
    for name in ("map.html", "events.geojson"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_geocode_json_fields(capsys):
    code, out, _ = run(capsys, "geocode", "Bisham, Shangla", "--json")
    assert code == 0
    rec = json.loads(out)
    assert {"query", "name", "lat", "lon", "country", "admin1", "kind", "gazetteer_id",
            "population", "score"} <= set(rec)
    assert rec["country"] == "PK" and rec["query"] == "Bisham, Shangla"


def test_geocode_file_keeps_order_and_nulls(capsys, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Karachi\nQwxzzyv Nowhere\nParis, Texas\n\nGawdar\n", encoding="utf-8")
    code, out, err = run(capsys, "geocode", "--file", str(names), "--json")
    lines = [json.loads(x) for x in out.splitlines()]
    assert [r["query"] for r in lines] == ["Karachi", "Qwxzzyv Nowhere", "Paris, Texas", "", "Gawdar"]
    assert lines[1]["lat"] is None and lines[1]["name"] is None
    assert lines[2]["admin1"] == "Texas"
    assert lines[4]["name"] == "Gwadar"
    assert code == 1 and "1 of 5 name(s) not found" in err


def test_unknown_name_exits_non_zero_with_suggestions(capsys):
    code, _, err = run(capsys, "geocode", "Islamabadd Qq")
    assert code == 5
    assert "no place found for 'Islamabadd Qq'" in err and "did you mean" in err


def test_country_filter_and_all(capsys):
    code, out, _ = run(capsys, "geocode", "Hyderabad", "--country", "PK", "--json")
    assert json.loads(out)["country"] == "PK"
    code, out, _ = run(capsys, "geocode", "Hyderabad", "--all", "--json", "--limit", "3")
    ranked = json.loads(out)
    assert len(ranked) == 3 and {r["country"] for r in ranked} >= {"IN", "PK"}
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)


def test_map_reports_bad_rows_and_still_maps(capsys, tmp_path):
    out_file = tmp_path / "map.html"
    code, out, err = run(capsys, "map", str(DATA / "events_mixed.csv"), "-o", str(out_file))
    assert code == 1
    assert "events_mixed.csv:6: date:" in err and "events_mixed.csv:7: type:" in err
    assert "'Atlantis' not found" in err
    assert out_file.exists()


def test_strict_writes_nothing_and_keeps_old_output(capsys, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out_file = folder / "map.html"
    out_file.write_text("previous map")
    code, _, err = run(capsys, "map", str(DATA / "events_mixed.csv"), "-o", str(out_file), "--strict")
    assert code == 3 and "bad row" in err
    assert out_file.read_text() == "previous map"
    assert sorted(p.name for p in folder.iterdir()) == ["map.html"]


def test_extract_formats(capsys, tmp_path):
    for suffix in ("geojson", "gpkg", "csv"):
        code, out, _ = run(capsys, "extract", str(DATA / "events_mixed.csv"), "-o",
                           str(tmp_path / f"e.{suffix}"))
        assert code == 1 and (tmp_path / f"e.{suffix}").stat().st_size > 0
    code, _, err = run(capsys, "extract", str(DATA / "events_mixed.csv"), "-o", str(tmp_path / "e.xlsx"))
    assert code == 3 and "unknown output format" in err


def test_gazetteer_check_and_info(capsys):
    code, out, err = run(capsys, "gazetteer", "check", str(DATA / "bad_gazetteer.csv"))
    assert code == 3 and "bad_gazetteer.csv:3: kind:" in err
    code, out, err = run(capsys, "gazetteer", "check")
    assert code == 0, err
    code, out, _ = run(capsys, "gazetteer", "info")
    assert code == 0 and "geonames:city" in out and "GeoNames (CC BY 4.0" in out


def test_user_gazetteer_option(capsys, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("id,name,aliases,kind,feature,lat,lon,country,admin1,admin2,population,geonameid,source\n"
                    "fob-q,Forward Base Q,,site,camp,33.1,70.1,PK,,,,,notes\n", encoding="utf-8")
    code, out, _ = run(capsys, "geocode", "Forward Base Q", "--gazetteer", str(mine), "--json")
    assert code == 0 and json.loads(out)["gazetteer_id"] == "user:fob-q"


def test_console_script_installed():
    exe = shutil.which("incidentmap")
    cmd = [exe] if exe else [sys.executable, "-m", "maps.cli"]
    result = subprocess.run([*cmd, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "geocode" in result.stdout


REPORT = ("title: Blast near Besham\nurl: https://example.com/besham\npublisher: Example Wire\n"
          "published: 2024-03-27\n\nISLAMABAD, March 27 - A suicide bomber struck a convoy near "
          "Besham, Shangla district, on Tuesday, killing at least six people, including five Chinese "
          "nationals. In July 2021, 13 people were killed when a bus was attacked near Dasu.\n")


def test_geoparse_json_format(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(capsys, "geoparse", str(report), "--json")
    assert code == 0
    (doc,) = json.loads(out)
    assert doc["source"] == str(report) and doc["published"] == "2024-03-27"
    body = REPORT.split("\n\n", 1)[1]
    for p in doc["places"]:
        assert set(p) == {"text", "start", "end", "name", "country", "admin1", "kind", "lat", "lon",
                          "gazetteer_id", "usage", "confidence"}
        assert body[p["start"]:p["end"]] == p["text"]
    assert [p["text"] for p in doc["places"]][:3] == ["ISLAMABAD", "Besham", "Shangla"]


def test_extract_from_reports_and_tables_mixed(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(REPORT.replace("Example Wire", "Other Wire"), encoding="utf-8")
    out_file = tmp_path / "events.geojson"
    code, _, err = run(capsys, "extract", str(report), str(tmp_path / "copy.txt"),
                       str(DATA / "events_mixed.csv"), "-o", str(out_file))
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    from_reports = [f["properties"] for f in doc["features"]
                    if f["properties"]["sources"][0]["path"].endswith(".txt")]
    # the table's row for the Besham attack gains the two reports (near-copies: one more
    # independent source) and keeps its own values
    besham = [f["properties"] for f in doc["features"] if f["properties"]["place"] == "Besham"]
    assert len(besham) == 1
    b = besham[0]
    assert (b["event_type"], b["date"], b["killed"], b["source_count"], b["independent_sources"]) == \
        ("attack", "2024-03-26", 6, 3, 2)
    assert b["sources"][0]["path"].endswith("events_mixed.csv")
    assert "killing at least six people" in b["evidence"]
    # the recalled 2021 Dasu attack is the table's Dasu row too
    dasu = [f["properties"] for f in doc["features"] if f["properties"]["place"] == "Dasu"]
    assert len(dasu) == 1 and dasu[0]["date"] == "2021-07-14" and dasu[0]["killed"] == 13
    assert dasu[0]["source_count"] == 3
    assert from_reports == []  # every report event here told an event the table already had
    assert code == 1  # the table's bad rows are still reported


def test_evaluate_scores_a_gold_folder(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    body = REPORT.split("\n\n", 1)[1]
    start = body.index("Besham")
    gold = {"published": "2024-03-27",
            "toponyms": [{"text": "Besham", "start": start, "end": start + 6, "usage": "literal",
                          "name": "Besham", "country": "PK", "kind": "city", "lat": 34.93, "lon": 72.87}],
            "events": [{"type": "attack", "subtype": None, "status": "occurred", "date": "2024-03-26",
                        "date_precision": "day", "places": [{"name": "Besham", "country": "PK",
                                                              "role": "location", "lat": 34.93, "lon": 72.87}],
                        "killed": 6, "injured": None, "actors": [], "evidence": ""}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", str(tmp_path), "--json")
    scores = json.loads(out)
    assert code == 0
    assert scores["toponym_recall"] == 1.0 and scores["event_recall"] == 1.0
    assert scores["date_accuracy"] == 1.0 and scores["casualty_accuracy"] == 1.0
    assert scores["event_precision"] < 1.0  # the recalled Dasu attack is not in this gold
    assert any("spurious attack 2021-07" in m for m in scores["misses"])
