"""Issue 5: hostile and broken input gets a clear error, nothing is lost, nothing runs or leaks."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

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


# merging at scale is checked against the all-pairs merge in tests/test_stream.py


# --------------------------------------------------------------------------- tables


def _one_row(tmp_path, header: str, row: str, *, name="t.csv", encoding="utf-8"):
    from geo.tables import read_events

    path = tmp_path / name
    path.write_bytes(f"{header}\n{row}\n".encode(encoding))
    return path, read_events(path, geocode=False)


@pytest.mark.parametrize("lat, lon, killed, expected", [
    ("'33.7", "'73.1 ", "'1,234", (33.7, 73.1, 1234)),      # apostrophe text markers, spaces, thousands
    ("3.37E+01", "7.31e1", "1.5E+01", (33.7, 73.1, 15)),     # scientific notation
    ("33.7", "73.1", "6.0", (33.7, 73.1, 6)),                # a count stored as a float
])
def test_spreadsheet_numbers_are_read(tmp_path, lat, lon, killed, expected):
    _, events = _one_row(tmp_path, "date,type,place,lat,lon,killed", f'2024-03-16,attack,X,"{lat}","{lon}","{killed}"')
    assert not events.problems
    (e,) = events
    assert (e.places[0].place.lat, e.places[0].place.lon, e.killed) == pytest.approx(expected)


def test_decimal_commas_in_a_semicolon_csv(tmp_path):
    _, events = _one_row(tmp_path, "date;type;place;lat;lon;killed", "2024-03-16;attack;X;'33,7;73,1 ;1.234,0")
    assert [str(p) for p in events.problems] == [
        f"{tmp_path / 't.csv'}:2: killed: '1.234,0' is not a whole number (a comma may only separate thousands)"]
    _, events = _one_row(tmp_path, "date;type;place;lat;lon;killed", "2024-03-16;attack;X;33,7;73,1;12")
    assert (events[0].places[0].place.lat, events[0].places[0].place.lon, events[0].killed) == (33.7, 73.1, 12)


@pytest.mark.parametrize("field, value, message", [
    ("date", "45366", "'45366' looks like an Excel date serial number (2024-03-15); format the column as dates"),
    ("date", "31/02/2024", "'31/02/2024' is ambiguous or not a date"),
    ("date", "2024-02-30", "'2024-02-30' is not a real date"),
    ("lat", "nan", "'nan' is not a finite number"),
    ("lon", "-inf", "'-inf' is not a finite number"),
    ("killed", "inf", "'inf' is not a whole number >= 0"),
    ("killed", "1,5", "'1,5' is not a whole number (a comma may only separate thousands)"),
    ("killed", "-3", "'-3' is not a whole number >= 0"),
    ("lat", "33°N", "'33°N' is not a number"),
    ("lat", "95", "95 is outside -90..90"),
    ("lat", "100.5", "100.5 is outside -90..90 (lat and lon look swapped)"),
    ("lon", "190", "190 is outside -180..180"),
    ("type", "parade", "'parade' is not one of attack, agreement, meeting, visit, other"),
])
def test_every_bad_value_is_named_with_file_line_and_field(tmp_path, field, value, message):
    row = {"date": "2024-03-16", "type": "attack", "place": "X", "lat": "33.7", "lon": "73.1", "killed": "1"}
    row[field] = value
    if value == "95":
        row["lon"] = "120"  # not a latitude either: no hint of a swap
    path, events = _one_row(tmp_path, ",".join(row), ",".join(f'"{v}"' for v in row.values()))
    (error,) = events.errors
    assert str(error).startswith(f"{path}:2: {field}: {message}")
    assert str(error) == str(events.problems[0])
    assert list(events) == []


def test_windows_and_utf16_tables_are_decoded(tmp_path):
    header, row = "date,type,place,summary", "2024-03-16,attack,X,caf\u00e9 \u201cquoted\u201d"
    for encoding in ("cp1252", "utf-16"):
        _, events = _one_row(tmp_path, header, row, name=f"{encoding}.csv", encoding=encoding)
        assert not events.problems and events[0].summary == "caf\u00e9 \u201cquoted\u201d"
    with pytest.raises(InputError, match=r"bad.csv: not UTF-8 or Windows-1252 text \(byte 44\)"):
        _one_row(tmp_path, header, "2024-03-16,attack,X,\x81", name="bad.csv", encoding="latin-1")


def test_a_huge_field_stops_the_file_and_says_so(tmp_path):
    from geo.tables import read_events

    path = tmp_path / "huge.csv"
    path.write_text('date,type,place,summary\n2024-03-16,attack,X,ok\n2024-03-17,attack,Y,"'
                    + "x" * 200_000 + '"\n2024-03-18,attack,Z,never read\n', encoding="utf-8")
    events = read_events(path, geocode=False)
    assert [e.places[0].text for e in events] == ["X"]
    (problem,) = events.errors
    assert str(problem).startswith(f"{path}:3: cannot read this row (field larger than field limit")
    assert str(problem).endswith("the rest of the file was not read")


# --------------------------------------------------------------------------- gazetteer CSVs

GAZ_HEADER = "id,name,aliases,kind,feature,lat,lon,country,admin1,admin2,population,geonameid,source\n"


@pytest.mark.parametrize("name, content, message", [
    ("missing.csv", None, "missing.csv: cannot read: No such file or directory"),
    ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.csv: not UTF-8 text"),
    ("nul.csv", GAZ_HEADER.encode() + b"a,A\x00,,city,,1,1,PK,,,,,s\n", "nul.csv: contains NUL bytes"),
    ("huge.csv", (GAZ_HEADER + 'a,"' + "x" * 200_000 + '",,city,,1,1,PK,,,,,s\n').encode(),
     "huge.csv:2: cannot read this row (field larger than field limit"),
    ("nan.csv", (GAZ_HEADER + "a,A,,city,,nan,1,PK,,,,,s\n").encode(), "nan.csv:2: lat: 'nan' is not a finite number"),
    ("cols.csv", b"name;lat;lon\nA;1;2\n", "cols.csv:1: missing required column(s): id"),
])
def test_gazetteer_check_names_every_bad_file(tmp_path, capsys, name, content, message):
    from maps.cli import main

    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    good = tmp_path / "good.csv"
    good.write_text(GAZ_HEADER + "b,Bee Town,,city,,1,1,PK,,,,,s\n", encoding="utf-8")
    assert main(["gazetteer", "check", str(good), str(path)]) == 3
    out, err = capsys.readouterr()
    assert f"incidentmap: {tmp_path / message}" in err
    assert f"{good}: 1 valid place(s), 0 problem(s)" in out


# --------------------------------------------------------------------------- nothing lost

REPO = Path(__file__).resolve().parents[1]


def _env(**extra) -> dict[str, str]:
    """This process's environment (with its cache dir) and the repository on PYTHONPATH."""
    import os

    return {**os.environ, "PYTHONPATH": os.pathsep.join([*extra.pop("path", []), str(REPO)]), **extra}


