"""Word lists that tell a place mention from what only looks like one, and events from text.

General English and news-style cues only: titles before person names, verbs of speech after
metonymic capitals, words that make a capitalised phrase an organisation or facility,
generic place-type words, demonyms, and event trigger words. No article's own names.
"""

from __future__ import annotations

# a capitalised word right after one of these is a person's name, not a place
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain",
    "sgt", "sergeant", "cpl", "brig", "brigadier", "adm", "admiral", "cmdr", "commander",
    "president", "premier", "minister", "ambassador", "secretary", "senator", "sen", "rep",
    "representative", "chairman", "chairwoman", "chairperson", "chief", "commissioner",
    "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "imam", "maulana", "mufti",
    "sheikh", "shaikh", "judge", "justice", "king", "queen", "prince", "princess", "pope",
    "father", "reverend", "rev", "cardinal", "bishop", "superintendent", "inspector", "officer",
    "envoy", "counsellor", "councillor", "deputy", "vice", "mullah", "hafiz", "syed", "sayed",
    "agha", "allama", "qari", "haji", "hajji", "mian", "begum", "chaudhry", "sardar", "nawab",
    "khawaja", "raja", "malik", "makhdoom", "pir", "comrade", "mister", "madam",
    "gov", "atty", "supt", "det", "insp", "pres", "amb", "sec",
}
# after a place name these make it a speaker ("Beijing urged"): metonymy, or a person
SPEECH_VERBS = {
    "said", "says", "say", "told", "tells", "added", "urged", "urges", "warned", "warns",
    "asked", "asks", "called", "calls", "accused", "accuses", "denied", "denies", "condemned",
    "condemns", "claimed", "claims", "insisted", "insists", "stressed", "stresses", "noted",
    "announced", "announces", "rejected", "rejects", "demanded", "demands", "welcomed",
    "welcomes", "pledged", "pledges", "vowed", "vows", "hopes", "hoped", "wants", "wanted",
    "believes", "believed", "expressed", "expresses", "reiterated", "reaffirmed", "responded",
    "agreed", "agrees", "signed", "signs", "offered", "offers", "promised", "promises",
    "praised", "praises", "protested", "summoned", "sanctioned", "criticised", "criticized",
    "retaliated", "reacted", "blamed", "blames", "considers", "considered", "pressed", "presses",
    "pushed", "pushes", "sought", "seeks", "maintains", "maintained", "sent",
    "hosted", "hosts", "approved", "approves", "backed", "backs", "supports",
    "supported", "opposed", "opposes", "threatened", "threatens", "expects", "expected",
    "described", "describes", "termed", "dubbed", "labelled", "labeled",
}
# "spoke to X", "wrote to X": X is a person, not a destination
TALK_VERBS = {"spoke", "speak", "speaking", "talked", "talk", "talking", "wrote", "write",
              "writing", "listened", "replied", "reply", "explained", "said", "told", "according",
              "introduced", "married", "belongs", "belonged", "went", "sent", "letter", "message",
              "reported", "report", "apologised", "apologized", "next", "close", "due", "thanks"}
AUXILIARIES = {"has", "have", "had", "will", "would", "is", "was", "are", "were", "could", "should",
               "may", "might", "must", "also", "did", "does", "not", "never", "already", "again"}
# a capitalised phrase holding one of these is a name of an organisation or facility
ORG_WORDS = {
    "police", "academy", "university", "college", "school", "institute", "institution",
    "corridor", "ministry", "department", "army", "navy", "force", "forces", "corps",
    "company", "corporation", "corp", "inc", "ltd", "limited", "group", "bank", "council",
    "committee", "commission", "party", "front", "movement", "league", "government",
    "authority", "project", "hotel", "hospital", "airport", "airlines", "airways", "port",
    "station", "times", "post", "news", "tribune", "herald", "daily", "agency", "radio",
    "television", "tv", "office", "embassy", "consulate", "assembly", "parliament", "senate",
    "court", "board", "bureau", "association", "federation", "union", "organisation",
    "organization", "foundation", "club", "united", "fc", "stadium", "center", "centre",
    "museum", "library", "church", "mosque", "temple", "cathedral", "prison", "jail",
    "brigade", "regiment", "division", "battalion", "rangers", "constabulary", "guard",
    "guards", "taliban", "tehreek", "lashkar", "jaish", "jamaat", "jamiat", "liberation",
    "conference", "forum", "summit", "initiative", "programme", "program", "fund", "exchange",
    "market", "zone", "highway", "motorway", "expressway", "road", "street", "avenue", "bridge",
    "dam", "mine", "plant", "power", "energy", "oil", "gas", "petroleum", "railway", "railways",
    "express", "journal", "review", "observer", "standard", "press", "media", "network",
    "international", "national", "federal", "provincial", "state", "municipal", "district",
    "mission", "cooperation", "development", "economic", "relations", "affairs", "services",
    "service", "secretariat", "cell", "squad", "unit", "command", "headquarters", "hq",
}
# directions and the like may stand before a place name without making it a person
MODIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
             "upper", "lower", "central", "greater", "new", "old", "inner", "outer", "mid",
             "northeast", "northwest", "southeast", "southwest", "north-west", "north-east",
             "south-west", "south-east", "rural", "urban", "downtown", "metropolitan"}
