"""Place mentions in report text, on the real gazetteer: general behaviour, our own sentences."""

import pytest

from geo.geoparse import Geoparser

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parser(world):
    return Geoparser(world)


def found(parser, text):
    return {(m.text, m.usage): m for m in parser.parse(text)}


def test_spans_match_the_text(parser):
    text = "ISLAMABAD, March 27 (Reuters) - Officials from Gilgit-Baltistan met in Karachi."
    for m in parser.parse(text):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in parser.parse(text)] == ["ISLAMABAD", "Gilgit-Baltistan", "Karachi"]


def test_words_that_only_look_like_places(parser):
    text = ("Police said on Saturday that Interior Minister Mohsin Naqvi spoke to Chen, "
            "while Agha Khan and Mr. Jordan Smith listened in March.")
    names = {m.text for m in parser.parse(text)}
    assert not names & {"Police", "Saturday", "Interior", "Chen", "Agha", "Jordan", "March", "Naqvi"}


def test_demonyms_inform_but_are_not_places(parser):
    ms = parser.parse("Chinese engineers and a Pakistani driver were travelling to Dasu.")
    assert [m.text for m in ms] == ["Dasu"] and ms[0].place.country == "PK"
    with_demonyms = Geoparser(parser.geocoder, include_demonyms=True).parse("Chinese engineers arrived.")
    assert [(m.text, m.usage, m.place.country) for m in with_demonyms] == [("Chinese", "demonym", "CN")]


def test_usage(parser):
    ms = found(parser, "Beijing urged Islamabad to protect workers of the China-Pakistan Economic "
                       "Corridor, and officers of the Xinjiang Police Academy flew to Kashgar.")
    assert ("Beijing", "metonymic") in ms
    assert ("Xinjiang", "in_name") in ms and ("China", "in_name") in ms and ("Pakistan", "in_name") in ms
    assert ("Kashgar", "literal") in ms


def test_qualifier_next_to_a_name(parser):
    (besham, shangla) = parser.parse("A convoy was attacked near Bisham, Shangla district, on Tuesday.")
    assert besham.place.country == "PK" and besham.place.admin2 == "Shangla"
    assert shangla.place.kind == "district"


def test_abbreviation_defined_in_text(parser):
    ms = parser.parse("Troops in Gilgit-Baltistan (GB) were put on alert. Later, GB officials met.")
    gb = [m for m in ms if m.text == "GB"]
    assert len(gb) == 2 and all(m.place.name == "Gilgit-Baltistan" for m in gb)
    # without the definition, GB is the United Kingdom's code
    assert parser.parse("GB officials met.")[0].place.country == "GB"


def test_document_context_picks_the_namesake(parser):
    us = parser.parse("Parkland is in Broward County, Florida. Students in Parkland marched.")
    assert {m.place.admin1 for m in us if m.text == "Parkland"} == {"Florida"}
    pk = parser.parse("Pakistani officials said the blast hit Hyderabad in Sindh.")
    assert pk[0].place.country == "PK"


def test_common_words_need_context(parser):
    assert [m.text for m in parser.parse("Reading the report, she smiled.")] == []
    assert [m.place.country for m in parser.parse("He grew up in Reading, England.")][:1] == ["GB"]


def test_a_title_inside_a_name_starts_a_person(parser):
    ms = found(parser, "Yesterday Peshawar Mayor Zubair Ali and Sindh Governor Kamran Tessori met.")
    assert ("Peshawar", "literal") in ms and ("Sindh", "literal") in ms
    assert not {m.text for m in ms.values()} & {"Zubair", "Ali", "Kamran", "Tessori"}


def test_a_place_naming_something(parser):
    ms = found(parser, "The Quetta Bar Association and the Lahore Film Society met the Ruler of Dubai.")
    assert ("Quetta", "in_name") in ms and ("Lahore", "in_name") in ms
    assert "Dubai" in {m.text for m in ms.values()}
    # a given name followed by a surname that is also a word is still a person
    assert "Adrian" not in {m.text for m in parser.parse("Photo by Adrian Walker for the magazine.")}


def test_frequent_names_at_sentence_start(parser):
    assert [m.text for m in parser.parse("He left. Chicago police said a car was found.")] == ["Chicago"]
    assert [m.text for m in parser.parse("Police said. Reading was hard.")] == []


