"""Finding place mentions in text and resolving them in the document's context.

Recognition goes through the gazetteer: every capitalised phrase (and its sub-phrases, longest
first) whose normalised form is a place name is a candidate mention. General cues then
reject what only looks like a place (a common English word without locative context, a
person's name after a title or inside a longer name, a month, a demonym) and classify the
usage: ``in_name`` inside an organisation or facility name ("Xinjiang Police Academy",
"Manila Archbishop", "CTV Saskatoon"), ``metonymic`` for a capital or country that speaks
("Beijing urged"), ``literal`` otherwise. A title inside a phrase starts a person's name
("Fargo Mayor Dennis Walaker"); ordinary words around a place make a name, given names do
not ("Adrian Walker"); capitalised datelines and US states after a town ("Slidell, La.",
"Horry County, SC") are places. A small village with nothing saying "place" is kept only if
another sure place of the document lies in its county or close by.

Resolution uses the document: qualifiers written next to a name ("Besham, Shangla
district", "Dasu in Upper Kohistan"), abbreviations defined in the text ("Gilgit-Baltistan
(GB)"), the countries the text is about (country names, demonyms, the dateline), the
distance to the other places it names, and the areas they lie in or may lie in ("Athens"
and "Macon" together make the US state Georgia, and those readings, likelier). A name's own
mentions are left out of its context, so "Georgia" cannot vote for the country Georgia.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gazetteer.build import distance_km
from gazetteer.names import normalize as _normalize
from gazetteer.names import split_generic

from .geocoder import Candidate, LocalGeocoder
from .lexicon import (
    AUXILIARIES,
    CONNECTORS,
    DEMONYM_PLACES,
    DEMONYMS,
    LOCATIVES,
    MODIFIERS,
    NEVER_PLACES,
    ORG_WORDS,
    PLACE_TYPE_WORDS,
    SPEECH_VERBS,
    TALK_VERBS,
    TITLES,
    US_STATE_ABBREVIATIONS,
    US_STATE_CODES,
)
from .records import Mention, Place

__all__ = ["Geoparser", "Token"]

normalize = lru_cache(maxsize=200_000)(_normalize)

@lru_cache(maxsize=1)
def _webster() -> tuple[frozenset[str], frozenset[str]]:
    """Webster's 2nd, read once: (words it writes lowercase, words it capitalises)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return (frozenset(w for w in words if w.islower()), frozenset(w for w in words if w[:1].isupper()))

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"                      # U.S., U.A.E.
    r"|(?:St|Ste|Ft|Mt|Pt|ST|STE|FT|MT|PT)\.(?=\s+[A-Z])"  # St. Louis, ST. LOUIS
    r"|[^\W\d_]+(?:['’](?![sS]\b|m\b|re\b|ve\b|ll\b|d\b|t\b)[^\W\d_]+)*"
    r"|\d+|[^\w\s]", re.UNICODE)
# country abbreviations news writes in capitals; any other acronym must be defined in the text
COUNTRY_ABBREVIATIONS = {"us", "usa", "uk", "uae", "eu", "prc", "drc", "rok", "dprk", "ksa", "ussr"}
MAX_SPAN_TOKENS = 6
# a capitalised chunk is cut after this many tokens: real names and titles are far shorter, and
# the checks of a match look at its whole chunk, so an unbounded chunk (all-caps or Title Case
# text without punctuation) would make recognition quadratic
MAX_CHUNK_TOKENS = 40
SMALL_PLACE = 10_000       # a GeoNames village this small needs "in", "X district" or the like
# a capitalised word ending a name that makes it a street or a natural feature
FEATURE_WORDS = frozenset(("street", "avenue", "boulevard", "drive", "lane", "parkway", "river",
                           "creek", "valley", "lake", "mountain", "mountains", "island", "islands",
                           "canal", "peninsula", "desert"))