# lowercase words after a name that say "this is a place"
PLACE_TYPE_WORDS = {"district", "province", "city", "town", "village", "area", "region",
                    "valley", "tehsil", "division", "county", "prefecture", "agency", "border",
                    "state", "capital", "port", "suburb", "neighbourhood", "neighborhood",
                    "township", "sector", "municipality", "governorate", "oblast", "river",
                    "districts", "provinces", "counties", "cities", "towns", "villages", "areas",
                    "regions", "states", "parish", "borough"}
# prepositions before a place
LOCATIVES = {"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around",
             "towards", "toward", "through", "via", "between", "within", "throughout", "reached",
             "visited", "visit", "visiting", "entered", "left", "leaving", "returned", "headed",
             "based", "northwest", "northeast", "southwest", "southeast", "north", "south",
             "east", "west", "bordering"}
CONNECTORS = {"of", "de", "del", "della", "des", "di", "da", "do", "dos", "du", "al", "el",
              "ul", "e", "la", "le", "les", "van", "von", "der", "den", "bin", "ibn", "and"}
# words that are capitalised for other reasons and never places on their own
NEVER_PLACES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "i", "a", "an", "the", "he", "she", "it", "we", "they", "you",
    "this", "that", "these", "those", "his", "her", "its", "our", "their", "mr", "mrs", "ms",
    "god", "allah", "islam", "muslim", "muslims", "christian", "eid", "ramadan", "christmas",
    "easter", "internet", "covid", "reuters", "ap", "afp", "xinhua", "app", "bbc", "cnn",
    "english", "urdu", "arabic", "pashto", "dari", "farsi", "persian", "hindi",
    "headquarters",  # "visited Headquarters 11 Corps": an office, not the English village of that alias
}
DEMONYMS = {
    "pakistani": "PK", "pakistanis": "PK", "chinese": "CN", "afghan": "AF", "afghans": "AF",
    "afghanistani": "AF", "indian": "IN", "indians": "IN", "iranian": "IR", "iranians": "IR",
    "american": "US", "americans": "US", "british": "GB", "briton": "GB", "britons": "GB",
    "english": "GB", "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA",
    "turkish": "TR", "turk": "TR", "turks": "TR", "saudi": "SA", "saudis": "SA", "emirati": "AE",
    "qatari": "QA", "iraqi": "IQ", "iraqis": "IQ", "syrian": "SY", "syrians": "SY",
    "israeli": "IL", "israelis": "IL", "palestinian": "PS", "palestinians": "PS",
    "egyptian": "EG", "egyptians": "EG", "lebanese": "LB", "jordanian": "JO", "yemeni": "YE",
    "french": "FR", "german": "DE", "germans": "DE", "italian": "IT", "spanish": "ES",
    "japanese": "JP", "korean": "KR", "koreans": "KR", "north korean": "KP",
    "bangladeshi": "BD", "nepali": "NP", "nepalese": "NP", "sri lankan": "LK", "tajik": "TJ",
    "uzbek": "UZ", "kazakh": "KZ", "kyrgyz": "KG", "turkmen": "TM", "nigerian": "NG",
    "nigerians": "NG", "somali": "SO", "somalis": "SO", "kenyan": "KE", "ethiopian": "ET",
    "sudanese": "SD", "malian": "ML", "burkinabe": "BF", "nigerien": "NE", "colombian": "CO",
    "colombians": "CO", "mexican": "MX", "brazilian": "BR", "venezuelan": "VE",
    "canadian": "CA", "australian": "AU", "indonesian": "ID", "filipino": "PH",
    "vietnamese": "VN", "thai": "TH", "burmese": "MM", "malaysian": "MY", "polish": "PL",
    "dutch": "NL", "belgian": "BE", "swiss": "CH", "swedish": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "greek": "GR", "irish": "IE", "scottish": "GB",
    "libyan": "LY", "tunisian": "TN", "algerian": "DZ", "moroccan": "MA", "congolese": "CD",
    "mozambican": "MZ", "south african": "ZA", "chadian": "TD", "cameroonian": "CM",
    "european": "Europe", "africans": "Africa", "african": "Africa", "asian": "Asia",
    "arab": "Middle East", "latin american": "Latin America",
}
# plurals of the -an/-ian/-i/-ese forms ("Mexicans", "Pakistanis", "Canadians")
DEMONYMS.update({f"{k}s": v for k, v in list(DEMONYMS.items())
                 if k.endswith(("an", "i")) and not k.endswith("s") and f"{k}s" not in DEMONYMS})
