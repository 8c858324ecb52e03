"""The geocoder's contract and ranking, on a tiny fixture gazetteer."""

import geopandas
import pytest
from geopy.location import Location
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import LocalGeocoder
from geo.geocoder import place_from_location
from tests.conftest import DATA


def test_geopy_contract(tiny):
    loc = tiny.geocode("Gwadar")
    assert isinstance(loc, Location)
    assert loc.point[:2] == pytest.approx((25.1216, 62.3254))
    assert loc.raw["gazetteer_id"] == "incidentmap:pk-gwadar"
    assert set(loc.raw) >= {"query", "name", "lat", "lon", "country", "admin1", "kind",
                            "gazetteer_id", "population", "score"}
    assert tiny.geocode("Nowhere-at-all-xq") is None
    many = tiny.geocode("Paris", exactly_one=False)
    assert isinstance(many, list) and len(many) == 2
    assert [loc.raw["country"] for loc in many] == ["FR", "US"]
    assert many[0].raw["score"] > many[1].raw["score"]
    assert sum(loc.raw["score"] for loc in many) == pytest.approx(1.0, abs=0.01)


def test_alias_beats_same_name_elsewhere(tiny):
    # "Bisham" is the alias of Besham (PK, populous) and the name of a village in England
    assert tiny.geocode("Bisham").raw["country"] == "PK"
    assert tiny.geocode("Bisham", country_codes="GB").raw["gazetteer_id"] == "incidentmap:gb-bisham"


@pytest.mark.parametrize("query, expected", [
    ("Bisham, Shangla", "incidentmap:pk-besham"),
    ("Bisham, Shangla district", "incidentmap:pk-besham"),
    ("Dasu, Kohistan", "incidentmap:pk-dasu"),
    ("Paris, Texas", "incidentmap:us-paris-tx"),
    ("Paris, TX", "incidentmap:us-paris-tx"),
    ("Paris, France", "incidentmap:fr-paris"),
    ("Bisham, UK", "incidentmap:gb-bisham"),
    ("Hyderabad, Pakistan", "incidentmap:pk-hyderabad"),
])
def test_qualifiers(tiny, query, expected):
    loc = tiny.geocode(query)
    assert loc.raw["gazetteer_id"] == expected


def test_qualifier_raises_confidence(tiny):
    bare = tiny.geocode("Paris").raw
    assert bare["country"] == "FR"
    assert tiny.geocode("Paris, Texas").raw["score"] > 0.9


def test_generic_suffix_and_kind(tiny):
    loc = tiny.geocode("Shangla district")
    assert loc.raw["kind"] == "district"
    assert tiny.geocode("Gilgit Baltistan").raw["kind"] == "region"
    assert tiny.geocode("Gilgit-Baltistan").raw["gazetteer_id"] == "incidentmap:pk-gb"
    assert tiny.geocode("Gilgit").raw["kind"] == "city"


def test_kinds_filter(tiny):
    assert tiny.geocode("Kohistan", kinds=["city"]) is None
    assert tiny.geocode("Kohistan", kinds=["district"]).raw["kind"] == "district"


def test_fuzzy_fallback_for_misspellings(tiny):
    loc = tiny.geocode("Gawdar")
    assert loc.raw["name"] == "Gwadar"
    assert loc.raw["score"] < tiny.geocode("Gwadar").raw["score"]
    assert tiny.geocode("Isl") is None  # too short to guess
    assert "Gwadar (PK)" in tiny.suggest("Gwadr")


def test_reverse(tiny):
    loc = tiny.reverse((34.95, 72.85))
    assert loc.raw["name"] == "Besham"
    assert tiny.reverse((-60.0, -150.0)) is None


def test_geopandas_provider(tiny_index, monkeypatch):
    class Fixture(LocalGeocoder):
        def __init__(self, **kwargs):
            super().__init__(index=tiny_index, **kwargs)

    gdf = geopandas.tools.geocode(["Gwadar", "Dasu", "Nowhere-xq"], provider=Fixture)
    assert gdf.crs == "EPSG:4326"
    assert gdf.geometry.iloc[0].y == pytest.approx(25.1216)
    assert gdf.geometry.iloc[1].x == pytest.approx(73.2906)
    assert gdf.geometry.iloc[2] is None or gdf.geometry.iloc[2].is_empty


def test_user_layer_adds_and_overrides(tiny_index, tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text(
        "id,name,aliases,kind,feature,lat,lon,country,admin1,admin2,population,geonameid,source\n"
        "camp-x,Camp Example,Example Camp,site,camp,35.0,73.0,PK,,,,,our field notes\n"
        "gwadar-fix,Gwadar,,city,town,25.2,62.4,PK,Balochistan,,,,moved\n",
        encoding="utf-8")
    g = LocalGeocoder(index=tiny_index, gazetteer=[user])
    assert g.geocode("Example Camp").raw["gazetteer_id"] == "user:camp-x"
    # a user place outranks a built-in one of the same name
    assert g.geocode("Gwadar").point[:2] == pytest.approx((25.2, 62.4))


def test_place_from_location(tiny):
    place = place_from_location(tiny.geocode("Shangla"))
    assert place.kind == "district" and place.is_area
    assert place.__geo_interface__ == {"type": "Point", "coordinates": [place.lon, place.lat]}


NAMES = [line.split(",")[1] for line in (DATA / "tiny_gazetteer.csv").read_text().splitlines()[1:]]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.text(max_size=12)), max_size=20),
       st.sampled_from([None, "PK", ["US", "FR"]]))
def test_batch_path_matches_single_lookups(tiny, names, codes):
    """The set-based batch answer equals the one-at-a-time answer, name by name."""
    batch = tiny.geocode_many(names, country_codes=codes)
    fresh = LocalGeocoder(index=tiny._index_path)
    for name, got in zip(names, batch, strict=True):
        ranked = fresh.candidates(name, country_codes=codes) if name.strip() else []
        want = ranked[0] if ranked else None
        assert (got is None) == (want is None)
        if got is not None:
            assert got[0].gid == want[0].gid
            assert got[1] == pytest.approx(want[1], abs=0.01)


@pytest.mark.slow
def test_qualifier_that_is_another_name_of_the_place(world):
    # "D.C." names Washington itself; it must not send the head to a Washington in Utah
    assert world.geocode("Washington, D.C.").raw["admin1"] == "District of Columbia"


@pytest.mark.slow
def test_common_country_names(world):
    assert world.geocode("Holland").raw["country"] == "NL"


@pytest.mark.slow
def test_areas_sit_at_geonames_points_and_keep_their_outline(world):
    # GeoNames' own points, not the centre of the polygon (Russia's is 190 km away)
    russia = world.geocode("Russia").raw
    assert (russia["lat"], russia["lon"], russia["shape"]) == (60.0, 100.0, "country:RU")
    us = world.geocode("United States").raw
    assert (round(us["lat"], 2), us["lon"]) == (39.76, -98.5)
    texas = world.geocode("Texas").raw
    assert (round(texas["lat"], 2), round(texas["lon"], 2), texas["shape"]) == (31.25, -99.25, "admin1:US-TX")
    # an island state's point may lie in the sea between its islands
    maldives = world.geocode("Maldives").raw
    assert (maldives["lat"], maldives["lon"]) == (3.2, 73.0)
