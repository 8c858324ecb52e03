"""The demo map in a real headless Chromium: it renders, layers toggle, nothing hostile runs."""

import base64
import re

import pytest

from maps.build import EVENT_STYLES
from maps.cli import main
from tests.conftest import DATA, chromium_or_skip
from tests.hostile import PAYLOADS, hostile_table

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("cache_env")]

ATTACKS_LABEL = re.compile(r"^\s*Attacks \(")
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    exe = chromium_or_skip()
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


def open_map(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.errors, page.external, page.dialogs = [], [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("http://", "https://")):
            page.external.append(r.request.url)  # tiles: answered locally, never fetched
            r.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        else:
            r.continue_()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector(".folium-map[data-im-ready='1']", timeout=15000)
    return page


def visible_markers(page, color=None) -> int:
    return page.evaluate("""(color) => { const m = window[document.querySelector('.folium-map').id];
        let n = 0; m.eachLayer(l => { if (l instanceof L.CircleMarker
            && (!color || l.options.fillColor === color)) n++; }); return n; }""", color)


def test_demo_map_renders_and_layers_toggle(browser, tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path)]) == 0
    page = open_map(browser, tmp_path / "map.html")
    assert page.errors == []
    total = visible_markers(page)
    assert total == int(page.get_attribute(".folium-map", "data-im-markers")) > 20
    assert all(u.startswith("https://tile.openstreetmap.org/") for u in page.external)
    # one checkbox per layer; unticking Attacks hides exactly the attack markers
    attack_markers = visible_markers(page, EVENT_STYLES["attack"].color)
    assert attack_markers > 0
    attacks = page.locator(".leaflet-control-layers-overlays label", has_text=ATTACKS_LABEL)
    attacks.locator("input").uncheck()
    assert visible_markers(page) == total - attack_markers
    assert visible_markers(page, EVENT_STYLES["attack"].color) == 0
    attacks.locator("input").check()
    assert visible_markers(page) == total
    page.screenshot(path=str(tmp_path / "demo.png"))
    assert page.errors == []


def test_events_at_one_place_share_a_marker_that_lists_them(browser, tmp_path, tiny_index):
    table = tmp_path / "same.csv"
    table.write_text("date,type,place,lat,lon,summary\n" + "".join(
        f"2024-01-{d:02d},meeting,Somewhere,33.7,73.0,Meeting number {d}\n" for d in range(1, 6))
        + "2024-02-01,attack,Somewhere,33.7,73.0,An attack there\n", encoding="utf-8")
    out = tmp_path / "same.html"
    assert main(["map", str(table), "-o", str(out), "--tiles", "none"]) == 0
    page = open_map(browser, out)
    assert visible_markers(page) == 2
    text = page.evaluate("""(color) => { const m = window[document.querySelector('.folium-map').id];
        let big = null; m.eachLayer(l => { if (l instanceof L.CircleMarker
            && l.options.fillColor === color) big = l; });
        big.openPopup(); return big.getPopup().getElement().innerText; }""", EVENT_STYLES["meeting"].color)
    assert "5 meetings at Somewhere" in text
    assert all(f"Meeting number {d}" in text for d in range(1, 6))
    assert page.errors == []


def test_hostile_table_shows_text_and_runs_nothing(browser, tmp_path, capsys):
    table = hostile_table(tmp_path / "hostile.csv")
    out = tmp_path / "hostile.html"
    main(["map", str(table), "-o", str(out), "--title", PAYLOADS[0], "--tiles", "none"])
    page = open_map(browser, out)
    texts = []
    n = visible_markers(page)
    assert n == len(PAYLOADS)
    for i in range(n):
        text, hrefs = page.evaluate("""(i) => { const m = window[document.querySelector('.folium-map').id];
            const ls = []; m.eachLayer(l => { if (l instanceof L.CircleMarker) ls.push(l); });
            ls[i].openPopup();
            const box = ls[i].getPopup().getElement().querySelector('.leaflet-popup-content');
            return [box.innerText, Array.from(box.querySelectorAll('a')).map(a => a.href)]; }""", i)
        texts.append(text)
        assert all(h.startswith("https://") for h in hrefs)
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []
    assert page.locator(".im-title").inner_text() == PAYLOADS[0]
    joined = "\n".join(texts)
    for p in PAYLOADS:
        visible = " ".join(p.replace("\u2028", " ").replace("\u2029", " ").split())
        assert visible.split()[0] in joined


