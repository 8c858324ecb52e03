"""Benchmark: a map of many events (default 100,000) beside folium's FastMarkerCluster.

Usage::

    python tests/benchmarks/bench_map.py [--events 100000]

Events are generated with a fixed seed over Pakistan and Afghanistan, with dates, types,
casualties, short summaries and sources drawn from pools (as in a real event table, where
places and outlets repeat). For our map: Python build time (events to page text), page
size, and load-to-ready in headless Chromium (until the page marks itself ready, popups and
layers and the date filter wired); then the same for FastMarkerCluster with the same points
(no popups, no layers), both self-contained. Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path


def generate(n: int, seed: int = 0):
    from geo.records import Event, Place, PlaceRef, Source

    rng = random.Random(seed)
    places = [Place(name=f"Place {i}", lat=round(rng.uniform(24.5, 37.0), 4), lon=round(rng.uniform(61.0, 75.5), 4),
                    country="PK", kind="city", gazetteer_id=f"synthetic:{i}") for i in range(20_000)]
    sources = [Source(url=f"https://example.com/report/{i}", title=f"Report {i}", publisher="Example Wire")
               for i in range(2_000)]
    types = ["attack", "attack", "meeting", "visit", "agreement", "other"]
    out = []
    for i in range(n):
        p = rng.choice(places)
        kind = rng.choice(types)
        killed = rng.randint(0, 25) if kind == "attack" else None
        out.append(Event(event_type=kind, date=f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                         date_precision="day", places=(PlaceRef(p.name, "location", p),), killed=killed,
                         summary=f"{kind.title()} near {p.name}" + (f", {killed} killed" if killed else ""),
                         sources=(rng.choice(sources),), event_id=f"e{i}"))
    return out


def load_seconds(path: Path, ready_js: str) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=300_000)
        page.wait_for_function(ready_js, timeout=300_000, polling=50)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()

    import folium
    from folium.plugins import FastMarkerCluster

    from maps.build import build_map
    from maps.export import render_html

    events = generate(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        html = render_html(build_map(events, tiles=None))
        build = time.perf_counter() - start
        ours = Path(tmp) / "ours.html"
        ours.write_text(html, encoding="utf-8")
        ours_load = load_seconds(ours, "document.querySelector(\".folium-map[data-im-ready='1']\") !== null")

        start = time.perf_counter()
        m = folium.Map(location=(30, 69), zoom_start=5, tiles=None, maxZoom=18)
        # plain Leaflet markers: the default callback needs the awesome-markers plugin, which
        # has no offline copy
        FastMarkerCluster([(e.places[0].place.lat, e.places[0].place.lon) for e in events],
                          callback="function (row) { return L.marker(new L.LatLng(row[0], row[1])); }").add_to(m)
        fast_html = render_html(m)
        fast_build = time.perf_counter() - start
        fast = Path(tmp) / "fast.html"
        fast.write_text(fast_html, encoding="utf-8")
        fast_load = load_seconds(fast, "document.querySelectorAll('.marker-cluster').length > 0")

    print(f"{args.events} events")
    print(f"  incidentmap       build {build:5.1f} s   page {len(html) / 1e6:5.1f} MB   ready {ours_load:5.1f} s")
    print(f"  FastMarkerCluster build {fast_build:5.1f} s   page {len(fast_html) / 1e6:5.1f} MB   ready {fast_load:5.1f} s"
          "   (no popups, no layers)")


if __name__ == "__main__":
    main()
