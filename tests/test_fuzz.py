"""Arbitrary input never crashes the readers and parsers, and their invariants hold."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import InputError
from geo.dates import find_dates, parse_date
from geo.reports import parse_report_text
from geo.tables import read_events
from maps.build import script_json

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
NEWSY = st.lists(st.sampled_from([
    "Islamabad", "Besham", "Shangla district", "on Tuesday", "killing", "at least six", "people",
    "including", "five", "Chinese", "(GB)", "Gilgit-Baltistan", "or", "Xinjiang", "Police", "said",
    "Mr.", "Chen", "attack", "signed", "will visit", "next month", ",", ".", "\n\n", "In July 2021",
    "from", "to", "Dasu", "ISLAMABAD, March 27 (Reuters) -", "13", "were", "killed", "the", "a"]),
    max_size=60).map(" ".join)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(TEXT)
def test_parse_date_only_raises_value_error(text):
    try:
        iso, precision = parse_date(text)
    except ValueError:
        return
    assert precision in ("day", "month", "year", "unknown")
    assert (iso is None) == (precision == "unknown")


@FAST
@given(TEXT, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())), st.booleans())
def test_find_dates_spans_and_precisions(text, published, future):
    for d in find_dates(text, published, future=future):
        assert text[d.start:d.end] == d.text
        assert d.precision in ("day", "month", "year", "unknown")


@FAST
@given(TEXT)
def test_report_body_is_the_end_of_the_input(text):
    try:
        report = parse_report_text(text, path="r.txt")
    except InputError as exc:  # only a header date that is not a date, named with its line
        assert str(exc).startswith("r.txt:") and ": published: " in str(exc)
        return
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    assert normalised.endswith(report.text)
    assert report.url is None or report.url.lower().startswith(("http://", "https://"))


@FAST
@given(TEXT)
def test_tables_raise_input_error_or_read(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    path.write_text(text, encoding="utf-8")
    try:
        events = read_events(path, geocode=False)
    except InputError:
        return
    for p in events.problems:
        assert str(path) in str(p)


@FAST
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=12))
def test_script_json_is_inert_and_round_trips(value):
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029", "{{", "{%", "{#"):
        assert bad not in text
    assert json.loads(text) == json.loads(json.dumps(value))


@pytest.mark.slow
@FAST
@given(st.one_of(TEXT, NEWSY))
def test_geocoder_parser_and_extractor_never_crash(world, text):
    from geo.extract import Extractor
    from geo.geoparse import Geoparser
    from geo.reports import Report

    world.candidates(text)
    mentions = Geoparser(world).parse(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.usage in ("literal", "metonymic", "in_name")
    for e in Extractor(Geoparser(world)).extract(Report(text=text, published="2024-03-27")):
        assert e.event_type in ("attack", "agreement", "meeting", "visit", "other")
        assert e.killed is None or e.killed >= 0
        for s, t in e.evidence_spans:
            assert 0 <= s < t <= len(text)


LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(str.strip)


@st.composite
def table_events(draw):
    """Events as a table can state them: every column, with arbitrary text in the text fields."""
    from geo.records import EVENT_TYPES, Event, Place, PlaceRef, Source

    precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
    day = draw(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))).isoformat()
    date = {"day": day, "month": day[:7], "year": day[:4], "unknown": None}[precision]
    text = draw(LINE)
    place = None
    if not text or draw(st.booleans()):
        lat, lon = draw(st.floats(-90, 90)), draw(st.floats(-180, 180))
        place = Place(name=text or f"{lat:.5f}, {lon:.5f}", lat=lat, lon=lon, kind="site",
                      country=draw(st.sampled_from(["", "PK", "CN"])))
    url = draw(st.none() | LINE.map(lambda t: "https://example.org/" + t))
    return Event(event_type=draw(st.sampled_from(EVENT_TYPES)), date=date, date_precision=precision,
                 places=(PlaceRef(text=text, place=place),),
                 killed=draw(st.none() | st.integers(0, 10**6)), injured=draw(st.none() | st.integers(0, 10**6)),
                 actors=tuple(draw(st.lists(LINE.filter(lambda a: a and ";" not in a), max_size=3))),
                 summary=draw(LINE), sources=(Source(path="t.csv", url=url, title=draw(LINE) or None),))


def _table_fields(e):
    p = e.places[0].place
    return (e.event_type, e.date, e.date_precision, e.places[0].text, p and (p.lat, p.lon, p.country),
            e.killed, e.injured, e.actors, e.summary, e.sources[0].url, e.sources[0].title)


@FAST
@given(st.lists(table_events(), min_size=1, max_size=5))
def test_event_to_geojson_to_event_round_trips(tmp_path_factory, events):
    from geo.frame import write_events

    path = write_events(events, tmp_path_factory.mktemp("rt") / "events.geojson")
    again = read_events(path, geocode=False)
    assert not again.problems
    assert [_table_fields(e) for e in again] == [_table_fields(e) for e in events]