# runs the real command, but holds still once the output's bytes are in the temporary file
HOLD_BEFORE_RENAME = """
import os, sys, time
def hold(fd):
    print("written, not yet renamed", flush=True)
    time.sleep(60)
os.fsync = hold
from maps.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.usefixtures("cache_env")
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGINT"])
def test_killed_mid_write_leaves_the_previous_output(tmp_path, capsys, sig):
    import signal
    import subprocess
    import sys

    from geo.reports import report_files
    from maps.cli import main

    work = tmp_path / "work"
    work.mkdir()
    table = work / "table.csv"
    table.write_text("date,type,place,lat,lon,summary\n" + "".join(
        f"2024-01-{i % 28 + 1:02d},attack,Place {i},{30 + i / 1e4:.4f},{70 + i / 1e4:.4f},Row {i}\n"
        for i in range(5000)), encoding="utf-8")
    out = work / "events.geojson"
    out.write_text("previous", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", HOLD_BEFORE_RENAME, "extract", str(table), "-o", str(out)],
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "written, not yet renamed\n", proc.stderr.read()
        temps = [p for p in work.iterdir() if p.name not in ("table.csv", "events.geojson")]
        assert len(temps) == 1 and temps[0].stat().st_size > 1_000_000  # the new output, whole
        proc.send_signal(getattr(signal, sig))
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
    assert out.read_text(encoding="utf-8") == "previous"
    if sig == "SIGINT":  # Ctrl-C: exit 130, and the temporary file is removed on the way out
        assert code == 130 and "interrupted" in proc.stderr.read()
        assert sorted(p.name for p in work.iterdir()) == ["events.geojson", "table.csv"]
        return
    # SIGKILL leaves the temporary file: hidden, named as temporary, skipped by the readers ...
    (temp,) = (p for p in work.iterdir() if p.name not in ("table.csv", "events.geojson"))
    assert temp.name.startswith(f".events.geojson.{proc.pid}.") and temp.name.endswith(".tmp.geojson")
    assert list(report_files([work])) == []
    # ... and removed by the next write to the same output
    assert main(["extract", str(table), "-o", str(out)]) == 0
    assert sorted(p.name for p in work.iterdir()) == ["events.geojson", "table.csv"]
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 5000


def test_a_running_writers_temporary_file_is_left_alone(tmp_path):
    import os

    from geo.atomic import atomic_write, remove_stale_temps

    target = tmp_path / "map.html"
    mine = tmp_path / f".map.html.{os.getpid()}.abc.tmp.html"  # a live process: this one
    mine.write_text("in progress")
    dead = tmp_path / ".map.html.999999999.abc.tmp.html"  # beyond any pid_max
    dead.write_text("left by a crash")
    other = tmp_path / ".other.html.999999999.abc.tmp.html"
    other.write_text("another target's")
    assert remove_stale_temps(target) == [dead]
    atomic_write(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, other.name, "map.html"])


def test_corrupt_or_half_written_index_is_rebuilt_not_used(tmp_path, monkeypatch, capsys):
    import sqlite3

    import geo.index as index
    from gazetteer.build import build_index
    from geo.index import user_index, world_index
    from tests.conftest import DATA

    monkeypatch.setenv("INCIDENTMAP_CACHE_DIR", str(tmp_path))
    # user index: built, then cut short as a crash would leave it, then garbage
    csv_path = DATA / "tiny_gazetteer.csv"
    path = user_index([csv_path])
    good = path.read_bytes()
    for broken in (good[: len(good) // 2], b"SQLite format 3\x00" + b"\x00" * 5000, b""):
        path.write_bytes(broken)
        assert user_index([csv_path]) == path
        assert path.read_bytes() == good  # rebuilt, byte for byte
    # world index (its real build takes 30 s: a small build stands in for it)
    builds = []

    def small_build(target, **kwargs):
        builds.append(target)
        return build_index(target, world=False, csv_paths=[csv_path], fingerprint=kwargs["fingerprint"])

    monkeypatch.setattr(index, "build_index", small_build)
    world = world_index()
    assert builds == [world] and world_index() == world and len(builds) == 1  # valid: used as is
    stale = tmp_path / f".{world.name}.999999999.x.tmp.sqlite"
    stale.write_bytes(b"half of a killed build")
    with sqlite3.connect(world) as db:
        db.execute("UPDATE meta SET v = 'other' WHERE k = 'fingerprint'")
    capsys.readouterr()
    assert world_index() == world and len(builds) == 2
    assert "is incomplete or corrupt; rebuilding" in capsys.readouterr().err
    assert not stale.exists()


# --------------------------------------------------------------------------- nothing leaked

# Loaded by a child Python through PYTHONPATH: any network use raises (sockets patched and an
# audit hook, which also sees C code), and every network attempt and opened file is logged.
SITECUSTOMIZE = '''
import os, socket, sys

_log = open(os.environ["IM_AUDIT_LOG"], "a", encoding="utf-8", buffering=1)


def _refuse(what):
    _log.write(f"net\\t{what}\\n")
    raise OSError(f"network blocked: {what}")


_connect = socket.socket.connect


def _guarded_connect(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    _refuse(f"connect {address!r}")


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = lambda self, address: _refuse(f"connect_ex {address!r}")
socket.create_connection = lambda address, *a, **k: _refuse(f"create_connection {address!r}")
socket.getaddrinfo = lambda host, *a, **k: _refuse(f"getaddrinfo {host!r}")


def _hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        flags = args[2] if isinstance(args[2], int) else 0
        write = (args[1] or "r") != "r" and "r" not in (args[1] or "r").replace("+", "") or bool(
            flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        _log.write(f"{'write' if write else 'read'}\\t{os.path.abspath(os.fsdecode(args[0]))}\\n")
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
        if not (event == "socket.connect" and args[0].family == socket.AF_UNIX):
            _refuse(event)


sys.addaudithook(_hook)
'''


def _sandboxed(tmp_path, *args, code=None):
    """Run ``python -m maps.cli ARGS`` (or ``python -c CODE``) with the network blocked and
    files logged; return the result and the log's (kind, detail) pairs."""
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "audit.log"
    log.write_text("", encoding="utf-8")
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "maps.cli", *args]
    result = subprocess.run(cmd, env=_env(path=[str(site)], IM_AUDIT_LOG=str(log), PYTHONDONTWRITEBYTECODE="1"),
                            capture_output=True, text=True, timeout=120, check=False)
    return result, [tuple(line.split("\t", 1)) for line in log.read_text(encoding="utf-8").splitlines()]


