"""ACLED, UCDP GED and GDELT files in, ACLED-style CSV out (geo/interop.py, docs/crosswalk.md)."""

import csv
import io
import zipfile

import folium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import InputError, example_path, read_events
from geo.interop import acled_codes, detect_format, gdelt_type, write_acled
from geo.pipeline import load_events
from geo.records import DATE_PRECISIONS, EVENT_TYPES, Event, Place, PlaceRef, Source
from maps import build_map, render_html
from tests.conftest import DATA

INTEROP = DATA / "interop"
ACLED = INTEROP / "acled_sample.csv"
UCDP = INTEROP / "ucdp_sample.csv"
GDELT = INTEROP / "gdelt_sample.export.CSV"
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,iso,country,"
                "admin1,location,latitude,longitude,geo_precision,source,notes,fatalities")


def by_id(events, prefix):
    """Events keyed by the dataset id that starts their evidence line ("ACLED PAK90001: ...")."""
    return {e.evidence.split(":")[0].split()[-1]: e for e in events if e.evidence.startswith(prefix)}


def place(event):
    return event.places[0].place


# --------------------------------------------------------------------------- detection


def test_formats_are_told_apart(tmp_path):
    assert detect_format(ACLED) == "acled"
    assert detect_format(UCDP) == "ucdp"
    assert detect_format(GDELT) == "gdelt"
    assert detect_format(DATA / "events_mixed.csv") is None
    assert detect_format(DATA / "tiny_gazetteer.csv") is None
    zipped = tmp_path / "20240602.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(GDELT, "20240602151500.export.CSV")
    assert detect_format(zipped) == "gdelt"
    assert len(read_events(zipped, geocode=False)) == 9
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as zf:
        zf.write(GDELT, "a.export.CSV")
        zf.write(ACLED, "b.csv")
    assert detect_format(two) is None
    with pytest.raises(InputError, match="holds one ACLED"):
        read_events(two, geocode=False)


def test_hdx_hashtag_row_is_skipped(tmp_path):
    lines = ACLED.read_text(encoding="utf-8").splitlines(keepends=True)
    tags = ",".join("#" + c.split("_")[0] for c in lines[0].strip().split(",")) + "\n"
    path = tmp_path / "hdx.csv"
    path.write_text(lines[0] + tags + "".join(lines[1:]), encoding="utf-8")
    events = read_events(path, geocode=False)
    assert len(events) == 8 and not events.problems and events[0].sources[0].line == 3


def test_gdelt_named_txt_is_a_table_not_a_report(tmp_path, tiny):
    txt = tmp_path / "gdelt.txt"
    txt.write_bytes(GDELT.read_bytes())
    events = load_events([txt], geocoder=tiny)
    assert len(events) == 9 and {e.event_type for e in events} == {"agreement", "visit", "attack", "meeting", "other"}


# --------------------------------------------------------------------------- ACLED


@pytest.fixture()
def acled():
    return read_events(ACLED, geocode=False)


def test_acled_types(acled):
    events = by_id(acled, "ACLED")
    assert len(acled) == 8 and not acled.problems
    kinds = {k: (e.event_type, e.subtype) for k, e in events.items()}
    assert kinds["PAK90001"] == ("attack", "suicide bomb")
    assert kinds["PAK90002"] == ("attack", "armed clash")
    assert kinds["PAK90005"] == ("other", "peaceful protest")
    assert kinds["PAK90006"] == ("attack", "abduction/forced disappearance")
    assert kinds["PAK90007"] == ("agreement", "agreement")
    assert kinds["PAK90008"] == ("other", "mob violence")


def test_acled_dates_places_casualties(acled):
    events = by_id(acled, "ACLED")
    besham = events["PAK90001"]
    assert (besham.date, besham.date_precision, besham.killed) == ("2024-03-26", "day", 6)
    assert (place(besham).name, place(besham).lat, place(besham).lon) == ("Besham", 34.93, 72.87)
    assert (place(besham).country, place(besham).admin1, place(besham).admin2) == ("PK", "Khyber Pakhtunkhwa", "Shangla")
    assert place(besham).kind == "city" and not place(besham).is_area
    assert besham.actors == ("Unidentified Armed Group (Pakistan)", "Civilians (China)", "Labour Group (China)")
    assert besham.sources[0].publisher == "Dawn; Express Tribune" and besham.sources[0].url is None
    assert "time_precision 1, geo_precision 1" in besham.evidence
    # time_precision 2 (a week) and 3 (a month) are read to the month, never as a day
    assert (events["PAK90005"].date, events["PAK90005"].date_precision) == ("2024-05", "month")
    assert (events["PAK90006"].date, events["PAK90006"].date_precision) == ("2024-06", "month")
    # geo_precision 2: the point stands for an area
    assert place(events["PAK90006"]).kind == "district" and place(events["PAK90006"]).is_area
    # ACLED's 0 is "none reported": kept on an attack, dropped on an agreement or a protest
    assert events["PAK90006"].killed == 0 and events["PAK90007"].killed is None
    # a quoted note with a newline: the next row's line number counts it
    assert "\n" in events["PAK90002"].summary
    assert [e.sources[0].line for e in acled][:3] == [2, 3, 5]