FEATURE_ABBREVIATIONS = frozenset(("st", "ave", "rd", "blvd"))
# Arabic words heading a natural feature's name: "Wadi al-Shay" (a valley), "Jebel el Akhdar"
FEATURE_HEADS = frozenset(("wadi", "jebel", "jabal", "jbel", "khor"))
# the Arabic article or a patronymic joining a name's parts: "Wadi al-Shay", "Saif al-Islam"
_ARABIC_JOINS = frozenset(("al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "bin", "ibn", "abu"))
_FEATURE_ENDS = FEATURE_WORDS | FEATURE_ABBREVIATIONS
# the last word of a facility's name ("Modibo Keita International Airport")
FACILITY_WORDS = frozenset(("airport", "airbase", "hospital", "hotel", "stadium", "palace", "museum",
                            "prison", "mosque", "church", "cathedral", "bridge", "dam"))
# named features everyone knows: a capital, a continent, an ocean ("the Atlantic", "Chad")
FAMOUS_FEATURES = frozenset(("capital", "continent", "union", "ocean", "sea"))
QUALIFIER_CITY_KM = 60.0   # "A, B" with B a city: A lies this near B's own reading
LOCAL_KM = 30.0            # ... or a sure place this near
COMMON_WORD_ZIPF = 3.3     # a lowercase word this frequent is a word, not a name, unless context says place
BIG_POPULATION = 1_000_000
METONYMY_POPULATION = 100_000
COUNTRY_CONTEXT_BONUS = 3.5
DATELINE_VOTES = 3          # the dateline's country counts as this many mentions
COUNTRY_SEEN_BONUS = 1.0     # ... and this for a country the rest of the document names at all
NEAR_CONTEXT_BONUS = 1.5
NEAR_KM = 250.0
_NEAR_DEG = NEAR_KM / 111.0  # a latitude band no nearer place lies outside
MAX_ANCHORS = 30           # sure places a candidate's distance is measured to
AREA_CONTEXT_BONUS = 1.5
PARENT_CONTEXT_BONUS = 1.5
CANDIDATES_FOR_COHERENCE = 10


# "A local government area of B", "A district in B": B is the area A lies in
_AREA_OF = re.compile(r"(?:the )?(?:[a-z]+ ){0,3}(?:area|district|region|province|county|state|governorate|"
                      r"municipality|division|council|township|village|town|city) (?:of|in)(?: the)?")
_SKELETON_DROP = re.compile(r"[aeiouyhw ]")


def _same_skeleton(a: str, b: str) -> bool:
    """Whether two names differ only in vowels, h, w, y and doubled letters: one name in two
    transliterations ("Douma" for "Dūmā", "Tulkarem" for "Ţūlkarm"), not a noise alias."""
    def skeleton(k: str) -> str:
        return re.sub(r"(.)\1+", r"\1", _SKELETON_DROP.sub("", k))
    return len(b) >= 4 and len(skeleton(b)) >= 2 and skeleton(a) == skeleton(b)


def _abbreviates(abbr: str, name: str) -> bool:
    """Whether ``abbr`` can be short for ``name``: its first letter, then letters in order
    ("GB" for Gilgit-Baltistan, "KP" for Khyber Pakhtunkhwa; not "AP" for Washington)."""
    letters = [ch for ch in name.lower() if ch.isalpha()]
    if not letters or abbr[:1].lower() != letters[0]:
        return False
    it = iter(letters[1:])
    return all(ch in it for ch in abbr[1:].lower())


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    cap: bool          # starts with an upper-case letter
    word: bool         # a word (letters), not punctuation or a number
    sent_start: bool = False  # first word of a sentence (only worked out for capitalised words)


@dataclass
class _Span:
    i: int             # first token
    j: int             # one past the last token
    start: int
    end: int
    text: str
    key: str
    usage: str = "literal"
    context: bool = False   # locative or place-type context
    qualifier: _Span | None = None
    abbrev_of: _Span | None = None
    query: str = ""         # the name to look up when it differs from the text ("La." -> Louisiana)
    tentative: bool = False  # kept only if the document's other places lie around it
    ranked: list[tuple[Candidate, float]] = field(default_factory=list)
    chosen: tuple[Candidate, float] | None = None


_SENTENCE_END = frozenset(".!?")
HYPHENS = ("-", "‐", "‑")
_STATE_HEADS = frozenset((*US_STATE_ABBREVIATIONS, "w"))  # "w" of "W. Va."
_STATE_BEFORE = frozenset((",", "(", *HYPHENS))
_LIST_JOINS = frozenset(("and", *HYPHENS))  # "Sost and Kashgar", "Fargo-Moorhead"
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t)$", re.I)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        t = m.group()
        start, end = m.span()
        head = t[0]
        if not head.isalpha():  # a number or punctuation: its own lower case
            append(Token(t, start, end, t, False, False, not tokens))
            continue
        word = not (("'" in t or "’" in t) and _CONTRACTION.search(t))
        if not (word and head.isupper()):  # only capitalised words need to know (most are not)
            append(Token(t, start, end, t.lower(), False, word, not tokens))
            continue
        if not tokens:
            sent = True
        else:
            prev = tokens[-1]
            prev_end, prev_text = prev.end, prev.text
            if start == prev_end:
                sent = False
            elif start == prev_end + 1 and text[prev_end] == " ":
                sent = prev_text in _SENTENCE_END
            else:
                gap = text[prev_end:start]
                sent = (prev_text in _SENTENCE_END and (" " in gap or "\n" in gap)) or "\n\n" in gap
        append(Token(t, start, end, t.lower(), True, True, sent))
    return tokens


class Geoparser:
    """Find and resolve the places a text names.

    Parameters
    ----------
    geocoder : the gazetteer to resolve against (a :class:`LocalGeocoder`).
    """

    def __init__(self, geocoder: LocalGeocoder | None = None, *, include_demonyms: bool = False):
        self.geocoder = geocoder or LocalGeocoder()
        self.include_demonyms = include_demonyms
        self._ranked: dict[str, list[tuple[Candidate, float]]] = {}
        self._zipf: dict[str, float] = {}
        self._name_keys: dict[str, str | None] = {}
        self._common: dict[str, bool] = {}  # text -> its key if that is a place name

    # ------------------------------------------------------------------ public

    def parse(self, text: str, *, dateline: bool = True) -> list[Mention]:
        """Every place mention in ``text``, in order, resolved in context."""
        tokens = tokenize(text)
        spans, demonyms = self._recognise(text, tokens)
        self._link(text, tokens, spans)
        self._resolve(spans, demonyms, dateline_first=dateline)
        spans = self._confirm(spans)
        out = []
        for s in spans:
            place, conf = None, 0.0
            if s.chosen is not None:
                c, share = s.chosen
                place = Place(name=c.name, lat=c.lat, lon=c.lon, country=c.country,
                              admin1=c.admin1, admin2=c.admin2, kind=c.kind, gazetteer_id=c.gid,
                              population=c.population or None, score=round(share, 3), shape=c.shape)
                conf = share
            out.append(Mention(s.text, s.start, s.end, s.usage, place, conf))
        if self.include_demonyms:
            for a, b, value in self._demonym_spans:
                start, end = tokens[a].start, tokens[b - 1].end
                # "English" votes for the United Kingdom but is the demonym of England
                value = DEMONYM_PLACES.get(text[start:end].lower(), value)
                ranked = self._ranked.get(f"demonym:{value}")
                if ranked is None:
                    ranked = self._ranked[f"demonym:{value}"] = (
                        self.geocoder.candidates(value, kinds=["country"]) if len(value) == 2
                        else self._rank(value))
                if ranked:
                    c, share = ranked[0]
                    place = Place(name=c.name, lat=c.lat, lon=c.lon, country=c.country, kind=c.kind,
                                  gazetteer_id=c.gid, score=round(share, 3))
                    out.append(Mention(text[start:end], start, end, "demonym", place, share))
            out.sort(key=lambda m: m.start)
        return out

    # ------------------------------------------------------------------ recognition

    def _is_name(self, key: str) -> bool:
        return bool(key) and key not in NEVER_PLACES and self.geocoder.has_name(key)

    def _recognise(self, text: str, tokens: list[Token]) -> tuple[list[_Span], Counter]:
        spans: list[_Span] = []
        demonyms: Counter = Counter()
        self._demonym_spans: list[tuple[int, int, str]] = []
        self._persons: set[str] = set()
        n = len(tokens)
        i = 0
        for start in [k for k, tk in enumerate(tokens) if tk.cap]:  # cap implies a word
            if start < i:
                continue  # inside the chunk just read
            i = start
            t = tokens[i]
            state = self._us_state(text, tokens, i) if i >= 2 and (
                tokens[i - 1].text in _STATE_BEFORE
                or (tokens[i - 1].lower in LOCATIVES and (t.lower in _STATE_HEADS or f"{t.lower}." in _STATE_HEADS))
            ) else None
            if state is None and i + 2 < n and tokens[i + 1].text in HYPHENS and t.text.isupper() \
                    and len(t.text) <= 3 and tokens[i + 2].start == tokens[i + 1].end:
                state = self._us_state(text, tokens, i + 2)  # "D-S.C.": a party and a state
            if state is not None:
                spans.append(state)
                i = state.j
                continue
            # the capitalised chunk starting here (connectors allowed inside, hyphens join)
            j = i + 1
            while j < n and j - i < MAX_CHUNK_TOKENS and self._joins(text, tokens, j):
                j += 1
            while j > i + 1 and not tokens[j - 1].cap:
                j -= 1
            # "Fargo Mayor Dennis Walaker": a title inside a chunk starts a person's name
            for k in range(i + 1, j):
                if (tokens[k].lower in TITLES and tokens[k].cap and tokens[k - 1].text not in HYPHENS
                        and tokens[k - 1].lower not in TITLES) \
                        or (tokens[k].text == "and" and t.lower in TITLES):
                    j = k  # "Mayor Zubair Ali and Sindh ...": the person ends at "and"
                    break
            street = self._street(text, tokens, i, j) if j - i > 1 and (
                tokens[j - 1].lower in _FEATURE_ENDS or t.lower in FEATURE_HEADS) else None
            if street is not None:
                spans.append(street)
                i = street.j
                continue
            found = self._match_chunk(text, tokens, i, j)
            chunk_demonyms = self._demonyms_in(tokens, i, j) if j > i + 1 or t.lower in DEMONYMS else ()
            if t.lower in TITLES and j > i + 1 and not (found and found[0].i == i) \
                    and not any(tk.lower == "of" for tk in tokens[i:j]):
                # "Governor John Hoeven", "President Roxas"; but "Prince George" is a place
                self._persons.update(tk.lower for tk in tokens[i + 1:j] if tk.cap)
                i = j
                continue
            if not found:
                if chunk_demonyms:
                    self._add_demonyms(chunk_demonyms, [], demonyms)
                i = j
                continue
            # "Police", "Academy" are places somewhere, but inside a chunk they make it a name
            if len(found) > 1 or (found and found[0].j - found[0].i < j - i):
                found = [s for s in found if not (s.j - s.i == 1 and s.key in ORG_WORDS)]
            # a small one-word match beside another ("Adrian Walker") may be part of a name
            covered = {k for s in found if s.j - s.i > 1 or len(found) == 1 or self._notable(s.key)
                       or tokens[s.i - 1].text in _LIST_JOINS or (s.j < n and tokens[s.j].text in _LIST_JOINS)
                       for k in range(s.i, s.j)}
            kept = [s for s in found if self._keep(text, tokens, s, i, j, covered)]
            facility = self._facility(text, tokens, kept, i, j)
            if facility is not None:
                kept = [facility]
            spans += kept
            if chunk_demonyms:
                self._add_demonyms(chunk_demonyms, kept, demonyms)
            i = j
        return spans, demonyms

    def _street(self, text: str, tokens: list[Token], i: int, j: int) -> _Span | None:
        """A street or natural feature the gazetteer does not hold: "Royal Street", "Kanawha River".

        Kept as a mention without a place (the gazetteer has no point for it); a name it does
        hold ("Indus River") is matched as usual.
        """
        if j - i < 2 or not tokens[j - 1].cap:
            return None
        last = tokens[j - 1]
        end_token = j
        if tokens[i].lower in FEATURE_HEADS and tokens[i + 1].lower in _ARABIC_JOINS:
            # "Wadi al-Shay": the whole name, up to the word after the article
            end_token = i + 3 if i + 2 < j and tokens[i + 2].text in HYPHENS else i + 2
            end_token += 1
            if end_token > j or not tokens[end_token - 1].cap:
                return None
        elif last.lower in FEATURE_ABBREVIATIONS and j < len(tokens) and tokens[j].text == "." \
                and tokens[j].start == last.end:
            end_token = j + 1  # "Memphis St."
        elif last.lower not in FEATURE_WORDS:
            return None
        words = [] if tokens[i].lower in FEATURE_HEADS else tokens[i:j - 1]
        if any(not t.cap or t.lower in TITLES or t.lower in ORG_WORDS or t.lower in NEVER_PLACES
               for t in words if t.word) or (i > 0 and tokens[i - 1].lower in TITLES):
            return None
        start, end = tokens[i].start, tokens[end_token - 1].end
        raw = text[start:end]
        if self._is_name(normalize(raw)):
            return None
        return _Span(i, end_token, start, end, raw, normalize(raw), context=True)

    @staticmethod
    def _demonyms_in(tokens: list[Token], i: int, j: int) -> list[tuple[int, int, str]]:
        """Demonyms among tokens[i:j] as (first, one past last, value): "Russian", "South Korean"."""
        if j == i + 1:
            value = DEMONYMS.get(tokens[i].lower)
            return [(i, j, value)] if value is not None else []
        out = []
        k = i
        while k < j:
            two = f"{tokens[k].lower} {tokens[k + 1].lower}" if k + 1 < j else ""
            if two in DEMONYMS:
                out.append((k, k + 2, DEMONYMS[two]))
                k += 2
                continue
            if tokens[k].cap and tokens[k].lower in DEMONYMS:
                out.append((k, k + 1, DEMONYMS[tokens[k].lower]))
            k += 1
        return out

    def _add_demonyms(self, found: Sequence[tuple[int, int, str]], kept: list[_Span], demonyms: Counter) -> None:
        for a, b, value in found:
            if any(s.i < b and a < s.j for s in kept):
                continue  # part of a place name ("American Samoa")
            if len(value) == 2:
                demonyms[value] += 1
            if self.include_demonyms:
                self._demonym_spans.append((a, b, value))

    def _us_state(self, text: str, tokens: list[Token], i: int) -> _Span | None:
        """A US state as news abbreviates it: "Slidell, La.", "in S.C.", "D-S.C.", "Horry County, SC"."""
        t, prev, before = tokens[i], tokens[i - 1], tokens[i - 2]
        after_place = prev.text in (",", "(") and before.cap and text[prev.end:t.start] in (" ", "")
        party = prev.text in HYPHENS and before.text.isupper() and len(before.text) <= 3  # "D-S.C."
        name, j = None, i + 1
        # "N.J." is one token; "La." and "W. Va." are several
        for width in (4, 2, 1):
            if i + width > len(tokens) or (width > 1 and tokens[i + width - 1].text != "."):
                continue
            form = "".join(tk.lower for tk in tokens[i:i + width])
            if form in US_STATE_ABBREVIATIONS and text[t.start:tokens[i + width - 1].end].count(" ") <= 1:
                name, j = US_STATE_ABBREVIATIONS[form], i + width
                break
        if name is not None:
            if not (after_place or party or prev.lower in LOCATIVES):
                return None
        elif t.text in US_STATE_CODES and (after_place or party) and (j == len(tokens) or not tokens[j].cap):
            name = US_STATE_CODES[t.text]
        if name is None:
            return None
        ranked = self._ranked.get(f"us-state:{name}")
        if ranked is None:
            ranked = self._ranked[f"us-state:{name}"] = self.geocoder.candidates(
                name, country_codes="US", kinds=["region"])
        if not ranked:
            return None
        start, end = t.start, tokens[j - 1].end
        return _Span(i, j, start, end, text[start:end], normalize(name), context=True,
                     query=name, ranked=ranked)

    def _joins(self, text: str, tokens: list[Token], j: int) -> bool:
        """Whether token ``j`` continues the capitalised chunk before it."""
        t, prev = tokens[j], tokens[j - 1]
        gap = text[prev.end:t.start]
        if t.text in ("-", "‐", "‑") and not gap:  # a hyphen inside "Gilgit-Baltistan"
            return j + 1 < len(tokens) and tokens[j + 1].word and tokens[j + 1].start == t.end
        if prev.text in ("-", "‐", "‑") and not gap:
            return t.word
        if t.text == "." and not gap and len(prev.text) == 1 and prev.cap:  # "Boyd J. Jones"
            return j + 1 < len(tokens) and tokens[j + 1].cap and text[t.end:tokens[j + 1].start] == " "
        if prev.text == "." and gap == " " and t.cap and j >= 2 and len(tokens[j - 2].text) == 1 \
                and tokens[j - 2].cap and j >= 3 and tokens[j - 3].cap:
            return True
            return False
        if t.cap:
            return True
        # "the People's Republic of China", "Lao People's Democratic Republic": the possessive is inside the name
        if not gap and t.text in ("'", "’") and prev.lower == "people":
            return j + 2 < len(tokens) and tokens[j + 1].lower == "s" and tokens[j + 1].start == t.end \
                and tokens[j + 2].cap
        if not gap and t.lower == "s" and prev.text in ("'", "’") and j >= 2 and tokens[j - 2].lower == "people":
            return True
        if t.lower in _ARABIC_JOINS and j + 2 < len(tokens) and tokens[j + 1].text in HYPHENS \
                and tokens[j + 1].start == t.end and tokens[j + 2].start == tokens[j + 1].end \
                and tokens[j + 2].cap and gap == " ":
            return True  # "Wadi al-Shay", "Saif al-Islam"
        return t.lower in CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].cap \
            and text[t.end:tokens[j + 1].start] == " "

    def _match_chunk(self, text: str, tokens: list[Token], i: int, j: int) -> list[_Span]:
        """Longest gazetteer matches inside tokens[i:j], left to right."""
        out: list[_Span] = []
        a = i
        while a < j:
            if not tokens[a].cap:
                a += 1
                continue
            if tokens[a].lower == "the" and a + 1 < j and tokens[a + 1].cap:
                a += 1  # "The United States": the article is not part of the name
                continue
            best, key = None, None
            names = self._name_keys
            for b in range(min(j, a + MAX_SPAN_TOKENS), a, -1):
                if not tokens[b - 1].cap:
                    continue
                raw = text[tokens[a].start:tokens[b - 1].end]
                key = names.get(raw, "")
                if key == "":  # not seen yet: normalise and look up once per parser
                    if len(names) > 500_000:
                        names.clear()
                    k = normalize(raw)
                    key = names[raw] = k if self._is_name(k) else None
                if key is not None:
                    best = b
                    break
            if best is None:
                a += 1
                continue
            b = best  # a capitalised "County" or "Province" is part of the name; "district" is not
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(_Span(a, b, start, end, text[start:end], key))
            a = b
        return out

    def _keep(self, text: str, tokens: list[Token], s: _Span, ci: int, cj: int,
              covered: set[int]) -> bool:
        """Decide whether a gazetteer match is a place mention, and how it is used."""
        first = tokens[s.i]
        prev = tokens[s.i - 1] if s.i > 0 else None
        nxt = tokens[s.j] if s.j < len(tokens) else None
        nxt2 = tokens[s.j + 1] if s.j + 1 < len(tokens) else None
        if nxt is not None and nxt.lower in ("dollar", "dollars") and s.key in COUNTRY_ABBREVIATIONS:
            return False  # "100 billion US dollars": a currency
        # the chunk's other capitalised words: not matched, not ordinary words or months
        # the words of this name: up to an "and" that lists another ("Russia and Stormy Daniels")
        lo, hi = s.i, s.j
        while lo > ci and tokens[lo - 1].text != "and":
            lo -= 1
        while hi < cj and tokens[hi].text != "and":
            hi += 1
        rest = [t for k, t in enumerate(tokens[lo:hi], start=lo)
                if k not in covered and t.word and t.cap and t.lower not in NEVER_PLACES
                and not (t.sent_start and self._common_word(t.lower))
                and not (t.text.isupper() and len(t.text) <= 4 and k + 1 < hi
                         and tokens[k + 1].text in HYPHENS)]  # "DFL-Cook", "R-Marshall": a party
        rest_lower = {t.lower for t in rest}
        ranked = self._rank(s.key)
        if not ranked:
            return False
        if nxt is not None and nxt.word and not nxt.cap and text[s.end:nxt.start] == " " \
                and split_generic(f"x {nxt.lower}")[1] in ("region", "district"):
            # "the Kursk region", "Sindh province": the word says which reading is meant
            hinted = self._rank(f"{s.text} {nxt.lower}")
            if hinted and hinted[0][0].kind == split_generic(f"x {nxt.lower}")[1] and hinted[0][0].gid != ranked[0][0].gid:
                ranked, s.query = hinted, f"{s.text} {nxt.lower}"
        top = ranked[0][0]
        big = top.kind in ("country", "region") or top.population >= BIG_POPULATION
        letters = s.text.replace(".", "").replace(" ", "")
        if s.j - s.i == 1 and first.lower in MODIFIERS:
            return False  # "South", "Central" alone
        if s.j - s.i == 1 and first.lower in DEMONYMS and (
                not (prev and prev.lower in LOCATIVES) or (nxt is not None and nxt.word and not nxt.cap)):
            # "Arab leaders", "Chinese engineers", "in Canadian pension obligations": a demonym,
            # not Arab (Alabama) or Canadian (Oklahoma)
            return False
        if len(letters) <= 3 and not letters.isupper() and not (
                len(letters) == 3 and s.j - s.i == 1 and prev is not None and prev.lower in LOCATIVES
                and text[prev.end:first.start] == " " and s.key not in _webster()[0]
                # (a surname as frequent as "Gao" still names a city of 100,000 after "in")
                and (self._word_zipf(s.key) < COMMON_WORD_ZIPF or top.population >= 100_000)
                and top.population >= SMALL_PLACE):
            # "In", "As", "No" are words, not the codes of India, Samoa, Norway; but "in Jos",
            # "near Gao" name towns
            return False
        dateline = s.text.isupper() and re.match(r"\s*(?:,|\(|—|–|-|:)", text[s.end:s.end + 3]) is not None \
            and (not text[text.rfind("\n", 0, s.start) + 1:s.start].strip()
                 or (first.sent_start and re.match(r"\s*(?:—|–|--)", text[s.end:s.end + 3]) is not None))
        if dateline:
            s.context = True  # "ATLANTA (AP) -", "... debt. MANSFIELD — The": the dateline names a place
        if s.i >= 2 and prev is not None and prev.text in HYPHENS and prev.start == tokens[s.i - 2].end \
                and tokens[s.i - 2].text.isupper() and len(tokens[s.i - 2].text) <= 3:
            s.context = True  # "Sen. Tom Bakk, DFL-Cook": a legislator's party and home town
        if letters.isupper() and len(letters) <= 5 and not (
                s.start < 3 or dateline or s.key.replace(" ", "") in COUNTRY_ABBREVIATIONS
                # a curated acronym ("KP", "GB"), not a curated name in capitals ("SWAT team");
                # a country's ISO code only as COUNTRY_ABBREVIATIONS allows ("CD" is a disc,
                # "IN" a word, though DR Congo and India are curated)
                or any(c.layer in ("curated", "user") and c.kind != "country" and normalize(c.name) != s.key
                       for c, _ in ranked[:3])
                or ("." in s.text and (big or top.feature == "capital"))):
            return False  # an acronym: a place only if known, or defined after a place (see _link)
        talk = s.i >= 2 and prev is not None and prev.lower == "to" and tokens[s.i - 2].lower in TALK_VERBS
        s.context = s.context or bool(
            (prev and prev.lower in LOCATIVES and text[prev.end:first.start] == " " and not talk)
            or (nxt and nxt.lower in PLACE_TYPE_WORDS)
            or (nxt and nxt.text == "," and nxt2 is not None and nxt2.cap)
            or (prev and prev.text == "," and s.i >= 2 and tokens[s.i - 2].cap)
            or self._listed_before_type(tokens, s.j))
        # a title right before the chunk: a person ("Minister Naqvi", "Gen. Jordan")
        chunk_prev = tokens[ci - 1] if ci > 0 else None
        of_place = s.i > ci and tokens[s.i - 1].lower == "of" and not any(
            t.lower in TITLES for t in tokens[s.i:s.j])  # "Sen. Max Baucus of Montana"
        if chunk_prev is not None and chunk_prev.text == "," and ci >= 2 and tokens[ci - 2].lower in TITLES \
                and not tokens[ci - 2].cap and not of_place and top.kind == "city" and not big:
            chunk_prev = tokens[ci - 2]  # "Somalia's president, Hassan Sheikh Mohamud": a person
        if chunk_prev is not None and chunk_prev.lower in TITLES and not of_place:
            self._persons.update(t.lower for t in tokens[ci:cj] if t.cap and t.lower != s.key
                                 or (t.cap and top.kind not in ("country", "region")))
            return False
        if chunk_prev is not None and chunk_prev.text == "." and ci > 1 and tokens[ci - 2].lower in TITLES \
                and not of_place:
            return False
        after_of = s.i > lo and tokens[s.i - 1].lower == "of"
        lead = lo + 1 if tokens[lo].lower == "the" else lo  # "The Minnesota House"
        if rest:
            if rest_lower & ORG_WORDS or any(t.text.isupper() and len(t.text) >= 2 for t in rest):
                s.usage = "in_name"  # "Xinjiang Police Academy", "CTV Saskatoon", "Air France KLM"
            elif all(w in MODIFIERS or w in DEMONYMS for w in rest_lower):
                pass  # "Northern Punjab", "Indian-administered Kashmir"
            elif all(self._notable(t.lower) for t in rest):
                pass  # several places in one chunk ("Karachi Lahore"), rare
            elif after_of and not rest_lower & TITLES:
                pass  # "the CEOs of Europe", "Jodi Mahler of Bellmore": of names a place
            elif after_of or (not rest_lower & TITLES
                              and all(self._common_word(t.lower) for t in rest)
                              and (s.text.title() not in _webster()[1] or big
                                   or top.population >= METONYMY_POPULATION)
                              and (s.i == lead or top.population >= SMALL_PLACE or top.kind != "city")):
                # "Manila Archbishop", "Oman Film Society", "Ruler of Dubai": a place naming
                # something; a person's name holds names, not ordinary words
                s.usage = "in_name"
            else:
                self._persons.update(t.lower for t in rest)
                if top.kind not in ("country", "region"):
                    self._persons.add(s.key)
                return False  # part of a person's name ("Shehbaz Sharif", "Jiang Zaidong")
        # a following "-based"/"-born" etc. is still literal; a possessive or speech verb makes metonymy
        verb = ""
        for t in tokens[s.j:s.j + 4]:
            if t.lower in AUXILIARIES or (t.lower.endswith("ly") and len(t.lower) > 4):
                continue
            verb = t.lower
            break
        if s.usage == "literal" and verb in SPEECH_VERBS and (prev is None or prev.lower not in LOCATIVES):
            known = big or top.population >= METONYMY_POPULATION or top.feature == "capital"
            if not known:
                return False  # "Chen said": a person
            s.usage = "metonymic"
        # an ordinary English word needs locative context ("in Reading"), unless it names a
        # country, a capital or a continent ("Turkey", "Chad")
        famous = top.kind == "country" or top.feature in FAMOUS_FEATURES
        if not letters.isupper() and self._common_word(s.key) and not s.context and not famous \
                and not (top.kind == "city" and big and (s.key not in _webster()[0] or not first.sent_start)):
            return False
        # only an alternate name of a GeoNames place ("Chen" for Chenzhou): needs context
        if not famous and not s.context and top.layer == "geonames" and top.kind == "city" \
                and normalize(top.name) != s.key \
                and split_generic(normalize(top.name))[0] != s.key and s.j - s.i == 1 \
                and not (not top.name.isascii() and _same_skeleton(normalize(top.name), s.key)):
            return False  # but "Douma" for Dūmā is the same name, spelled another way
        # a rare word that is also a small place, with nothing saying "place": a surname, unless
        # the document's other places lie around it (decided after resolution, see _confirm)
        zipf = self._word_zipf(s.key)
        if not big and not s.context and top.kind == "city" and top.layer == "geonames" \
                and top.population < SMALL_PLACE and s.usage == "literal":
            s.tentative = True
        if first.sent_start and not big and not s.context and zipf >= COMMON_WORD_ZIPF and s.j - s.i == 1 \
                and top.population < METONYMY_POPULATION and top.kind not in ("region", "country", "district"):
            return False
        if s.j - s.i == 1 and first.lower in self._persons and not (s.context and (big or dateline)):
            return False  # "Bautista" after "Jose Bautista"; but "from Georgia" stays a place
        if prev is not None and prev.lower in SPEECH_VERBS and not famous and not big and cj - ci == s.j - s.i \
                and not (nxt is not None and (nxt.lower in TITLES or nxt.lower in ORG_WORDS)):
            return False  # "said Salah"
        s.ranked = ranked
        return True

    @staticmethod
    def _facility(text: str, tokens: list[Token], kept: list[_Span], i: int, j: int) -> _Span | None:
        """A facility named after a person: "Modibo Keita International Airport".

        When a place name inside a facility's name follows other capitalised words (a given
        name), the facility is the mention, not the place ("Keita"); "Woodstock General
        Hospital", a place first, keeps the place.
        """
        if not kept or tokens[j - 1].lower not in FACILITY_WORDS or any(s.usage != "in_name" for s in kept):
            return None
        first = min(s.i for s in kept)
        if first == i or not all(t.cap and t.word for t in tokens[i:first]) or tokens[i].lower in TITLES \
                or tokens[i].lower == "the":
            return None
        start, end = tokens[i].start, tokens[j - 1].end
        return _Span(i, j, start, end, text[start:end], normalize(text[start:end]), context=True)

    @staticmethod
    def _listed_before_type(tokens: list[Token], j: int) -> bool:
        """Whether tokens[j:] read "and <Name> <place types>": "Plateau and Benue states"."""
        if j + 2 >= len(tokens) or tokens[j].text != "and" or not tokens[j + 1].cap:
            return False
        k = j + 1
        while k < len(tokens) and k < j + 5 and tokens[k].cap:
            k += 1
        return k < len(tokens) and tokens[k].lower in PLACE_TYPE_WORDS and tokens[k].lower.endswith("s")

    def _notable(self, key: str) -> bool:
        """Whether ``key`` names a country, a region or a city of METONYMY_POPULATION or more."""
        if not self._is_name(key):
            return False
        ranked = self._rank(key)
        return bool(ranked) and (ranked[0][0].kind in ("country", "region")
                                 or ranked[0][0].population >= METONYMY_POPULATION)

    def _common_word(self, key: str) -> bool:
        """Whether ``key`` is an ordinary English word ("police", "reading", "orange").

        A word written lowercase in Webster's 2nd (which capitalises proper nouns) and not
        rare in today's English, or a very frequent word no dictionary knows as a name.
        """
        found = self._common.get(key)
        if found is None:
            found = self._common[key] = self._is_common_word(key)
        return found

    def _is_common_word(self, key: str) -> bool:
        if " " in key:
            return False
        lower, proper = _webster()
        zipf = self._word_zipf(key)
        singular = key[:-1] if key.endswith("s") else key
        if (key in lower or singular in lower) and zipf >= 3.0:
            return True
        return zipf >= 4.6 and key.capitalize() not in proper

    def _word_zipf(self, key: str) -> float:
        z = self._zipf.get(key)
        if z is None:
            from wordfreq import zipf_frequency

            z = self._zipf[key] = zipf_frequency(key, "en")
        return z

    def _rank(self, query: str) -> list[tuple[Candidate, float]]:
        r = self._ranked.get(query)
        if r is None:
            r = self._ranked[query] = self.geocoder.candidates(query)
        return r

    # ------------------------------------------------------------------ linking

    def _link(self, text: str, tokens: list[Token], spans: list[_Span]) -> None:
        """Qualifiers ("A, B district", "A in B") and abbreviations ("Gilgit-Baltistan (GB)")."""
        by_start = {s.i: s for s in spans}
        for k, s in enumerate(spans):
            # "A, B" / "A in B" / "A area of B" with B the next mention
            if k + 1 < len(spans):
                b = spans[k + 1]
                between = text[s.end:b.start].strip().lower()
                if k + 2 < len(spans) and b.ranked and b.ranked[0][0].kind == "country" \
                        and text[b.end:spans[k + 2].start] in ("'s ", "’s "):
                    # "Bassa local government area of Nigeria's Plateau state": the state
                    between, b = f"{between} {b.text.lower()}'s", spans[k + 2]
                    between = between.rsplit(" ", 1)[0] if _AREA_OF.fullmatch(between.rsplit(" ", 1)[0]) else between
                if between in (",", "in", "of", "area of", "district of", "near", "district,",
                               "city of", "town of", "in the", "area in", "district in") or \
                        _AREA_OF.fullmatch(between) or \
                        between.rstrip(",").strip() in ("district", "province", "region"):
                    bq = b.ranked[0][0] if b.ranked else None
                    aq = s.ranked[0][0] if s.ranked else None
                    if bq is not None and aq is not None and aq.kind != "country" \
                            and bq.kind in ("district", "region", "country", "city"):
                        s.qualifier = b
            # abbreviation defined right after the name
            m = re.match(r"\s*\(\s*([A-Z][A-Za-z]{1,5})\s*\)", text[s.end:s.end + 12])
            if m and _abbreviates(m.group(1), s.text):
                abbr = m.group(1)
                for t_index, t in enumerate(tokens):
                    if t.text == abbr and t.start > s.end and t_index not in by_start:
                        alias = _Span(t_index, t_index + 1, t.start, t.end, t.text, s.key,
                                      usage="literal", context=True, abbrev_of=s, ranked=s.ranked)
                        spans.append(alias)
                        by_start[t_index] = alias
                for other in spans:
                    if other.text == abbr and other is not s and other.abbrev_of is None:
                        other.abbrev_of = s
        spans.sort(key=lambda sp: sp.start)

    # ------------------------------------------------------------------ resolution

    def _resolve(self, spans: list[_Span], demonyms: Counter, *, dateline_first: bool) -> None:
        # qualified names are re-ranked with their qualifier written out
        for s in spans:
            if s.qualifier is not None:
                ranked = self._rank(f"{s.query or s.text}, {s.qualifier.query or s.qualifier.text}")
                if ranked and ranked[0][0].via != "qualifier" and self._fits_qualifier(ranked[0][0], s.qualifier):
                    s.ranked = ranked
        # Context from the document: the countries its places and demonyms are in, the places
        # it names for sure (anchors), and the areas its places lie in. A name's own mentions
        # are left out of its context, so "Georgia" alone cannot vote for the country Georgia.
        chosen0: dict[int, tuple[Candidate, float]] = {}
        for k, s in enumerate(spans):
            if s.ranked and s.abbrev_of is None and not s.tentative:
                c, share = s.ranked[0]
                if share >= 0.8 or c.kind == "country":
                    chosen0[k] = (c, share)
        dateline, dateline_key = None, None
        if dateline_first and spans and spans[0].start < 40 and spans[0].ranked:
            dateline, dateline_key = spans[0].ranked[0][0], spans[0].key
        picks = chosen0
        ctx = _Context(spans, demonyms, dateline, dateline_key)
        for _ in range(2):
            ctx.using(picks)
            done: dict[tuple[str, int], tuple[Candidate, float] | None] = {}
            for s in spans:
                if s.abbrev_of is not None:
                    continue
                once = (s.key, id(s.ranked))  # the same name read the same way: one choice
                if once not in done:
                    done[once] = self._choose(s.ranked, *ctx.without(s.key), near=ctx.near)
                s.chosen = done[once]
            picks = {k: s.chosen for k, s in enumerate(spans)
                     if s.chosen is not None and s.abbrev_of is None and not s.tentative}
        for s in spans:
            if s.abbrev_of is not None:
                s.chosen = s.abbrev_of.chosen

    @staticmethod
    def _fits_qualifier(head: Candidate, qualifier: _Span) -> bool:
        """Whether a reading of "A, B" agrees with B's own reading when B is a city.

        "Brooklyn, New York" is the Brooklyn beside New York City; "After Paris, London is
        ..." must not become a Paris beside some other, small London.
        """
        q = qualifier.ranked[0][0] if qualifier.ranked else None
        if q is None or q.kind != "city":
            return True
        return distance_km((head.lat, head.lon), (q.lat, q.lon)) <= QUALIFIER_CITY_KM

    @staticmethod
    def _confirm(spans: list[_Span]) -> list[_Span]:
        """Drop the tentative small places that no other place of the document lies around.

        Support is a sure place in the same county (or the county itself, named) or within
        LOCAL_KM: "Perham" beside "Otter Tail County", "Lakeview" beside its town.
        """
        if not any(s.tentative for s in spans):
            return spans
        sure = [s.chosen[0] for s in spans if not s.tentative and s.chosen is not None]
        out = []
        for s in spans:
            if s.tentative:
                c = s.chosen[0] if s.chosen is not None else None
                if c is None or not any(
                        (d.db == c.db and (d.id == c.admin2_id or (c.admin2_id is not None
                                                                  and d.admin2_id == c.admin2_id)))
                        or (d.kind in ("city", "site") and abs(d.lat - c.lat) < 1.0
                            and distance_km((d.lat, d.lon), (c.lat, c.lon)) <= LOCAL_KM)
                        for d in sure if d.id != c.id):
                    continue
            out.append(s)
        return out

    @staticmethod
    def _choose(ranked: list[tuple[Candidate, float]], countries: tuple[Counter, Counter], total: int,
                key: str = "", areas: tuple[Counter, set] = (Counter(), set()),
                parents: tuple[Counter, set] = (Counter(), set()),
                near=None) -> tuple[Candidate, float] | None:
        if not ranked:
            return None
        if len(ranked) == 1:
            return ranked[0]
        all_countries, own_countries = countries
        area_count, own_areas = areas
        parent_count, own_parents = parents
        values: list[float] = []
        best = -math.inf
        # areas this very name may mean: that other places lie in one is evidence for the
        # area reading ("Iowa" among Iowa towns), not for a namesake inside it (Iowa City)
        itself = {(c.db, c.id) for c, _ in ranked[:CANDIDATES_FOR_COHERENCE] if c.kind in ("region", "district")}
        for c, share in ranked:
            v = math.log(max(share, 1e-9))
            if v + MAX_CONTEXT_BONUS < best:
                break  # ranked by share: no later candidate can win any more
            votes = max(all_countries.get(c.country, 0) - own_countries.get(c.country, 0), 0)
            v += COUNTRY_CONTEXT_BONUS * votes / total + (COUNTRY_SEEN_BONUS if votes else 0.0)
            if near is not None and c.kind in ("city", "site", "district", "other") and near(c, key):
                v += NEAR_CONTEXT_BONUS
            # in an area that another name means or lies in (counts are of names; not its own)
            a1, a2 = (c.db, c.admin1_id), (c.db, c.admin2_id)
            if (a1 not in itself and area_count.get(a1, 0) > (a1 in own_areas)) or \
                    (a2 not in itself and area_count.get(a2, 0) > (a2 in own_areas)):
                v += AREA_CONTEXT_BONUS
            me = (c.db, c.id)
            if c.kind in ("region", "district") and parent_count.get(me, 0) > (me in own_parents):
                v += PARENT_CONTEXT_BONUS  # "Georgia" where the other places lie in Georgia
            values.append(v)
            best = max(best, v)
        top = max(values)
        weights = [math.exp(v - top) for v in values]
        k = max(range(len(values)), key=lambda idx: (values[idx], -idx))
        return ranked[k][0], weights[k] / sum(weights)


