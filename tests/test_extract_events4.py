"""Events from report text (branch events4): press releases, live pages, briefs, explainers and court
reports, on sentences of our own writing."""

import pytest

from geo.dates import find_dates
from geo.extract import Extractor, split_sentences
from geo.geoparse import Geoparser
from geo.reports import parse_report_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor(world):
    return Extractor(Geoparser(world))


def events(extractor, body, published="2026-11-20"):
    return extractor.extract(parse_report_text(body, published=published))


def one(evs, kind):
    found = [e for e in evs if e.event_type == kind]
    assert len(found) == 1, [(e.event_type, e.date, e.evidence) for e in evs]
    return found[0]


def names(e):
    return [r.place.name for r in e.places if r.place is not None]


def test_an_operation_whose_dead_the_next_sentence_tells_is_an_event(extractor):
    evs = events(extractor, "On 18 November, troops carried out an intelligence based operation near Mir Ali on "
                            "information about hideouts of militants. During the operation, the troops engaged the "
                            "hideout and, after a long exchange of fire, three militants were killed.")
    e = one(evs, "attack")
    assert (e.date, e.killed, e.subtype) == ("2026-11-18", 3, "armed clash")
    assert names(e) == ["Mir Ali"]


def test_an_operation_without_dead_stays_no_event(extractor):
    evs = events(extractor, "On 18 November, troops carried out an intelligence based operation near Mir Ali. "
                            "The area was cordoned off and searched.")
    assert not [e for e in evs if e.event_type == "attack"]


def test_a_second_operation_and_an_engagement_with_their_dead(extractor):
    evs = events(extractor, "A second operation was conducted near Datta Khel on 17 November, in which four "
                            "militants were killed.")
    e = one(evs, "attack")
    assert (e.date, e.killed) == ("2026-11-17", 4)
    evs = events(extractor, "In another engagement near Razmak on Tuesday, soldiers neutralised five terrorists.")
    assert one(evs, "attack").killed == 5


def test_martyring_counts_the_dead(extractor):
    e = one(events(extractor, "Militants ambushed a police patrol near Kulachi on 12 November, martyring two "
                              "constables and injuring four others."), "attack")
    assert (e.killed, e.injured) == (2, 4)


def test_injuring_a_third_is_one_injured(extractor):
    e = one(events(extractor, "Gunmen fired on a levies post near Turbat on Sunday, killing two guards and "
                              "injuring a third."), "attack")
    assert (e.killed, e.injured) == (2, 1)


def test_shot_and_wounded_is_a_shooting(extractor):
    e = one(events(extractor, "Last year, a watchman shot and wounded three workers at a brick kiln in "
                              "Hyderabad."), "attack")
    assert (e.subtype, e.date, e.killed, e.injured) == ("shooting", "2025", None, 3)


def test_strikes_carried_out_and_a_shell_that_struck(extractor):
    e = one(events(extractor, "Israeli jets carried out strikes on targets near Baalbek early on Thursday."),
            "attack")
    assert (e.date, names(e)) == ("2026-11-19", ["Baalbek"])
    e = one(events(extractor, "On 15 November, a mortar shell landed in a market in Kadugli, killing four "
                              "people."), "attack")
    assert (e.date, e.killed) == ("2026-11-15", 4)


def test_ships_sunk_are_an_attack(extractor):
    e = one(events(extractor, "Pirates sank two fishing boats in the Gulf of Aden in March last year."), "attack")
    assert e.date == "2025-03"


def test_a_campaign_that_began_is_no_attack(extractor):
    evs = events(extractor, "The rebels began attacking convoys on the Kabul highway in 2019.")
    assert not [e for e in evs if e.event_type == "attack"]


def test_due_to_fly_to_is_a_planned_visit(extractor):
    e = one(events(extractor, "The foreign minister is due to fly to Tehran on Monday, officials said."), "visit")
    assert (e.status, e.date, names(e)) == ("planned", "2026-11-23", ["Tehran"])


def test_bullet_lines_are_sentences_of_their_own():
    text = "Highlights\n- Floods hit the south.\n- Talks resume in Doha\n* Aid arrives"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Highlights", "- Floods hit the south.", "- Talks resume in Doha", "* Aid arrives"]