def test_acled_export_quirks(tmp_path):
    """BOM, upper-case names, semicolons, ISO and abbreviated dates, float codes, 0,0, day-first numbers."""
    path = tmp_path / "acled_quirks.csv"
    path.write_text(
        "\ufeffEVENT_ID_CNTY;EVENT_DATE;YEAR;TIME_PRECISION;EVENT_TYPE;SUB_EVENT_TYPE;ACTOR1;ACTOR2;COUNTRY;"
        "LOCATION;LATITUDE;LONGITUDE;GEO_PRECISION;SOURCE;NOTES;FATALITIES\n"
        "PAK1;2024-03-26;2024;1.0;Explosions/Remote violence;Suicide bomb;A;;Pakistan;Besham;34.93;72.87;1.0;Dawn;x;6\n"
        "PAK2;15-Mar-2024;2024;1;Battles;Armed clash;A;B;Pakistan;Gwadar;0;0;1;Dawn;y;2\n"
        "PAK3;26/03/2024;2024;1;Battles;Armed clash;A;B;Pakistan;Dasu;35.2917;73.2906;1;Dawn;z;1\n"
        "PAK4;02/03/2024;2024;1;Battles;Armed clash;A;B;Pakistan;Dasu;35.2917;73.2906;1;Dawn;w;1\n",
        encoding="utf-8")
    events = read_events(path, geocode=False)
    assert [e.date for e in events] == ["2024-03-26", "2024-03-15", "2024-03-26", "2024-03-02"]
    assert place(events[0]).kind == "city" and place(events[0]).country == "PK"
    # 0, 0 is a placeholder: the place is looked up by its name instead
    assert events[1].places[0].place is None and events[1].places[0].text == "Gwadar"
    assert [(p.line, p.field, p.level) for p in events.problems] == [(3, "latitude", "warning")]


def test_acled_bad_rows_and_unknown_codes(tmp_path, tiny):
    path = tmp_path / "acled_bad.csv"
    path.write_text(
        ACLED_HEADER + "\n"
        "PAK1,31 February 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,Gwadar,25.12,62.33,1,Dawn,n,1\n"
        "PAK2,1 March 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,Gwadar,north,62.33,1,Dawn,n,1\n"
        "PAK3,1 March 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,Gwadar,125.12,25.33,1,Dawn,n,1\n"
        "PAK4,1 March 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,Gwadar,25.12,62.33,1,Dawn,n,-3\n"
        "PAK5,1 March 2024,2024,7,Cyber operations,Hack,A,B,586,Pakistan,Balochistan,Gwadar,25.12,62.33,9,Dawn,n,0\n"
        "PAK6,1 March 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,Gwadar,62.3254,25.1216,1,Dawn,n,1\n"
        "PAK7,1 March 2024,2024,1,Battles,Armed clash,A,B,586,Pakistan,Balochistan,,,,1,Dawn,n,1\n",
        encoding="utf-8")
    events = read_events(path, geocoder=tiny)
    errors = {(p.line, p.field): p.message for p in events.errors}
    assert set(errors) == {(2, "event_date"), (3, "latitude"), (4, "latitude"), (5, "fatalities"), (7, "lat"),
                           (8, "location")}
    assert "not a real date" in errors[(2, "event_date")]
    assert "not a number" in errors[(3, "latitude")]
    assert "outside -90..90" in errors[(4, "latitude")] and "swapped" in errors[(4, "latitude")]
    assert "swapped" in errors[(7, "lat")]  # in range, but only in Pakistan once swapped
    assert all(str(p).startswith(f"{path}:{p.line}: {p.field}: ") for p in events.problems)
    # unknown codes: a warning each, and the row is kept with a safe reading
    warnings = {p.field for p in events.warnings if p.line == 6}
    assert warnings == {"event_type", "time_precision", "geo_precision"}
    (kept,) = events
    assert kept.event_type == "other" and kept.date == "2024-03" and place(kept).kind == "city"