@pytest.mark.usefixtures("cache_env")
def test_demo_runs_with_the_network_blocked(tmp_path):
    # the block works: a connection attempt fails and is logged
    probe, log = _sandboxed(tmp_path, code="import socket, urllib.request\nfor call in ("
                            "lambda: socket.getaddrinfo('example.org', 80), lambda: urllib.request.urlopen("
                            "'http://192.0.2.1/', timeout=1), lambda: socket.socket().connect(('192.0.2.1', 80))):\n"
                            "    try:\n        call()\n    except OSError as exc:\n        print(exc)")
    assert probe.stdout.count("network blocked") == 3, probe.stderr
    assert [d.split()[0] for k, d in log if k == "net"] == ["getaddrinfo", "create_connection", "connect"]
    out = tmp_path / "demo"
    result, log = _sandboxed(tmp_path, "demo", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "incidentmap.addEvents(" in (out / "map.html").read_text(encoding="utf-8")
    assert json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [d for k, d in log if k == "net"] == []
    written = {Path(d).parent for k, d in log if k == "write"}
    assert written == {out}  # nothing written anywhere but the output folder


@pytest.mark.usefixtures("cache_env")
def test_paths_inside_inputs_are_never_opened(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("A bomb exploded in Karachi on 26 March 2024, killing six people.", encoding="utf-8")
    names = ["../secret.txt", str(secret), "../../../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd"]
    lines = work / "reports.jsonl"
    lines.write_text("".join(json.dumps({"text": f"Officials met in Islamabad on 2 May 2024 ({n}).", "path": n,
                                         "url": n, "published": "2024-05-03"}) + "\n" for n in names),
                     encoding="utf-8")
    (work / "header.txt").write_text("title: T\npath: ../secret.txt\nfile: /etc/passwd\npublished: 2024-05-03\n\n"
                                     "Officials met in Lahore on 2 May 2024.\n", encoding="utf-8")
    table = work / "table.geojson"
    table.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [67.0, 24.9]},
        "properties": {"type": "attack", "date": "2024-03-26", "path": str(secret), "summary": "../secret.txt",
                       "sources": [{"path": "/etc/passwd"}], "source_url": "file:///etc/passwd"}}]}),
        encoding="utf-8")
    out = work / "out" / "events.geojson"
    result, log = _sandboxed(tmp_path, "extract", str(lines), str(work / "header.txt"), str(table), "-o", str(out))
    assert result.returncode == 0, result.stderr
    opened = {Path(d) for _, d in log}
    assert {lines, table, work / "header.txt"} <= opened  # the log sees the reads
    assert secret not in opened and Path("/etc/passwd") not in opened
    assert {Path(d).parent for k, d in log if k == "write"} == {out.parent}
    sources = {s["path"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]
               for s in f["properties"]["sources"]}
    assert sources == {str(lines), str(work / "header.txt"), str(table)}