def test_abbreviation_must_fit_the_name(parser):
    ms = parser.parse("KARACHI (AP) - Officials met. AP reporters saw the port.")
    assert [m.text for m in ms] == ["KARACHI"]


def test_a_list_of_places_is_not_a_name(parser):
    names = [m.text for m in parser.parse("Ships sailed between Sost and Kashgar, and from Khost and Paktika.")]
    assert names == ["Sost", "Kashgar", "Khost", "Paktika"]


def test_us_states_after_a_town(parser):
    ms = parser.parse("A man from Slidell, La., was held in Severn, Md. and then in Horry County, SC on Friday.")
    got = {m.text: m.place for m in ms}
    assert {"La.", "Md.", "SC"} <= set(got)
    assert got["La."].name == "Louisiana" and got["Slidell"].admin1 == "Louisiana"
    assert got["Md."].name == "Maryland" and got["SC"].name == "South Carolina"
    # a bare code or abbreviation is no state
    assert [m.text for m in parser.parse("In short, SC and La. are not places here.")] == []


def test_dateline_in_capitals(parser):
    ms = parser.parse("MARDAN (AP) - Officials said the road was closed.\n\nHUNZA — Snow fell.")
    assert [m.text for m in ms] == ["MARDAN", "HUNZA"]


def test_article_is_not_part_of_the_name(parser):
    ms = parser.parse("Officials said. The United States and the Gilgit-Baltistan authorities met.")
    assert ms[0].text == "United States" and ms[0].place.country == "US"


def test_demonyms_inside_names(parser):
    p = Geoparser(parser.geocoder, include_demonyms=True)
    ms = p.parse("The Russian Ministry of Defence and South Korean officials met in Lahore.")
    assert [(m.text, m.usage) for m in ms][:2] == [("Russian", "demonym"), ("South Korean", "demonym")]
    assert ms[1].place.country == "KR"


def test_a_name_does_not_vote_for_itself(parser):
    text = ("Storms hit Athens and Gainesville on Monday. Farmers across Georgia and Florida "
            "counted losses; Georgia officials said roads near Macon stayed shut.")
    ms = parser.parse(text)
    assert {m.place.country for m in ms if m.text == "Georgia"} == {"US"}
    assert {m.place.kind for m in ms if m.text == "Georgia"} == {"region"}
    # a text about the country keeps the country
    (georgia, tbilisi) = parser.parse("Georgia and Tbilisi officials met.")
    assert georgia.place.country == "GE"


def test_more_ways_to_write_a_state(parser):
    got = [(m.text, m.place.name) for m in parser.parse(
        "CHARLESTON, W. Va. - Senator Lindsey Graham, R-S.C., spoke in S.C. and in Huntington, W.Va.")]
    assert ("W. Va.", "West Virginia") in got and ("W.Va.", "West Virginia") in got
    assert got.count(("S.C.", "South Carolina")) == 2


def test_names_joined_by_a_hyphen_or_led_by_the(parser):
    ms = found(parser, "Flood crests in Fargo-Moorhead rose. The Minnesota House voted, said Fargo Fire Chief Ali.")
    assert ("Fargo", "literal") in ms and ("Moorhead", "literal") in ms
    assert ("Minnesota", "in_name") in ms
    assert sum(m.text == "Fargo" for m in parser.parse("It rose, said Fargo Fire Chief Ali.")) == 1


def test_small_places_need_company(parser):
    # a village name alone, with nothing saying place, is taken for a surname ...
    assert parser.parse("Yesterday Phulra residents met officials.") == []
    # ... but beside a town nearby (or its own district) it is a place
    ms = parser.parse("Yesterday Phulra residents met officials from Mansehra.")
    assert [m.text for m in ms] == ["Phulra", "Mansehra"] and ms[0].place.country == "PK"


def test_initials_and_demonyms_that_are_also_towns(parser):
    names = {m.text for m in parser.parse("Boyd J. Jones and Marsha J. Moore met Arab leaders.")}
    assert not names & {"Jones", "Moore", "Arab"}
    assert "Arab" in {m.text for m in parser.parse("The fair was held in Arab, Alabama.")}


def test_ordinary_words_before_a_town(parser):
    ms = found(parser, "Tickets for Historic Peshawar tours and the Rodeo Mardan show sold out.")
    assert ("Peshawar", "in_name") in ms and ("Mardan", "in_name") in ms