# --------------------------------------------------------------------------- UCDP


def test_ucdp_types_precision_deaths(tiny):
    events = read_events(UCDP, geocoder=tiny)
    assert len(events) == 6 and not events.errors
    ged = by_id(events, "UCDP")
    assert {e.event_type for e in events} == {"attack"}
    assert ged["900101"].subtype == "one-sided violence" and ged["900102"].subtype == "state-based conflict"
    assert ged["900103"].subtype == "non-state conflict"
    dasu = ged["900101"]
    assert (dasu.date, dasu.date_precision, dasu.killed) == ("2021-07-14", "day", 13)
    assert "best 13, low 13, high 14" in dasu.evidence
    # "Dasu town": the name as written is kept, the place is named without the generic word
    assert dasu.places[0].text == "Dasu town" and place(dasu).name == "Dasu" and place(dasu).kind == "site"
    assert (place(dasu).admin1, place(dasu).admin2) == ("Khyber Pakhtunkhwa", "Upper Kohistan")
    assert dasu.sources[0].publisher == "Dawn" and dasu.sources[0].published == "2021-07-15"
    # date_prec 2 over 8..12 May -> the month; date_prec 5 over a whole year -> the year
    assert (ged["900102"].date, ged["900102"].date_precision) == ("2023-05", "month")
    assert (ged["900104"].date, ged["900104"].date_precision) == ("2019", "year")
    # where_prec 4 and 6: areas; a country carries its outline's key
    assert place(ged["900103"]).kind == "region"
    assert (place(ged["900104"]).kind, place(ged["900104"]).shape) == ("country", "country:PK")
    # no coordinates: looked up by name, generic word and all
    gilgit = ged["900105"]
    assert place(gilgit).gazetteer_id == "incidentmap:pk-gilgit" and gilgit.places[0].text == "Gilgit town"


def test_ucdp_bad_and_unknown(tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text(
        "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,latitude,longitude,country,date_prec,"
        "date_start,date_end,best,low,high,source_article\n"
        "1,4,A,B,1,Dasu town,35.29,73.29,Pakistan,1,2021-07-14,2021-07-14,13,13,14,x\n"
        "2,1,A,B,9,Dasu town,35.29,73.29,Pakistan,1,2021-07-14,2021-07-13,13,14,14,https://example.org/a\n"
        "3,1,A,B,1,Dasu town,35.29,273.29,Pakistan,1,2021-07-14,2021-07-14,2,1,3,x\n"
        "4,1,A,B,1,Dasu town,35.29,73.29,Pakistan,1,14/07/2021,,2,1,3,x\n"
        "5,1,A,B,1,Dasu town,35.29,73.29,Pakistan,1,2021-07-14,,2,1,3,javascript:alert(1)\n"
        "6,1,A,B,1,Dasu town,35.29,73.29,Pakistan,1,2021-07-14,,2,1,3,Reuters: a headline\n",
        encoding="utf-8")
    events = read_events(path, geocode=False)
    assert {(p.line, p.field) for p in events.errors} == {(4, "longitude"), (5, "date_start")}
    assert {(p.line, p.field) for p in events.warnings} == {(2, "type_of_violence"), (3, "where_prec"),
                                                           (3, "date_end"), (3, "best"), (6, "source_article")}
    first, second, hostile, citation = events
    assert first.event_type == "attack" and first.subtype is None
    assert second.date == "2021-07-14" and second.sources[0].url == "https://example.org/a"
    assert hostile.sources[0].url is None and hostile.sources[0].title == "UCDP GED 5"
    assert citation.sources[0].title == "Reuters: a headline"


# --------------------------------------------------------------------------- GDELT


@pytest.mark.parametrize("code, kind, status", [
    ("057", "agreement", "occurred"), ("042", "visit", "occurred"), ("043", "visit", "occurred"),
    ("040", "meeting", "occurred"), ("046", "meeting", "occurred"), ("036", "meeting", "planned"),
    ("031", "other", "planned"), ("051", "other", "occurred"), ("1831", "attack", "occurred"),
    ("180", "attack", "occurred"), ("193", "attack", "occurred"), ("204", "attack", "occurred"),
    ("010", "other", "occurred"), ("141", "other", "occurred"), ("99", "other", "occurred"),
])
def test_cameo_codes(code, kind, status):
    assert gdelt_type(code)[:2] == (kind, status)


def test_gdelt_events():
    events = read_events(GDELT, geocode=False)
    assert len(events) == 9 and not events.errors
    g = by_id(events, "GDELT")
    accord = g["1160000101"]
    assert (accord.event_type, accord.date, accord.date_precision) == ("agreement", "2024-06-02", "day")
    assert accord.actors == ("Pakistan", "China")
    assert (place(accord).name, place(accord).country, place(accord).lat) == ("Islamabad", "PK", 33.7215)
    assert accord.places[0].text == "Islamabad, Islamabad, Pakistan"  # as written
    assert accord.sources[0].url.startswith("https://") and accord.sources[0].published == "2024-06-02"
    assert place(g["1160000104"]).country == "CN"  # FIPS "CH" is China, not Switzerland
    assert g["1160000105"].status == "planned"
    assert (place(g["1160000106"]).kind, place(g["1160000106"]).shape) == ("country", "country:PK")
    assert g["1160000103"].subtype == "suicide bombing" and g["1160000103"].killed is None
    statement = g["1160000107"]  # SOURCEURL is a citation, not a link
    assert statement.sources[0].url is None and statement.sources[0].title == "BBC Monitoring"
    unplaced = g["1160000109"]
    assert unplaced.places == () and unplaced.event_type == "visit"
    assert [(p.line, p.field, p.level) for p in events.problems] == [(9, "ActionGeo_Type", "warning")]


def test_gdelt_bad_lines(tmp_path):
    lines = GDELT.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split("\t")
    fields[56], fields[57] = "33.7", "193.0"  # ActionGeo_Lat, ActionGeo_Long
    short = "\t".join(lines[2].split("\t")[:40])
    odd = lines[3].split("\t")
    odd[26] = "XYZ"  # EventCode
    hostile = lines[4].split("\t")
    hostile[60] = "javascript:alert(1)"  # SOURCEURL
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join([lines[0], "\t".join(fields), short, "\t".join(odd), "\t".join(hostile)]) + "\n",
                    encoding="utf-8")
    events = read_events(path, geocode=False)
    assert {(p.line, p.field) for p in events.errors} == {(2, "ActionGeo_Long"), (3, "")}
    assert "61 (GDELT 2.0)" in next(p.message for p in events.errors if p.line == 3)
    assert [(p.line, p.field) for p in events.warnings] == [(4, "EventCode"), (5, "SOURCEURL")]
    assert [e.event_type for e in events] == ["agreement", "other", "meeting"]
    assert events[2].sources[0].url is None and "javascript" not in (events[2].sources[0].title or "")