def test_png_export(tmp_path, capsys):
    chromium_or_skip()
    import struct

    png = tmp_path / "map.png"
    from geo.tables import example_path

    code = main(["map", str(example_path()), "-o", str(tmp_path / "m.html"), "--png", str(png),
                 "--size", "800x500", "--tiles", "none"])
    assert code == 0
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1600, 1000)  # 2x pixel density


def test_png_without_chromium_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("INCIDENTMAP_CHROMIUM", str(tmp_path / "no-such-chromium"))
    from geo.tables import example_path

    code = main(["map", str(example_path()), "-o", str(tmp_path / "m.html"), "--png", str(tmp_path / "m.png")])
    err = capsys.readouterr().err
    assert code == 7 and "INCIDENTMAP_CHROMIUM" in err
    assert (tmp_path / "m.html").exists() and not (tmp_path / "m.png").exists()


def test_two_fragments_on_one_page(browser, tmp_path, capsys):
    from geo.tables import example_path

    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["map", str(example_path()), "-o", str(a), "--fragment", "--tiles", "none", "--title", "A"]) == 0
    main(["map", str(DATA / "events_mixed.csv"), "-o", str(b), "--fragment", "--tiles", "none", "--title", "B"])
    for f in (a, b):
        text = f.read_text(encoding="utf-8")
        assert text.startswith('<div class="incidentmap-fragment"') and "<html" not in text
        assert "html, body" not in text
    host = tmp_path / "host.html"
    host.write_text("<!doctype html><html><head><meta charset='utf-8'></head><body><h1>Report</h1>"
                    + a.read_text(encoding="utf-8") + "<p>between</p>" + b.read_text(encoding="utf-8")
                    + "</body></html>", encoding="utf-8")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(host.as_uri())
    page.wait_for_function("document.querySelectorAll(\".folium-map[data-im-ready='1']\").length === 2")
    ids = page.eval_on_selector_all(".folium-map", "ms => ms.map(m => m.id)")
    assert len(set(ids)) == 2 and errors == []
    assert page.eval_on_selector_all(".im-title", "ts => ts.map(t => t.textContent)") == ["A", "B"]


def test_date_filter_and_play(browser, tmp_path, capsys):
    table = tmp_path / "dated.csv"
    table.write_text("date,type,place,lat,lon,summary\n"
                     "2021-07-14,attack,A,33.0,70.0,early\n"
                     "2024-03,attack,B,34.0,71.0,a month\n"
                     "2024-03-26,meeting,C,35.0,72.0,late\n"
                     ",visit,D,36.0,73.0,undated\n", encoding="utf-8")
    out = tmp_path / "dated.html"
    assert main(["map", str(table), "-o", str(out), "--tiles", "none"]) == 0
    page = open_map(browser, out)
    assert visible_markers(page) == 4
    assert page.locator(".im-time-label").inner_text() == "2021-07-14 – 2024-03-31"

    def set_range(a, b):
        page.evaluate("""([a, b]) => { const [f, t] = document.querySelectorAll('.im-time input');
            const day = s => Math.floor(Date.parse(s) / 864e5);
            f.value = day(a); t.value = day(b); t.dispatchEvent(new Event('input')); }""", [a, b])

    set_range("2024-03-10", "2024-03-12")  # inside March 2024: the month-precision event shows
    assert visible_markers(page) == 2  # B (the whole month) and D (undated)
    set_range("2021-01-01", "2021-12-31")
    assert visible_markers(page) == 2  # A and D
    page.click(".im-play")
    page.wait_for_timeout(600)
    assert "Pause" in page.locator(".im-play").inner_text()
    assert page.errors == []