def test_a_bullet_keeps_its_casualties_to_itself(extractor):
    evs = events(extractor, "What happened?\n- A bomb went off near a market in Quetta on Monday.\n"
                            "- In May 2025, two teachers and their driver were killed when a bomb hit their van near "
                            "Khuzdar.")
    dated = {e.date: e for e in evs if e.event_type == "attack"}
    assert dated["2025-05"].killed == 3
    assert dated["2026-11-16"].killed is None


def test_a_raid_that_ends_in_arrests_is_the_arrest(extractor):
    evs = events(extractor, "Four suspected militants were arrested in a raid in Pishin on Tuesday night.")
    assert not [e for e in evs if e.event_type == "attack"]
    assert one(evs, "other").subtype == "arrest"


def test_a_place_bound_for_is_no_event_place(extractor):
    e = one(events(extractor, "On Monday, militants fired on the Quetta-bound train at Mach, killing two "
                              "passengers."), "attack")
    assert names(e) == ["Mach"]
    e = one(events(extractor, "A bomb exploded on the Lahore-bound bus near Sibi on Monday."), "attack")
    assert names(e) == ["Sibi"]


def test_repeated_suspensions_are_no_event(extractor):
    evs = events(extractor, "Flights between Gilgit and Islamabad have been suspended several times since then.")
    assert not evs


def test_an_open_invitation_is_no_planned_visit(extractor):
    evs = events(extractor, "The president invited his host to visit Nairobi again at a time convenient to both "
                            "sides.")
    assert not [e for e in evs if e.event_type == "visit"]


def test_a_visit_from_one_day_to_another_starts_on_the_first():
    (d,) = find_dates("a state visit from 3 to 6 December 2026", "2026-11-20")
    assert (d.date, d.precision) == ("2026-12-03", "day")
    e_text = "The king paid a state visit to Japan from 9 to 12 November 2026."
    (d,) = find_dates(e_text, "2026-11-20")
    assert d.date == "2026-11-09"


def test_a_planned_meeting_of_a_series_is_not_the_meeting_just_held(extractor):
    evs = events(extractor, "The vice premier met the visiting minister on 18 November.\n\n"
                            "The two sides agreed to hold the third meeting of the joint commission in Tashkent in "
                            "the first half of 2027.")
    meetings = sorted((e.status, e.date) for e in evs if e.event_type == "meeting")
    assert meetings == [("occurred", "2026-11-18"), ("planned", "2027")]


def test_the_peoples_republic_is_one_name_and_not_taiwan(world):
    text = "Talks were held at the invitation of the People's Republic of China and the Lao side."
    found = [(m.text, m.place.country) for m in Geoparser(world).parse(text) if m.place is not None]
    assert found == [("People's Republic of China", "CN")]


def test_a_headquarters_is_no_place(extractor):
    e = one(events(extractor, "The army chief visited Headquarters 12 Corps in Quetta on Wednesday."), "visit")
    assert [r.place.name for r in e.places if r.place is not None] == ["Quetta"]


def test_a_meeting_without_a_place_is_where_the_talks_just_told_were_held(extractor):
    evs = events(extractor, "On 17 November, the foreign minister held talks with his Turkish counterpart in Ankara. "
                            "They discussed trade and security. The vice president received the minister on "
                            "18 November.")
    meetings = {e.date: e for e in evs if e.event_type == "meeting"}
    assert set(meetings) == {"2026-11-17", "2026-11-18"}
    assert names(meetings["2026-11-18"]) == ["Ankara"]


def test_a_highlight_line_and_its_dated_account_are_one_agreement(extractor):
    evs = events(extractor, "KEY POINTS\n- A truce signed in Doha is expected to hold.\n- Aid convoys are waiting.\n\n"
                            "On 16 November, the two sides signed a truce in Doha after a week of talks.")
    e = one(evs, "agreement")
    assert (e.date, names(e)) == ("2026-11-16", ["Doha"])


def test_a_borrowed_place_gives_way_to_the_one_stated_later(extractor):
    evs = events(extractor, "Shelling hit a market in El Fasher on Thursday, killing three people. The security "
                            "council will hold an emergency meeting on Monday.\n\nDiplomats said the council is to "
                            "meet in New York on Monday.")
    e = one(evs, "meeting")
    assert (e.status, e.date) == ("planned", "2026-11-23")
    assert [r.place.country for r in e.places if r.place is not None] == ["US"]