def test_gdelt_with_a_header_as_bigquery_writes_it(tmp_path):
    path = tmp_path / "bq.csv"
    path.write_text(
        "GLOBALEVENTID,SQLDATE,Actor1Name,Actor2Name,EventCode,ActionGeo_Type,ActionGeo_FullName,"
        "ActionGeo_CountryCode,ActionGeo_Lat,ActionGeo_Long,SOURCEURL\n"
        '1,20240602,PAKISTAN,CHINA,057,4,"Islamabad, Islamabad, Pakistan",PK,33.7215,73.0433,https://example.org/x\n',
        encoding="utf-8")
    (event,) = read_events(path, geocode=False)
    assert event.event_type == "agreement" and place(event).name == "Islamabad"


# --------------------------------------------------------------------------- writing ACLED


def _ours():
    isb = Place(name="Islamabad", lat=33.7215, lon=73.0433, country="PK", admin1="Islamabad", kind="city")
    kp = Place(name="Khyber Pakhtunkhwa", lat=34.5, lon=72.0, country="PK", kind="region")
    src = (Source(url="https://example.org/a", title="A report", publisher="Dawn"),)
    return [
        Event(event_type="attack", subtype="suicide bombing", date="2024-03-26", date_precision="day",
              places=(PlaceRef("Bisham", "location", Place(name="Besham", lat=34.93, lon=72.87, country="PK",
                                                           kind="city")),),
              killed=6, injured=2, actors=("TTP", "Civilians", "Engineers"), summary="A convoy was hit.", sources=src),
        Event(event_type="agreement", date="2024-06", date_precision="month", places=(PlaceRef("ISB", "venue", isb),),
              actors=("Pakistan", "China"), summary="An accord was signed.", sources=src),
        Event(event_type="other", subtype="protest", date="2024-05-08", date_precision="day",
              places=(PlaceRef("KP", "location", kp),), summary="A sit-in."),
        Event(event_type="attack", date="2023", date_precision="year", places=(PlaceRef("KP", "location", kp),),
              killed=4, summary="Deaths over the year."),
        Event(event_type="meeting", date="2024-06-05", date_precision="day", places=(PlaceRef("ISB", "venue", isb),),
              summary="Talks."),
    ]