MAX_CONTEXT_BONUS = (COUNTRY_CONTEXT_BONUS + COUNTRY_SEEN_BONUS + NEAR_CONTEXT_BONUS
                     + AREA_CONTEXT_BONUS + PARENT_CONTEXT_BONUS)


class _Context:
    """What a document's places say, kept per name so that a name can be left out of its own.

    ``areas`` counts, for each area, the names that lie in it or may mean it; ``parents``
    the names that lie in it. "Athens" and "Macon" may both lie in the US state Georgia,
    which makes that state, and those readings, likelier together.
    """

    def __init__(self, spans: list[_Span], demonyms: Counter, dateline: Candidate | None,
                 dateline_key: str | None = None):
        self.spans = spans
        self.demonyms = demonyms
        self.dateline = dateline
        self.dateline_key = dateline_key
        # what any reading of a name would say (fixed for the document)
        self.maybe_areas: dict[str, set] = {}
        self.maybe_parents: dict[str, set] = {}
        for sp in spans:
            if sp.abbrev_of is not None or sp.key in self.maybe_areas:
                continue
            areas, parents = self.maybe_areas[sp.key], self.maybe_parents[sp.key] = set(), set()
            for c, _ in sp.ranked[:CANDIDATES_FOR_COHERENCE]:
                if c.kind in ("region", "district"):
                    areas.add((c.db, c.id))
                if c.admin1_id is not None:
                    parents.add((c.db, c.admin1_id))
                if c.admin2_id is not None:
                    parents.add((c.db, c.admin2_id))
        self.maybe_area_count = Counter(a for v in self.maybe_areas.values() for a in v)
        self.maybe_parent_count = Counter(a for v in self.maybe_parents.values() for a in v)

    def using(self, picks: dict[int, tuple[Candidate, float]]) -> None:
        """Take the chosen (or sure) reading of each mention as the context."""
        self.countries: dict[str, Counter] = {}
        self.anchors: dict[str, list[Candidate]] = {}
        # the areas the chosen readings lie in, beyond what every reading already said
        extra_areas: dict[str, set] = {}
        extra_parents: dict[str, set] = {}
        for k, (c, share) in picks.items():
            key = self.spans[k].key
            self.countries.setdefault(key, Counter())[c.country] += 2 if c.kind == "country" else 1
            if c.kind in ("city", "site", "district") and share >= 0.5:
                self.anchors.setdefault(key, []).append(c)
            for parent in (c.admin1_id, c.admin2_id):
                if parent is not None:
                    a = (c.db, parent)
                    if a not in self.maybe_areas.get(key, ()):
                        extra_areas.setdefault(key, set()).add(a)
                    if a not in self.maybe_parents.get(key, ()):
                        extra_parents.setdefault(key, set()).add(a)
        self.area_count = self.maybe_area_count.copy()
        for v in extra_areas.values():
            self.area_count.update(v)
        self.parent_count = self.maybe_parent_count.copy()
        for v in extra_parents.values():
            self.parent_count.update(v)
        self.extra_areas, self.extra_parents = extra_areas, extra_parents
        total = Counter(self.demonyms)
        for cs in self.countries.values():
            total.update(cs)
        anchors: list[tuple[str | None, Candidate]] = [(k, a) for k, v in self.anchors.items() for a in v]
        if self.dateline is not None:
            total[self.dateline.country] += DATELINE_VOTES
            # the dateline speaks for every name but its own (its top reading is no evidence
            # for itself: "A spokesman for the White House said" is no dateline in Morocco)
            anchors.append((self.dateline_key, self.dateline))
        self.total_countries = total
        self.total_sum = sum(total.values())
        self.anchor_points = [(k, a.id, a.lat, a.lon) for k, a in anchors[:MAX_ANCHORS]]
        self._cache: dict = {}
        self._near: dict[tuple[str, int], frozenset] = {}

    def near(self, c: Candidate, key: str) -> bool:
        """Whether ``c`` lies within NEAR_KM of a sure place named by another name than ``key``."""
        found = self._near.get((c.db, c.id))
        if found is None:  # the names of up to two sure places near it: enough to answer any name
            clat, clon, cid = c.lat, c.lon, c.id
            lo, hi = clat - _NEAR_DEG, clat + _NEAR_DEG
            keys: list = []
            for k, aid, alat, alon in self.anchor_points:
                if lo <= alat <= hi and aid != cid and k not in keys \
                        and distance_km((alat, alon), (clat, clon)) <= NEAR_KM:
                    keys.append(k)
                    if len(keys) == 2:
                        break
            found = self._near[(c.db, c.id)] = frozenset(keys)
        return bool(found) and (len(found) > 1 or key not in found)

    def without(self, key: str) -> tuple:
        """((countries, own), their total, key, areas, parents): the context of every name but
        ``key`` (counts of all names with this name's own beside them, to take away)."""
        found = self._cache.get(key)
        if found is None:
            countries = self.total_countries
            own = self.countries.get(key) or Counter()
            if key == self.dateline_key and self.dateline is not None:
                own = own + Counter({self.dateline.country: DATELINE_VOTES})
            total = (self.total_sum - sum(own.values())) or 1
            # the areas named, or lying around places named, by other names than this one
            own_areas = self.maybe_areas.get(key, set()) | self.extra_areas.get(key, set())
            own_parents = self.maybe_parents.get(key, set()) | self.extra_parents.get(key, set())
            found = self._cache[key] = ((countries, own), total, key,
                                        (self.area_count, own_areas), (self.parent_count, own_parents))
        return found