def test_acronyms_and_lists_inside_a_chunk(parser):
    ms = found(parser, "Viewers of PTV Peshawar worried about Russia and Stormy Daniels, said Punjab Gov. Ali.")
    assert ("Peshawar", "in_name") in ms and ("Russia", "literal") in ms
    assert ("Punjab", "literal") in ms and "Ali" not in {m.text for m in ms.values()}


def test_oceans_and_countries_named_like_people(parser):
    assert [m.place.name for m in parser.parse("Ships crossed the Atlantic.")] == ["Atlantic Ocean"]
    text = "Deputy Minister of Defence of Azerbaijan Ali spoke. Troops moved from Azerbaijan."
    assert sum(m.text == "Azerbaijan" for m in parser.parse(text)) == 2


def test_famous_names_that_are_also_words_or_aliases(parser):
    ms = found(parser, "Leaders of the Shanghai Cooperation Organisation discussed Indian-administered Kashmir.")
    assert ("Shanghai", "in_name") in ms and ("Kashmir", "literal") in ms
    assert ms[("Kashmir", "literal")].place.name == "Kashmir"
    assert [m.text for m in parser.parse("Pirates shanghai sailors. Reading is fun.")] == []


def test_datelines_party_towns_and_of_places(parser):
    names = [m.text for m in parser.parse("Budget cut. MARDAN — The council met. Sen. Ali Khan of Sindh said so.")]
    assert names == ["MARDAN", "Sindh"]
    assert "Mardan" in {m.text for m in parser.parse("Senator Ali Khan, PPP-Mardan, spoke.")}
    assert "Mardan" in {m.text for m in parser.parse("The fire is out, said Mardan police chief Ali.")}


def test_streets_and_rivers_the_gazetteer_lacks(parser):
    ms = parser.parse("Police closed Jinnah Avenue and the Swat River bank; the Indus River rose.")
    got = {m.text: m.place for m in ms}
    assert got["Jinnah Avenue"] is None and got["Swat River"] is None  # named, not located
    assert got["Indus River"] is not None  # a name the gazetteer holds
    assert [m.text for m in parser.parse("The River was high.")] == []


def test_abbreviated_streets(parser):
    ms = parser.parse("He lived at 420 Jinnah Ave., Peshawar, and later on Mall Rd. in Lahore.")
    assert [m.text for m in ms][:2] == ["Jinnah Ave.", "Peshawar"] and "Mall Rd." in {m.text for m in ms}


def test_a_demonym_before_a_noun_is_a_demonym_even_after_in(world):
    demonyms = Geoparser(world, include_demonyms=True)
    text = "The firm moved about $500 million in Canadian pension assets to an insurer."
    (m,) = demonyms.parse(text)
    assert (m.text, m.usage, m.place.name) == ("Canadian", "demonym", "Canada")
    assert [m.text for m in Geoparser(world).parse(text)] == []


def test_english_is_the_demonym_of_england(world):
    demonyms = Geoparser(world, include_demonyms=True)
    (m,) = [m for m in demonyms.parse("The talks moved to an English port town.") if m.text == "English"]
    assert (m.usage, m.place.name, m.place.country) == ("demonym", "England", "GB")


def test_a_city_as_qualifier_keeps_its_own_reading(parser):
    # "Paris, London" reads as two big cities, not a Paris beside some small London
    got = found(parser, "The train reached Brussels on time. After Paris, London is the next stop.")
    assert got[("Paris", "literal")].place.country == "FR"
    assert got[("London", "literal")].place.country == "GB"
    got = found(parser, "The fire broke out in Brooklyn, New York, on Monday.")
    assert got[("Brooklyn", "literal")].place.admin1 == "New York"


def test_a_landmark_outranks_small_towns_of_its_name(parser):
    got = found(parser, "Flights at Heathrow were delayed by fog on Monday.")
    place = got[("Heathrow", "literal")].place
    assert (place.name, place.country, place.kind) == ("Heathrow Airport", "GB", "site")


def test_places_in_an_area_vote_for_the_area_not_a_namesake_inside_it(parser):
    # that Des Moines and Red Oak lie in Iowa speaks for the state, not for Iowa City
    got = found(parser, "Farmers near Des Moines, Red Oak and Clarinda said Iowa needs rain this week.")
    assert (got[("Iowa", "literal")].place.name, got[("Iowa", "literal")].place.kind) == ("Iowa", "region")