def test_troops_killing_more_militants_is_a_count_of_its_own(extractor):
    evs = events(extractor, "On 1 December, troops conducted an intelligence-based operation near Tank, killing "
                            "three militants. In another engagement the same day, near Mir Ali, troops neutralised "
                            "four more militants.", published="2026-12-02")
    found = sorted((e.date, names(e)[0], e.killed) for e in evs if e.event_type == "attack")
    assert found == [("2026-12-01", "Mir Ali", 4), ("2026-12-01", "Tank", 3)]
    # a toll that grows is still no total of its own
    e = one(events(extractor, "A bomb exploded at a bus stand in Hub on Monday, killing six people. The toll rose "
                              "on Tuesday after three more people died in hospital."), "attack")
    assert e.killed == 6


def test_places_spelled_as_the_news_spells_them(world):
    from geo import LocalGeocoder  # noqa: F401  (the world fixture is one)

    assert world.geocode("Kyaukphyu").raw["country"] == "MM"
    assert world.geocode("Mogoke").raw["country"] == "MM"
    assert world.geocode("Hodeidah").raw["country"] == "YE"
    assert abs(world.geocode("Bagh, Khyber").latitude - 33.78) < 0.1
    assert abs(world.geocode("Bagh").longitude - 73.78) < 0.1  # alone, the town in Azad Kashmir


def test_a_recalled_clause_keeps_its_one_victim_and_barely_a_week_is_a_week(extractor):
    evs = events(extractor, "On Sunday, gunmen fired on a customs post near Chaman, killing two officials. The "
                            "attack came barely a week after a trader was shot dead in Quetta.",
                 published="2026-11-24")
    found = sorted((e.date, names(e)[0], e.killed) for e in evs if e.event_type == "attack")
    assert found == [("2026-11-15", "Quetta", 1), ("2026-11-22", "Chaman", 2)]


def test_talks_planned_during_a_trip_of_several_days_are_in_its_month(extractor):
    evs = events(extractor, "The Uzbek president will pay an official visit to Pakistan from Monday to Wednesday, "
                            "officials said.\n\nHe is also scheduled to call on the prime minister.")
    e = one(evs, "meeting")
    assert (e.status, e.date, e.date_precision) == ("planned", "2026-11", "month")
    evs = events(extractor, "The Uzbek president will visit Islamabad on Monday, officials said.\n\n"
                            "He is also scheduled to call on the prime minister.")
    assert one(evs, "meeting").date == "2026-11-23"


def test_a_leg_of_a_trip_told_during_the_visit_is_a_visit_of_its_own(extractor):
    evs = events(extractor, "The Kenyan president paid a state visit to China from 10 to 14 November 2026. On "
                            "11 November, he held talks with Xi Jinping in Beijing. During the visit, the president "
                            "also travelled to Chengdu, where he toured a car plant.")
    visits = sorted((e.date, names(e)[0]) for e in evs if e.event_type == "visit")
    assert visits == [("2026-11", "Chengdu"), ("2026-11-10", "China")]
    # but "during the visit" with no other place is more of the same visit
    evs = events(extractor, "The Kenyan president paid a state visit to China from 10 to 14 November 2026. During "
                            "the visit, the president also met business leaders.")
    assert len([e for e in evs if e.event_type == "visit"]) == 1


def test_documents_signed_during_the_visit_are_in_its_time_and_where_it_went(extractor):
    evs = events(extractor, "The Kenyan president paid a state visit to China from 10 to 14 November 2026. On "
                            "11 November, he held talks with Xi Jinping in Beijing. During the visit, the president "
                            "also travelled to Chengdu.\n\nDuring the visit, and in the presence of the two heads of "
                            "state, the two sides signed 14 cooperation documents.")
    e = one(evs, "agreement")
    assert (e.date, e.date_precision) == ("2026-11", "month")
    assert "China" in names(e) and "Chengdu" not in names(e)


def test_a_soldier_martyred_counts_with_the_militants_killed(extractor):
    e = one(events(extractor, "A soldier was martyred and three terrorists were killed in an exchange of fire near "
                              "Zhob on Friday."), "attack")
    assert e.killed == 4


