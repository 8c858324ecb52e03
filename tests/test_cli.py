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