def test_a_country_the_document_names_at_all_counts(parser):
    # one Palestinian mention among many others still keeps Gaza in Palestine, not Mozambique
    text = ("Washington said Israel and Iran must talk. Israel, Iran, Syria and Egypt sent envoys to "
            "Washington. A Palestinian spokesman in Gaza denied it.")
    assert found(parser, text)[("Gaza", "literal")].place.country == "PS"


def test_well_known_regions_the_world_layer_lacks(parser):
    got = found(parser, "Floods hit Yorkshire and West Yorkshire, while fires burned in Siberia and Darfur.")
    assert {k[0]: (m.place.country, m.place.kind) for k, m in got.items()} == {
        "Yorkshire": ("GB", "region"), "West Yorkshire": ("GB", "region"),
        "Siberia": ("RU", "region"), "Darfur": ("SD", "region")}
    got = found(parser, "Shelling in Eastern Ghouta and fighting in Nagorno-Karabakh and Mindanao went on.")
    assert {k[0]: m.place.country for k, m in got.items()} == {
        "Eastern Ghouta": "SY", "Nagorno-Karabakh": "AZ", "Mindanao": "PH"}


def test_saint_and_mount_in_capitals(parser):
    got = [(m.text, m.place.name) for m in parser.parse("ST. PAUL, Minn. -- The budget was late, officials said.")]
    assert got[0] == ("ST. PAUL", "Saint Paul")
    got = [(m.text, m.place.admin1) for m in parser.parse("MT. PLEASANT, S.C. (AP) -- A fire broke out.")]
    assert got[0] == ("MT. PLEASANT", "South Carolina")


def test_the_opening_place_is_no_evidence_for_itself(parser):
    # the first place of a text counts as its dateline for every other name, not for its own:
    # its own first reading (Casablanca, whose alternate name this is) must not vote for itself
    got = found(parser, "A spokesman for the White House said the president would travel to Ohio.")
    assert got[("White House", "metonymic")].place.country == "US"


def test_regions_by_their_news_names(parser):
    ms = parser.parse("Militants attacked a base in Lower Shabelle on Monday, a day after a bomb "
                      "in Salahuddin province and clashes in Somaliland.")
    assert [(m.text, m.place.country, m.place.kind) for m in ms] == [
        ("Lower Shabelle", "SO", "region"), ("Salahuddin", "IQ", "region"), ("Somaliland", "SO", "region")]


def test_a_generic_word_after_a_name_picks_the_area(parser):
    ms = parser.parse("Drones hit the Kursk region overnight, and officials in Kursk said two died.")
    assert [(m.text, m.place.kind) for m in ms] == [("Kursk", "region"), ("Kursk", "city")]


def test_arabic_names_with_an_article_stay_whole(parser):
    ms = parser.parse("Troops searched Wadi al-Sahan near Tikrit, and clashes broke out in Abu al-Khasib.")
    texts = [m.text for m in ms]
    assert "Wadi" not in texts and "Wadi al-Sahan" in texts  # a valley, not the town Wadi
    assert "Abu al-Khasib" in texts
    assert [m.text for m in parser.parse("He met Saif al-Islam in Tripoli.")] == ["Tripoli"]


def test_a_transliteration_of_a_town_name_needs_no_context(parser):
    # "Douma" is only an alternate name of Dūmā, but the same name spelled another way
    ms = parser.parse("Douma is surrounded by government forces, a monitor said.")
    assert [(m.text, m.place.country) for m in ms] == [("Douma", "SY")]
    # a noise alternate name ("Chen" for Chenzhou) still needs context
    assert [m.text for m in parser.parse("Officials told Chen about the plan.")] == []


def test_three_letter_towns_after_a_preposition(parser):
    ms = parser.parse("Leaders will meet elders in Jos on Friday, and troops entered Ibb.")
    assert [(m.text, m.place.country) for m in ms] == [("Jos", "NG"), ("Ibb", "YE")]
    # short ordinary words stay words
    assert parser.parse("As we said, No deal was reached in Any way.") == []


def test_a_list_before_a_plural_place_type(parser):
    ms = parser.parse("Plateau and Benue states have been hit by attacks.")
    assert [(m.text, m.place.country, m.place.kind) for m in ms] == [
        ("Plateau", "NG", "region"), ("Benue", "NG", "region")]