def test_hostile_report_shows_text_and_runs_nothing(browser, tmp_path, capsys):
    report = tmp_path / "hostile.txt"
    report.write_text(
        f"title: {PAYLOADS[0]} {PAYLOADS[1]}\nurl: javascript:window.__pwned=9\npublisher: {PAYLOADS[3]}\n"
        f"published: 2024-03-27\n\nQUETTA - A bomb exploded near a market in Quetta on Tuesday, killing "
        f"four people {PAYLOADS[2]} {PAYLOADS[4]} {PAYLOADS[5]}, police said.\n", encoding="utf-8")
    out = tmp_path / "hostile-report.html"
    main(["map", str(report), "-o", str(out), "--tiles", "none", "--title", PAYLOADS[6]])
    page = open_map(browser, out)
    assert visible_markers(page) == 1
    text = page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        let one = null; m.eachLayer(l => { if (l instanceof L.CircleMarker) one = l; });
        one.openPopup(); return one.getPopup().getElement().innerText; }""")
    assert "onerror" in text and "</script>" in text and "${window.__pwned=5}" in text
    assert page.eval_on_selector_all(".leaflet-popup-content a", "as => as.length") == 0  # javascript: dropped
    assert page.evaluate("window.__pwned") is None and page.dialogs == [] and page.errors == []


def test_offline_page_makes_no_request_and_draws_areas(browser, tmp_path, capsys):
    table = tmp_path / "areas.csv"
    table.write_text("date,type,place,country,summary\n2024-03-27,agreement,Gilgit-Baltistan,PK,An area\n"
                     "2024-03-26,attack,Besham,PK,A town\n", encoding="utf-8")
    out = tmp_path / "offline.html"
    assert main(["map", str(table), "-o", str(out), "--offline"]) == 0
    page = browser.new_page()
    requests, errors = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(out.as_uri())
    page.wait_for_selector(".folium-map[data-im-ready='1']")
    page.wait_for_timeout(300)
    assert requests == [] and errors == []
    # the area is a polygon layer beside its marker; the basemap is drawn in its own pane
    polygons = page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        let n = 0; m.eachLayer(l => { if (l instanceof L.Polygon && l.options.dashArray) n++; }); return n; }""")
    assert polygons >= 1
    assert page.evaluate("!!document.querySelector('.leaflet-im-basemap-pane canvas')")


def test_big_map_draws_on_canvas_with_layers_popups_and_dates(browser, tmp_path, capsys):
    import random

    from maps.build import BIG_MAP

    rng = random.Random(1)
    rows = ["date,type,place,lat,lon,killed,summary"]
    for i in range(BIG_MAP + 500):
        kind = "attack" if i % 2 else "meeting"
        year = 2020 if i % 3 else 2023
        rows.append(f"{year}-0{1 + i % 9}-1{i % 9},{kind},P{i},{rng.uniform(25, 36):.4f},{rng.uniform(62, 75):.4f},"
                    f"{i % 7},Summary {i} <b>not bold</b>")
    table = tmp_path / "big.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "big.html"
    assert main(["map", str(table), "-o", str(out), "--tiles", "none"]) == 0
    page = open_map(browser, out)
    # Leaflet ignores zoom changes while the initial fit-to-bounds animation runs
    page.wait_for_function("!window[document.querySelector('.folium-map').id]._animatingZoom")
    assert page.errors == []
    assert visible_markers(page) == 0  # no Leaflet object per point: one canvas per type
    drawn = int(page.get_attribute(".folium-map", "data-im-drawn-attack"))
    assert drawn > 1000
    # in this view the points are counted per cell; clicking a bubble zooms in
    zoom = page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        let layer = null; m.eachLayer(l => { if (l._cells && !layer) layer = l; });
        const before = m.getZoom(), bubbles = layer._cells.length;
        const c = layer._cells.reduce((a, b) => a.n > b.n ? a : b);
        m.fire('click', {containerPoint: L.point(c.x, c.y), latlng: m.containerPointToLatLng([c.x, c.y])});
        return [before, m.getZoom(), bubbles]; }""")
    assert zoom[1] == zoom[0] + 2 and zoom[2] > 10
    # closer in, single points: clicking one opens its popup, built then, with the text as text
    page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        m.setView([30.5, 68.5], 9, {animate: false}); }""")
    opened = page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        let layer = null; m.eachLayer(l => { if (l._items && !layer) layer = l; });
        const item = layer._items.find(i => i.x !== null && i.x !== undefined);
        m.fire('click', {containerPoint: L.point(item.x, item.y), latlng: L.latLng(item.lat, item.lon)});
        const box = document.querySelector('.leaflet-popup-content'); return box ? box.innerText : ''; }""")
    assert "Summary" in opened and "<b>not bold</b>" in opened
    # unticking a layer removes its canvas; the date filter hides points
    page.locator(".leaflet-control-layers-overlays label", has_text=ATTACKS_LABEL).locator("input").uncheck()
    assert page.evaluate("document.querySelectorAll('canvas.im-points').length") == 1
    page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        m.setView([30.5, 68.5], 5, {animate: false}); }""")
    before = int(page.get_attribute(".folium-map", "data-im-drawn-meeting"))
    page.evaluate("""() => { const [f, t] = document.querySelectorAll('.im-time input');
        const day = s => Math.floor(Date.parse(s) / 864e5);
        f.value = day('2023-01-01'); t.value = day('2023-12-31'); t.dispatchEvent(new Event('input')); }""")
    shown = int(page.get_attribute(".folium-map", "data-im-drawn-meeting"))
    assert 0 < shown < before
    assert page.errors == []