@pytest.mark.usefixtures("cache_env")
def test_the_same_command_twice_gives_the_same_bytes(tmp_path, capsys):
    # (the demo's map and GeoJSON, from reports and a table: tests/test_cli.py)
    from maps.cli import main
    from tests.conftest import DATA

    for name in ("events.geojson", "events.csv", "events.gpkg"):
        first, second = tmp_path / "1" / name, tmp_path / "2" / name
        for out in (first, second):
            assert main(["extract", str(DATA / "events_mixed.csv"), "-o", str(out)]) == 1  # its bad rows
        assert first.read_bytes() == second.read_bytes(), name


def test_line_separators_inside_values_do_not_split_lines(tmp_path):
    # U+2028, U+2029 and U+0085 end lines for str.splitlines, not for CSV or JSON Lines
    from gazetteer.build import read_place_csv

    odd = "Odd\u2028Town\u0085Centre\u2029Square"
    lines = tmp_path / "r.jsonl"
    lines.write_text(json.dumps({"text": f"Officials met in {odd}."}, ensure_ascii=False) + "\n"
                     + json.dumps({"text": "Second."}) + "\n", encoding="utf-8")
    assert [(r.text, r.line) for r in read_report(lines)] == [(f"Officials met in {odd}.", 1), ("Second.", 2)]
    gazetteer = tmp_path / "g.csv"
    gazetteer.write_text(GAZ_HEADER + f"a,{odd},,city,,1,1,PK,,,,,s\nb,B,,city,,2,2,PK,,,,,s\n", encoding="utf-8")
    rows, problems = read_place_csv(gazetteer, layer="user")
    assert problems == [] and [r.name for r in rows] == [odd, "B"]