def test_soldiers_named_by_rank_who_embraced_shahadat_are_dead(extractor):
    e = one(events(extractor, "On 16 November, troops carried out an intelligence-based operation near Razmak. "
                              "During the operation, after a heavy exchange of fire, six khwarij were sent to hell, "
                              "while Naik Saleem Akhtar and Sepoy Imran Ali embraced shahadat."), "attack")
    assert (e.date, e.killed) == ("2026-11-16", 8)
    # and in the next sentence, with the militants of the clash told before
    e = one(events(extractor, "On Thursday, troops raided a hideout near Razmak, killing four terrorists. During the "
                              "exchange of fire, Lance Naik Amir Ali, having fought bravely, embraced shahadat."),
            "attack")
    assert e.killed == 5
    e = one(events(extractor, "In another engagement near Makeen on Thursday, troops neutralised three more "
                              "terrorists."), "attack")
    assert e.killed == 3


def test_us_dollars_are_a_currency_not_a_place(world):
    text = "Trade exceeded 100 billion US dollars last year, the US said."
    assert [(m.text, m.start) for m in Geoparser(world).parse(text)] == [("US", 53)]


def test_the_dead_of_strikes_told_later_join_them(extractor):
    evs = events(extractor, "Israeli jets carried out strikes on targets near Baalbek early on Thursday.\n\n"
                            "Health officials in Baalbek said four people were killed and nine injured in the Israeli "
                            "strikes on Thursday.")
    e = one(evs, "attack")
    assert (e.date, e.killed, e.injured) == ("2026-11-19", 4, 9)


def test_a_strike_without_dead_or_wounded_is_no_attack(extractor):
    evs = events(extractor, "Dock workers in Karachi went on strike on Monday over unpaid wages.")
    assert not [e for e in evs if e.event_type == "attack"]
    evs = events(extractor, "The two sides hope to strike a deal in Doha next month.")
    assert not [e for e in evs if e.event_type == "attack"]


def test_magway_region_is_named_whole(world):
    text = "Fighting was reported in Magway Region since mid-November, and later in Magway itself."
    found = [(m.text, m.place.kind) for m in Geoparser(world).parse(text)]
    assert found[0] == ("Magway Region", "region")


def test_flying_to_a_station_or_a_plain_line_is_no_trip_or_headline(extractor):
    evs = events(extractor, "One of the two trainees is expected to fly to the station in 2027.")
    assert not [e for e in evs if e.event_type == "visit"]
    # an undated sentence near the top that is no bullet line is not the dated event told later
    evs = events(extractor, "The minister arrived in Ankara on Monday after visiting Egypt. He will meet the "
                            "president on Wednesday before departing for Tehran.")
    assert len([e for e in evs if e.event_type == "visit"]) >= 2


def test_documents_the_two_sides_signed_that_day_are_where_the_talks_were(extractor):
    evs = events(extractor, "The prime minister arrived in Beijing on Monday for a five-day official visit. On "
                            "Tuesday, he held talks with President Xi Jinping at the Great Hall of the People. The two "
                            "sides signed 12 agreements on railway, mining and agriculture on Tuesday.")
    e = one(evs, "agreement")
    assert (e.date, names(e)) == ("2026-11-17", ["Beijing"])


def test_an_attack_named_by_its_month_then_told_with_its_day_is_one_attack(extractor):
    evs = events(extractor, "A court in Sukkur on Monday charged three men over the bombing of a bus in Sukkur in "
                            "June last year. On June 14, 2025, a bomb planted under a seat exploded on the bus in "
                            "Sukkur, killing nine passengers.")
    e = one(evs, "attack")
    assert (e.date, e.killed, names(e)) == ("2025-06-14", 9, ["Sukkur"])
    # two tolls: two attacks, however alike their place and time
    evs = events(extractor, "Gunmen killed four policemen in Sukkur in June last year. On June 14, 2025, a bomb "
                            "exploded on a bus in Sukkur, killing nine passengers.")
    assert sorted(e.killed for e in evs if e.event_type == "attack") == [4, 9]


def test_an_attack_named_again_as_a_copulas_complement_leaves_the_recalled_one_apart(extractor):
    evs = events(extractor, "Rebels fired a missile at a tanker off Aden on Tuesday, killing a sailor. The attack "
                            "was the deadliest strike on shipping since March 2024, when the rebels sank a cargo "
                            "ship off Mocha, killing three crew members.", "2026-11-20")
    attacks = sorted((e.date, e.killed) for e in evs if e.event_type == "attack")
    assert attacks == [("2024-03", 3), ("2026-11-17", 1)]