def test_an_area_of_a_country_s_state_qualifies_a_name(parser):
    ms = parser.parse("Gunmen attacked a village in Bassa local government area of Nigeria's "
                      "Plateau state, officials said.")
    bassa = next(m for m in ms if m.text == "Bassa")
    assert bassa.place.admin1 == "Plateau"


def test_a_facility_named_after_a_person_is_one_mention(parser):
    ms = parser.parse("Gunmen stormed Ahmadu Bello International Airport in Kaduna on Friday.")
    assert [(m.text, m.usage) for m in ms][0] == ("Ahmadu Bello International Airport", "literal")
    assert ms[0].place is None and [m.text for m in ms][1:] == ["Kaduna"]
    # a place first in the name stays the mention
    assert [m.text for m in parser.parse("He was taken to Woodstock General Hospital.")] == ["Woodstock"]


def test_a_name_after_a_title_and_comma_is_a_person(parser):
    ms = parser.parse("Kenya's president, Hassan Ali Joho, flew to Garissa on Sunday.")
    assert [m.text for m in ms] == ["Kenya", "Garissa"]


def test_an_organisation_s_acronym_is_not_an_airport_code(parser):
    # "PSI" is Pasni's airport code among GeoNames' alternate names, and Pasni is curated
    ms = parser.parse("The Pakistan Sports Institute (PSI) opened a centre in Gwadar. PSI staff arrived.")
    assert "PSI" not in [m.text for m in ms]


def test_iso_codes_of_curated_countries_are_not_acronyms(parser):
    ms = parser.parse("Officials in Peshawar said the CD was sold out, and attacks in KP rose.")
    texts = [m.text for m in ms]
    assert "CD" not in texts and "KP" in texts


def test_a_curated_name_in_capitals_is_not_an_acronym(parser):
    ms = parser.parse("Police said a SWAT team entered the building in Karachi.")
    assert [m.text for m in ms] == ["Karachi"]


def test_the_two_congos(parser):
    # news writes "Democratic Republic of Congo", then "Congo", for the larger one; the other is
    # the Republic of Congo or Congo-Brazzaville, and its own places send a bare "Congo" there
    drc = [(m.text, m.place.country) for m in parser.parse(
        "Rebels seized Goma, in the Democratic Republic of Congo, in January. Congo accused Rwanda.")]
    assert drc == [("Goma", "CD"), ("Democratic Republic of Congo", "CD"), ("Congo", "CD"), ("Rwanda", "RW")]
    rc = [(m.text, m.place.country) for m in parser.parse(
        "Floods in Brazzaville and Pointe-Noire killed 12 people, Congo said. The Republic of Congo asked for aid.")]
    assert rc == [("Brazzaville", "CG"), ("Pointe-Noire", "CG"), ("Congo", "CG"), ("Republic of Congo", "CG")]
    assert [m.place.country for m in parser.parse("Talks in Congo-Brazzaville ended.")] == ["CG"]


def test_a_short_name_that_is_also_a_frequent_surname_is_a_city_after_in(parser):
    got = [(m.text, m.place.country) for m in parser.parse("Jihadists shelled the airport in Gao on Sunday.")]
    assert got == [("Gao", "ML")]
    assert [m.text for m in parser.parse("Gao said the plan was sound.")] == []


def test_news_spellings_of_towns_and_camps(parser):
    text = ("Drones hit Hodeidah and the Zamzam camp; fighting spread to Maungdaw and Kyaukphyu, and ships sailed "
            "round the Cape of Good Hope.")
    got = {m.text: m.place.country for m in parser.parse(text) if m.place is not None}
    assert got == {"Hodeidah": "YE", "Zamzam": "SD", "Maungdaw": "MM", "Kyaukphyu": "MM", "Cape of Good Hope": "ZA"}


def test_small_towns_of_sahel_horn_and_myanmar_reports(parser):
    text = "Attacks hit Banibangou, Hombori, Bulo Burte, Jebel Aulia and Ramree this month."
    got = {m.text: m.place.country for m in parser.parse(text) if m.place is not None}
    assert got == {"Banibangou": "NE", "Hombori": "ML", "Bulo Burte": "SO", "Jebel Aulia": "SD", "Ramree": "MM"}
