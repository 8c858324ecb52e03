"""Events from report text: general behaviour on sentences of our own writing."""

import pytest

from geo.dates import find_dates
from geo.extract import Extractor, split_sentences
from geo.geoparse import Geoparser
from geo.merge import merge_events, shingles
from geo.reports import parse_report_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor(world):
    return Extractor(Geoparser(world))


def events(extractor, body, published="2024-03-27"):
    return extractor.extract(parse_report_text(body, published=published))


def one(evs, kind):
    found = [e for e in evs if e.event_type == kind]
    assert len(found) == 1, [(e.event_type, e.date, e.evidence) for e in evs]
    return found[0]


def test_sentences():
    text = "Gen. Ali met Mr. Chen in the U.S. capital. They talked.\n\nA second paragraph"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Gen. Ali met Mr. Chen in the U.S. capital.", "They talked.",
                                              "A second paragraph"]


@pytest.mark.parametrize("phrase, published, future, expected", [
    ("on Saturday", "2024-03-27", False, ("2024-03-23", "day")),
    ("on Saturday", "2024-03-27", True, ("2024-03-30", "day")),
    ("last night", "2024-03-27", False, ("2024-03-26", "day")),
    ("in March this year", "2024-10-07", False, ("2024-03", "month")),
    ("in July 2021", "2024-03-27", False, ("2021-07", "month")),
    ("on March 26", "2024-03-27", False, ("2024-03-26", "day")),
    ("in December", "2024-03-27", False, ("2023-12", "month")),
    ("next month", "2024-03-27", True, ("2024-04", "month")),
    ("on 14 July 2021", None, False, ("2021-07-14", "day")),
    ("on Saturday", None, False, (None, "unknown")),
])
def test_dates_resolved_against_publication(phrase, published, future, expected):
    (d,) = find_dates(f"It happened {phrase}.", published, future=future)
    assert (d.date, d.precision) == expected


def test_attack_with_lowest_total_and_subset_ignored(extractor):
    e = one(events(extractor, "A suicide bomber struck a convoy near Besham on Tuesday, killing at least "
                              "six people, including five Chinese nationals, and wounding 11 others."), "attack")
    assert (e.killed, e.injured, e.date, e.subtype) == (6, 11, "2024-03-26", "suicide bombing")
    assert e.places[0].place.admin2 == "Shangla"
    assert "killing at least six people" in e.evidence


def test_recalled_event_keeps_its_own_date(extractor):
    evs = events(extractor, "Gunmen attacked a checkpoint in Quetta on Monday. In July 2021, 13 people, "
                            "including nine Chinese nationals, were killed when a bus was attacked near Dasu.")
    attacks = sorted((e.date, e.killed, e.places[0].place.name) for e in evs if e.event_type == "attack")
    assert attacks == [("2021-07", 13, "Dasu"), ("2024-03-25", None, "Quetta")]


def test_unknown_date_stays_null(extractor):
    e = one(events(extractor, "A bomb exploded near a market in Peshawar, police said.", published=None),
            "attack")
    assert e.date is None and e.date_precision == "unknown"


def test_planned_visit_and_agreed_deal(extractor):
    evs = events(extractor, "A Chinese delegation will visit Gwadar next month, officials said. "
                            "Separately, the two countries signed an agreement in Islamabad on Monday.")
    visit = one(evs, "visit")
    assert (visit.status, visit.date) == ("planned", "2024-04")
    assert visit.places[0].place.name == "Gwadar"
    deal = one(evs, "agreement")
    assert (deal.status, deal.date, deal.places[0].role) == ("agreed", "2024-03-25", "venue")


def test_alternative_places_are_one_event(extractor):
    e = one(events(extractor, "The two sides agreed to hold joint exercises in Gilgit-Baltistan or Xinjiang."),
            "agreement")
    assert sorted((r.place.name, r.role) for r in e.places) == [
        ("Gilgit-Baltistan", "alternative"), ("Xinjiang", "alternative")]


def test_origin_and_destination(extractor):
    e = one(events(extractor, "The delegation travelled from Islamabad to Kashgar on Monday for a visit."),
            "visit")
    assert [(r.place.name, r.role) for r in e.places] == [("Islamabad", "origin"), ("Kashgar", "destination")]


def test_follow_up_sentences_add_to_the_same_event(extractor):
    evs = events(extractor, "A blast hit a bus in Quetta on Monday, killing four people. "
                            "The attack was claimed by no group. Police said the blast injured nine.")
    e = one(evs, "attack")
    assert (e.killed, e.injured) == (4, 9)
    assert len(e.evidence_spans) == 3


def test_no_event_without_trigger(extractor):
    assert events(extractor, "The weather in Karachi was warm and markets were busy.") == []


def test_merge_across_reports_and_near_copies(extractor):
    a = parse_report_text("A bomb killed six people in Besham on Tuesday.", published="2024-03-27")
    a = a.__class__(**{**a.__dict__, "path": "a.txt"})
    b = a.__class__(**{**a.__dict__, "path": "b.txt"})
    c = parse_report_text("Six people died when a bomb went off in Besham on Tuesday, officials said "
                          "in a statement issued late on Wednesday.", published="2024-03-28")
    c = c.__class__(**{**c.__dict__, "path": "c.txt"})
    other = parse_report_text("A bomb killed two people in Quetta on Tuesday.", published="2024-03-27")
    other = other.__class__(**{**other.__dict__, "path": "d.txt"})
    extracted = [ev for r in (a, b, c, other) for ev in extractor.extract(r)]
    texts = {(r.path, r.line, r.url): shingles(r.text) for r in (a, b, c, other)}
    merged = merge_events(extracted, texts=texts)
    besham = [e for e in merged if e.places[0].place.name == "Besham"]
    assert len(besham) == 1 and besham[0].source_count == 3 and besham[0].independent_sources == 2
    assert len(merged) == 2  # the Quetta attack the same day is a different event


def test_reports_add_sources_to_table_rows_without_changing_them(extractor, tmp_path):
    from geo.pipeline import load_events

    table = tmp_path / "t.csv"
    table.write_text("date,type,place,country,killed,summary\n2024-03-26,attack,Besham,PK,6,Row\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("published: 2024-03-27\n\nA bomb killed five people in Besham on Tuesday, police said.\n",
                      encoding="utf-8")
    events = load_events([table, report], geocoder=extractor.geoparser.geocoder)
    assert len(events) == 1
    (e,) = events
    assert e.killed == 6 and e.summary == "Row" and len(e.places) == 1
    assert [s.path for s in e.sources] == [str(table), str(report)]
    assert "A bomb killed five people" in e.evidence