def test_heat_layer_of_attacks_toggles(browser, tmp_path, capsys):
    from geo.tables import example_path

    out = tmp_path / "heat.html"
    assert main(["map", str(example_path()), "-o", str(out), "--tiles", "none"]) == 0
    page = open_map(browser, out)
    assert page.evaluate("document.querySelectorAll('canvas.im-heat').length") == 0  # off by default
    page.locator(".leaflet-control-layers-overlays label", has_text="Heat of attacks").locator("input").check()
    assert page.evaluate("document.querySelectorAll('canvas.im-heat').length") == 1
    painted = page.evaluate("""() => { const c = document.querySelector('canvas.im-heat');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
    assert painted > 100 and page.errors == []
    # a date range without attacks leaves the heat layer empty
    page.evaluate("""() => { const [f, t] = document.querySelectorAll('.im-time input');
        const day = s => Math.floor(Date.parse(s) / 864e5);
        f.value = day('2013-02-18'); t.value = day('2013-02-19'); t.dispatchEvent(new Event('input')); }""")
    empty = page.evaluate("""() => { const c = document.querySelector('canvas.im-heat');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
    assert empty == 0


def test_hostile_gazetteer_names_show_as_text_and_run_nothing(browser, tmp_path, capsys):
    import csv

    gazetteer = tmp_path / "hostile-places.csv"
    with open(gazetteer, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "aliases", "kind", "feature", "lat", "lon", "country", "admin1", "admin2",
                    "population", "geonameid", "source"])
        for i, p in enumerate(PAYLOADS):
            w.writerow([f"h{i}", p, f"Hostile Place {i}", "site", p, 31 + i * 0.2, 66 + i * 0.2, "PK", p, p, "",
                        "", p])
    table = tmp_path / "uses-them.csv"
    table.write_text("date,type,place,country,summary\n" + "".join(
        f"2024-02-{i + 1:02d},attack,Hostile Place {i},PK,Row {i}\n" for i in range(len(PAYLOADS))),
        encoding="utf-8")
    out = tmp_path / "hostile-gazetteer.html"
    assert main(["map", str(table), "-o", str(out), "--tiles", "none", "--gazetteer", str(gazetteer)]) == 0
    page = open_map(browser, out)
    assert visible_markers(page) == len(PAYLOADS)
    page.focus(".im-search input")  # fills the place suggestions from the gazetteer's names
    options = page.eval_on_selector_all(".im-search datalist option", "os => os.map(o => o.value)")
    assert sorted(options) == sorted(PAYLOADS)
    texts = page.evaluate("""() => { const m = window[document.querySelector('.folium-map').id];
        const out = []; m.eachLayer(l => { if (l instanceof L.CircleMarker) { l.openPopup();
            out.push(l.getPopup().getElement().innerText); } }); return out.join('\\n'); }""")
    for p in PAYLOADS:
        assert p.split()[0] in texts
    assert page.evaluate("window.__pwned") is None and page.dialogs == [] and page.errors == []