@pytest.mark.usefixtures("cache_env")
def test_geocode_file_lines_end_at_newlines_only(tmp_path, capsys):
    from maps.cli import main

    names = tmp_path / "names.txt"
    names.write_text("Karachi\nLahore\u2028Quetta\n", encoding="utf-8")
    assert main(["geocode", "--file", str(names), "--json"]) == 1  # the second name is not a place
    queries = [json.loads(line)["query"] for line in capsys.readouterr().out.strip().split("\n")]
    assert queries == ["Karachi", "Lahore\u2028Quetta"]


@pytest.mark.usefixtures("cache_env")
def test_each_kind_of_failure_has_its_documented_exit_code(tmp_path, capsys):
    from maps.cli import main
    from tests.conftest import DATA

    table = DATA / "events_mixed.csv"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    no_columns = tmp_path / "cols.csv"
    no_columns.write_text("date,summary\n2024-01-01,x\n")
    cases = [
        (["extract", str(table), "-o", str(tmp_path / "ok.geojson")], 1, "bad row(s) or file(s) left out"),
        (["extract", str(no_columns), "-o", str(tmp_path / "x.geojson")], 3, "cols.csv:1: missing required column"),
        (["extract", str(table), "-o", str(blocker / "x.geojson")], 6, "a-file/x.geojson: cannot write here"),
        (["geocode", "Qqzzxv Nowhere"], 5, "no place found for 'Qqzzxv Nowhere'"),
    ]
    for argv, code, message in cases:
        assert main(argv) == code, argv
        assert message in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["extract", str(table)])  # no -o
    assert usage.value.code == 2
    assert not (tmp_path / "x.geojson").exists()


def test_csv_exports_do_not_carry_spreadsheet_formulas(tmp_path):
    import csv

    from geo.frame import write_events
    from geo.interop import write_acled
    from geo.records import Event, Place, PlaceRef, Source

    formula = '=HYPERLINK("http://evil.example","click")'
    e = Event("attack", date="2024-03-26", date_precision="day", killed=3, summary=formula, actors=("@SUM(A1)",),
              places=(PlaceRef("-Quetta", place=Place("Quetta", 30.18, -66.99, "PK", kind="city")),),
              sources=(Source(path="r.txt", title="+cmd|' /C calc'!A0"),))
    ours, acled = tmp_path / "e.csv", tmp_path / "a.csv"
    write_events([e], ours)
    write_acled([e], acled)
    for path in (ours, acled):
        cells = [c for row in csv.reader(open(path, encoding="utf-8")) for c in row]
        risky = [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].replace(".", "").isdigit())]
        assert risky == [], (path.name, risky)
        assert any(c.startswith("'=HYPERLINK") for c in cells)
        assert any(c.startswith("-66.99") for c in cells)  # a negative number stays a number
