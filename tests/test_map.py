"""The map as objects first, then as HTML."""

import re

import folium
import pytest

from geo import read_events
from maps import build_map, render_html, save_html
from maps.build import script_json
from tests.conftest import DATA
from tests.hostile import PAYLOADS, hostile_table


@pytest.fixture()
def events(tiny):
    return read_events(DATA / "events_mixed.csv", geocoder=tiny)


def test_one_layer_per_event_type(events):
    m = build_map(events)
    groups = [c for c in m._children.values() if isinstance(c, folium.FeatureGroup)]
    names = [g.layer_name for g in groups]
    assert names[:4] == ["Attacks (2)", "Agreements (1)", "Meetings (1)", "Visits (0)"]
    assert any(isinstance(c, folium.LayerControl) for c in m._children.values())


def test_build_map_composes_with_a_users_map(events):
    mine = folium.Map(location=(0, 0), zoom_start=2, tiles=None)
    folium.CircleMarker((1, 1), radius=3).add_to(mine)
    assert build_map(events, m=mine) is mine
    html = render_html(mine)
    assert "incidentmap.addEvents(" in html


def test_same_input_same_bytes(events, tmp_path):
    a = save_html(build_map(events, title="T"), tmp_path / "a.html").read_bytes()
    b = save_html(build_map(events, title="T"), tmp_path / "b.html").read_bytes()
    assert a == b
    assert not re.search(rb"[0-9a-f]{32}", a), "random ids leaked into the page"


def test_self_contained_by_default(events):
    html = render_html(build_map(events, tiles=None))
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=\"http", html)
    assert "L.Map" in html or "L.map" in html  # Leaflet itself is inlined
    cdn = render_html(build_map(events, tiles=None), cdn=True)
    assert re.search(r'<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3', cdn)
    assert len(cdn) < len(html) - 100_000


def test_geonames_credit_on_the_map(events):
    html = render_html(build_map(events))
    assert "GeoNames" in html and "CC BY 4.0" in html
    assert "OpenWeather, CC BY-SA 4.0" in html  # the source of the area points (share-alike)


def test_bounds_fit_the_data(events):
    html = render_html(build_map(events))
    bounds = re.search(r"fitBounds\(\s*\[\[([-\d.]+),\s*([-\d.]+)\],\s*\[([-\d.]+),\s*([-\d.]+)\]\]", html)
    south, west, north, east = map(float, bounds.groups())
    lats = [e.places[0].place.lat for e in events if e.places[0].place]
    assert south <= min(lats) and north >= max(lats)


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><script>x</script>", "b": "\u2028", "c": "&<>"})
    assert "<" not in text and ">" not in text and "\u2028" not in text and "&" not in text


def test_hostile_text_never_reaches_html_raw(tmp_path, tiny):
    events = read_events(hostile_table(tmp_path / "h.csv"), geocoder=tiny)
    assert len(events) == len(PAYLOADS)
    html = render_html(build_map(events, title=PAYLOADS[1]))
    for p in PAYLOADS:
        if any(ch in p for ch in "<>&"):
            assert p not in html
    # Jinja syntax in data is never evaluated (branca compiles rendered macros as templates)
    assert "{{ 7*7 }}" not in html and "49" not in re.findall(r"\{\{[^}]*\}\}", html)
    assert "\\u007b{ 7*7 }}" in html
    # outside the one JSON call, no payload fragment appears
    body = re.sub(r"incidentmap\.addEvents\(.*?\);", "", html, flags=re.S)
    assert "__pwned" not in body
    # links that are not http(s) were dropped when the table was read
    assert "javascript:window" not in html and "data:text/html" not in html


def test_notebook_view_is_self_contained(events):
    html = build_map(events, tiles=None)._repr_html_()
    assert html.startswith("<iframe srcdoc=")
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html
    assert "incidentmap.addEvents(" in html


def test_counts_are_events_and_links_join_an_events_places(world):
    from geo.extract import Extractor
    from geo.geoparse import Geoparser
    from geo.reports import parse_report_text

    report = parse_report_text("Pakistan and China agreed in Islamabad on Monday to hold joint exercises "
                               "in Gilgit-Baltistan or Xinjiang.", published="2024-03-27")
    events = Extractor(Geoparser(world)).extract(report)
    agreement = [e for e in events if e.event_type == "agreement"]
    assert len(agreement) == 1 and len(agreement[0].places) == 3
    m = build_map(agreement)
    names = [g.layer_name for g in m._children.values() if isinstance(g, folium.FeatureGroup)]
    assert "Agreements (1)" in names and "Links between an event's places" in names
    html = render_html(m)
    assert '"alternative"' in html and '"venue"' in html


def test_only_the_areas_a_map_uses_go_into_it(tiny, world_index):
    from geo import LocalGeocoder
    from geo.records import Event, Place, PlaceRef

    world = LocalGeocoder(index=world_index)
    gb = world.geocode("Gilgit-Baltistan").raw
    assert gb["shape"] == "admin1:PK-GB"
    place = Place(name=gb["name"], lat=gb["lat"], lon=gb["lon"], country="PK", kind="region",
                  gazetteer_id=gb["gazetteer_id"], shape=gb["shape"])
    m = build_map([Event(event_type="agreement", date="2024-03", places=(PlaceRef("GB", "venue", place),))])
    html = render_html(m)
    assert '"admin1:PK-GB":{' in html and "admin1:PK-KP" not in html
    assert len(html) < 1_500_000  # no basemap unless offline
    offline = render_html(build_map([Event(event_type="agreement", places=(PlaceRef("GB", "venue", place),))],
                                    offline=True))
    assert '"basemap":{"features"' in offline and "tile.openstreetmap" not in offline


def test_golden_page_for_a_small_input(tmp_path, tiny, monkeypatch):
    """The whole page for a fixed input is byte-for-byte what it was: ids, order, escaping."""
    import hashlib

    monkeypatch.chdir(DATA)  # sources are shown by path: a relative one keeps the page the same anywhere
    events = read_events("events_mixed.csv", geocoder=tiny)
    a = render_html(build_map(events, title="Golden", tiles=None))
    b = render_html(build_map(read_events("events_mixed.csv", geocoder=tiny), title="Golden", tiles=None))
    assert a == b
    ids = re.findall(r'id="(map_[0-9a-f]+)"', a)
    assert len(ids) == 1 and ids[0].endswith("0001")
    # The digest changes only when the page does; regenerate it deliberately with
    # INCIDENTMAP_UPDATE_GOLDEN=1 after reviewing the change. It is kept per folium version.
    import os

    digest = hashlib.sha256(a.encode("utf-8")).hexdigest()
    golden = DATA / f"golden_map.folium-{folium.__version__}.sha256"
    if os.environ.get("INCIDENTMAP_UPDATE_GOLDEN"):
        golden.write_text(digest + "\n")
    if not golden.exists():
        known = sorted(p.name for p in DATA.glob("golden_map.folium-*.sha256"))
        if known:
            pytest.skip(f"no golden page for folium {folium.__version__} (have: {', '.join(known)})")
        pytest.fail("no golden page digest: review the page, then run with INCIDENTMAP_UPDATE_GOLDEN=1")
    assert digest == golden.read_text().strip(), "the rendered page changed: review it, then update the golden"
