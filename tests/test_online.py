"""The opt-in online fallback, with a stub in place of Nominatim: no network."""

from geopy.location import Location

from geo import LocalGeocoder
from geo.online import CachedGeocoder


class Stub:
    def __init__(self):
        self.calls = []

    def geocode(self, query, exactly_one=True, **kwargs):
        self.calls.append(query)
        if query == "Nowhere":
            return None
        return Location("Somewhere, Elsewhere", (12.5, 45.25), {"osm_id": 42, "display_name": query})

    def reverse(self, query, exactly_one=True, **kwargs):
        return None


def test_cache_asks_once_and_survives_restarts(tmp_path):
    stub = Stub()
    g = CachedGeocoder(stub, tmp_path / "cache.sqlite", min_delay_seconds=0)
    first = g.geocode("Far Place")
    assert first.point[:2] == (12.5, 45.25)
    assert g.geocode("Far Place").raw["osm_id"] == 42
    assert g.geocode("Nowhere") is None and g.geocode("Nowhere") is None
    assert stub.calls == ["Far Place", "Nowhere"]
    again = CachedGeocoder(Stub(), tmp_path / "cache.sqlite", min_delay_seconds=0)
    assert again.geocode("Far Place").address == "Somewhere, Elsewhere"


def test_local_first_online_only_for_misses(tiny_index, tmp_path):
    stub = Stub()
    g = LocalGeocoder(index=tiny_index, online=CachedGeocoder(stub, tmp_path / "c.sqlite",
                                                              min_delay_seconds=0))
    assert g.geocode("Gwadar").raw["country"] == "PK"
    assert stub.calls == []
    assert g.geocode("Qqq Unknown Town").latitude == 12.5
    assert stub.calls == ["Qqq Unknown Town"]


def test_no_online_by_default(tiny_index):
    assert LocalGeocoder(index=tiny_index)._online is None