DEMONYMS.update({"mexican": "MX", "mexicans": "MX", "canadians": "CA", "europeans": "Europe"})

# demonyms whose own place is narrower than the country they count for in the context
DEMONYM_PLACES = {"english": "England", "scottish": "Scotland"}
DEMONYMS.update({
    "albanian": "AL", "andorran": "AD", "angolan": "AO", "argentine": "AR", "argentinian": "AR",
    "argentinean": "AR", "armenian": "AM", "austrian": "AT", "azerbaijani": "AZ", "bahamian": "BS",
    "bahraini": "BH", "barbadian": "BB", "belarusian": "BY", "beninese": "BJ", "bhutanese": "BT",
    "bolivian": "BO", "bosnian": "BA", "bulgarian": "BG", "burundian": "BI", "cambodian": "KH",
    "chilean": "CL", "costa rican": "CR", "ivorian": "CI", "croatian": "HR", "cuban": "CU",
    "cypriot": "CY", "czech": "CZ", "ecuadorian": "EC", "ecuadorean": "EC", "salvadoran": "SV",
    "eritrean": "ER", "estonian": "EE", "fijian": "FJ", "gabonese": "GA", "gambian": "GM",
    "ghanaian": "GH", "guatemalan": "GT", "guinean": "GN", "guyanese": "GY", "haitian": "HT",
    "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "jamaican": "JM", "kazakhstani": "KZ",
    "kuwaiti": "KW", "laotian": "LA", "latvian": "LV", "liberian": "LR", "lithuanian": "LT",
    "macedonian": "MK", "malagasy": "MG", "malawian": "MW", "maltese": "MT", "mauritanian": "MR",
    "mauritian": "MU", "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME", "namibian": "NA",
    "nicaraguan": "NI", "omani": "OM", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE",
    "philippine": "PH", "filipinos": "PH", "filipina": "PH", "portuguese": "PT",
    "puerto rican": "PR", "romanian": "RO", "rwandan": "RW", "samoan": "WS", "senegalese": "SN",
    "serbian": "RS", "serb": "RS", "serbs": "RS", "sierra leonean": "SL", "singaporean": "SG",
    "slovak": "SK", "slovenian": "SI", "south korean": "KR", "south koreans": "KR",
    "south sudanese": "SS", "taiwanese": "TW", "tanzanian": "TZ", "togolese": "TG",
    "trinidadian": "TT", "ugandan": "UG", "uruguayan": "UY", "uzbekistani": "UZ", "zambian": "ZM",
    "zimbabwean": "ZW", "georgian": "GE", "new zealander": "NZ", "new zealanders": "NZ", "emiratis": "AE",
    "north american": "North America", "south american": "South America",
    "central american": "Central America", "middle eastern": "Middle East",
})
DEMONYMS.update({f"{k}s": v for k, v in list(DEMONYMS.items())
                 if k.endswith(("an", "i")) and not k.endswith("s") and f"{k}s" not in DEMONYMS})

# US states as news writes them after a town ("Slidell, La.", "Severn, Md.", "Horry County, SC")
US_STATE_ABBREVIATIONS = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California",
    "colo.": "Colorado", "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida",
    "ga.": "Georgia", "ill.": "Illinois", "ind.": "Indiana", "kan.": "Kansas", "kans.": "Kansas",
    "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland", "mass.": "Massachusetts",
    "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi", "mo.": "Missouri",
    "mont.": "Montana", "neb.": "Nebraska", "nebr.": "Nebraska", "nev.": "Nevada",
    "n.h.": "New Hampshire", "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York",
    "n.c.": "North Carolina", "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon",
    "pa.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota",
    "tenn.": "Tennessee", "tex.": "Texas", "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington",
    "w.va.": "West Virginia", "wis.": "Wisconsin", "wyo.": "Wyoming",
}
US_STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
