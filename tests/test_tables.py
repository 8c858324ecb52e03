import json

import pytest

from geo import InputError, read_events, write_events
from geo.dates import parse_date
from geo.frame import to_geodataframe
from tests.conftest import DATA


@pytest.fixture()
def mixed(tiny):
    return read_events(DATA / "events_mixed.csv", geocoder=tiny)


def test_good_rows_kept_bad_rows_reported(mixed):
    path = str(DATA / "events_mixed.csv")
    errors = {(p.line, p.field) for p in mixed.errors}
    # line numbers are the file's own, counting the quoted newline in row 2
    assert errors == {(6, "date"), (7, "type"), (9, "lat"), (11, "killed")}
    assert all(p.path == path for p in mixed.problems)
    messages = {p.field: p.message for p in mixed.errors}
    assert "not a real date" in messages["date"]
    assert "parade" in messages["type"]
    assert "swapped" in messages["lat"]
    assert len(mixed) == 5


def test_places_resolved_in_context(mixed):
    by_place = {e.places[0].text: e.places[0].place for e in mixed}
    assert by_place["Bisham, Shangla district"].gazetteer_id == "incidentmap:pk-besham"
    assert by_place["Dasu, Kohistan"].gazetteer_id == "incidentmap:pk-dasu"
    assert by_place["Islamabad"].country == "PK"


def test_unresolved_place_kept_without_coordinates(mixed):
    atlantis = [e for e in mixed if e.places[0].text == "Atlantis"]
    assert len(atlantis) == 1 and atlantis[0].places[0].place is None
    warning = [p for p in mixed.warnings if p.field == "place"]
    assert len(warning) == 1 and "'Atlantis' not found" in warning[0].message
    feature = atlantis[0].features()[0]
    assert feature["geometry"] is None


def test_values_parsed(mixed):
    besham = next(e for e in mixed if e.killed == 6)
    assert besham.date == "2024-03-26" and besham.date_precision == "day"
    assert besham.sources[0].url == "https://example.org/besham"
    meeting = next(e for e in mixed if e.event_type == "meeting")
    assert meeting.date == "2024-05" and meeting.date_precision == "month"
    assert meeting.actors == ("Pakistan", "China")
    dasu = next(e for e in mixed if e.killed == 13)
    assert "\n" in dasu.summary


def test_non_http_link_dropped_with_warning(mixed):
    gwadar = next(e for e in mixed if e.places[0].text == "Gwadar")
    assert gwadar.sources[0].url is None
    assert any(p.field == "source_url" and "javascript:" in p.message for p in mixed.warnings)


def test_strict_raises_listing_every_bad_row(tiny):
    with pytest.raises(InputError) as info:
        read_events(DATA / "events_mixed.csv", geocoder=tiny, strict=True)
    text = str(info.value)
    for line in (6, 7, 9, 11):
        assert f"events_mixed.csv:{line}:" in text


def test_semicolons_bom_and_synonyms(tmp_path, tiny):
    path = tmp_path / "semi.csv"
    path.write_bytes("\ufeffEvent_Date;Event_Type;Location;Latitude;Longitude;Fatalities\n"
                     "2024-01-02;Attack;Somewhere;34,5;72,1;3\n".encode("utf-8"))
    events = read_events(path, geocoder=tiny)
    assert not events.problems
    (e,) = events
    assert (e.places[0].place.lat, e.places[0].place.lon) == (34.5, 72.1)
    assert e.killed == 3 and e.event_type == "attack"


def test_missing_columns_and_bad_files(tmp_path, tiny):
    path = tmp_path / "cols.csv"
    path.write_text("date,summary\n2024-01-01,x\n")
    with pytest.raises(InputError, match=r"cols.csv:1: missing required column\(s\): type"):
        read_events(path, geocoder=tiny)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty file"):
        read_events(empty, geocoder=tiny)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01\x02")
    with pytest.raises(InputError, match="bin.csv"):
        read_events(binary, geocoder=tiny)
    with pytest.raises(InputError, match="no such file"):
        read_events(tmp_path / "missing.csv", geocoder=tiny)


def test_geojson_round_trip(tmp_path, mixed, tiny):
    out = write_events(mixed, tmp_path / "events.geojson")
    doc = json.loads(out.read_text())
    assert len(doc["features"]) == len(mixed)
    again = read_events(out, geocoder=tiny)
    assert not again.errors
    assert [(e.event_type, e.date, e.killed) for e in again] == \
        [(e.event_type, e.date, e.killed) for e in mixed]
    located = [e for e in again if e.places[0].place]
    assert len(located) == len(mixed) - 1


def test_exports_are_deterministic_and_complete(tmp_path, mixed):
    for suffix in (".geojson", ".csv", ".gpkg"):
        a = write_events(mixed, tmp_path / f"a{suffix}")
        b = write_events(mixed, tmp_path / f"b{suffix}")
        assert a.read_bytes() == b.read_bytes()  # GeoPackage too: stamped with the latest event date
    gdf = to_geodataframe(mixed)
    assert len(gdf) == len(mixed) and gdf.geometry.isna().sum() == 1
    import geopandas

    back = geopandas.read_file(tmp_path / "a.gpkg")
    assert len(back) == len(mixed)
    assert not list(tmp_path.glob(".*tmp*"))


@pytest.mark.parametrize("text, expected", [
    ("2024-03-26", ("2024-03-26", "day")), ("2024/3/6", ("2024-03-06", "day")),
    ("2024-03", ("2024-03", "month")), ("2024", ("2024", "year")),
    ("26 March 2024", ("2024-03-26", "day")), ("March 26, 2024", ("2024-03-26", "day")),
    ("Sept 2021", ("2021-09", "month")), ("2024-03-26T08:00:00Z", ("2024-03-26", "day")),
    ("", (None, "unknown")),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "2024-02-30", "03/04/2024", "yesterday", "0999"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_an_area_contains_its_places_only_in_its_own_country():
    from geo.records import Place

    punjab_pk = Place("Punjab", 31.2, 72.7, country="PK", kind="region")
    lahore = Place("Lahore", 31.56, 74.35, country="PK", admin1="Punjab", kind="city")
    amritsar = Place("Amritsar", 31.63, 74.87, country="IN", admin1="Punjab", kind="city")
    pakistan = Place("Pakistan", 30.0, 69.3, country="PK", kind="country")
    assert punjab_pk.contains(lahore) and pakistan.contains(lahore) and pakistan.contains(punjab_pk)
    assert not punjab_pk.contains(amritsar)  # a namesake province across the border
    assert not lahore.contains(punjab_pk) and not lahore.contains(lahore)  # a city holds nothing