def _acled_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_acled_codes_for_our_events():
    ours = _ours()
    assert [acled_codes(e) for e in ours] == [
        ("Explosions/Remote violence", "Suicide bomb"), ("Strategic developments", "Agreement"),
        ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack"),
        ("Strategic developments", "Other")]


def test_every_acled_subtype_writes_back_as_itself():
    from geo.interop import ACLED_SUBTYPES

    for sub, (acled_type, ours) in ACLED_SUBTYPES.items():
        written = acled_codes(Event(event_type=ours, subtype=sub))
        assert written[0] == acled_type and written[1].lower() in (sub, sub.replace("protestors", "protesters"))


@pytest.mark.parametrize("sub", ["Excessive force against protesters", "Excessive force against protestors"])
def test_acled_subtype_spellings(sub):
    event = Event(event_type="attack", subtype=sub.lower())
    assert acled_codes(event) == ("Protests", "Excessive force against protesters")


def test_acled_round_trip(tmp_path):
    ours = _ours()
    out = write_acled(ours, tmp_path / "ours.csv")
    rows = _acled_csv(out)
    assert [r["time_precision"] for r in rows] == ["1", "3", "1", "3", "1"]
    assert [r["event_date"] for r in rows][:2] == ["2024-03-26", "2024-06-15"]
    assert [r["geo_precision"] for r in rows] == ["1", "1", "3", "3", "1"]
    assert rows[0]["fatalities"] == "6" and rows[1]["fatalities"] == "0" and rows[0]["iso"] == "586"
    assert rows[0]["country"] == "Pakistan" and rows[0]["source"] == "Dawn"
    back = read_events(out, geocode=False)
    assert not back.problems
    for a, b in zip(ours, back, strict=True):
        assert (b.event_type, b.status, b.date, b.date_precision) == (a.event_type, a.status, a.date, a.date_precision)
        pa, pb = a.places[0].place, place(b)
        assert (pb.name, pb.lat, pb.lon, pb.country, pb.kind) == (pa.name, pa.lat, pa.lon, pa.country, pa.kind)
        assert (b.killed, b.injured, b.actors, b.summary) == (a.killed, a.injured, a.actors, a.summary)
    assert back[0].sources[0].url == "https://example.org/a"


def test_acled_round_trip_by_acled_codes_alone(tmp_path):
    """Without our extra columns a tool's own ACLED file reads by ACLED's codes: what they can say survives."""
    out = write_acled(_ours(), tmp_path / "ours.csv")
    rows = _acled_csv(out)
    acled_only = tmp_path / "acled_only.csv"
    with open(acled_only, "w", newline="", encoding="utf-8") as f:
        columns = [c for c in rows[0] if c in ACLED_HEADER.split(",") or c in ("assoc_actor_1", "assoc_actor_2")]
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    back = read_events(acled_only, geocode=False)
    assert not back.problems
    assert [e.event_type for e in back] == ["attack", "agreement", "other", "attack", "other"]  # meetings: no code
    assert [(e.date, e.date_precision) for e in back] == [
        ("2024-03-26", "day"), ("2024-06", "month"), ("2024-05-08", "day"), ("2023-07", "month"),  # no year code
        ("2024-06-05", "day")]
    assert [e.killed for e in back] == [6, None, None, 4, None]
    assert [place(e).name for e in back] == ["Besham", "Islamabad", "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa",
                                             "Islamabad"]
    assert [place(e).is_area for e in back] == [False, False, True, True, False]


def test_acled_dataset_survives_a_round_trip(tmp_path):
    first = read_events(ACLED, geocode=False)
    back = read_events(write_acled(first, tmp_path / "again.csv"), geocode=False)
    assert [(e.event_type, e.subtype, e.date, e.date_precision, e.killed) for e in back] == \
        [(e.event_type, e.subtype, e.date, e.date_precision, e.killed) for e in first]
    rows = _acled_csv(tmp_path / "again.csv")
    original = _acled_csv(ACLED)
    assert [r["sub_event_type"] for r in rows] == [r["sub_event_type"] for r in original]
    assert [r["event_type"] for r in rows] == [r["event_type"] for r in original]
    assert [r["event_id_cnty"] for r in rows] == [r["event_id_cnty"] for r in original]
    assert [r["time_precision"] for r in rows] == ["1", "1", "1", "1", "3", "3", "1", "1"]  # a week is written as month


def test_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(ACLED.read_bytes().replace(b"Besham,Besham", "Beshâm,Beshâm".encode("latin-1")))
    with pytest.raises(InputError, match="not UTF-8"):
        read_events(path, geocode=False)


def test_cli_extract_format_acled(tmp_path, cache_env, capsys):
    from maps.cli import main

    out = tmp_path / "acled.csv"
    assert main(["extract", str(ACLED), str(GDELT), "--format", "acled", "-o", str(out)]) == 0
    rows = _acled_csv(out)
    assert len(rows) == 17 and list(rows[0])[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert "ActionGeo_Type: no action location" in capsys.readouterr().err
    geojson = tmp_path / "x.geojson"
    assert main(["extract", str(ACLED), "--format", "acled", "-o", str(geojson)]) == 2
    assert not geojson.exists()
    assert main(["extract", str(out), "-o", str(geojson)]) == 0  # our ACLED file reads back


# --------------------------------------------------------------------------- one map


def test_mixed_inputs_on_one_map(tiny):
    inputs = [example_path(), DATA / "events_mixed.csv", ACLED, UCDP, GDELT]
    events = load_events(inputs, geocoder=tiny)
    singles = [read_events(p, geocoder=tiny) for p in inputs]
    assert len(events) == sum(len(s) for s in singles)
    assert {e.sources[0].path for e in events} == {str(p) for p in inputs}
    m = build_map(events)
    names = [g.layer_name for g in m._children.values() if isinstance(g, folium.FeatureGroup)]
    placed = [e for e in events if any(r.place for r in e.places)]
    counts = {t: sum(e.event_type == t for e in placed) for t in ("attack", "agreement", "meeting", "visit")}
    assert names[:4] == [f"Attacks ({counts['attack']})", f"Agreements ({counts['agreement']})",
                         f"Meetings ({counts['meeting']})", f"Visits ({counts['visit']})"]
    from_datasets = sum(len(s) for s in singles[2:])
    assert from_datasets == 23 and counts["attack"] >= 6 + 6 + 3
    # the GDELT visit without a location is counted in the legend as not placed, not lost
    assert len(events) - len(placed) >= 1
    assert f'"unmapped":{len(events) - len(placed)}' in render_html(m)


# --------------------------------------------------------------------------- arbitrary input

CELL = st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                         max_size=30),
                 st.sampled_from(["", "0", "1", "2", "3", "7", "1.0", "-3", "91", "-181", "nan", "inf", "26 March 2024",
                                  "2024-02-30", "31/12/2024", "Battles", "Agreement", "javascript:alert(1)",
                                  "https://example.org/x", "Pakistan", "586", "057", "1831"]))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _invariants(events):
    for e in events:
        assert e.event_type in EVENT_TYPES and e.date_precision in DATE_PRECISIONS
        assert (e.date is None) == (e.date_precision == "unknown")
        assert all(s.url is None or s.url.lower().startswith(("http://", "https://")) for s in e.sources)
        for ref in e.places:
            p = ref.place
            assert p is None or (-90 <= p.lat <= 90 and -180 <= p.lon <= 180 and (p.lat, p.lon) != (0, 0))
    assert all(p.line >= 1 for p in events.problems)


@FAST
@given(st.sampled_from(["acled", "ucdp"]), st.lists(st.lists(CELL, min_size=18, max_size=18), max_size=4))
def test_arbitrary_acled_and_ucdp_rows_never_crash(tmp_path, fmt, rows):
    header = ACLED_HEADER.split(",") if fmt == "acled" else [
        "id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates", "latitude", "longitude",
        "country", "date_prec", "date_start", "date_end", "best", "low", "high", "source_article", "adm_1", "adm_2"]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path = tmp_path / f"{fmt}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert detect_format(path) == fmt
    _invariants(read_events(path, geocode=False))


@FAST
@given(st.lists(st.lists(CELL.map(lambda v: v.replace("\t", " ").replace("\n", " ").replace("\r", " ")),
                         min_size=59, max_size=59), min_size=1, max_size=3))
def test_arbitrary_gdelt_lines_never_crash(tmp_path, rows):
    path = tmp_path / "x.export.CSV"
    path.write_text("".join("\t".join(["1", "20240602", *r]) + "\n" for r in rows), encoding="utf-8")
    assert detect_format(path) == "gdelt"
    _invariants(read_events(path, geocode=False))
