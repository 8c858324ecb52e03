"""Events from news reports: type, status, date, places with roles, casualties, actors, evidence.

Rules over sentences, general to news prose (no article's own words):

* a sentence with a trigger word (``attack``, ``bombing``, ``signed``, ``MoU``, ``talks``,
  ``visit`` …) states an event of that type; the subtype comes from the trigger;
* status is ``planned`` when the sentence speaks of the future (``will``, ``is to``,
  ``next month`` …), ``agreed`` for agreements, else ``occurred``;
* the date is the date expression nearest the trigger in the sentence, resolved against the
  publication date; unknown stays null;
* places are the literal mentions of the sentence, with roles from their prepositions
  (``from A to B``: origin and destination; ``A or B``: alternatives); a qualifier written
  next to a name ("Besham, Shangla district") is not a second place;
* casualties are the lowest total the text states for the event (``at least six people,
  including five …`` is 6), null when none is stated;
* a later sentence about the same event (same type, compatible date and place, or a
  definite "the attack") adds evidence and facts to it instead of making a new event.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gazetteer.build import distance_km

from .dates import MONTHS, PROSE_PATTERNS, DateMention, date_expressions, resolve_dates
from .geoparse import Geoparser
from .lexicon import DEMONYMS
from .records import Event, Mention, Place, PlaceRef, Source
from .reports import Report, blank_furniture
from .scan import MultiScanner

__all__ = ["extract_events", "Extractor", "split_sentences"]

# --------------------------------------------------------------------------- lexicons

# "was freed", "were shut": the auxiliary is looked behind, so that scanning does not stop at every "was"
_AUX = r"(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen )|(?<=\bbeing ))"
_TRIGGERS: dict[str, list[tuple[str, str | None]]] = {
    "attack": [
        (r"suicide (?:bomb(?:ing|er|ers)?|attack(?:er|ers)?|blast|car bomb(?:ing)?)", "suicide bombing"),
        (r"car bomb(?:ing)?s?|truck bomb(?:ing)?s?|vehicle-borne", "car bombing"),
        (r"bomb(?:ing|ings|ed|er|ers|s)?|blasts?|explosions?|exploded|explosives?-laden|IEDs?|"
         r"improvised explosive|explosive devices?", "bombing"),
        (r"blown up|blew up|blew (?:himself|herself|themselves) up|detonated",
         "bombing"),
        (r"gunmen|gunfire|shot dead|shot and (?:wounded|injured|killed)|shooting|opened fire|fired (?:on|at|upon)|gunned down|gun attack|"
         r"assassinat(?:ed|ion of)", "shooting"),
        (r"ambush(?:ed|es)?", "ambush"),
        (r"stabbed(?: to death)?|stabbings?|knife attacks?", "stabbing"),
        (r"hostage-taking|hostages?|(?:laid )?siege|seized (?:a|the) (?:[\w-]+ )?(?:school|hotel|theat(?:re|er)|"
         r"building|hospital|mall)|hijack(?:ed|ing|ers?)", "hostage siege"),
        (r"rockets? (?:attacks?|fired|hit|struck)|missiles? (?:attacks?|strikes?|struck|hit)|mortar|shell(?:ing|ed)|"
         r"(?:fired|launched) (?:[\w-]+ ){0,3}?(?:missiles?|rockets?|mortars?|shells?|drones?) (?:at|on|into|towards?|against)|"
         r"drones? (?:(?:had|have|has|also) )?(?:strikes?|struck|attacks?|hit)|air ?strikes?", "strike"),
        (r"grenade(?: attack)?s?", "grenade attack"),
        # "carried out strikes on rebel targets", "an artillery shell struck a camp"
        # (anchored at the rare "strikes", not at every "carried" and "conducted")
        (r"(?=strikes)(?:" + "|".join(rf"(?<=\b{verb} {what})" for verb in ("carried out", "conducted", "launched")
                                      for what in ("", "air ", "drone ", "missile ", "precision ", '"precision ',
                                                   "retaliatory ", "fresh ", "new ", "more ", "several ", "multiple ",
                                                   "a series of ", "a wave of ")) + r")strikes|"
         r"shells? (?:struck|hit|landed|slammed|exploded)", "strike"),
        # "struck Hezbollah targets in southern Lebanon", "bombed militant hideouts" (not "struck a deal")
        (r"(?:struck|bombed|shelled|targeted) (?:[\w'’-]+ ){0,3}?(?:targets|positions|hideouts|strongholds|"
         r"camps|depots|launch(?:ing)? sites|command cent(?:re|er)s)\b", "strike"),
        # "Russia pounded the capital and Odesa with drones and missiles" (not "pounded the table")
        (r"pound(?:ed|ing|s)?(?=[^.;]{0,80}?\bwith (?:[\w-]+ )?(?:drones|missiles|rockets|artillery|shells|bombs|"
         r"air ?strikes)\b)", "strike"),
        # "the group sank two bulk carriers", "the Houthis sank the Liberian-flagged Eternity C"
        # (not "a ferry sank", "sank his hopes")
        (r"(?:sank|sunk) (?:an?|the|two|three|four|several|\d+) (?=(?-i:[A-Z])|(?:[\w-]+ ){0,3}(?:ships?|vessels?|boats?|"
         r"carriers?|tankers?|ferr(?:y|ies)|frigates?|destroyers?|freighters?|warships?|cargo|dhows?|trawlers?)\b)", "strike"),
        (r"strikes? on (?:a|an|the|two|three|several) ", "strike"),
        # "Israeli strikes across the Gaza Strip killed 18", "Russian strikes killed five": strikes told with their
        # dead (a modifier before them: see _generic)
        (r"strikes?(?= (?:(?:across|in|on|near|against) [^.;]{0,50}?)?(?:killed|kill|kills|have killed|"
         r"wounded|injured)\b)", "strike"),
        # "Russia also struck energy facilities in the Kharkiv region"
        # (anchored at the object, not at every "hit")
        (r"(?=energy|power|fuel|oil|gas|grain|rail)(?:(?<=\bstruck )|(?<=\bstruck an )|(?<=\bstruck the )|(?<=\bhit )|(?<=\bhit an )|(?<=\bhit the )|(?<=\bpounded )|(?<=\bpounded an )|(?<=\bpounded the )|(?<=\btargeted )|(?<=\btargeted an )|(?<=\btargeted the )|(?<=\bshelled )|(?<=\bshelled an )|(?<=\bshelled the )|(?<=\bbombed )|(?<=\bbombed an )|(?<=\bbombed the )|(?<=\balso struck )|(?<=\bstruck several )|(?<=\bstruck two ))"
         r"(?:energy|power|fuel|oil|gas|grain|railway|rail) (?:facilit(?:y|ies)|"
         r"infrastructure|plants?|stations?|depots?|terminals?|buildings?|targets|sites?|lines?|hubs?)", "strike"),
        (r"lynch(?:ed|ing)|(?:mob|mobs) (?:attacked|stormed)", "mob attack"),
        (r"torched|set (?:fire to|ablaze)|arson attack", "arson"),
        (r"exchanges? of fire|(?=fire)(?:(?<=\bexchanged )|(?<=\bexchanging )|(?<=\btraded )|(?<=\btrading )|(?<=\bexchanged heavy ))fire\b|fired on each other|shoot-?outs?|gun ?fights?|fire ?fights?|armed clash(?:es)?|"
         r"clash(?:ed)? with (?:the )?(?:[\w-]+ )?"
         r"(?:forces|troops|soldiers|police|militants|army)", "armed clash"),
        # an operation is an event where the sentence states its dead or wounded (see the extraction loop)
        # "In another engagement, troops killed four militants": like an operation, only with its dead or wounded
        (r"(?=engagement)(?:(?<=\bthe )|(?<=\ban )|(?<=\banother )|(?<=\bseparate )|(?<=\bsecond )|(?<=\bthird ))engagements?", "armed clash"),
        # "foiled an infiltration bid, killing 16 terrorists": an event only with its dead (see the extraction loop)
        # (anchored at the rare word, not at every "the" and "for")
        (r"infiltration(?: (?:bid|attempt)s?)?|(?<=\bto )infiltrate", "armed clash"),
        (r"(?=operation)(?:(?<=\bintelligence-based )|(?<=\bintelligence based )|(?<=\bsecond )|(?<=\bthird )|(?<=\banother )|(?<=\bseparate )|(?<=\bsecurity )|(?<=\bmilitary )|(?<=\bcounter-terrorism )|(?<=\bcounterterrorism )|(?<=\bcounter-insurgency )|(?<=\bcounterinsurgency )|(?<=\barmy )|(?<=\bjoint )|(?<=\bclearance )|(?<=\bsearch )|(?<=\bcordon-and-search ))operations?", "armed clash"),
        # "the RSF seized El Fasher", "captured the town of Pokrovsk" (not "seized drugs")
        (r"(?:captured|seized|overran|overrun|(?:took|taken|taking) control of|retook|recaptured|regained control of)\s+(?=(?-i:[A-Z])[\w'-]+|"
         r"(?:the|a|an) (?:[\w-]+ )?(?:city|town|village|district|base|garrison|airport|port|camp|barracks|outpost|"
         r"post|checkpoint)s?\b)", "capture"),
        (r"invad(?:ed|es|ing)|(?:military|ground|lightning|full-scale|major) (?:invasion|offensive)", "offensive"),
        (r"assault(?:ed)?|stormed|storming|(?:(?<=tried to )|(?<=attempted to )|(?<=trying to )|(?<=attempting to ))storm|"
         r"raid(?:ed)? on|raided|raids?|burst into|"
         r"(?:(?<=force their )|(?<=forced their )|(?<=forcing their )|"
         r"(?<=force its )|(?<=forced its )|(?<=forced a ))way into", "armed assault"),
        (r"attack(?:s|ed|ing|ers?)?|massacre|militants? struck|"
         r"killed in an? (?:attack|blast)|terrorist (?:incident|act)|act of terror", None),
        # "Rebels killed at least 20 civilians ... over the weekend": the attackers name the attack when the
        # sentence tells its dead and no deed (see the extraction loop)
        # (not "militants": the scanner would try the trigger pattern at every "military")
        # ("terrorists", "khawarij": the ISPR's "19 khawarij were sent to hell in Datta Khel on Wednesday")
        (r"rebels|jihadists|insurgents|bandits|terrorists|khawarij", "armed assault"),
        # "killed in fighting at the prison", "after fighting broke out": events with their dead or wounded (see the
        # extraction loop); anchored at the rare noun, not at every "killed"
        (r"(?=fighting|crossfire|unrest)(?:(?<=\bin )|(?<=\bin the )|(?<=\bin a ))(?:fighting|crossfire|unrest)|"
         r"(?:fighting|clashes|gunfights?) (?:broke out|erupted)|clashes (?:between|with)|clashed with", "armed clash"),
        # a riot is told as an event with its dead or wounded (see the extraction loop)
        (r"riots?|rioting", "riot"),
        # "six people were killed in the American strikes": a strike is an event only with its dead or wounded
        # (see the extraction loop), not "a strike by dock workers" nor "to strike a deal"
        (r"(?<!hunger )(?<!labour )(?<!labor )(?<!general )strikes?(?! (?:a|an|the) (?:deal|balance|chord|note|pose|bargain))", "strike"),
    ],
    "agreement": [
        (r"memorand(?:um|a|ums) of understanding|MoUs?|MOUs?", "MoU"),
        # "witnessed the exchange of more than 20 cooperation documents": Xinhua's word for the signed texts
        (r"cooperation documents|(?:exchanged|exchange of) (?:[\w-]+ ){0,4}?documents", "MoU"),
        (r"cease-?fire|truce|peace (?:deal|agreement|accord)", "ceasefire"),
        (r"(?:(?<=\bto )|(?<=\bwill )|(?<=\bwould )|(?<=\bshall ))sign\b|agreements?|"
         r"agreed (?:(?:last|this|next) \w+ |on \w+day |in \w+ )?(?:to|on|that|in|at|with|during|"
         r"after|upon)|agreed (?:the|a|an) (?:[\w-]+ ){0,2}(?:text|terms|deal|plan|roadmap|framework|draft)|"
         r"initial(?:l)?ed|signed|signing|inked|accords?|pacts?|agreeing (?:to|on)|"
         r"reached (?:a |an )?(?:[\w-]+ )?consensus|"
         r"treaty|deals?|"
         r"protocol|"
         # "formed the Alliance of Sahel States": founding a bloc is agreeing to it
         r"(?=alliance|bloc|confed|coalition|union|federation|organi)(?:(?<=\bformed a )|(?<=\bformed an )|(?<=\bformed the )|(?<=\bfounded a )|(?<=\bfounded an )|(?<=\bfounded the )|(?<=\bestablished a )|(?<=\bestablished an )|(?<=\bestablished the )|(?<=\bcreated a )|(?<=\bcreated an )|(?<=\bcreated the ))(?:alliance|bloc|confederation|coalition|union|federation|"
         r"organi[sz]ation)\b", None),
    ],
    "meeting": [
        (r"summit", "summit"),
        # a call at an embassy is a meeting there, not a trip
        (r"(?:visit(?:ed|ing|s)?|went to) (?:the )?(?:[\w-]+ ){0,2}(?:embassy|embassies|consulates?|"
         r"high commission)", "call"),
        (r"(?<!group )(?<!outfit )(?<!party )(?<!movement )(?<!so-)(?<!also )(?<!is )(?<!are )(?<!was )(?<!were )"
         r"called (?:his |her |their )?(?:[\w-]+ )?counterparts?\b|(?<!group )(?<!outfit )(?<!party )(?<!movement )"
         r"(?<!so-)(?<!also )(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )called (?-i:[A-Z])[\w'’-]+ "
         r"(?-i:[A-Z])[\w'’-]+ (?:(?-i:[A-Z])[\w'’-]+ )?(?:on|to|and|late|earlier)\b|"
         r"telephone (?:call|conversation)|phone (?:call|conversation)|spoke (?:by|on the|over the) (?:tele)?phone|"
         r"telephoned|phoned|video (?:call|link|conference)|virtual meeting", "call"),
        (r"met (?:with )?|meeting|meetings|talks|held talks|discussed|call(?:ed|s|ing)? on|conference|dialogue|"
         r"consultations|session|negotiations|"
         # "will meet the Iraqi defence minister", "ministers meet in Tashkent" (not "meet the demand")
         r"meets? (?:again |later |separately )?(?:with |in |at )?(?:(?:his|her|their|the) )?(?:[a-z-]+ )?"
         r"(?:(?-i:[A-Z])[\w-]*|counterparts?|leaders?|officials|elders|"
         r"delegat\w+|(?:vice-?)?president|prime|ministers?|foreign|defen[cs]e|interior|ambassador|envoy)|"
         # "President Zardari received the Chinese vice premier" (not "received injuries")
         r"received (?:(?-i:[A-Z])[\w-]*|the (?:[\w-]+ ){0,2}(?:envoy|ambassador|delegation|minister|president|"
         r"premier|prime minister|vice premier|governor|chief|secretary|counterpart|consul))", None),
    ],
    "other": [
        (r"(?:called off|ended|broke|scrapped|abandoned|pulled out of) (?:a|the|its|their) "
         r"(?:[\w-]+ ){0,2}(?:cease-?fire|truce)", "ceasefire ended"),
        (r"kidnap(?:ped)?|kidnappings? of|abduct(?:ed|ions?)", "kidnapping"),
        (r"(?=power)(?:(?<=\bseized )|(?<=\btook )|(?<=\bgrabbed )|(?<=\bcame to ))power\b|staged (?:a|the) (?:[\w-]+ )?coup|(?:military|palace) coup|"
         r"coup d['’]état", "coup"),
        # (not "withdrew from", which would be tried at every "with")
        (r"pulled out of (?:the )?(?=(?-i:[A-Z])|(?:[\w-]+ )?(?:treaty|agreement|deal|pact|"
         r"bloc|alliance|accord|convention)\b)", "withdrawal"),
        (r"" + _AUX + r"(?:freed|released|rescued|recovered (?=unharmed|safe|alive))|set free", "release"),
        (r"order(?:ed|s)? (?:an?|the) (?:[\w-]+ ){0,2}(?:investigation|inquiry|probe)|"
         r"(?=judicial|investigation|inquiry|probe)(?:(?<=\bannounced a )|(?<=\bannounced an )|(?<=\blaunched a )|(?<=\blaunched an )|(?<=\bopened a )|(?<=\bopened an ))(?:judicial )?"
         r"(?:investigation|inquiry|probe)|"
         r"orders? (?:an? )?probe",
         "investigation"),
        (r"inaugurat(?:ed|es|ing|ion)", "inauguration"),
        (r"hand(?:ed|ing|s)? over (?:control of |responsibility for )?(?:the |more |its |their |\w+ )?(?:[\w-]+ )?"
         r"(?:bases?|security|power|prisoners|bodies|control)|handover of", "handover"),
        (r"re-?open(?:ed|ing|s)?", "reopening"),
        (r"ground-?breaking|laid the foundation stone", "groundbreaking"),
        (r"protests?|protesters|demonstrat(?:ion|ions|ors)|rall(?:y|ies) against|sit-ins?", "protest"),
        (r"arrest(?:ed|s)|detained", "arrest"),
        (r"took office|assumed office|returned to (?:office|power)|" + _AUX + r"sworn in", "took office"),
        (r"appeared (?:in|at|before) (?:a |the )?(?:[\w'’.-]+ ){0,4}court|" + _AUX + r"(?:charged|indicted|"
         r"convicted|sentenced)", "court"),
        (r"suspend(?:ed|s)|halted work|closed the (?:border|crossing)|" + _AUX + r"(?:shut|closed)(?! to)|"
         r"shut (?:on|down|in|for|after)\b", "suspension"),
    ],
    "visit": [
        (r"state visit|official visit", "official visit"),
        (r"visit(?:s|ed|ing)?|trip|tour(?:ed|ing)?|arrived (?:in|at)|travel(?:l)?ed to|will travel|"
         r"travel(?:s|l?ing)? to|landed (?:in|at)|(?:send|sends|sent|sending|dispatch(?:ed)?) (?:a |an |its |his |her )?"
         r"(?:[\w-]+ )?(?:delegation|mission|envoy) to|"
         r"flew to|(?:fly|flies|flying) to (?=(?-i:[A-Z]))|to travel to|(?:left|departed|departing|set off|leaves|leaving|departs) for (?-i:[A-Z])[\w-]*|"
         r"(?:heads|heading|head|headed) (?:to|for) (?-i:[A-Z])[\w-]*|arriv(?:e|es|ing) (?:in|at)|"
         r"reached (?-i:[A-Z])[\w-]*|"
         # "Premier Li is due in Islamabad on Monday" (not "due in March")
         r"(?:(?<=\bis )|(?<=\bare ))due (?:in|at) (?!(?:January|February|March|April|May|June|July|August|September|October|"
         r"November|December)\b)(?-i:[A-Z])[\w-]*", None),
    ],
}
_TRIGGER_WORDS = {k: re.compile(v, re.I) for k, v in {
    "attack": r"attack|blast|bombing|explosion|incident|assault|ambush|shooting|gunmen|bomber|raid",
    "meeting": r"meeting|talks", "visit": r"visit|trip|tour",
    "agreement": r"agreement|deal|ceasefire|truce|accord|pact|treaty|memorandum|MoU",
    "other": r"inauguration|reopening|protest|arrest|kidnapping|abduction|investigation"}.items()}
# one regex for all types, scanned once per sentence; the group that matched names the type
# and subtype (within a type, earlier alternatives are the more specific)
_TRIGGER_ALL = re.compile("|".join(rf"(?P<{t}__{i}>\b(?:{p})\b)" for t, pats in _TRIGGERS.items()
                                   for i, (p, _) in enumerate(pats)), re.I)
_BARE_STRIKE = f"attack__{len(_TRIGGERS['attack']) - 1}"  # the last attack pattern: "strikes" alone
_SUBTYPES = {f"{t}__{i}": (t, sub) for t, pats in _TRIGGERS.items() for i, (_, sub) in enumerate(pats)}
_NOT_EVENTS = re.compile(r"\b(?:heart attack|panic attack|(?:suspended|shut) (?:[\w-]+ ){0,2}?(?:several|many|multiple|numerous|countless) times|visit (?:[\w-]+ ){0,3}?at (?:a|an) (?:time convenient|mutually convenient|convenient time|early date)|(?=attack)(?:(?<=\bbegan )|(?<=\bbegun )|(?<=\bstarted )|(?<=\bcontinued )|(?<=\bcontinue )|(?<=\bcontinues )|(?<=\bkept )|(?<=\bbegan to )|(?<=\bstarted to )|(?<=\bcontinued to )|(?<=\bcontinue to ))attack(?:ing)?|where (?:the )?(?:[\w-]+ ){1,3}meets?(?= [A-Z])|(?:press|news|media) (?:conferences?|briefings?)|(?:talks|negotiations|visit|trip|meeting|summit)(?= (?:were|was|had been|have been|has been) (?:suspended|frozen|stalled|halted|called off|postponed|put on hold|put off|cancell?ed|broken off|deferred))|(?:talks|negotiations)(?= (?:stalled|collapsed|broke down))|(?:attacks?|assaults?) on (?:its|their|his|her|our|the country['’]s|the nation['’]s|"
                         r"[A-Z]\w+['’]s) (?:sovereignty|territorial integrity|independence|dignity|democracy|"
                         r"constitution|rights|freedoms?|values|honou?r|reputation|identity)|attack(?:ed|s)? (?:the|his|her|their) "
                         r"(?:policy|policies|decision|remarks?|critics?)|bomb(?:ed)? at the box office|"
                         r"signed (?:off|up|in|away)|trip(?:ped)? over|visitors?|meeting (?:rooms?|halls?|place|"
                         r"point)|conference (?:rooms?|halls?|centre|center)|visiting (?:[\w-]+ )?(?:dignitaries|"
                         r"delegations?|teams?|ministers?|leaders?|officials|heads|premiers?|presidents?|envoys?|"
                         r"guests?|professors?|scholars?|fellows?))\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|would|is to|are to|(?:is|are|am) going to|(?:is|are|was|were) due to|(?:is|are) due in|was to|were to|"
                     r"(?:was|were) (?:set|scheduled|expected) to|plans? to|planned|"
                     r"planning|scheduled|expected to|set to|intends? to|next (?:week|month|year)|"
                     r"upcoming|forthcoming|later this (?:week|month|year)|soon|is slated|invited)\b", re.I)
_TOLL_REF = re.compile(r"\b(?:death toll|toll|casualties|the dead|the injured|the wounded|victims|survivors|"
                       r"the figure|the number of (?:dead|deaths|victims))\b",
                       re.I)
_PAST_HINT = re.compile(r"\b(?:was|were|had|has been|have been|did|killed|took place|held)\b", re.I)
def _definite(sentence: str, found: list) -> re.Match | None:
    """The first definite mention of an event in the sentence ("the attack", "Li's visit"): found
    where a trigger is a noun with a determiner before it (as ``_DEFINITE.search`` finds it)."""
    if "incident" in sentence or "ssailant" in sentence or "raid " in sentence:  # nouns that are no triggers
        return _DEFINITE.search(sentence)
    for _, trigger, _ in found:
        at = trigger.start()
        if not _DEFINITE_NOUN.match(trigger.group(0)):
            continue
        # a determiner among the three words before the noun ("the five-day visit")
        words = sentence[max(0, at - 48):at].split()[-3:]
        for k, w in enumerate(reversed(words)):
            if w.lower() in ("the", "this", "that") or w.endswith(("'s", "’s")):
                pos = at
                for _ in range(k + 1):
                    pos = sentence.rfind(" ", 0, pos - 1) + 1 if pos > 1 else 0
                m = _DEFINITE.match(sentence, pos)
                if m is not None:
                    return m
    return None


_DEFINITE_NOUN = re.compile(r"(?:attack|blast|bombing|explosion|assault|ambush|shooting|meeting|talks|visit|"
                            r"agreement|deal|trip|attacker|ceasefire|truce|accord|pact|treaty|memorandum|gunmen|"
                            r"bomber|inauguration|reopening|abduction|kidnapping|MoU)s?\b", re.I)
# "the attack", "Tuesday's bombing", "Li's visit": an event already told of
_DEFINITE = re.compile(r"\b(?:the|this|that|[\w-]+['’]s) (?:[A-Z][\w-]+ ){0,2}(?:attack|blast|bombing|explosion|"
                       r"incident|assault|ambush|shooting|meeting|talks|visit|agreement|deal|trip|attacker|assailant|"
                       r"ceasefire|truce|accord|pact|treaty|memorandum|"
                       r"gunmen|bomber|inauguration|reopening|abduction|kidnapping|MoU|raid|siege)s?\b", re.I)

_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "two dozen": 24, "a hundred": 100,
    "a": 1, "an": 1,
}
_NUM = (r"(?P<num>\d{1,5}(?:,\d{3})*|" + "|".join(sorted((w for w in _NUMBER_WORDS if w not in ("a", "an")),
                                                         key=len, reverse=True))
        + r")(?:-(?P<num2>one|two|three|four|five|six|seven|eight|nine))?(?!\w)")
_VICTIMS = (r"(?:(?!and\b)[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|personnel|policemen|"
            r"police(?:men| officers)?|officers|guards|workers|engineers|nationals|citizens|children|"
            r"students|passengers|pilgrims|worshippers|villagers|labourers|laborers|employees|teachers|"
            r"staff|members|militants|attackers|assailants|gunmen|terrorists|insurgents|fighters|men|women|others|"
            r"inmates|prisoners|detainees|hostages|khawarij|khwarij|jihadists|rebels|bandits|"
            r"of them|were|was|have|had)?")
_MORE_AFTER = re.compile(r"\s+more\b", re.I)
_KILL_AFTER = re.compile(
    # ("in October 2024 two engineers were killed": the year is no count, the "two" after it is)
    # ("two security guards escorting the convoy were injured": a participle phrase after the victims)
    r"\b" + _NUM + r"(?<!\b(?:19|20)\d\d)\s+" + _VICTIMS + r"(?:\s+(?-i:[a-z])+ing(?:\s+[\w'’-]+){1,3}?(?=\s+(?:were|was)\b))?"
    # ("13 people including nine Chinese engineers died": the part named before the verb)
    r"(?:\s*,[^.;]{0,80}?,|\s+including\s+[^.;,]{1,50}?(?=\s+(?:were|was|died|had died)\b))?\s*(?:were|have been|had been|was|are|"
    r"being)?\s*(?:reportedly\s+|also\s+|reported\s+|confirmed\s+)?(?P<what>killed|dead|died|martyred|lost their lives|buried|"
    # ISPR's words: "embraced martyrdom", "were sent to hell", "neutralised"
    r"embraced (?:martyrdom|shahadat)|sent to hell|neutrali[sz]ed|"
    r"injured|wounded|hurt|(?:sustained|suffered|received) (?:[\w-]+ )?injuries)\b", re.I)
# "A policeman was martyred when militants hurled a grenade": one, in the sentence that tells the attack
# (looked for there only, not scanned for in every text)
_ONE_VICTIM = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+)?(?:policeman|soldier|sailor|airman|marine|civilian|officer|guard|worker|engineer|child|"
                         r"boy|girl|man|woman|person|student|passenger|pilgrim|journalist|teacher|doctor|farmer|"
                         r"villager|bystander|constable|official|national|citizen|driver|resident|tourist|trader|"
                         r"shopkeeper|cleric|judge|lawyer|nurse|reporter|employee|labou?rer)\s+(?:was|has been|had been)\s+"
                         r"(?:reportedly\s+)?(?:shot and\s+|stabbed and\s+)?(?P<what>killed|martyred|shot dead|"
                         r"stabbed to death|injured|wounded|hurt)\s+(?:when|in|as|after|by|on|near|at|while|during|"
                         r"outside|inside|and)\b")
_KILL_BEFORE = re.compile(
    r"\b(?P<what>kill(?:ing|ed)|martyr(?:ing|ed)|neutrali[sz](?:ing|ed)|sent|shot dead|gunned down|shot and killed|left|leaving|claimed the lives of|"
    r"death toll (?:from [^.;,]{3,100}? )?(?:rose|"
    r"climbed|reached|jumped|stood|increased|has risen|had risen)(?: to| at)?|put the (?:death toll|toll|number of "
    r"(?:dead|deaths|those killed)) at|(?<=people )killed were|injur(?:ing|ed)|wound(?:ing|ed))\s+"
    r"(?:at least |some |about |nearly |around |more than |over |another |a total of |all )?"
    # "killing two constables and injuring a third": one more
    + _NUM.replace("(?P<num>", "(?P<num>a(?=\\s+(?:second|third|fourth|fifth|sixth)\\b)|", 1)
    + r"(?:\s+" + _VICTIMS + r")?(?:\s+(?P<what2>dead|killed|injured|wounded))?(?P<hell>\s+to\s+hell)?", re.I)
# "five engineers and their driver were killed" (6), "two soldiers and eight attackers were killed" (10)
# the words of the first conjunct carry no verb of their own: in "two were killed and one was injured"
# the figures are separate
_NO_AUX = r"(?:(?!(?:were|was|are|is|have|has|had|and)\b)[\w-]+\s+)"
_KILL_PLUS = re.compile(
    r"\b" + _NUM + r"\s+" + _NO_AUX + r"{0,12}?and\s+(?:(?P<n2>\d{1,4}|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve)|their|a|an|his|her|its)\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was|have been|had been)\s+"
    r"(?:also\s+)?(?P<what>killed|injured|wounded|dead|died)|(?P<what_>died|lost their lives))\b", re.I)
_KILL_BEFORE_PLUS = re.compile(
    r"\b(?P<what>kill(?:ing|ed)|injur(?:ing|ed)|wound(?:ing|ed))\s+(?:at least |some |about )?"
    # "killing a Taliban minister and two others" (3)
    + _NUM.replace("(?P<num>", "(?P<num>an?(?=\\s+[\\w-]+\\s+(?:[\\w-]+\\s+)?and\\s+(?:\\d|one|two|three|four|five|six|"
                   "seven|eight|nine|ten)\\w*\\s+(?:others|more|colleagues|companions|guards|people))|", 1)
    + r"\s+" + _NO_AUX + r"{0,8}?and\s+(?:(?P<n2>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"their|a|an|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:driver|guard|colleague|translator|interpreter|"
    r"companion|escort|policeman|officer|soldier|child|son|daughter|wife|husband|[a-z]+s)\b", re.I)
_NONE_HURT = re.compile(r"\bno ?(?:one|body) (?:was|were) (?:reported )?(?P<what2>killed|injured|hurt|harmed)\b|"
                        r"\b(?:no (?:one|body|casualties|deaths|lives were lost)|nobody)\b[^.]{0,30}?"
                        r"(?P<what>killed|hurt|injured|harmed|reported)?", re.I)
_CLAIMED = re.compile(r"\bclaimed (?:responsibility|the (?:attack|bombing|assault|blast|killing))|"
                      r"\bresponsibility for\b", re.I)
_BLAME = re.compile(r"\b(?:blamed|accused|attributed|carried out|behind|militants? (?:of|from)|fighters of)\b", re.I)
_KNOWN_GROUP = re.compile(r"(?:TTP|BLA|BLF|ISIS-K|ISKP|IS-K|ETIM|TIP|al-Qaeda|al-Shabaab|Boko Haram|Hamas|Hezbollah|"
                          r"ISIS|ISIL|Islamic State|(?:[\w'-]+\s+){0,4}(?:Taliban|Lashkar[\w-]*|Jaish[\w-]*|"
                          r"Tehreek[\w-]*|Liberation \w+)(?:\s+[A-Z][\w-]+){0,2})")
# an official's title and the name after it: "Chinese Foreign Minister Wang Yi", "Ambassador Jiang Zaidong"
_PERSON = re.compile(r"\b(?:President|Premier|Minister(?: for [A-Z]\w+)?|"
                     r"Ambassador|Secretary(?:-General)?|Governor|Envoy|Chairman|Spokes(?:man|woman|person)|"
                     r"Consul General|General|Gen\.)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_GROUPS = re.compile(
    r"\b((?:[A-Z][\w'-]+\s+){0,4}(?:Army|Front|Taliban|Lashkar[\w-]*|Jaish[\w-]*|Tehreek[\w-]*|"
    r"Movement|Brigades?|Organi[sz]ation|Group|State|Party|Liberation \w+)(?:\s+[A-Z][\w-]+){0,2}|"
    r"(?:TTP|BLA|BLF|ISIS-K|ISKP|IS-K|ETIM|TIP|al-Qaeda|al-Shabaab|Boko Haram|Hamas|Hezbollah|"
    r"ISIS|ISIL|Islamic State))\b")

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n{2,}|\n(?=[A-Z\"“])|\n(?=[-•*] )")
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|"
                         r"Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|Inc|Ltd|Co|Corp|vs|approx|est)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBREV_END.search(text[max(0, m.start() - 8):m.start()].rstrip("\"'”’) ")):
            continue
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]


# --------------------------------------------------------------------------- building


class _Trigger:
    """A trigger match, with offsets relative to its sentence."""

    __slots__ = ("_m", "_start", "_end", "_text")

    def __init__(self, m: re.Match, sentence_start: int):
        self._m, self._start, self._end = m, m.start() - sentence_start, m.end() - sentence_start
        self._text = m.group(0)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, i: int = 0) -> str:
        return self._text if i == 0 else self._m.group(i)


@dataclass
class _Draft:
    kind: str
    subtype: str | None
    status: str
    date: str | None
    precision: str
    places: list[tuple[Mention, str]]
    killed: list[Figure] = field(default_factory=list)
    injured: list[Figure] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    sentence: int = 0
    at: int = 0  # the trigger's offset in its sentence
    date_at: int = -1  # and its date's
    separate: bool = False  # the second of two events told together ("and met Zhao Leji")
    older: bool = False  # dated more than two weeks before the report
    borrowed: bool = False  # places taken from another sentence, not stated with the event
    indefinite: bool = False  # brought in with "a", "an" or "another" ("a roadside bomb hit ...")
    recalled: bool = False  # told in a clause about an older event ("came a week after ...", "where, in 2017, ...")
    apart: bool = False  # told as another event than the sentence's first ("The raid came days after ...")
    bullet: bool = False  # told on a bullet line ("- A ceasefire signed in Kunming is expected to ...")
    leg: bool = False  # a leg of a trip told before ("During the visit, he also travelled to Shanghai")
    deal: str = ""  # an agreement's form: "pledge" ("agreed to expand trade") or "signed" (documents signed)


def _count(m: re.Match) -> int | None:
    raw = (m.group("num") or "").lower().replace(",", "")
    value = int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw)
    if value is None:
        return None
    if m.groupdict().get("num2"):
        value += _NUMBER_WORDS[m.group("num2").lower()]
    return value


def _count_group(raw: str) -> int | None:
    raw = raw.lower().replace(",", "")
    return int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw)


_ANY_COUNT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                        r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|no one|nobody|no casualties|"
                        r"no deaths)\b", re.I)


_CASUALTY_PATTERNS = [_KILL_AFTER, _KILL_BEFORE, _KILL_PLUS, _KILL_BEFORE_PLUS, _NONE_HURT]
_CASUALTY_SCANNER = MultiScanner(_CASUALTY_PATTERNS)
# everything extraction looks for in prose, found in one pass (see geo.scan)
_SCANNER = MultiScanner([_TRIGGER_ALL, _NOT_EVENTS, *_CASUALTY_PATTERNS, *PROSE_PATTERNS])


def _casualties(sentence: str) -> tuple[int | None, int | None]:
    """Killed and injured figures stated in one sentence (the lowest for everyone)."""
    killed, injured = _Casualties(sentence).within(0, len(sentence))
    return _lowest(killed), _lowest(injured)


GENERIC, GROUP, PERPETRATORS = "generic", "group", "perpetrators"


_ONE_KILLED = re.compile(r"\b(?:shot dead|gunned down|killed|killing|martyred|stabbed to death)\s+an?\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:policeman|police officer|soldier|sailor|civilian|officer|guard|worker|engineer|child|boy|"
                         r"commander|leader|militant|fighter|"
                         r"girl|man|woman|person|student|passenger|journalist|teacher|doctor|farmer|villager|"
                         r"constable|official|national|citizen|driver|resident|tourist|trader|shopkeeper|cleric|judge|"
                         r"lawyer|nurse|employee|labou?rer)\b")
_ANOTHER_HURT = re.compile(r"\band\s+(?:one\s+)?another(?:\s+(?:one|person|man|woman|policeman|soldier|civilian|"
                           r"officer|guard|worker|passenger))?\s+(?:was\s+|were\s+)?(?:injured|wounded|hurt)\b", re.I)
_ONE_HURT = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+)?(?:policeman|soldier|sailor|civilian|officer|guard|worker|engineer|"
                       r"child|man|woman|person|student|passenger|journalist|national|citizen|driver|resident|tourist|"
                       r"employee|labou?rer|constable)\s+(?:also\s+)?(?:sustained|suffered|received)\s+"
                       r"(?:minor|slight|serious|severe|critical|multiple|gunshot|bullet|shrapnel|burn)?\s*"
                       r"(?:injuries|wounds)\b")


@dataclass(frozen=True)
class Figure:
    """A stated casualty figure and whom it counts: everyone (``generic``), one nationality
    ("two Chinese nationals", a part of the whole), or only the attackers."""

    n: int
    who: str = GENERIC


_PERPETRATOR_WORDS = re.compile(r"\b(?:attackers|assailants|militants|gunmen|terrorists|bombers|insurgents|"
                                r"fighters|hijackers|kidnappers|khawarij|khwarij|jihadists|rebels|bandits)\b", re.I)
_PERPETRATOR_NOUNS = {"rebels", "jihadists", "insurgents", "bandits", "terrorists", "khawarij"}
_AUX_WORDS = {"were", "was", "have", "had", "been", "are", "being", "reportedly", "also", "of", "them", "others"}


_ASIDE = re.compile(r",[^,]*,")
_PARTITIVE = re.compile(r"\bof (?:the|those) (?:injured|wounded|dead|victims|casualties|hurt)\b", re.I)
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|of|by|during|until|" + "|".join(
    sorted((k for k in MONTHS), key=len, reverse=True)) + r")\.?),?\s+$", re.I)
_PASSIVE = re.compile(r"\b(?:were|was|been|are|being|is)\b", re.I)


def _victims_text(m: re.Match) -> str:
    """The words of a casualty phrase between its number and its verb: whom it counts."""
    end_num = m.end("num2") if m.groupdict().get("num2") else m.end("num")
    if m.start("what") > end_num:  # "12 Chinese nationals were killed"
        return m.string[end_num:m.start("what")]
    return m.string[end_num:m.end()]  # "killing 12 Chinese nationals"


def _victim_class(words: str, previous: str) -> str:
    words = _ASIDE.sub(" ", words)  # "13 people, including nine Chinese nationals, died"
    if _PERPETRATOR_WORDS.search(words):
        return PERPETRATORS
    tokens = re.findall(r"[A-Za-z][\w-]*", words)
    if any(t[0].isupper() and t.lower() in DEMONYMS for t in tokens):
        return GROUP
    if not [t for t in tokens if t.lower() not in _AUX_WORDS]:
        # "two Chinese nationals were killed and one was injured": the one is Chinese too
        return previous if previous == GROUP else GENERIC
    return GENERIC


def _lowest(figures: list[Figure]) -> int | None:
    """The lowest figure for everyone; a part (one nationality, the attackers) only without one."""
    if not figures:
        return None
    for who in (GENERIC, GROUP, PERPETRATORS):
        ns = [f.n for f in figures if f.who == who]
        if ns:
            return min(ns)
    return None


class _Casualties:
    """The casualty phrases of a text, scanned once, read out sentence by sentence."""

    def __init__(self, text: str, *, found: list[list[re.Match]] | None = None):
        self.text = text
        self.found = found if found is not None else _CASUALTY_SCANNER.scan(text)
        self.starts = [[m.start() for m in ms] for ms in self.found]
        self.any_starts = sorted(x for starts in self.starts for x in starts)

    def _in(self, i: int, s0: int, s1: int) -> list[re.Match]:
        ms, starts = self.found[i], self.starts[i]
        lo = bisect.bisect_left(starts, s0)
        out = []
        for m in ms[lo:]:
            if m.start() >= s1:
                break
            if m.end() <= s1:
                out.append(m)
        return out

    def within(self, s0: int, s1: int) -> tuple[list[Figure], list[Figure]]:
        """Killed and injured figures stated in ``text[s0:s1]``, each with what it counts (see ``Figure``)."""
        killed: list[Figure] = []
        injured: list[Figure] = []
        lo = bisect.bisect_left(self.any_starts, s0)
        if lo == len(self.any_starts) or self.any_starts[lo] >= s1:
            return killed, injured  # most sentences state no figure
        text = self.text
        after, before, plus, before_plus, none_hurt = (self._in(i, s0, s1) for i in range(5))
        conjoined = [(m.start(), m.end()) for m in plus + before_plus]
        last_class = GENERIC
        dead: list[Figure] = []
        for m in sorted(after + before, key=lambda m: m.start()):
            if any(s <= m.start() < e for s, e in conjoined):
                continue
            context = text[max(s0, m.start() - 12):m.start()].lower()
            if "including" in context or "among them" in context or "of whom" in context:
                continue  # a subset of a total stated elsewhere
            if context.endswith("no "):
                continue  # "no one was hurt"
            n = _count(m)
            what = ((m.groupdict().get("what2") or "") + (m.group("what") or "")).lower()
            if m.re is _KILL_BEFORE and what.startswith("sent") and not m.group("hell"):
                continue  # "sent 13 khawarij to hell" is 13 dead; "sent 200 troops" is none
            if n is None or n > 100_000:
                continue
            words = _victims_text(m)
            if _PARTITIVE.search(_ASIDE.sub(" ", text[m.start():m.end()])):
                continue  # "two of the injured died", "17 of the wounded": a part of another figure
            if 1900 <= n <= 2100 and _YEAR_BEFORE.search(text, max(s0, m.start() - 12), m.start()):
                continue  # "in June 2019 gunmen killed 11": a year
            if m.group("num") and _MORE_AFTER.match(text, m.end("num")):
                if m.start("what") > m.start("num"):
                    continue  # "after three more wounded people died": an increase of a toll, not a total
                # but in "troops killed four more militants" the deed is told, with its own dead, who are these
                words = " ".join(text[m.end("num"):min(s1, m.end("num") + 40)].split()[:3])
            elif " more" in words and _COUNT_MORE.search(words):
                continue  # "the toll rose to nine as two more injured succumbed": not nine injured
            who = _victim_class(words, last_class)
            if who == PERPETRATORS and m.start("what") > m.start() and not _PASSIVE.search(words):
                continue  # "gunmen killed 11 people": the attackers did the killing
            last_class = who
            if any(w in what for w in ("injur", "wound", "hurt")):
                injured.append(Figure(n, who))
            elif what:
                dead.append(Figure(n, who))
        # "killing all eight assailants, while two soldiers lost their lives": ten dead in all
        attackers = [f.n for f in dead if f.who == PERPETRATORS]
        others = [f.n for f in dead if f.who != PERPETRATORS]
        if attackers and others:
            dead = [f for f in dead if f.who == PERPETRATORS] + [Figure(max(attackers) + max(others), GENERIC)]
        killed += dead
        for m in plus + before_plus:
            first = _count(m)
            second = _count_group(m.group("n2")) if m.group("n2") else 1
            if first is not None and second is not None:
                what = (m.group("what") or m.groupdict().get("what_") or "").lower()
                (injured if any(w in what for w in ("injur", "wound", "hurt")) else killed).append(
                    Figure(first + second, GENERIC))
        for m in none_hurt:
            what = ((m.group("what") or "") + (m.group("what2") or "")).lower()
            if "hurt" in what or "harmed" in what:  # "no one was hurt": neither killed nor injured
                killed.append(Figure(0, GENERIC))
                injured.append(Figure(0, GENERIC))
            elif "injur" in what:
                injured.append(Figure(0, GENERIC))
            elif what or "casualties" in m.group(0).lower():
                killed.append(Figure(0, GENERIC))
                if "casualties" in m.group(0).lower():
                    injured.append(Figure(0, GENERIC))
        return killed, injured

    def stated(self, s0: int, s1: int) -> bool:
        """A kill or injury figure is stated in the span."""
        return bool(self._in(0, s0, s1) or self._in(1, s0, s1))


_NOT_ORIGIN = frozenset(("toll", "tolls", "casualties", "deaths", "dead", "fallout", "aftermath", "damage", "losses"))


def _place_cues(text: str, sentence_start: int, mentions: list[Mention]) -> list[tuple[Mention, str, bool]]:
    """A sentence's candidate event places, each with the cue before it ("from", "to", "or", or "")
    and whether the words before it speak of a journey; the same for every kind of event."""
    literal = [m for m in mentions if m.usage == "literal" and m.place is not None]
    # "on the Quetta-Karachi highway near Khuzdar": the ends of a route name are no event place
    literal = [m for m in literal if not _route_end(text, m)] or literal
    # "the Peshawar-bound train": where it was going, not where the event was
    literal = [m for m in literal if text[m.end:m.end + 6].lower() != "-bound"]
    # the dateline names where the story was filed: an event place only if there is no other
    body = [m for m in literal if not _is_dateline(text, m)]
    literal = body or literal
    # one place once: "Gilgit-Baltistan (GB)" is one place
    seen: set[str | None] = set()
    literal = [m for m in literal if not (m.place.gazetteer_id in seen or seen.add(m.place.gazetteer_id))]
    if not literal:
        return []
    # "Besham, Shangla district": Shangla qualifies Besham
    keep: list[Mention] = []
    for i, m in enumerate(literal):
        prev = literal[i - 1] if i else None
        qualifies = prev is not None and text[prev.end:m.start].strip() in (",", "in", "of", "district,")
        if qualifies and m.place.kind in ("district", "region", "country") \
                and prev.place.kind in ("city", "site", "district", "other"):
            continue
        keep.append(m)
    out: list[tuple[Mention, str, bool]] = []
    for i, m in enumerate(keep):
        before = text[max(sentence_start, m.start - 25):m.start].lower()
        words = before.split()[-3:]
        if words and words[-1] == "the":
            words.pop()
        cue = ""
        if words and words[-1] == "from" and not (len(words) > 1 and words[-2] in _NOT_ORIGIN):
            cue = "from"  # but "the death toll from the Quetta bombing" is no journey
        elif words and (words[-1] in _TO_WORDS or (len(words) > 1 and words[-1] == "in"
                                                  and words[-2] in _ARRIVE_WORDS)):
            cue = "to"
        prev = keep[i - 1] if i else None
        nxt = keep[i + 1] if i + 1 < len(keep) else None
        if (prev is not None and _BETWEEN_OR.fullmatch(text, prev.end, m.start)) or \
                (nxt is not None and _BETWEEN_OR.fullmatch(text, m.end, nxt.start)):
            cue = "or"
        out.append((m, cue, _ON_THE_WAY.search(before) is not None))
    return out


def _route_end(text: str, m: Mention) -> bool:
    """A place that ends a route's name ("the Quetta-Karachi highway")."""
    if text[m.start - 1:m.start] == "-" and _ROUTE_START.search(text, max(0, m.start - 40), m.start):
        return True
    nxt = text[m.end:m.end + 1]
    if nxt == "-":
        return _ROUTE_END.match(text, m.end) is not None
    return nxt == " " and text[m.end + 1:m.end + 12].lower().startswith(_ROUTE_WORDS) \
        and _ROUTE_END.match(text, m.end) is not None


_ROUTE_WORDS = ("highway", "motorway", "road", "railway", "rail line", "expressway", "corridor", "pipeline", "route")


def _roles(cues: list[tuple[Mention, str, bool]], kind: str) -> list[tuple[Mention, str]]:
    """The event's places and their roles; countries behind finer places dropped."""
    if not cues:
        return []
    if kind == "visit":
        # "arrived in Pakistan on a visit ... and inaugurated the airport": where the visit went
        went = [c for c in cues if c[1] in ("to", "from")]
        if any(c[1] == "to" for c in went):
            cues = went
    finer = [c for c in cues if c[0].place.kind != "country"]
    if finer:
        cues = finer
    base = "venue" if kind in ("meeting", "agreement") else "location"
    out: list[tuple[Mention, str]] = []
    for m, cue, journey in cues:
        role = base
        if cue == "from":
            role = "origin"
        elif cue == "to":
            role = "destination" if kind == "visit" or (kind == "attack" and journey) else base
        elif cue == "or":
            role = "alternative"
        out.append((m, role))
    if kind == "attack":
        # an attack happens at one place: the most specific located one, unless "from A to B"
        located = [p for p in out if p[1] == "location"]
        if located:
            return [min(located, key=lambda p: (_SPECIFIC[p[0].place.kind], p[0].start))]
    return out


_SPECIFIC = {"site": 0, "city": 1, "other": 2, "district": 3, "region": 4, "country": 5}


def _between_countries(text: str, s0: int, s1: int, mentions: list[Mention]) -> list[Mention]:
    """The two countries of the last "between X and Y" in ``text[s0:s1]``."""
    m = _last(_BETWEEN.finditer(text, s0, s1))
    if m is None:
        return []
    pair = [x for x in mentions if m.end() <= x.start < m.end() + 60 and x.place is not None
            and x.place.kind == "country"][:2]
    if len(pair) == 2 and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[pair[0].end:pair[1].start]):
        return pair
    return []


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?")


def _previous_place(text: str, span: tuple[int, int], mentions: list[Mention],
                    kind: str, *, topic: bool = False) -> list[tuple[Mention, str]]:
    """The last finer literal place of the previous sentence, for a sentence that names none; with
    ``topic`` ("the city's eastern districts"), the city that sentence opens with, when it opens with one
    ("El Obeid, a hub on the road to Darfur, has been attacked since the RSF seized El Fasher")."""
    before = [m for m in mentions if span[0] <= m.start < span[1] and m.usage == "literal"
              and m.place is not None and not m.place.is_area and not _is_dateline(text, m)]
    if not before:
        return []
    if topic and before[0].place.kind == "city" and not text[span[0]:before[0].start].strip(" \"'“‘("):
        return [(before[0], "venue" if kind in ("meeting", "agreement") else "location")]
    return [(before[-1], "venue" if kind in ("meeting", "agreement") else "location")]


_SAME_THING = {"crossing": ("crossing", "pass", "border"), "capital": ()}


def _place_named(noun: str, mentions: list[Mention], before: int, text: str,
                 kind: str) -> list[tuple[Mention, str]]:
    """ "the pass", "the airport": the last literal place before ``before`` whose name ends in that noun
    ("Khunjerab Pass", "Jinnah International Airport")."""
    noun = noun.lower().split()[-1]
    nouns = _SAME_THING.get(noun, (noun,))
    role = "venue" if kind in ("meeting", "agreement") else "location"
    for m in reversed(mentions):
        if m.start >= before or m.place is None or m.usage == "metonymic" or _is_dateline(text, m):
            continue
        if m.text.lower().split()[-1] in nouns:
            return [(m, role)]
        # "the Dasu hydropower project", then "the project": the place that names it
        if noun in ("project", "camp", "plant", "mine", "dam", "state", "province") and re.match(
                r"\s+(?:[\w-]+\s+){0,2}" + noun + r"\b", text[m.end:m.end + 40], re.I):
            return [(m, role)]
    return []


def _complete_place(d: _Draft, text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> None:
    """An event placed only at a country or region takes the first finer place inside it that
    the next two sentences name ("... in northwest Pakistan." "The convoy was hit near Besham")."""
    if not d.places or not all(m.place.is_area for m, _ in d.places) or d.kind == "visit":
        return  # a visit to a country is a visit to the country
    if d.older and d.kind != "attack":
        return  # "since the TTP ended its ceasefire with Pakistan in November 2022": what follows is today's story
    last = max(e for _, e in d.evidence)
    following = [s for s in sentences if s[0] >= last][:2]
    if not following:
        return
    areas = [m.place for m, _ in d.places]
    inside = [m for m in mentions
              if following[0][0] <= m.start and m.end <= following[-1][1] and m.usage == "literal"
              and m.place is not None and not m.place.is_area and any(a.contains(m.place) for a in areas)]
    if inside:
        best = min(inside, key=lambda m: (_SPECIFIC[m.place.kind], m.start))
        d.places = [(best, d.places[0][1])]


def _coarser(old: list[tuple[Mention, str]], new: list[tuple[Mention, str]]) -> bool:
    """Whether every old place is an area that a new, finer place lies in ("northwestern Pakistan",
    then "Upper Kohistan district")."""
    if not all(m.place.is_area for m, _ in old):
        return False
    coarsest = min(_SPECIFIC[m.place.kind] for m, _ in old)
    return any(_SPECIFIC[n.place.kind] < coarsest and all(m.place.contains(n.place) for m, _ in old) for n, _ in new)


_OTHER_VERB = re.compile(r"\b(?:were|was|are|is|have been|has been)\s+\w+ing\b|\b(?:said|says|told|reported|"
                         r"announced|confirmed|examined|investigated|searched|visited|met|briefed)\b", re.I)
_DATELINE_END = re.compile(r"\s*(?:,\s*(?:19|20)\d\d)?\s*(?:\([^)]{1,30}\))?\s*(?:-|—|–|:)")


_TOLL_OR_SPEECH = re.compile(r"\b(?:rose|climbed|reached|increased|jumped|stood|said|says|told|announced|"
                             r"reported|confirmed)\b", re.I)
_THE_TWO_SIDES = re.compile(r"\W*(?:(?:the|both)\s+(?:two\s+)?(?:sides|countries|leaders|ministers|governments|"
                            r"delegations|parties|presidents|premiers|prime ministers|foreign ministers|neighbou?rs)|"
                            r"they)\s+(?:also\s+)?(?:agreed|signed|inked|exchanged)\b", re.I)
_SPAN_OF = re.compile(r"\b(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+)?$", re.I)
_ANOTHER_OCCASION = re.compile(r"\s+(?:an?|another|the)\s+(?:first|second|third|fourth|earlier|previous|last|"
                               r"separate|new)\s+(?:(?:round|set|series|session)s?\s+of\s+)?", re.I)
_FOR_TALKS_ON = re.compile(r"talks\s+(?:on|about|over|regarding|concerning)\b", re.I)
_ROUTE_END = re.compile(r"(?:-[A-Z][\w'’.]*(?: [A-Z][\w'’.]*)?)?\s+(?:highway|motorway|road|railway|rail line|"
                        r"expressway|corridor|pipeline|route)\b", re.I)
_ROUTE_START = re.compile(r"\b[A-Z][\w'’.]*-$")
_PLACE_THEN_WHERE = re.compile(r"(?-i:[A-Z])[\w'’.-]*,?\s*$")
_CAME = re.compile(r"\b(?:came|comes|followed|follows|preceded|precedes)\b", re.I)
# "In March, jihadists overran the base and killed five soldiers": another time, not more of the attack just told
_CAME_AFTER = re.compile(r"\b(?:came|comes|come|followed|follows)\b[^.;]{0,30}?\b(?:after|before)\b", re.I)
_DAYS_AFTER_VAGUE = re.compile(r"\b(?:came|comes|come)\s+(?:just\s+|only\s+|barely\s+)?(?:days|weeks)\s+after\b", re.I)
_AGO_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTHS_GAP = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+months?\s+"
                         r"(?:after|before)\b", re.I)
_SAID_THEN = re.compile(r"\b(?:said|says|told|announced|confirmed|reported|stated)\b(?:\s+[\w'’.-]+){0,3}\s*(?:on|late|"
                        r"early)?\s*$", re.I)
# a sentence that opens by saying when: "Last week,", "On March 3,", "Two days earlier,"
_OPENS_WITH_TIME = re.compile(
    r"\W*(?:(?:last|earlier this|this|the previous|the following)\s+(?:week|month|year)"
    r"|(?:on|in|by|during|since|last|earlier|early|late)\s+(?:(?:early|late|mid-?)\s*)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|(?:19|20)\d\d)"
    r"|(?:\w+\s+){1,2}(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|before))\b[^,]{0,30},\s*", re.I)
_DEFINITE_START = re.compile(r"(?:the|this|that|its|their)\b", re.I)
_AGREED_TO = re.compile(r"\b(?:agreed|agree|agrees|decided|pledged|promised)\s+(?:on\s+\w+\s+)?(?P<to>to)\s+"
                        r"(?:[\w-]+\s+){0,4}$", re.I)
_ENDING_STRIKES = re.compile(r"\b(?:an end to|a halt to|end(?:ing)?|halt(?:ing)?|stop(?:ping)?|cease|ceasing|"
                             r"suspend(?:ing)?)\s+(?:(?:the|all|its|their|further|[A-Z][\w.]*)\s+){0,2}$")
_STRUCK_THE = re.compile(r"\b(?:hit|struck|targeted|targeting|bombed|attacked|(?:strike|attack|raid) on)\s+"
                         r"(?:a|an|the)\s+(?:[\w-]+\s+)?$", re.I)
# "agreed to work closely to ensure the visit's success": a pledge of goodwill, no accord on anything
_VAGUE_PLEDGE = re.compile(r"agreed\s+to\s+(?:work\s+(?:closely|together)|stay\s+in\s+(?:close\s+)?(?:touch|contact)|"
                           r"keep\s+in\s+(?:close\s+)?(?:touch|contact)|maintain\s+(?:close\s+)?(?:communication|"
                           r"contacts?))\b", re.I)
# "The two sides discussed ...", "They also discussed ...": the talks just told of, told on
_SIDES_DISCUSSED = re.compile(r"\W*(?:(?:the|both)\s+(?:two\s+)?(?:sides|leaders|ministers|delegations)|they)\s+"
                              r"(?:also\s+)?discussed\b", re.I)
# "The chief minister has summoned a meeting of the apex committee on Monday": the meeting is to come
_HAS_CALLED = re.compile(r"\b(?:has|have)\s+(?:summoned|called|convened|requisitioned)\s+(?:an?|the)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.I)
_AHEAD_OF = re.compile(r"\b(?:ahead of|days before|hours before|on the eve of)\s+(?:(?:the|a|new|fresh|planned|"
                       r"upcoming|expected|scheduled|renewed|peace|direct|next|round|of)\s+)*$", re.I)
_IN_PLACE_OPENING = re.compile(r"\W*In (?:the )?(?:(?:southern|northern|eastern|western|central|capital|city|town|"
                               r"port|region|province) )*(?-i:[A-Z])[\w'’.-]*(?: (?-i:[A-Z])[\w'’.-]*){0,2},")
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest)\s+(?:[\w'’-]+\s+){0,8}(?:so far\s+)?$",
                                 re.I)
_UNDER_THE = re.compile(r"\b[Uu]nder (?:the|a|an|its|their|this|that) (?:[\w'’-]+ ){0,6}$")
_MADE_THEN = re.compile(r"[\w'’-]*\s*,?\s+(?:(?:that|which) (?:was|were|had been) )?(?:signed|agreed|reached|inked|brokered|"
                        r"concluded|struck)\b")
# "agreed to hold the next round in Kabul", "It was agreed that the fifth round will be held in Beijing": the
# agreement is only to meet, and the meeting to come is the event
# (not "agreed to meet again in June", told as an accord and the talks)
_AGREED_TO_MEET = re.compile(r"agreed\s+(?:to\s+(?:hold|convene|host)\b|that\s+(?:[\w'’().-]+\s+){1,14}?"
                             r"(?:would|will|should|is to|are to|could)\s+(?:be\s+(?:held|convened)|take\s+place)\b)",
                             re.I)
_TO_VERB = re.compile(r"\bto\s+(?!(?:a|an|the|this|that|these|those|its|their|his|her|our|all|any|some|"
                      r"cease-?fire|truce|deal|peace|terms|\d+)\b)[a-z]+\b")
_AFTER_STOP = re.compile(r"\bafter (?:an? (?:[\w-]+ )?)?$", re.I)
_OWN_TIME = re.compile(r"\W*(?:in|on|by|during|last|earlier|since)\s+(?:(?:early|late|mid-?)\s*)?(?:january|february|march|"
                       r"april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|year|month)\b|"
                       r"\W*(?:\w+\s+){1,2}(?:years?|months?) ago\b", re.I)
_THE_DECISION = re.compile(r"\W*The (?:decision|decisions|agreement|deal|accord|understanding) (?:was|were) "
                           r"(?:taken|made|reached|struck|signed|announced)\b", re.I)
_DURING = re.compile(r"\b(?:during|at|after|in the course of)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_TAKES_EFFECT = re.compile(r"\b(?:(?:is|are|was|were) (?:due|expected|set|scheduled) to|will) (?:take effect|come into force|"
                           r"begin|start|expire|end|lapse)\b", re.I)
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_BEFORE_RETURN = re.compile(r"\b(?:before|after)\s+(?:returning|flying|heading|travell?ing)\s+(?:back\s+)?(?:home\s+)?"
                            r"(?:[\w-]+\s+){0,2}$", re.I)
_INCLUDING = re.compile(r"\b(?:including|such as|among them)\b", re.I)
_REMAINED = re.compile(r"\b(?:remained|remains|stayed|stays|was still|were still|is still|are still)\b", re.I)
# "was closed after the clash": on the day of the event just told
_AFTER_THE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:shortly |soon |hours |immediately )?(?:after|following) (?:the|this|that) "
                        r"(?:[\w-]+ )?(clash(?:es)?|attack|bombing|blast|explosion|ambush|shooting|fighting|raid|assault|"
                        r"strike|talks|meeting|summit)\b", re.I)
# "near the same area", "at the same spot": where the story's event of that kind was
_SAME_PLACE = re.compile(r"\b(?:the same|that same) (?:area|place|spot|site|road|location|junction|town|village|city|"
                         r"district|neighbou?rhood|stretch|checkpoint|post|base|market|crossing)\b", re.I)
# "meet the vice-president on Tuesday before leaving for Shanghai": no venue of the meeting
_BEFORE_LEAVING = re.compile(r"\b(?:before|ahead of|prior to)\s+(?:leaving|heading|departing|flying|travell?ing|"
                             r"setting off|his departure|her departure)\s+(?:for|to)\s+(?:the\s+)?$", re.I)
_SAID = re.compile(r"\b(?:said|says|told|announced|confirmed|reported|stated)\b")
_REMOTE = re.compile(r"phone|video|virtual|called", re.I)
_ENDED = re.compile(r"\b(?:ended|ending|lifted|broke|broken|concluded|(?:brought|put|putting|bringing) an "
                    r"end to)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_BEGAN = re.compile(r"\b(?:after|when|which began|that began|begun|since)\b", re.I)
# "The death toll from a siege at a hotel rose to 19 on Sunday": the trigger names what the toll counts
_TOLL_OF = re.compile(r"\b(?:death |casualty )?toll (?:from|of|in)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "was launched in April 2015, when Xi visited Islamabad and the two sides signed ...": one time
_WHEN = re.compile(r",?\s+when\b", re.I)
_RECALL_CLAUSE = re.compile(r",?\s+(?:when|where|in which)\b|,\s+following\s+(?:their|his|her|its|the)\b|\b(?:first|last|latest|deadliest|worst|biggest|largest)\s+(?:such\s+)?(?:[\w-]+\s+){0,2}since\b|\b(?:came|comes|come|followed|follows)\s+"
                            r"(?:(?P<hedge>just|only|barely|less than|more than|about|some|nearly|almost)\s+)?"
                            r"(?:(?P<n>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>days?|weeks?)\s+|"
                            r"[\w-]+\s+(?:days?|weeks?|months?)\s+|(?P<vague>days|weeks)\s+)?(?:after|before)\b", re.I)
_COORDINATION = re.compile(r"[,;]\s+(?:and|while|but|whereas)\b|;", re.I)
_SINCE_CLAUSE = re.compile(r"\bsince\s+\S", re.I)
_LATER_VERB = re.compile(r",\s+(?:and\s+)?(?:took effect|came into (?:force|effect)|expired|lapsed|ran out|"
                         r"(?:was|were|is|are) due to|began|ended|resumed|collapsed)\b", re.I)
_LATER_BY = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                       r"(?P<unit>days?|weeks?)\s+later\b", re.I)
# "A month later, a bomber struck again": months or years after the event just told, at that precision
_LATER_LONG = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                         r"(?P<unit>months?|years?)\s+later\b", re.I)
_MEETING_VERB = re.compile(r"(?:met|meets|held talks|held (?:[\w-]+ ){0,2}talks|called on|calls on|received)\b",
                           re.I)
_OWN_SUBJECT = re.compile(r",\s+and\s+(?:[A-Z][\w'’.-]*\s+){1,5}(?:also\s+|later\s+|then\s+)?$")
_HELD = re.compile(r"\b(?:held|holds|hold|had)\s+(?:[\w-]+\s+){0,2}$", re.I)
_AND_THEN = re.compile(r"\s+and\s+(?:also\s+|later\s+|then\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_NAMED_AFTER = re.compile(r"\s*(?:with\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z]")
_NEXT_DAY = re.compile(r"\bthe (?:next|following) day\b", re.I)
_DURING_VISIT = re.compile(r"\b(?:during|in the course of) (?:the|his|her|their|this) (?:[\w-]+ )?(?:visit|trip|stay|tour)\b",
                           re.I)
_DURING_THE = re.compile(r"\b(?:during|in the course of)\s+$", re.I)
_LEG = re.compile(r"\b(?:also\s+)?(?:travel(?:l)?ed|went|flew|headed|proceeded|continued)\s+(?:on\s+)?to\b|\balso visited\b",
                  re.I)
_SHAHADAT = re.compile(r"\b(?:embraced (?:shahadat|martyrdom)|(?:was|were) martyred)\b", re.I)
_RANK_NAME = re.compile(r"\b(?:Lance Naik|Naib Subedar|Lance Havildar|Sepoy|Naik|Havildar|Subedar|Sipahi|Captain|Capt\.|"
                        r"Major|Maj\.|Lieutenant Colonel|Lt Col\.?|Lieutenant|Lt\.?|Colonel|Col\.|Constable|"
                        r"Head Constable|Sub-Inspector|Inspector)\s+(?=[A-Z][a-z])")
def _named_martyrs(sentence: str, killed: list[Figure]) -> None:
    """ISPR's "..., while Lance Naik Ahmed Khan and Sepoy Ali Raza embraced shahadat": one dead per soldier named
    by rank, counted with the militants killed in the same clash."""
    if ("shahadat" not in sentence and "martyr" not in sentence) or any(f.who != PERPETRATORS for f in killed):
        return
    verb = _SHAHADAT.search(sentence)
    if verb is None:
        return
    clause = sentence[:verb.start()]
    cut = max(clause.rfind(" while "), clause.rfind(" whereas "), clause.rfind(";"))
    named = len(_RANK_NAME.findall(clause, max(0, cut)))
    if named:
        killed.append(Figure(max((f.n for f in killed), default=0) + named, GENERIC))


def _add_dead(old: list[Figure], new: list[Figure], sentence: str) -> list[Figure]:
    """The dead of an event told again: "six khwarij were killed", then "Sepoy Ali embraced shahadat" in the next
    sentence are seven dead in all (soldiers martyred in the clash count with the militants)."""
    if old and new and ("shahadat" in sentence or "martyr" in sentence) and all(f.who == PERPETRATORS for f in old) \
            and all(f.who == GENERIC for f in new):
        return old + [Figure(max(f.n for f in old) + min(f.n for f in new), GENERIC)]
    return old + new


_MULTI_DAY = re.compile(r"\bfrom (?:\w+ ){1,2}(?:to|until|till) \w+|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-day\b",
                        re.I)
_SAME_DAY = re.compile(r"\b(?:earlier|later) (?:in|that) (?:the )?day\b|\b(?:on )?the same day\b|\bthat day\b|"
                       r"^\W*Later\s*,|^\W*(?:Hours|Minutes|Moments|Shortly)\s+(?:later|earlier|afterwards?|before)\b",
                       re.I)  # "Later, the envoy called on the minister", "Hours later, a bomb ...": the story's day
# "A day earlier, a roadside bomb had killed two policemen": that many days before the day just told
_EARLIER_BY = re.compile(r"^\W*(?:(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
                         r"(?:earlier|before)|(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before))\s*,",
                         re.I)


def _own_dates(sentence: str, candidates: list[DateMention], trigger: _Trigger, planned: bool) -> list[DateMention]:
    """The sentence's dates that can be the trigger's own."""
    at, end = trigger.start(), trigger.end()
    definite = sentence[max(0, at - 4):at].lower() == "the "
    named_np = (definite or _THE_BEFORE.search(sentence, max(0, at - 40), at) is not None) \
        and _DEFINITE_NOUN.match(trigger.group(0)) is not None
    out = []
    # "Mirziyoyev, who arrived on Monday, also held talks": the relative clause's date is its own
    asides = [(m.start(), m.end()) for m in _ASIDE_CLAUSE.finditer(sentence)] if ", wh" in sentence else []
    # "said on Thursday that he would travel to Urumqi in June for talks": a plan's date is stated
    # with it, after the modal, not before it
    modal = _FUTURE.search(sentence, max(0, at - 80), at + 5) if planned else None
    # "Security forces ended the siege on Saturday": the end's date, not the siege's
    dated_after = any(c.start >= end and c.date for c in candidates)
    said_in = any(w in sentence for w in ("said", "says", "told", "announced", "confirmed", "reported", "stated"))
    # ("Troops ended a 20-hour siege on Sunday, after gunmen stormed the hotel on Saturday": Saturday's)
    window = sentence[max(0, at - 50):at].lower()
    ending = any(w in window for w in ("end", "lift", "brok", "broke", "conclu")) and _ENDED.search(window) is not None
    for d in candidates:
        if ending and not (d.start >= end and _BEGAN.search(sentence, end, d.start)):
            continue
        # "authorities said on Tuesday that three workers were killed ... on Monday night": the saying's day
        if d.end <= at and dated_after and said_in and _SAID_THEN.search(sentence, max(0, d.start - 40), d.start):
            continue
        # "will visit Chengdu before returning home on Monday": the return's day
        if d.start >= end and "ing " in sentence[max(end, d.start - 45):d.start] \
                and _BEFORE_RETURN.search(sentence, max(end, d.start - 45), d.start):
            if d.date and d.precision == "day":  # before that day: within its month
                out.append(DateMention(d.start, d.end, d.text, d.date[:7], "month"))
            continue
        if any(a <= d.start < b and not a <= at < b for a, b in asides):
            continue
        if planned and d.start < at - 3 and (modal is None or d.start < modal.end()) and not (
                _opens(sentence, d) and not _SAID.search(sentence, d.end, at)):
            continue  # "On Thursday, officials said he will visit": the saying's day; "On Thursday, he will host": the plan's
        if d.end <= at:
            # "investigators on Wednesday were examining a convoy hit by a bomb": that date is the
            # examining's, not the bombing's (unless it opens the sentence or a 'when' clause follows)
            if _OTHER_VERB.search(sentence, d.end, at) and not _opens(sentence, d) \
                    and not _WHEN.search(sentence, d.end, at):
                continue
            # "Pakistan on Thursday handed over the bodies of the engineers killed in the Besham attack": a
            # definite mention at the end of another verb's clause is dated by that verb
            if named_np and _PAST_VERB.search(sentence, d.end, at) and not _opens(sentence, d) \
                    and not _WHEN.search(sentence, d.end, at):
                continue
        elif d.start >= at:
            # "the death toll from the attack ... rose to 137 on Sunday": the toll's date
            if _TOLL_OR_SPEECH.search(sentence, end, d.start) and (
                    definite or _TOLL_OF.search(sentence, max(0, at - 40), at)):
                continue
            # "killed 14 soldiers in an overnight attack ..., two sources told AFP on Monday": the telling's day
            if said_in and _SAID_THEN.search(sentence, end, d.start):
                continue
            # "the first meeting since he returned to office earlier this year": the return's date
            if _SINCE_CLAUSE.search(sentence, end, d.start):
                continue
            # "The assault came a day before the alliance, set up last September, was to mark ...": the date
            # is the other event's, told to place the one already known in time
            if definite and _CAME.search(sentence, end, d.start):
                continue
            # "The ceasefire, agreed in Havana last June, took effect on Aug. 3": the main verb's date
            if _LATER_VERB.search(sentence, end, d.start):
                continue
            # "The truce is due to take effect on Monday": the date the deal takes effect, not its own
            if definite and _TAKES_EFFECT.search(sentence, end, d.start):
                continue
            # "was closed after the clash and remained shut on Monday": the date of a state that lasts
            if ("remain" in sentence or "stay" in sentence or "still" in sentence) and _REMAINED.search(sentence, end, d.start):
                continue
        out.append(d)
    return out


def _in_clause(sentence: str, candidates: list[DateMention], trigger: _Trigger) -> list[DateMention]:
    """ "Under a protocol signed by the two countries in 1985, the pass stays open from April 1": a date
    after the trigger in its own clause is preferred to dates beyond a comma, unless a date opens the
    sentence ("On Tuesday, militants attacked a convoy that had left in March")."""
    if len(candidates) < 2 or ("," not in sentence and ";" not in sentence):
        return candidates
    end = trigger.end()
    stop = min([i for i in (sentence.find(",", end), sentence.find(";", end)) if i >= 0], default=len(sentence))
    own = [d for d in candidates if d.date and end <= d.start < stop]
    if not own or len(own) == len(candidates) or any(_opens(sentence, d) for d in candidates):
        return candidates
    return own


def _opens(sentence: str, d: DateMention) -> bool:
    """A date that opens its sentence ("Later on Friday, ...") holds for all the sentence tells."""
    return bool(re.fullmatch(r"\W*(?:\w+\W+){0,2}", sentence[:d.start])) and sentence[d.end:d.end + 1] == ","


_DATELINE_HEAD = re.compile(r"\s*[A-Z][\w.'-]*(?:(?:[ /]+|/)[A-Z][\w.'-]*)*(?=\s*(?:,|\(|-|—|–|:))")


def _is_dateline(text: str, m: Mention) -> bool:
    """A place name that opens the story, followed by a date, an agency or a dash ("KYIV/ISTANBUL, July 23
    (Reuters) -", "PESHAWAR / QUETTA:")."""
    if m.start > 400:
        return False
    # the dateline opens the text, or a paragraph near its start (after a headline, a byline or a
    # "Published ..." line)
    line = text.rfind("\n", 0, m.start) + 1
    if line > 0 and (m.start - line > 40 or text.count("\n", 0, line) > 6):
        return False
    head = _DATELINE_HEAD.match(text, line)
    return head is not None and m.end <= head.end()


def _is_credit(text: str, m: Mention) -> bool:
    """An agency's name in a dateline or credit, "(AP)", read as a place."""
    return text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")" and len(m.text) <= 5 and m.text.isupper()


def _actors(sentence: str, mentions: list[Mention], kind: str) -> list[str]:
    """Who the sentence names as taking part: for an attack the group that claimed it or is
    blamed; otherwise the officials named with their titles and the countries that act."""
    actors: list[str] = []
    if kind == "attack":
        claimed, blamed = "", None
        for i, m in enumerate(_GROUPS.finditer(sentence)):
            if i == 0:
                claimed = " (claimed)" if _CLAIMED.search(sentence) else ""
                blamed = claimed or _BLAME.search(sentence)
            name = m.group(1).strip()
            # "the Shanghai Cooperation Organization": a name like a group's is one only where
            # the sentence claims or blames
            if not name or (not blamed and not _KNOWN_GROUP.fullmatch(name)):
                continue
            if name + claimed not in actors:
                actors.append(name + claimed)
    else:
        for m in _PERSON.finditer(sentence):
            name = m.group(1).rstrip("'’s") if m.group(1).endswith(("'s", "’s")) else m.group(1)
            if name not in actors:
                actors.append(name)
        for m in mentions:
            p = m.place
            if p is not None and p.kind == "country" and m.usage in ("metonymic", "literal", "in_name"):
                if p.name not in actors:
                    actors.append(p.name)
    return actors[:6]


_FIGHT_NEXT = re.compile(r"\b(?:the (?:[\w-]+ )?operations?|exchanges? of fire|engaged|gun-?fights?|fire-?fights?|"
                         r"shoot-?outs?)\b", re.I)


def _dead_told_next(text: str, sentences: list[tuple[int, int]], si: int, casualties: _Casualties) -> bool:
    """Whether the sentence after ``si`` tells the dead or wounded of an operation just told of."""
    if si + 1 >= len(sentences):
        return False
    n0, n1 = sentences[si + 1]
    if "\n\n" in text[sentences[si][1]:n0]:
        return False  # a new paragraph is another story
    killed, injured = casualties.within(n0, n1)
    return bool(killed or injured) and _FIGHT_NEXT.search(text, n0, n1) is not None


class Extractor:
    """Extract events from reports with one geoparser (and its caches)."""

    def __init__(self, geoparser: Geoparser | None = None):
        self.geoparser = geoparser or Geoparser()

    def extract(self, report: Report) -> list[Event]:
        text = blank_furniture(report.text)  # "READ MORE: ..." links are other stories
        if text is not report.text:
            report = dataclasses.replace(report, text=text)  # and evidence is quoted without them
        mentions = [m for m in self.geoparser.parse(text) if not _is_credit(text, m)]
        sentences = split_sentences(text)
        drafts: list[_Draft] = []
        last_attack: list[_Draft] = []  # the attack told of last
        all_dates: dict = {}
        # the dateline's city, when it names one ("KYIV/ISTANBUL" names two: neither is the venue)
        dateline = next((m for m in mentions[:1] if m.place is not None and _is_dateline(text, m)
                         and m.place.kind in ("city", "site") and "/" not in text[:m.end + 3]), None)
        # triggers, casualty phrases and dates: one pass over the text's words
        scanned = _SCANNER.scan(text)
        not_events = [(m.start(), m.end()) for m in scanned[1]]  # "heart attack", "visitors" ...
        triggers = [m for m in scanned[0] if not any(s < m.end() and m.start() < e for s, e in not_events)]
        casualties = _Casualties(text, found=scanned[2:7])
        date_found = scanned[7:]
        mi = ti = 0
        for si, (s0, s1) in enumerate(sentences):
            sentence = text[s0:s1]
            while mi < len(mentions) and mentions[mi].end <= s0:
                mi += 1
            in_sentence = []
            k = mi
            while k < len(mentions) and mentions[k].start < s1:  # mentions are in text order
                if mentions[k].start >= s0 and mentions[k].end <= s1:
                    in_sentence.append(mentions[k])
                k += 1
            while ti < len(triggers) and triggers[ti].start() < s0:
                ti += 1
            found: list[tuple[str, _Trigger, str | None]] = []
            while ti < len(triggers) and triggers[ti].end() <= s1:
                m = triggers[ti]
                ti += 1
                kind, subtype = _SUBTYPES[m.lastgroup]
                found.append((kind, _Trigger(m, s0), subtype))
            # the first trigger of each kind that states a particular event ("The agreements were
            # signed on Friday": not the plural, the signing)
            first: dict[str, tuple[str, _Trigger, str | None]] = {}
            for hit in found:
                if hit[0] not in first and not _generic(hit[1].group(0), sentence, found, hit[1].start()):
                    window = sentence[max(0, hit[1].start() - 40):hit[1].start()]
                    if ("the " in window or "this " in window or "that " in window) and _ANCHOR_BEFORE.search(window) and any(
                            h[0] == hit[0] and h[1].start() > hit[1].end() for h in found):
                        continue  # "On the sidelines of the dialogue, Wang held talks": the talks, not the dialogue
                    first[hit[0]] = hit
            if "attack" in first and first["attack"][1].group(0).lower() == "gunmen":
                # "gunmen took guests hostage": the deed tells the kind of attack, not the attackers
                deed = next((h for h in found if h[0] == "attack" and h[2] and h[1].group(0).lower() != "gunmen"), None)
                if deed is not None:
                    first["attack"] = ("attack", first["attack"][1], deed[2])
            if "attack" in first and first["attack"][1].group(0).lower() in _PERPETRATOR_NOUNS:
                deed = next((h for h in found if h[0] == "attack" and h[1].group(0).lower() not in _PERPETRATOR_NOUNS
                             and not _generic(h[1].group(0), sentence, found, h[1].start())), None)
                if deed is not None:
                    first["attack"] = deed
                elif not (casualties.stated(s0, s1) and (si == 0 or "weekend" in sentence or any(
                        s0 <= m.start() < s1 for ms in date_found for m in ms))):
                    del first["attack"]  # "Militants have killed hundreds in the province": no particular attack
            hits = [first[k] for k in _TRIGGERS if k in first]
            # "The attack took place at the same junction where, on Oct. 14, 2017, a truck bomb killed
            # more than 500 people": an older event of the same kind, told in a 'when/where' clause
            if not hits:
                recent = last_attack[0] if last_attack else None
                if recent is not None and si - recent.sentence <= 2 and not _OWN_TIME.match(sentence) \
                        and not _RUNNING_TALLY.search(sentence):
                    killed, injured = casualties.within(s0, s1)
                    _named_martyrs(sentence, killed)
                    if injured and recent.injured and "ly " in sentence and _WORST_HURT.search(sentence):
                        injured = []  # "six critically injured were airlifted": some of the injured already counted
                    if killed or injured:
                        recent.killed = _add_dead(recent.killed, killed, sentence)
                        recent.injured += injured
                        recent.evidence.append((s0, s1))
                        recent.sentence = si
                    elif _TOLL_REF.search(sentence):
                        recent.sentence = si  # "The death toll climbed through the day." tells of it still
                continue

            def dates_for(future: bool, s0: int = s0, s1: int = s1) -> list[DateMention]:
                if "expr" not in all_dates:
                    # the dateline's date says when the story was filed, not when anything happened
                    # (but a full date that opens a line is a timeline's entry: "2 January 2025 - Mogadishu: ...")
                    all_dates["expr"] = [(k, m) for k, m in date_expressions(text, scanned=date_found)
                                         if not (m.start() < 60 and _DATELINE_END.match(text, m.end())
                                                 and not (k in ("full_dmy", "full_mdy") and (
                                                     m.start() == 0 or text[m.start() - 1] == "\n")))]
                    all_dates["starts"] = [m.start() for _, m in all_dates["expr"]]
                key = (s0, future)
                if key not in all_dates:  # the kinds of one sentence share its dates
                    exprs = all_dates["expr"]
                    lo = bisect.bisect_left(all_dates["starts"], s0)
                    hi = bisect.bisect_left(all_dates["starts"], s1)
                    inside = [(k, m) for k, m in exprs[lo:hi] if m.end() <= s1]
                    all_dates[key] = [DateMention(d.start - s0, d.end - s0, d.text, d.date, d.precision)
                                      for d in resolve_dates(inside, report.published, future=future)] if inside else []
                return all_dates[key]

            split: dict[str, int] = {}
            ahead: dict[str, int] = {}  # "..., and a day later ...": the second event's distance
            gap: dict[str, tuple[int, int]] = {}  # "came a week after ...": the recalled event's distance
            where: dict[str, int] = {}  # "left for Quetta, where he met ...": the place the clause is at
            unplaced: set[str] = set()  # kinds whose second clause takes no place from other sentences
            apart: set[str] = set()  # kinds whose second clause is another event ("came days after ...")
            recalls = len(found) > len(hits) and ("whe" in sentence or "in which" in sentence or "after" in sentence
                                                  or "before" in sentence or "since" in sentence
                                                  or "following" in sentence)
            for kind, h1, _ in (list(hits) if recalls else ()):
                # (not past another trigger of the kind: "..., and in March 2024 militants tried to storm the
                # complex, where troops killed all eight attackers" is the storming's own clause)
                recall = next(((h, c) for h in found if h[0] == kind and h[1].start() > h1.end()
                               and (c := _RECALL_CLAUSE.search(sentence, h1.end(), h[1].start())) is not None
                               and not any(g[0] == kind and h1.end() <= g[1].start() < c.start()
                                           and not _renames(sentence, h1.end(), g[1].start()) for g in found)
                               and not _generic(h[1].group(0), sentence, found, h[1].start())), None)
                if recall is not None and kind == "visit" and "where" in recall[1].group(0).lower():
                    recall = None  # "will travel to Urumqi on Thursday, where he will tour a land port": one trip
                if recall is not None:
                    split[kind] = recall[1].start()
                    hits.append(recall[0])
                    if re.match(r"(?i)(?:came|comes|come|followed|follows)\b", recall[1].group(0)):
                        apart.add(kind)
                    if "when" in recall[1].group(0).lower():
                        gap[kind] = (0, 0)  # "since 2023, when gunmen killed ...": the time just named
                    elif "where" in recall[1].group(0).lower() and kind in ("meeting", "visit") \
                            and _PLACE_THEN_WHERE.search(sentence, 0, recall[1].start() + 1):
                        # "left for Quetta, where he met the chief minister": there, at the time just named
                        gap[kind] = (0, 0)
                        where[kind] = recall[1].start()
                    elif recall[1].group("n") and recall[1].group("hedge") in (None, "just", "only", "barely"):
                        gap[kind] = (_count_group(recall[1].group("n")) or 1, 7 if recall[1].group("unit")[0] in "wW" else 1)
                    elif recall[1].group("vague"):
                        gap[kind] = (0, -2)  # "came days after gunmen opened fire": the main event's month
                    elif (months := _MONTHS_GAP.search(recall[1].group(0))) is not None:
                        # "The blast came eight months after a bomber attacked a convoy": that month
                        gap[kind] = (_count_group(months.group(1)) or 1, -1)
            # "It will be the first visit by a Chinese premier in 11 years; the previous one was made by Li Keqiang
            # in May 2013": an older event of the kind, told by "one"
            for kind, h1, _ in list(hits):
                if kind in ("visit", "meeting") and kind not in split and ("previous" in sentence or "last " in sentence
                                                                         or "prior" in sentence):
                    pm = _PREVIOUS_ONE.search(text, s0 + h1.end(), s1)
                    if pm is not None and any(d.date and d.start >= pm.start() - s0 for d in dates_for(False)):
                        split[kind] = pm.start() - s0
                        hits.append((kind, _Trigger(pm, s0), None))
            # "held talks with Premier Li and met Zhao Leji": two meetings, with two people, that day
            both: set[str] = set()
            # "Wang arrived in Ankara on Monday after visiting Egypt": an earlier stop of the trip, its date unknown
            # ("arrived in Kabul on Tuesday after a visit to New Delhi", "after a two-day trip to Baku")
            if "visit" in first and "visit" not in split and ("after visiting" in sentence or "after a" in sentence):
                h1 = first["visit"][1]
                h = next((h for h in found if h[0] == "visit" and h[1].start() > h1.end()
                          and _AFTER_STOP.search(sentence, max(0, h[1].start() - 24), h[1].start())), None)
                if h is not None:
                    split["visit"] = h[1].start()
                    hits.append(h)
                    both.add("visit")
                    unplaced.add("visit")
            if "meeting" in first and "meeting" not in split and " and " in sentence:
                h1 = first["meeting"][1]
                if _MEETING_VERB.match(h1.group(0)) or (h1.group(0).lower() == "talks" and _HELD.search(
                        sentence, max(0, h1.start() - 40), h1.start())):
                    h = next((h for h in found if h[0] == "meeting" and h[1].start() > h1.end()
                              and _MEETING_VERB.match(h[1].group(0))
                              and _AND_THEN.search(sentence, h1.end(), h[1].start())
                              and _NAMED_AFTER.match(sentence, h[1].end())), None)
                    if h is not None:
                        split["meeting"] = _AND_THEN.search(sentence, h1.end(), h[1].start()).start()
                        gap["meeting"] = (0, 0)  # the day just named
                        both.add("meeting")
                        hits.append(h)
            # "Naqvi went to the Chinese embassy ..., and Prime Minister Shehbaz Sharif also visited the embassy":
            # the same kind of event again, with a subject of its own
            for kind in ("meeting", "visit"):
                if kind in first and kind not in split and ", and " in sentence:
                    h1 = first[kind][1]
                    for h in found:
                        if h[0] != kind or h[1].start() <= h1.end():
                            continue
                        subject = _OWN_SUBJECT.search(sentence, h1.end(), h[1].start())
                        if subject is not None:
                            split[kind] = subject.start()
                            gap[kind] = (0, 0)
                            both.add(kind)
                            hits.append(h)
                            break
            # "On Sunday, a drone attack hit the air base, and on Monday drones hit a power station": two
            # events of one kind in coordinated clauses, each with its own date
            if len(found) > len(hits) and ("," in sentence or ";" in sentence):
                for kind, h1, _ in list(hits):
                    if kind in split:
                        continue
                    for h in found:
                        if h[0] != kind or h[1].start() <= h1.end():
                            continue
                        b = _last(_COORDINATION.finditer(sentence, h1.end(), h[1].start()))
                        if b is None or _generic(h[1].group(0), sentence, found, h[1].start()):
                            continue
                        ds = [d for d in dates_for(False) if d.date]
                        mine = [d for d in ds if b.end() <= d.start < h[1].end() + 30]
                        theirs = [d for d in ds if d.end <= b.start()]
                        if mine and theirs and {d.date for d in mine}.isdisjoint(d.date for d in theirs):
                            split[kind] = b.start()
                            hits.append(h)
                            break
                        # "..., and a day later militants attacked a checkpoint in Tank"
                        step = _LATER_BY.search(sentence, b.end(), h[1].start()) or _NEXT_DAY.search(
                            sentence, b.end(), h[1].start())
                        if step is not None and not mine and theirs:
                            split[kind] = b.start()
                            hits.append(h)
                            n = 1 if step.re is _NEXT_DAY else _count_group(step.group("n")) or 1
                            ahead[kind] = n * (7 if step.re is _LATER_BY and step.group("unit")[0] in "wW" else 1)
                            break
            # "two labourers who were abducted on Monday were recovered unharmed on Thursday": two other events,
            # each of another kind and with its own date
            if "other" in first and "other" not in split and len(found) > len(hits):
                h1 = first["other"]
                h = next((h for h in found if h[0] == "other" and h[1].start() > h1[1].end() and h[2] != h1[2]), None)
                if h is not None:
                    ds = [d for d in dates_for(False) if d.date]
                    if any(h1[1].end() <= d.start < h[1].start() for d in ds) and any(d.start >= h[1].end() for d in ds):
                        split["other"] = h[1].start()
                        hits.append(h)
                        both.add("other")  # a separate event, not the first told again
                        unplaced.add("other")  # and no place of another sentence is its own
            killed, injured = casualties.within(s0, s1)
            one_victim = None
            if "attack" in first and (" was " in sentence or "injuries" in sentence or "wounds" in sentence):
                # ("A guard was martyred and three others were wounded": one dead, besides the three;
                # "an engineer sustained minor injuries": one hurt)
                one_victim = (_ONE_VICTIM.search(sentence) if " was " in sentence else None) or (
                    _ONE_HURT.search(sentence) if "injuries" in sentence or "wounds" in sentence else None)
                if one_victim is not None:
                    hurt = one_victim.re is _ONE_HURT or one_victim.group("what")[0] in "iwh"
                    figures = injured if hurt else killed
                    if not figures:
                        figures.append(Figure(1))
                    elif not hurt and all(f.who == PERPETRATORS for f in figures):
                        # "a sailor was martyred and all four attackers were killed": five dead in all
                        figures.append(Figure(max(f.n for f in figures) + 1, GENERIC))
            if "attack" in first and not injured and "another" in sentence:
                # "Two policemen were martyred and another injured": one hurt
                if _ANOTHER_HURT.search(sentence):
                    injured.append(Figure(1))
            if "attack" in first and not killed and (" dead a" in sentence or " down a" in sentence
                                                     or "killed a" in sentence or "martyred a" in sentence
                                                     or "killing a" in sentence):
                # "gunmen shot dead a Chinese national": one dead, told with the deed
                lone = _ONE_KILLED.search(sentence)
                if lone is not None:
                    killed.append(Figure(1))
            if "attack" in first:
                _named_martyrs(sentence, killed)
            parts = {kind: (casualties.within(s0, s0 + at), casualties.within(s0 + at, s1)) for kind, at in split.items()}
            if one_victim is not None and "attack" in parts:
                # "The attack came a week after a Chinese national was shot dead in Karachi": the one is the
                # recalled clause's dead
                part = parts["attack"][one_victim.start() >= split["attack"]]
                hurt = one_victim.re is _ONE_HURT or one_victim.group("what")[0] in "iwh"
                if not part[1 if hurt else 0]:
                    part[1 if hurt else 0].append(Figure(1))
            definite = _definite(sentence, found)  # "the attack", once for the sentence's kinds

            actors_of: dict[bool, list[str]] = {}
            main_of: dict[str, _Draft] = {}
            cues: list[tuple[Mention, str, bool]] | None = None
            for kind, trigger, subtype in hits:
                if kind == "attack" and _ENDING_STRIKES.search(sentence, max(0, trigger.start() - 40), trigger.start()):
                    continue  # "in exchange for an end to air strikes": attacks that are to stop, none told
                if kind == "meeting" and "attack" in first and _STRUCK_THE.search(
                        sentence, max(0, trigger.start() - 30), trigger.start()):
                    continue  # "an air strike hit a meeting of the cabinet": the meeting is the target
                if kind == "meeting" and (killed or injured or "attack" in first) and _AHEAD_OF.search(
                        sentence, max(0, trigger.start() - 40), trigger.start()):
                    continue  # "drones pounded the capital, killing nine, ahead of new talks": talks told of elsewhere
                if kind == "agreement" and "nder " in sentence and _UNDER_THE.search(
                        sentence, max(0, trigger.start() - 60), trigger.start()) and not _MADE_THEN.match(
                        sentence, trigger.end()):
                    continue  # "released hostages under the first phase of the ceasefire deal": the deal is not told
                if kind == "agreement" and _VAGUE_PLEDGE.match(sentence, trigger.start()):
                    continue
                if kind == "meeting" and trigger.group(0).lower() == "discussed" and _SIDES_DISCUSSED.match(sentence) \
                        and any(d.kind == "meeting" and d.status != "planned" and not d.older for d in drafts):
                    continue
                if kind == "agreement" and "meeting" in first and _AGREED_TO_MEET.match(sentence, trigger.start()):
                    continue  # "agreed to hold talks in Kabul next year": the talks to come, no accord
                if kind == "visit" and _SCENE_VISIT.search(sentence) and (last_attack or "attack" in first):
                    continue  # a visit to the scene is part of the attack story
                if kind == "meeting" and "visit" in first and "for talks" in sentence and _FOR_TALKS_ON.match(sentence, trigger.start()) \
                        and sentence[max(0, trigger.start() - 4):trigger.start()].lower() == "for ":
                    continue  # "will travel to Kabul next week for talks on border security": the trip's purpose
                if kind == "attack" and not (killed or injured) and trigger.group(0).lower().endswith(
                        ("operation", "operations", "engagement", "engagements", "riot", "riots", "rioting", "fighting", "crossfire", "violence",
                         "clashes between", "clashes with", "clashed with", "infiltration", "infiltrate",
                         "bid", "bids", "attempt", "attempts",
                         "unrest", "broke out", "erupted")):
                    # "security forces launched an operation": an event only with its dead or wounded, stated here
                    # or in the next sentence that tells of its fighting ("During the operation, ... five
                    # terrorists were killed")
                    if not (trigger.group(0).lower().startswith("operation") and _dead_told_next(
                            text, sentences, si, casualties)):
                        continue
                if kind == "attack" and not (killed or injured) and trigger._m.lastgroup == _BARE_STRIKE:
                    continue
                if kind == "attack" and not (killed or injured) and trigger.group(0).lower().startswith("raid") \
                        and first.get("other", (None, None, None))[2] == "arrest":
                    continue  # "three suspects were arrested in a raid in Mastung": the arrest, not an attack
                # "agreed on Monday to resume peace talks next month": the talks are to come, on their own date
                agreed_to = _AGREED_TO.search(sentence, max(0, trigger.start() - 50), trigger.start()) \
                    if kind in ("meeting", "visit") else None
                planned = agreed_to is not None or _future_near(sentence, trigger.start()) or (
                    kind == "meeting" and "as " in sentence and _HAS_CALLED.search(
                        sentence, max(0, trigger.start() - 50), trigger.start()) is not None)
                trip = None
                if not planned and kind == "meeting" and "visit" in first:
                    # "will travel to Islamabad on Thursday for the sixth round of the strategic dialogue":
                    # the trip's purpose, to come on the trip's day
                    trip = first["visit"][1]
                    if not (trip.end() <= trigger.start() and " for " in sentence[trip.end():trigger.start()]
                            and _future_near(sentence, trip.start())):
                        trip = None
                    planned = trip is not None
                status = "planned" if planned else ("agreed" if kind == "agreement" else "occurred")
                candidates = dates_for(planned)
                if candidates:
                    candidates = _own_dates(sentence, candidates, trigger, planned)
                if candidates and ("deadliest" in sentence or "worst" in sentence or "bloodiest" in sentence
                                   or "biggest" in sentence or "largest" in sentence):
                    # "in the deadliest attack on workers this year": a comparison's span, not the event's date
                    candidates = [d for d in candidates if not (d.precision == "year" and _SUPERLATIVE_BEFORE.search(
                        sentence, max(0, d.start - 60), d.start))]
                if candidates and agreed_to is not None:
                    candidates = [d for d in candidates if d.start >= agreed_to.start("to")]
                if candidates and kind == "agreement":
                    # "agreed to meet again in Beijing in March": March is the meeting's, not the agreement's
                    to_verb = _TO_VERB.search(sentence, trigger.start(), min(len(sentence), trigger.end() + 25))
                    if to_verb is not None:
                        candidates = [d for d in candidates if d.start < to_verb.start()]
                if candidates and len(hits) > 1:
                    # "agreed to a ceasefire in Doha on Oct. 19, and a first round of talks in Istanbul ended without
                    # a deal": a date in the clause of another kind's event, before ", and", is that event's
                    b = _last(_COORDINATION.finditer(sentence, 0, trigger.start()))
                    if b is not None and any(h[0] != kind and h[1].start() < b.start() for h in hits) \
                            and _ANOTHER_OCCASION.fullmatch(sentence, b.end(), trigger.start()):
                        candidates = [d for d in candidates if d.start >= b.start() or _opens(sentence, d)]
                if kind in split:  # the main clause's dates, or the recalled clause's
                    at = split[kind]
                    candidates = [d for d in candidates if (d.start < at) == (trigger.start() < at)]
                best = _nearest(_in_clause(sentence, candidates, trigger), trigger.start())
                if best is None and trip is not None:
                    best = _nearest([d for d in dates_for(True) if trip.end() <= d.start < trigger.start()], trip.end())
                date, precision = (best.date, best.precision) if best else (None, "unknown")
                same_day = None
                if date is None and not candidates and _SAME_DAY.search(sentence):
                    # "Earlier in the day, the two premiers held talks": the day the story has just told of
                    # (not an older event recalled in between: "They recalled the dialogue held in Kabul in 2025.")
                    same_day = next((d for d in reversed(drafts) if d.precision == "day" and d.date and not d.older),
                                    None)
                    if same_day is not None:
                        date, precision = same_day.date, "day"
                occasion = None
                during_trip = None
                if date is None and not candidates and kind == "agreement" and _THE_TWO_SIDES.match(sentence):
                    # "Xi and Sharif held talks in Beijing on Tuesday. The two sides agreed to ...": at those talks
                    occasion = next((d for d in reversed(drafts) if d.kind == "meeting" and si - d.sentence <= 2
                                     and d.date and d.status != "planned"), None)
                    if occasion is not None:
                        date, precision = occasion.date, occasion.precision
                if date is None and not candidates and kind in ("agreement", "meeting") and "uring" in sentence \
                        and (during := _DURING_VISIT.search(sentence)) is not None and during.start() < trigger.start():
                    # "During the visit, the two sides signed 14 documents": in the time of the trip just told
                    trip = next((d for d in reversed(drafts) if d.kind == "visit" and d.date and not d.recalled
                                 and not d.older and not d.leg and (d.status == "planned") == (status == "planned")), None)
                    if trip is not None:
                        during_trip = trip
                        date, precision = trip.date, trip.precision
                        if precision == "day" and any(_MULTI_DAY.search(text, a, b) for a, b in trip.evidence):
                            date, precision = date[:7], "month"
                if occasion is None and date is None and not candidates and kind == "agreement" \
                        and (talks := _RIGHT_AFTER.match(sentence)) is not None \
                        and talks.group(1).lower() not in _ANCHOR_KIND:
                    # "After the dialogue, the ministers witnessed the signing", "At that meeting, they agreed to ...":
                    # at those talks (the ones the word names, if the story has told of several), their day and place
                    word = talks.group(1).lower()
                    held = [d for d in reversed(drafts) if d.kind == "meeting" and d.date and not d.recalled
                            and d.status != "planned"]
                    occasion = next((d for d in held if any(word in text[a:b].lower() for a, b in d.evidence)),
                                    held[0] if held else None)
                    if occasion is not None:
                        date, precision = occasion.date, occasion.precision
                after_other = _DAYS_AFTER_END.search(sentence, max(0, trigger.start() - 45), trigger.start())
                if after_other and date and precision == "day":
                    raw = after_other.group("n").lower()
                    n = int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw, 1)
                    date = (dt.date.fromisoformat(date) - dt.timedelta(days=n)).isoformat()
                if date is None and kind in ahead and trigger.start() >= split[kind] and kind in main_of \
                        and main_of[kind].precision == "day" and main_of[kind].date:
                    date = (dt.date.fromisoformat(main_of[kind].date) + dt.timedelta(days=ahead[kind])).isoformat()
                    precision = "day"
                elif date is None and gap.get(kind) == (0, 0) and trigger.start() >= split[kind]:
                    before = [d for d in dates_for(planned) if d.date and d.end <= split[kind]]
                    if before:
                        date, precision = before[-1].date, before[-1].precision
                elif date is None and gap.get(kind) == (0, -2) and kind in main_of and trigger.start() >= split[kind] \
                        and main_of[kind].date and main_of[kind].precision in ("day", "month"):
                    date, precision = main_of[kind].date[:7], "month"
                elif date is None and kind in gap and gap[kind][1] == -1 and kind in main_of \
                        and trigger.start() >= split[kind] and main_of[kind].precision in ("day", "month") \
                        and main_of[kind].date:
                    months = int(main_of[kind].date[:4]) * 12 + int(main_of[kind].date[5:7]) - 1 - gap[kind][0]
                    date, precision = f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
                elif date is None and kind in gap and kind in main_of and trigger.start() >= split[kind] \
                        and main_of[kind].precision == "day" and main_of[kind].date:
                    # "The raid came a week after gunmen ambushed a coach": that many days before
                    n, unit = gap[kind]
                    date = (dt.date.fromisoformat(main_of[kind].date) - dt.timedelta(days=n * unit)).isoformat()
                    precision = "day"
                if date is None and kind == "attack" and not candidates and _IN_PLACE_OPENING.match(sentence):
                    # "Drones pounded the capital and Odesa early Saturday, killing nine. In Kyiv, six people were
                    # killed ...": the toll place by place, on the lead's day
                    lead = next((d for d in reversed(drafts) if d.kind == "attack" and si - d.sentence <= 3
                                 and not d.recalled and d.date and d.precision == "day"), None)
                    if lead is not None:
                        date, precision = lead.date, "day"
                if date is None:
                    date, precision = _relative_to_event(sentence, drafts, kind, definite)
                if date is None and kind == "meeting" and (
                        (definite is not None and _TRIGGER_WORDS["agreement"].search(definite.group(0)))
                        or _THE_DECISION.match(sentence)) \
                        and _DURING.search(sentence, max(0, trigger.start() - 16), trigger.start()):
                    # "The agreement was reached during talks in Islamabad": the talks were on the agreement's day
                    deal = next((d for d in reversed(drafts) if d.kind == "agreement" and d.date and not d.recalled), None)
                    if deal is not None:
                        date, precision = deal.date, deal.precision
                if date and precision == "day" and kind == "meeting" and _SPAN_OF.search(
                        sentence, max(0, trigger.start() - 30), trigger.start()):
                    date, precision = date[:7], "month"  # "after two weeks of talks in Jeddah": not one day
                if date is None and kind == "meeting" and planned and not candidates:
                    # "The Iranian foreign minister will visit Beijing next week." "Wang Yi will hold talks with him.":
                    # talks planned during the visit just told of, in its time
                    trip = next((d for d in reversed(drafts) if d.kind == "visit" and d.status == "planned" and d.date
                                 and si - d.sentence <= 2), None)
                    if trip is not None:
                        date, precision = trip.date, trip.precision
                        if precision == "day" and any(_MULTI_DAY.search(text, a, b) for a, b in trip.evidence):
                            # a trip "from Monday to Thursday", "a four-day visit": some day of it, in its month
                            date, precision = date[:7], "month"
                if date is None and kind == "other" and (after_the := _AFTER_THE.match(sentence, trigger.end())):
                    word = after_the.group(1).lower()
                    anchor = next((d for d in reversed(drafts) if d.date and not d.recalled and d.kind == (
                        "meeting" if word in ("talks", "meeting", "summit") else "attack")), None)
                    if anchor is not None:
                        date, precision = anchor.date, anchor.precision
                later = _LATER_BY.search(sentence) if date is None and not candidates and "later" in sentence else None
                if later is not None:
                    # "He was freed 12 days later.": counted from the day the story has just told of
                    anchor = next((d for d in reversed(drafts) if si - d.sentence <= 2), None)
                    if anchor is not None and anchor.date and anchor.precision == "day":
                        raw = later.group("n").lower()
                        n = (int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw, 1)) * (
                            7 if later.group("unit").lower().startswith("week") else 1)
                        date = (dt.date.fromisoformat(anchor.date) + dt.timedelta(days=n)).isoformat()
                        precision = "day"
                back = _EARLIER_BY.match(sentence) if date is None and not candidates and later is None else None
                if back is not None:
                    anchor = next((d for d in reversed(drafts) if si - d.sentence <= 2), None)
                    if anchor is not None and anchor.date and anchor.precision == "day":
                        n = 1 if back.group("prev") else (
                            int(back.group("n")) if back.group("n").isdecimal() else _NUMBER_WORDS.get(
                                back.group("n").lower(), 1)) * (7 if back.group("unit").lower().startswith("week") else 1)
                        date = (dt.date.fromisoformat(anchor.date) - dt.timedelta(days=n)).isoformat()
                        precision = "day"
                longer = _LATER_LONG.search(sentence) if date is None and not candidates and later is None \
                    and "later" in sentence else None
                if longer is not None:
                    anchor = next((d for d in reversed(drafts) if si - d.sentence <= 2), None)
                    if anchor is not None and anchor.date and anchor.precision in ("day", "month"):
                        raw = longer.group("n").lower()
                        n = int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw, 1)
                        if longer.group("unit").lower().startswith("year"):
                            date, precision = str(int(anchor.date[:4]) + n), "year"
                        else:
                            months = int(anchor.date[:4]) * 12 + int(anchor.date[5:7]) - 1 + n
                            date, precision = f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
                if date and report.published and date[:len(report.published)] > report.published[:len(date)]:
                    status = "planned"  # dated after the report: still to come
                if cues is None:
                    cues = _place_cues(text, s0, in_sentence)
                mine = cues
                if kind in split:  # each clause's own places
                    at = split[kind]
                    mine = [c for c in cues if (c[0].start - s0 >= at) == (trigger.start() >= at)]
                    if kind in where:
                        there = [c for c in cues if c[0].end - s0 <= at and not sentence[c[0].end - s0:at].strip(" ,")]
                        if trigger.start() >= at:
                            mine = mine or there
                        else:
                            mine = [c for c in mine if c not in there] or mine
                since = _last(_SINCE_CLAUSE.finditer(sentence, 0, trigger.start())) if kind == "other" else None
                if since is not None and mine:
                    # "Violence in Khyber Pakhtunkhwa has risen since the TTP ended its ceasefire with Pakistan": the
                    # places of the main clause are not the older event's; without its own, the country named
                    mine = [c for c in mine if c[0].start - s0 >= since.start()] or [
                        c for c in mine if c[0].place.kind == "country"]
                if len(mine) > 1 and ", wh" in sentence:
                    # "The M23, which Kinshasa and UN experts say is backed by Rwanda, seized Goma": a place in an
                    # aside that does not hold the trigger is not the event's
                    asides = [(m.start(), m.end()) for m in _ASIDE_CLAUSE.finditer(sentence)
                              if not m.start() <= trigger.start() < m.end()]
                    mine = [c for c in mine if not any(a <= c[0].start - s0 < b for a, b in asides)] or mine
                if kind == "attack" and len(mine) > 1 and (", as " in sentence or ", while " in sentence):
                    # "strikes across Gaza killed 18, as negotiators met in Cairo": the places of the clause
                    # after "as" are that clause's
                    aside = _AS_CLAUSE.search(sentence, trigger.end())
                    if aside is not None:
                        mine = [c for c in mine if c[0].start - s0 < aside.start()] or mine
                if kind == "attack" and len(mine) > 1 and all(c[0].place.kind == "country" for c in mine):
                    # "Russia invaded Ukraine": the country before the deed is the attacker, the one after
                    # it the place attacked
                    after = [c for c in mine if c[0].start - s0 > trigger.start()]
                    mine = after or mine
                if mine and ("said" in sentence or "told" in sentence):
                    # "Imtiaz Shigri, the collector of Customs at Sost, said a virtual meeting had agreed",
                    # "officials in Quetta said": the place that ends the speaker's description is theirs
                    own = [c for c in mine if not (c[0].end - s0 < trigger.start() and _SPEECH.match(
                        sentence, c[0].end - s0))]
                    mine = own if own or si > 0 else mine
                if kind != "attack" and mine and "attack" in {h[0] for h in found}:
                    # "agreed to jointly investigate the Dasu attack": Dasu places the attack, not the agreement
                    mine = [c for c in mine if not _ATTACK_AFTER.match(sentence, c[0].end - s0)]
                if kind in ("meeting", "agreement") and mine:
                    # "Pakistan and China signed 23 agreements": countries named before the trigger, not
                    # after "in" or "at", are the parties, not the venue
                    mine = [c for c in mine if not (c[0].place.kind == "country" and (
                        (c[0].end - s0 <= trigger.start() and _PARTY.search(text, max(s0, c[0].start - 12), c[0].start))
                        or text[c[0].end:c[0].end + 2] in ("'s", "’s")))]  # "called Pakistan's Ishaq Dar"
                if kind in ("meeting", "agreement") and mine:
                    if "before" in sentence or "ahead of" in sentence or "prior to" in sentence:
                        mine = [c for c in mine if not _BEFORE_LEAVING.search(text, max(s0, c[0].start - 40), c[0].start)]
                    # "agreed to launch eight projects, including a highway in Balochistan": what was agreed on
                    incl = _INCLUDING.search(sentence, trigger.end()) if (
                        "including" in sentence or "such as" in sentence or "among them" in sentence) else None
                    if incl is not None:
                        mine = [c for c in mine if c[0].start - s0 < incl.start()]
                if kind == "meeting" and mine:
                    # "chaired a meeting at the ministry on the security of projects in Gwadar and Dasu": places
                    # in what the talks were about are no venue
                    topic = _TOPIC.search(sentence, trigger.end())
                    if topic is not None:
                        # within an "of" phrase of the topic, not "talks on trade in Islamabad"
                        mine = [c for c in mine if c[0].start - s0 < topic.start()
                                or not _OF.search(sentence, topic.end(), c[0].start - s0)]
                places = _roles(mine, kind)
                if kind == "attack" and all(m.place.is_area for m, _ in places):
                    # "stormed the Gwadar Port Authority complex": the facility's name places it
                    named = [m for m in in_sentence if m.usage == "in_name" and m.place is not None
                             and not m.place.is_area]
                    if named:
                        places = [(named[0], "location")]
                # talks or a deal long before the report, told without a place, are not at the place of
                # the sentence before nor at the dateline ("had agreed the text of the treaty in March")
                older = _long_before(date, precision, report.published)
                borrowed = not places  # places from other sentences are a guess: they never replace stated ones
                if not places and same_day is not None and same_day.kind in ("meeting", "agreement", "visit") \
                        and kind in ("meeting", "agreement"):
                    # "Earlier in the day, he chaired a meeting at the ministry": where that day's talks were
                    places = [(m, "venue") for m, _ in same_day.places]
                if occasion is not None and occasion.places and (all(m.place.kind == "country" for m, _ in places) or not any(
                        _VENUE_BEFORE.search(text, max(s0, m.start - 6), m.start) for m, _ in places)):
                    # ("Both sides agreed to resolve issues at the Torkham and Chaman crossings": what was agreed on)
                    places = [(m, "venue") for m, _ in occasion.places]
                    borrowed = True
                # "He was freed 12 days later.": another time, and no place stated for it
                if not places and kind in ("attack", "other") and "same" in sentence and _SAME_PLACE.search(sentence):
                    lead = next((d for d in drafts if d.kind == kind and d.places and not d.recalled), None)
                    if lead is not None:
                        places = list(lead.places)
                        borrowed = True
                if not places and si > 0 and later is None and not (kind in unplaced and trigger.start() >= split[kind]):
                    town = _THE_TOWN.search(sentence)
                    if town is not None and town.group(1).lower() in ("state", "province") and kind != "visit":
                        town = None  # "will visit the state": the state just named; a meeting is not "in the state"
                    if town is not None:
                        # "the pass had been reopened": the last place named "... Pass"
                        places = _place_named(town.group(1), mentions, s0, text, kind)
                    if not places and kind == "meeting" and town is None and not older:
                        # "Mr Naqvi also called on the prime minister on Wednesday", told of a visit to Kabul: there
                        trip = next((d for d in reversed(drafts) if d.kind == "visit" and si - d.sentence <= 3
                                     and not d.recalled and d.status == status and any(
                                         m.place.kind in ("city", "site") for m, _ in d.places)), None)
                        if trip is not None:
                            places = [(m, "venue") for m, _ in trip.places if m.place.kind in ("city", "site")]
                    if not places and kind == "meeting" and town is None and not older and status == "occurred":
                        # "On 25 November, Xi held talks with the president in Beijing. ... Premier Li met him on
                        # 26 November": where the talks just told were held
                        talks = next((d for d in reversed(drafts) if d.kind == "meeting" and si - d.sentence <= 3
                                      and not d.recalled and not d.borrowed and d.status == status and any(
                                          m.place.kind in ("city", "site") for m, _ in d.places)), None)
                        if talks is not None:
                            places = [(m, "venue") for m, _ in talks.places if m.place.kind in ("city", "site")]
                    if not places and not (older and kind in ("meeting", "agreement")):
                        places = _previous_place(text, sentences[si - 1], mentions, kind,
                                                 topic=town is not None and town.group(1).lower() in ("city", "town"))
                    if not places and si > 1 and town is not None and not (older and kind in ("meeting", "agreement")):
                        # "a drone attack on an air base near the city's airport": the city named before
                        places = _previous_place(text, sentences[si - 2], mentions, kind)
                that_day = next((d for d in reversed(drafts) if d.kind == "attack" and d.date == date and d.places
                                 and not d.recalled), None) if not places and kind == "other" and date \
                    and precision == "day" and not (kind in unplaced and trigger.start() >= split[kind]) else None
                if that_day is not None:
                    # "20 suspects had been arrested", said the army on the day of the attack: where the attack was
                    places = [(m, "location") for m, _ in that_day.places]
                    borrowed = True
                if subtype == "took office":
                    # "Sharif, who took office earlier this month, visited the embassy in Islamabad": the
                    # sentence's places are the other event's; an office is held over a whole country
                    places = []
                if during_trip is not None and (not places or borrowed) and during_trip.places:
                    # and where the trip went
                    places = [(m, "venue") for m, role in during_trip.places if role != "origin"]
                    borrowed = True
                if not places and kind == "agreement" and occasion is None and date and _THE_TWO_SIDES.match(sentence):
                    # "On Tuesday, he held talks with Xi at the Great Hall of the People. The two sides signed 12
                    # agreements on Tuesday": where the talks of that day were held
                    talks = next((d for d in reversed(drafts) if d.kind == "meeting" and si - d.sentence <= 2
                                  and d.date == date and d.places and d.status != "planned"), None)
                    if talks is not None:
                        places = [(m, "venue") for m, _ in talks.places]
                        borrowed = True
                if not places and kind == "agreement" and occasion is None and _THE_TWO_SIDES.match(sentence):
                    # "... a ceasefire between Pakistan and India. The two sides agreed on a ceasefire on May 10":
                    # the two sides are the countries just named as such, not the dateline's city
                    sides = _between_countries(text, sentences[max(0, si - 1)][0], s1, mentions)
                    if sides:
                        places = [(m, "location") for m in sides]
                only_countries = all(m.place.kind == "country" for m, _ in places)
                if dateline is not None and kind in ("meeting", "agreement") and only_countries and not older and (
                        not places or any(m.place.country == dateline.place.country for m, _ in places)
                        or _names_capital_of(sentence, dateline.place)):
                    # no finer place in the sentence: the story's dateline tells where it is
                    places = [(dateline, "venue" if kind in ("meeting", "agreement") else "location")]
                if kind == "visit" and dateline is not None and " here" in sentence and _ARRIVED_HERE.search(sentence) \
                        and all(m.place.kind in ("country", "region") for m, _ in places):
                    # "BEIJING, Dec. 4 (Xinhua) -- ... arrived here on Thursday": the dateline's city
                    places = [(dateline, "destination")]
                if subtype == "call" and _REMOTE.search(trigger.group(0)):
                    places = []  # "spoke by phone": no venue, wherever the callers sat
                draft = _Draft(kind, subtype, status, date, precision, places,
                               killed=(list(killed) if kind not in split else
                                       list(parts[kind][trigger.start() >= split[kind]][0])) if kind == "attack" else [],
                               injured=(list(injured) if kind not in split else
                                        list(parts[kind][trigger.start() >= split[kind]][1])) if kind == "attack" else [],
                               actors=list(actors_of.get(kind == "attack") or actors_of.setdefault(
                                   kind == "attack", _actors(sentence, in_sentence, kind))),
                               evidence=[(s0, s1)], sentence=si, at=trigger.start(),
                               date_at=best.start if best else -1)
                recalled = kind in split and trigger.start() >= split[kind]
                draft.recalled = recalled and kind not in both
                draft.apart = recalled and kind in apart
                draft.separate = recalled and kind in both
                draft.borrowed = borrowed and bool(places)
                draft.bullet = sentence.startswith(("- ", "• ", "* "))
                draft.older = older
                if kind == "agreement":
                    word = trigger.group(0).lower()
                    draft.deal = "pledge" if word.startswith(("agreed to", "agreeing to")) else (
                        "signed" if subtype == "MoU" or "sign" in word or "inked" in word else "")
                draft.indefinite = _INDEFINITE.search(sentence, max(0, trigger.start() - 30), trigger.start()) is not None
                if recalled and not draft.places and kind in main_of and kind not in unplaced:
                    draft.places = list(main_of[kind].places)  # "at the same junction where, in 2017, ..."
                if kind == "attack" and sentence[max(0, trigger.start() - 4):trigger.start()].lower() == "the " \
                        and _DEFINITE_NOUN.match(trigger.group(0)) and not any(d.kind == kind for d in drafts) \
                        and any(h[1].start() < trigger.start() for h in hits if h[0] != kind) \
                        and not (killed or injured) and not any(d.start > trigger.start() for d in candidates):
                    # "Police arrested three suspects on Wednesday in connection with the blast": the blast
                    # is told of as known, and the arrest's date and places are not its own (unlike "after the
                    # attack on a convoy in Besham in March last year, in which five were killed")
                    continue
                ref = definite
                if definite is not None and len(hits) > 1 and not _TRIGGER_WORDS[kind].search(definite.group(0)):
                    # "the decision to go ahead with the trip so soon after the bombing": for the attack,
                    # "the bombing" is the mention that refers back, not "the trip"
                    ref = _definite(sentence, [h for h in found if h[0] == kind]) or definite
                into = self._add(drafts, draft, sentence, None if recalled else ref)
                if best is not None and kind in ("meeting", "visit") and " and " in sentence and _ROUNDS.search(
                        sentence, max(0, trigger.start() - 40), trigger.end()):
                    # "Two earlier rounds of talks, held in Ankara in July and August": one in each month
                    also = _AND_MONTH.match(sentence, best.end) if best.precision == "month" and best.date else None
                    if also is not None and (into is draft or into.date == best.date):
                        m2 = MONTHS[also.group(1).lower()]
                        y2 = int(best.date[:4]) + (1 if m2 < int(best.date[5:7]) else 0)
                        drafts.append(dataclasses.replace(draft, date=f"{y2:04d}-{m2:02d}", precision="month",
                                                          separate=True, evidence=list(draft.evidence)))
                if kind == "meeting" and into is draft and "separate" in sentence:
                    # "held separate talks with Muttaqi and Dar": a meeting with each
                    each = _SEPARATE_WITH.match(sentence, trigger.start()) if re.search(
                        r"\bseparate\s+$", sentence[max(0, trigger.start() - 12):trigger.start()], re.I) else None
                    names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", each.group(1)) if n[:1].isupper()] if each else []
                    for _ in names[1:]:
                        drafts.append(dataclasses.replace(draft, separate=True, evidence=list(draft.evidence)))
                main_of[kind] = into
                if kind == "attack" and not into.recalled:
                    last_attack[:] = [into]
        # the places of another event, in the sentence that first tells it, are that event's: not
        # to be borrowed by an event told before it ("... near Tillaberi." "On March 3, militants
        # ambushed a convoy near Tera")
        opened = {id(d): {id(m) for m, _ in d.places if d.evidence and d.evidence[0][0] <= m.start < d.evidence[0][1]}
                  for d in drafts}
        for d in drafts:
            taken = set().union(*(v for k, v in opened.items() if k != id(d)))
            _complete_place(d, text, sentences, [m for m in mentions if id(m) not in taken] if taken else mentions)
        source = Source(path=report.path, url=report.url, title=report.title,
                        publisher=report.publisher, published=report.published, line=report.line)
        return [self._event(d, report, source) for d in drafts if d.places or d.date]

    @staticmethod
    def _add(drafts: list[_Draft], new: _Draft, sentence: str, ref: re.Match | None) -> _Draft:
        """Add ``new`` to the drafts, or merge it into the one it tells of again; return that draft."""
        # "The talks came a day after ...": the talks already told of; this sentence's places
        # belong to whatever else it tells
        if ref and ref.start() > new.at + 2:
            ref = None  # "a bus was blown up ... had carried out the attack": this sentence's own event
        if ref and ("came" in sentence or "come" in sentence or "follow" in sentence) \
                and _CAME_AFTER.search(sentence, ref.end(), new.at):
            ref = None  # "The raid came days after gunmen opened fire on a bus": the shooting is another event
        if ref and _SEPARATE.search(sentence, max(0, ref.start() - 12), ref.start() + 1):
            ref = None
        # "began the five-day visit on Tuesday in Shenzhen": a visit of its own
        dated = ref is not None and new.date is not None and 0 <= new.date_at - ref.end() <= 30
        # "the first such attack since a bombing near the airport in August 2021": the trigger is not the
        # definite mention, and its date is its own
        dated = dated or (ref is not None and new.date is not None and new.at >= ref.end())
        # "the visit to Lahore" is not the visit to China told of before
        s0 = new.evidence[0][0]
        named = [p for p in new.places if ref and 0 <= p[0].start - s0 - ref.end() <= 25 and re.fullmatch(
            r"\s*(?:to|in|at|near|outside|on)\s+(?:the\s+)?", sentence[ref.end():p[0].start - s0])]
        def refers_to(o: _Draft) -> bool:
            if new.kind != "attack" and o.status != new.status and "planned" in (o.status, new.status) and o.date and new.date \
                    and not _dates_compatible(o.date, new.date):
                return False  # "met on 26 November", then "agreed to hold the fifth meeting ... in 2027": another
            return o.kind == new.kind and _places_compatible(o.places, named) and (
                not dated or _dates_compatible(o.date, new.date))

        old = next((o for o in reversed(drafts) if refers_to(o)), None) if ref else None
        if old is not None and new.kind == "visit" and not new.borrowed and "uring" in sentence[:ref.start()] \
                and _DURING_THE.search(sentence, max(0, ref.start() - 16), ref.start()) \
                and (leg := _LEG.search(sentence, ref.end())) is not None:
            # "During the visit, the president also travelled to Shanghai": a leg of the trip, a visit of its own,
            # some day of the trip
            own = [p for p in new.places if p[0].start - s0 > leg.start()]
            if own and not {p[0].place.gazetteer_id for p in own} & {q.place.gazetteer_id for q, _ in old.places}:
                new.places = own
                new.leg = True
                if new.date_at < 0 and old.date:  # no date of its own in the sentence
                    new.date, new.precision = (old.date[:7], "month") if len(old.date) >= 7 else (old.date, old.precision)
                drafts.append(new)
                return new
        if old is not None and _TRIGGER_WORDS[new.kind].search(ref.group(0)):
            old.evidence += [e for e in new.evidence if e not in old.evidence]
            old.killed = _add_dead(old.killed, new.killed, sentence)
            old.injured += new.injured
            old.actors += [a for a in new.actors if a not in old.actors]
            if old.date is None and new.date is not None:
                old.date, old.precision = new.date, new.precision
            # "The agreements were signed on Friday at the palace in Istanbul": places of the same clause
            old.sentence = max(old.sentence, new.sentence)
            if old.places and new.places and not new.borrowed and _coarser(old.places, new.places):
                old.places = new.places  # "in northwest Pakistan", then "the blast struck near Dasu"
            own = [p for p in new.places if p[0].start - s0 > ref.end()
                   and not _CLAUSE_BREAK.search(sentence, ref.end(), p[0].start - s0)]
            if own and old.kind != "attack":
                known = {q.place.gazetteer_id for q, _ in old.places}
                old.places += [p for p in own if p[0].place.gazetteer_id not in known]
            return old
        if new.separate or _SEPARATE.search(sentence, max(0, new.at - 25), new.at + 1):
            drafts.append(new)  # "In a separate memorandum signed on Friday"
            return new
        if ref is None and new.kind == "agreement" and new.date is None \
                and _ALSO.search(sentence, max(0, new.at - 12), new.at):
            # "They also agreed on the timely completion of projects": more of the agreement just told,
            # whose places are what was agreed on, not where
            old = next((o for o in reversed(drafts) if o.kind == new.kind and new.sentence - o.sentence <= 5
                        and o.status == new.status), None)
            if old is not None:
                old.evidence += [e for e in new.evidence if e not in old.evidence]
                old.actors += [a for a in new.actors if a not in old.actors]
                old.sentence = new.sentence
                return old
        if ref is None and _SHIFT.match(sentence):
            # "Later on Friday, the two governments signed agreements": another occasion that day
            drafts.append(new)
            return new
        for old in reversed(drafts):
            if old.kind != new.kind:
                continue
            if new.apart and new.evidence[0] in old.evidence:
                continue  # "The raid came days after gunmen opened fire": not the raid the sentence began with
            if new.indefinite and new.kind == "attack" and _distinct_attack(old, new):
                continue  # "Later on Tuesday, a roadside bomb hit a police van in Bannu": another attack
            if new.kind == "attack" and old.date and new.date and new.date != old.date \
                    and not (_refines(old, new) and not _tolls_differ(old, new)) \
                    and (opening := _OPENS_WITH_TIME.match(sentence)) and not _DEFINITE_START.match(sentence, opening.end()):
                continue  # "Last week, a convoy was ambushed near Tera": an attack of another time
            # the next sentence tells the same event, unless one is long past and the other undated ("a
            # meeting had agreed to resolve issues", then "Under a protocol signed in 1985")
            near = new.sentence - old.sentence <= 1 and not ((new.older and old.date is None)
                                                              or (old.older and new.date is None))
            if _compatible(old, new, definite=ref is not None or near):
                old.sentence = new.sentence
                old.evidence += new.evidence
                old.killed = _add_dead(old.killed, new.killed, sentence)
                old.injured += new.injured
                if old.date is None or (_rank(new.precision) > _rank(old.precision) and new.date
                                        and new.date.startswith(old.date)):
                    old.date, old.precision = new.date, new.precision
                known = {m.start for m, _ in old.places}
                if not old.places or (new.places and not new.borrowed and (
                        _coarser(old.places, new.places) or (old.borrowed and not _places_compatible(
                            old.places, new.places)))):
                    old.places = new.places
                    old.borrowed = new.borrowed
                elif new.places and old.kind != "attack" and not new.borrowed:
                    old.places += [p for p in new.places if p[0].start not in known
                                   and all(p[0].place.gazetteer_id != q.place.gazetteer_id for q, _ in old.places)]
                old.actors += [a for a in new.actors if a not in old.actors]
                if old.subtype is None:
                    old.subtype = new.subtype
                return old
        drafts.append(new)
        return new

    @staticmethod
    def _event(d: _Draft, report: Report, source: Source) -> Event:
        text = report.text
        evidence = " ".join(text[s:e].strip() for s, e in d.evidence[:3])
        refs = tuple(PlaceRef(text=m.text, role=role, place=m.place) for m, role in d.places)
        return Event(
            event_type=d.kind, subtype=d.subtype, status=d.status, date=d.date,
            date_precision=d.precision if d.date else "unknown", places=refs,
            killed=_lowest(d.killed), injured=_lowest(d.injured),
            actors=tuple(d.actors), summary=text[d.evidence[0][0]:d.evidence[0][1]].strip()[:300],
            evidence=evidence, evidence_spans=tuple(d.evidence), sources=(source,),
        )


_ARRIVE_WORDS = {"arrived", "landed", "arrive", "arrives", "arriving", "land", "lands"}  # "arrived in X"
_TO_WORDS = {"to", "towards", "for", "visit", "visited", "visiting"}  # and "arrived in", "landed in"
_ON_THE_WAY = re.compile("travel|way|route|heading|going")
_BETWEEN_OR = re.compile(r"(?:\s*\([^)]{1,12}\))?\s*(?:,\s*)?or\s+(?:in\s+|the\s+)?")
_SCENE_VISIT = re.compile(r"\bvisit(?:ed|ing)? (?:the )?(?:site|scene|hospital|injured|wounded|survivors|victims|"
                          r"bereaved|(?:[\w-]+ )?families of the)", re.I)
_DAYS_AFTER_END = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2}) days? after "
                             r"(?:the|a|an|last|this)?\s*(?:\w+'s\s+|\w+\s+)?$", re.I)
_AND_VERB_END = re.compile(r"\band\s+(?:then\s+)?[a-z]+\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?$")
_FUTURE_IN_PAST = re.compile(r"\b(?:was|were) (?:due|set|scheduled|expected|to)\b")
_DUE_AFTER = re.compile(r"\w*\s+(?:(?:is|are) (?:due|expected|scheduled|planned|set to|to be held)|will (?:take place|"
                        r"be held|open|begin|start|convene|be hosted))")
_DAYS_AFTER_THE = re.compile(r"\b(?:in the (?:days|weeks) (?:after|following)|shortly after|soon after|in the "
                             r"aftermath of|in the wake of) (?:the|this|that) (?:[\w-]+ )?(\w+)", re.I)
_RIGHT_AFTER = re.compile(r"\W*(?:(?:shortly|soon|immediately|just)\s+)?(?:after|following|at the (?:end|close|conclusion) of|during|"
                          r"on the sidelines of|at)\s+(?:the|their|this|that|these)\s+(?:[\w-]+\s+)?"
                          r"(talks|meeting|summit|visit|trip|session|negotiations|dialogue|conference|forum|consultations|"
                          r"attack|bombing|blast)\b", re.I)
_PREVIOUS_ONE = re.compile(r"\b(?:the|its|his|her|their)\s+(?:previous|last|prior|preceding)\s+(?:one|such\s+[a-z]+)\s+"
                           r"(?:was|took place|came|had been|being)\b", re.I)
_ROUNDS = re.compile(r"\b(?:rounds|sessions|meetings|visits|trips)\b", re.I)
_AND_MONTH = re.compile(r"\s+and\s+(?:in\s+)?(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)\b")
_SEPARATE_WITH = re.compile(r"(?:talks|meetings)\s+with\s+((?:(?-i:[A-Z])[\w'’.-]*\s*(?:,\s*|\s+and\s+)?){2,8})",
                            re.I)
_ANCHOR_BEFORE = re.compile(r"\b(?:on the (?:sidelines|margins) of|after|following|at the end of|during|ahead of|before)\s+"
                            r"(?:the|this|that|these)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ANCHOR_KIND = {"visit": "visit", "trip": "visit", "attack": "attack", "bombing": "attack", "blast": "attack"}
_HOURS_APART = re.compile(r"\b(?:hours|minutes|moments|shortly|just|only hours) (?:before|after) the (?:[\w-]+ )??(deal|"
                          r"agreement|truce|ceasefire|accord|signing|talks|meeting|summit|visit|trip|attack|blast|"
                          r"bombing|explosion)\b", re.I)
_DAY_OF_THE = re.compile(r"\b(?:on )?the (?:same )?day of the (\w+)", re.I)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:after|before|when|as|since|while|because|which|who)\b", re.I)
_SEPARATE = re.compile(r"\b(?:a|in a|another|a second|a separate|separately)\s+(?:separate|second|new|"
                       r"different)\b|\bseparate(?:ly)?\b", re.I)
_DAYS_APART = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2}) days? (?P<dir>after|before)\b"
                         r"|\b(?P<dir2>the day after|the day before|the next day|the previous day)\b", re.I)


def _relative_to_event(sentence: str, drafts: list[_Draft], kind: str,
                       ref: re.Match | None) -> tuple[str | None, str]:
    """ "The talks came a day after a suicide bomber struck": a date from the talks' date."""
    import datetime as dt

    m = _DAYS_APART.search(sentence)
    same_day = _DAY_OF_THE.search(sentence)
    if same_day:
        anchor = next((d for d in reversed(drafts) if d.kind != kind and d.precision == "day" and d.date
                       and not d.recalled and _TRIGGER_WORDS[d.kind].search(same_day.group(1))), None)
        if anchor is not None:
            return anchor.date, "day"
    # "Hours before the deal was announced, a drone struck a depot": that day
    hours = _HOURS_APART.search(sentence) if " the " in sentence and ("before" in sentence or "after" in sentence) else None
    if hours:
        word = hours.group(1).lower()
        want = "agreement" if word in ("deal", "agreement", "truce", "ceasefire", "accord", "signing") else (
            "meeting" if word in ("talks", "meeting", "summit") else "visit" if word in ("visit", "trip") else "attack")
        anchor = next((d for d in reversed(drafts) if d.kind == want and d.kind != kind and d.date
                       and d.precision == "day" and not d.recalled), None)
        if anchor is not None:
            return anchor.date, "day"
    # "In the days after the attack on the convoy, companies suspended work": the attack's month
    after = _DAYS_AFTER_THE.search(sentence)
    if after:
        anchor = next((d for d in reversed(drafts) if d.kind != kind and d.date and d.precision in ("day", "month")
                       and not d.recalled and _TRIGGER_WORDS[d.kind].search(after.group(0))), None)
        if anchor is not None:
            return anchor.date[:7], "month"
    # "After the talks, the two leaders witnessed the signing": the day of the talks just told of
    right_after = _RIGHT_AFTER.match(sentence)
    if right_after:
        # ("On the sidelines of the dialogue, Wang held separate talks": a meeting on the dialogue's day too)
        same_kind_ok = re.search(r"sidelines|during", right_after.group(0), re.I) is not None
        anchor = next((d for d in reversed(drafts) if (d.kind != kind or same_kind_ok) and d.date and not d.recalled
                       and d.kind == _ANCHOR_KIND.get(right_after.group(1).lower(), "meeting")), None)
        if anchor is not None:
            return anchor.date, anchor.precision
    vague = _DAYS_AFTER_VAGUE.search(sentence) if ref and not m and ("days after" in sentence or "weeks after" in sentence) \
        else None
    if vague is not None:
        # "The raid came days after gunmen opened fire on a bus": the month of the raid
        anchor = next((d for d in reversed(drafts) if d.date and d.precision in ("day", "month") and not d.recalled
                       and _TRIGGER_WORDS[d.kind].search(ref.group(0))), None)
        if anchor is not None:
            return anchor.date[:7], "month"
    months = _MONTHS_GAP.search(sentence) if ref and not m and "month" in sentence else None
    if months is not None and months.group(0).lower().endswith("after"):
        # "The visit came a month after the two countries held talks in Istanbul": that month
        anchor = next((d for d in reversed(drafts) if d.kind != kind and d.precision in ("day", "month") and d.date
                       and not d.recalled and _TRIGGER_WORDS[d.kind].search(ref.group(0))), None)
        if anchor is not None:
            n = _AGO_COUNT.get(months.group(1).lower()) or (int(months.group(1)) if months.group(1).isdecimal() else 1)
            k = int(anchor.date[:4]) * 12 + int(anchor.date[5:7]) - 1 - n
            return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    if not m or not ref:
        return None, "unknown"
    anchor = next((d for d in reversed(drafts) if d.kind != kind and d.precision == "day" and d.date
                   and not d.recalled and _TRIGGER_WORDS[d.kind].search(ref.group(0))), None)
    if anchor is None:
        return None, "unknown"
    if m.group("dir2"):
        n = 1
        sign = 1 if m.group("dir2").lower() in ("the day before", "the previous day") else -1
    else:
        raw = m.group("n").lower()
        n = int(raw) if raw.isdecimal() else _NUMBER_WORDS.get(raw, 1)
        # "the talks came a day after the attack": the attack is n days before the talks
        sign = 1 if m.group("dir").lower() == "before" else -1
    day = dt.date.fromisoformat(anchor.date) + dt.timedelta(days=sign * n)
    return day.isoformat(), "day"


_COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|many|dozens of|"
                      r"repeated|frequent|recurring|regular|sporadic|occasional|"
                      r"(?:a |the )?(?:string|series|wave|spate|spree|number|string) of)\s+(?:[\w-]+\s+)?$", re.I)
_PLURALS = ("attacks", "bombings", "blasts", "explosions", "agreements", "deals", "visits", "meetings", "protests",
            "arrests")
_PLURAL_DEEDS = ("strikes", "raids", "ambushes", "shootings", "assaults", "clashes", "killings")
# "The insurgency, which began in 2009, has killed more than 40,000 people": a running tally
_COUNT_MORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some) more\b", re.I)
_WORST_HURT = re.compile(r"\b(?:critically|seriously|severely|gravely|badly)\s+(?:injured|wounded|hurt)\b", re.I)
_NOUN_BEFORE_TALKS = re.compile(r"\s+(?:talks|negotiations|negotiators|mediators|proposals?|plans?|efforts|push|bid|"
                                r"framework|envoys?)\b", re.I)
_STRIKE_MODIFIER = re.compile(r"(?:(?-i:[A-Z])[\w.'’-]*|air|drone|missile|artillery|military|army|rocket|aerial|"
                              r"deadly|fresh|new|overnight|retaliatory|precision|one|another|latest|"
                              # "carried out strikes", "launched a wave of strikes": the deed is told
                              r"carried out|conducted|launched|several|multiple|series of|wave of)\s+$")
_AS_CLAUSE = re.compile(r",\s+(?:as|while)\s+(?!(?:a|an)\s+result\b|well\b|part\s+of\b)")
_ARRIVED_HERE = re.compile(r"\b(?:arrived|arrives|arriving|arrive|landed|lands|reached)\s+here\b", re.I)
_SINCE_TALLY = re.compile(r"\b[Ss]ince\b[^.;]*\b(?:have|has) been (?:killed|martyred|injured|wounded)\b|"
                          r"\b(?:have|has) been (?:killed|martyred|injured|wounded)\b[^.;]*\bsince\b")
_RUNNING_TALLY = re.compile(r"\b(?:has|have)\s+(?:so far\s+|now\s+)?(?:killed|claimed the lives of|left)\b"
                            r"|\bsince\s+(?:it|they)\s+began\b", re.I)
_STORY_TRAVEL = re.compile(r"travel|heading|on (?:their|its|his|her) way|flew|landed|arrived|tour", re.I)


_HOSTAGE_TAKEN = re.compile(r"\b(?:took|taken|taking|held|holding|seized)\b", re.I)
_NOT_PARTICULAR = re.compile(r"\b(?:(?:each|every|any|such|no|future|further|more|without|failed to|fail to|not|never|"
                             r"refused to)\s+(?:[\w-]+\s+){0,2}"
                             # "ended without agreement on a ceasefire", "failed to reach a deal on a truce"
                             r"|(?:without|no|failed to reach|fail to reach|failed to agree on)\s+(?:an?\s+|any\s+)?"
                             r"(?:agreement|deal|consensus|accord|progress|breakthrough)\s+(?:on|over|for|about)\s+"
                             r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)$", re.I)


_SOUGHT = re.compile(r"\b(?:discuss(?:ed|es|ing)?|call(?:ed|s|ing)? for|push(?:ed|es|ing)? for|seek(?:s|ing)?|sought|"
                     r"urg(?:ed|es|ing)|propos(?:ed|es|ing)|possible|potential|prospective|hopes? for|demand(?:ed|s|ing)?|"
                     r"press(?:ed|es|ing)? for|work(?:ed|s|ing)? (?:towards?|on))\s+(?:[\w-]+\s+){0,3}$", re.I)
_SUPPORTED_A = re.compile(r"\b(?:support(?:ed|s|ing)?|back(?:ed|s|ing)?|favou?r(?:ed|s|ing)?)\s+(?:a|an)\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.I)
# "indirect talks on the second phase of the Gaza ceasefire": what the talks are about
_TALKS_ON = re.compile(r"\b(?:talks|negotiations|discussions|dialogue|consultations)\s+(?:on|about|over|regarding)\s+"
                       r"(?:[\w'’-]+\s+){0,6}$", re.I)
_AGREEMENT_ENDS = {"ire", "uce", "eal", "ent", "nts", "als", "ord", "rds", "act", "cts", "aty"}
_AGREEMENT_NOUN = re.compile(r"(?:cease-?fire|truce|peace (?:deal|agreement|accord)|agreements?|deals?|accords?|pacts?|"
                             r"treaty)$", re.I)
_MET_NOT = re.compile(r"met (?:with )?(?:(?:little|no|stiff|fierce|heavy|strong|some|much|limited|growing|wide|widespread|"
                      r"mixed|a cool|a warm) (?:[\w-]+ )?(?:resistance|opposition|criticism|success|approval|scepticism|"
                      r"skepticism|reception|response|protests?)|(?:the|its|their|all|a) (?:[\w'’-]+ )?(?:demands?|"
                      r"deadlines?|targets?|criteria|requirements?|needs?|conditions?|costs?|expectations?|standards?))\b", re.I)
_HUNT_DOWN = re.compile(r"\b(?:(?:hunt|track) down|arrest|punish|catch|find)\s+(?:the\s+)?$", re.I)
_HOURS_BEFORE_THE = re.compile(r"\b(?:hours|minutes|moments) (?:before|after) the (?:[\w-]+ )?$", re.I)
_TALLY_AFTER = re.compile(r"\s+(?:tens of thousands|thousands|hundreds|scores|countless|many|dozens)\b", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”]")
_WHEN_OR_TOLL = re.compile(r"\b(?:yesterday|today|tonight|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                           r"january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|(?:19|20)\d\d|killed|dead|died|injured|wounded)\b", re.I)


def _quoted_remark(sentence: str, at: int) -> bool:
    """A trigger inside a quotation that tells neither when nor how many: a remark ("a signature
    is only as good as the ceasefire," said an analyst), not a report of an event."""
    if '"' not in sentence and "“" not in sentence and "”" not in sentence:
        return False
    marks = [m.start() for m in _QUOTE_MARKS.finditer(sentence)]
    before = [i for i in marks if i < at]
    after = [i for i in marks if i > at]
    if len(before) % 2 == 0 or not after:
        return False
    return not _WHEN_OR_TOLL.search(sentence, before[-1], after[0])


def _generic(trigger: str, sentence: str, hits: list, at: int) -> bool:
    """A trigger that states no particular event: "a series of attacks", or the convoy's
    journey inside an attack story."""
    low = trigger[:3].lower()
    if low == "met" and _MET_NOT.match(sentence, at):
        return True  # "they met little resistance", "met the rebels' demands"
    if low in ("att", "ass", "gun", "per", "bom") and _HUNT_DOWN.search(sentence, max(0, at - 20), at):
        return True  # "ordered the police to hunt down the attackers"
    if _HOURS_BEFORE_THE.search(sentence, max(0, at - 40), at):
        return True  # "Hours before the deal was announced": a time, not the deal's event
    if _NOT_PARTICULAR.search(sentence, max(0, at - 50), at):
        return True  # "after each attack", "such visits", "without reaching a deal", "there is no ceasefire"
    if trigger[-3:].lower() in _AGREEMENT_ENDS and _AGREEMENT_NOUN.match(trigger) and (
            _SOUGHT.search(sentence, max(0, at - 45), at) or _SUPPORTED_A.search(sentence, max(0, at - 45), at)
            or _TALKS_ON.search(sentence, max(0, at - 70), at)):
        return True  # "to discuss a proposed truce", "called for a ceasefire": a deal not (yet) made
    if trigger[:7].lower() == "hostage" and not _HOSTAGE_TAKEN.search(sentence, max(0, at - 50), at):
        return True  # "took guests hostage", not "the hostages' families"
    if trigger[-3:].lower() in ("ire", "uce", "eal") and _NOUN_BEFORE_TALKS.match(sentence, at + len(trigger)):
        return True  # "as ceasefire talks resume in Cairo", "a truce proposal": talks about a deal, not the deal
    if low == "str" and trigger.lower() in ("strike", "strikes") and not _STRIKE_MODIFIER.search(
            sentence, max(0, at - 30), at):
        return True  # "strikes by workers killed the deal": not "Israeli strikes", "air strikes"
    if _quoted_remark(sentence, at):
        return True
    if trigger[:6].lower() in ("kidnap", "abduct") and _TALLY_AFTER.match(sentence, at + len(trigger)):
        return True  # "gangs that have killed and kidnapped thousands of people": a tally over years
    if trigger.lower().endswith(_PLURALS + _PLURAL_DEEDS) and _COUNTED.search(sentence, max(0, at - 30), at):
        return True  # "killed in three attacks", "a string of attacks", "repeated air strikes": a tally
    if trigger.lower().endswith(_PLURALS + _PLURAL_DEEDS) and "ince" in sentence and _SINCE_TALLY.search(sentence):
        return True  # "Since January, 200 personnel have been killed in militant attacks": a tally
    if trigger.lower().endswith(_PLURALS):
        if not (_KILL_AFTER.search(sentence) or _KILL_BEFORE.search(sentence)):
            return True
    if _STORY_TRAVEL.match(trigger) and any(kind == "attack" for kind, _, _ in hits):
        return True
    return False


_MODAL_TRIGGER = re.compile(r"(?:will|shall|sign\b)|(?:leaves|departs|heads|arrives) |due (?:in|at) ", re.I)
# "has been invited to visit", "agreed to hold the next round of talks": an intention, still to come
_TO_COME = re.compile(r"\b(?:invited|invitation|agreed|decided|plans?|hopes?|offered)\s+(?:him\s+|her\s+|them\s+|"
                      r"\w+\s+)?to\s+(?:hold|host|pay|make|convene|attend|(?:\w+\s+)?)$|\bnext (?:round|meeting|session|"
                      r"summit|visit)\b[^.]{0,3}$|\bnext\s+(?:round|meeting|session)\s+of\s+$", re.I)


def _future_near(sentence: str, at: int) -> bool:
    """A future marker in the clause that holds the trigger (up to 60 characters before it)."""
    clause_start = max(sentence.rfind(",", 0, at), sentence.rfind(";", 0, at), at - 60, 0)
    before = sentence[clause_start:at]
    if sentence[at:at + 3].lower() == "to ":
        before += "to "  # "is due to travel to Israel": the trigger begins with the modal's "to"
    after = sentence[at:at + 40]
    if _MODAL_TRIGGER.match(after):
        return True  # the trigger holds its modal: "will travel to Moscow", or is a timetable: "leaves for Beijing"
    if _TO_COME.search(sentence, max(0, at - 60), at):
        return True
    future_in_past = _FUTURE_IN_PAST.search(before)
    if bool(_FUTURE.search(before) or _DUE_AFTER.match(after)) and (
            bool(future_in_past) or not _PAST_HINT.search(before)):
        return True
    # "will attend the meeting of the council ... in Islamabad and pay an official visit": the
    # modal governs the verbs joined to it
    start = max(sentence.rfind(",", 0, at), sentence.rfind(";", 0, at), at - 220, 0)
    if start >= clause_start or " and " not in sentence[start:at]:
        return False
    clause = sentence[start:at]
    return bool(_AND_VERB_END.search(clause) and _FUTURE.search(clause) and not _PAST_HINT.search(clause))


_PARTY = re.compile(r"(?:^|[^\w\s]|\b(?:and|between|of|with|by|from|both))\s*(?:the\s+)?$", re.I)
_ATTACK_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:attack|bombing|blast|explosion|ambush|shooting|"
                           r"massacre|assault|raid|siege)s?\b")
_THE_BEFORE = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|paid|held|sent|gave|made|took|brought|met|said|told)\b(?!\s+(?:by|in|at|on)\b)")
_ASIDE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b[^,;]{1,80},")
_OF = re.compile(r"\bof\b")
_SPEECH = re.compile(r",?\s+(?:said|says|told)\b")
_TOPIC = re.compile(r"\b(?:on|about|regarding|concerning|covering)\s+(?!(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
                    r"(?:sidelines|margins|occasion|way|day|eve|phone|telephone|visit|trip|tour|behalf|board|"
                    r"arrival|invitation)\b)(?:the\s+|a\s+|an\s+)?(?-i:[a-z])[\w-]*", re.I)
_THE_TOWN = re.compile(r"\bthe (city|town|village|capital|port city|pass|crossing|border crossing|port|airport|dam|"
                       r"base|hotel|complex|project|camp|plant|mine|state|province)(?:['’]s)?\b", re.I)
_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?$", re.I)
_SHIFT = re.compile(r"\W*(?:later|earlier)\b(?! this\b| last\b| in (?:the|this|that) (?:week|month|year)\b)", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
_FAMILY = {"suicide bombing": "bombing", "car bombing": "bombing", "grenade attack": "bombing"}


def _distinct_attack(old: _Draft, new: _Draft) -> bool:
    """Two attacks told of differently: another kind of deed (a bombing, then a shooting) at another place."""
    if not (old.subtype and new.subtype and old.places and new.places):
        return False
    if _FAMILY.get(old.subtype, old.subtype) == _FAMILY.get(new.subtype, new.subtype):
        return False
    return not {m.place.gazetteer_id for m, _ in old.places} & {m.place.gazetteer_id for m, _ in new.places}


_DEMONYM_CAPITAL = re.compile(r"\bthe ([A-Z][a-z]+(?: [A-Z][a-z]+)?) capital\b")


def _names_capital_of(sentence: str, place: Place) -> bool:
    """ "talks in the Cuban capital" in a story datelined HAVANA: the dateline's city is meant."""
    if "capital" not in sentence:
        return False
    return any(DEMONYMS.get(m.group(1).lower()) == place.country for m in _DEMONYM_CAPITAL.finditer(sentence))


def _last(matches: Iterable[re.Match]) -> re.Match | None:
    """The last of some matches, or None."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _long_before(date: str | None, precision: str, published: str | None) -> bool:
    """Whether an event's whole period ends more than two weeks before the report was published."""
    if not date or not published or len(published) < 10:
        return False
    try:
        pub = dt.date.fromisoformat(published[:10])
        if precision == "day":
            end = dt.date.fromisoformat(date)
        elif precision == "month":
            y, m = int(date[:4]), int(date[5:7])
            end = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(int(date[:4]), 12, 31)
    except ValueError:
        return False
    return (pub - end).days > 14


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)


def _nearest(dates: list[DateMention], at: int) -> DateMention | None:
    if not dates:
        return None
    resolved = [d for d in dates if d.date]
    if not resolved:
        return None
    return min(resolved, key=lambda d: abs(d.start - at) + 40 * (3 - _rank(d.precision)))


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _places_compatible(a: list[tuple[Mention, str]], b: list[tuple[Mention, str]]) -> bool:
    if not a or not b:
        return True
    for m, _ in a:
        for n, _ in b:
            p, q = m.place, n.place
            if p.gazetteer_id == q.gazetteer_id or _near(p, q) or p.contains(q) or q.contains(p):
                return True
    return False


def _near(p: Place, q: Place) -> bool:
    """Within 60 km (half a degree of latitude is 55 km: farther apart in latitude is never near)."""
    return abs(p.lat - q.lat) <= 0.6 and distance_km(p.point, q.point) <= 60


def _compatible(old: _Draft, new: _Draft, *, definite: bool) -> bool:
    if old.status != new.status and "planned" in (old.status, new.status):
        return False
    if old.kind == "other" and old.subtype and new.subtype and old.subtype != new.subtype:
        return False  # a sit-in, then an inquiry announced: two events of other kinds
    if old.kind == "agreement" and {old.deal, new.deal} == {"pledge", "signed"} and old.date and new.date:
        # "The two sides agreed to expand trade", then "After the talks, they witnessed the signing of three MoUs":
        # two (an undated "had agreed to ensure ..." after a signing tells more of it)
        return False
    if old.kind == "meeting" and new.date is not None and new.actors and (
            (old.actors and not set(old.actors) & set(new.actors))
            or (not old.actors and old.date is not None and old.date != new.date)):
        # (and "A joint team will meet on Thursday", then "The consul is also expected to call on the chief
        # minister this week": a meeting with named people at another time is another meeting)
        return False  # "call on the vice president on Wednesday", then "host a trilateral meeting" that day: two
    if not _dates_compatible(old.date, new.date):
        return False
    if not _places_compatible(old.places, new.places) and not (
            old.borrowed and not new.borrowed and old.kind != "attack" and new.date and new.date == old.date):
        # (a place only borrowed from the sentence before is a guess: "The council will meet on Monday", then
        # "The council is to meet in New York on Monday" is that meeting)
        return False
    # with nothing new to tell them apart, a nearby or definite mention is the same event; an
    # undated attack story told again at the same place is the same attack
    # (either way round: "the attack on a concert hall near Moscow", then "gunmen burst into the hall
    # in Krasnogorsk on Friday")
    # a headline told first without a date and then in the lead with one ("Khunjerab Pass reopens
    # for trade", then "GILGIT: The Khunjerab Pass ... reopened on Monday") is one event
    headline = old.date is None and old.evidence[0][0] == 0
    # and likewise a summary or highlight line at the top ("- A ceasefire signed in Kunming is expected to ..."),
    # then the dated account of it
    headline = headline or (old.date is None and old.bullet and old.sentence <= 3 and old.kind != "attack"
                            and not old.borrowed and not new.older)
    # an undated sentence whose places are only borrowed ("The two leaders agreed to raise trade") tells more
    # of the event of its kind told before
    # an attack first named with a month or year, then told with its day ("the hijacking of the train in March
    # last year", then "On March 11, 2025, militants blew up the track") is one attack, unless its tolls differ
    return (definite or (new.date is not None and new.date == old.date) or (not new.places and not new.date)
            or (new.date is None and new.borrowed)
            or ((new.date is None or old.date is None) and (old.kind == "attack" or headline) and bool(old.places)
                and bool(new.places))
            or (old.kind == "attack" and _refines(old, new) and bool(old.places) and bool(new.places)
                and not _tolls_differ(old, new)))


_COPULA_NOUN = re.compile(r"\s+(?:is|was|became|marks|marked)\s+(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _renames(sentence: str, end: int, at: int) -> bool:
    """Whether the trigger at ``at`` names again the event whose trigger ends at ``end``, as the
    complement of a copula: "The attack is the first deadly strike since ...", "The bombing was
    the worst attack in years"."""
    return at - end <= 50 and _COPULA_NOUN.fullmatch(sentence, end, at) is not None


def _refines(old: _Draft, new: _Draft) -> bool:
    """Whether the new draft's date is a finer one inside the old draft's (a day in its month)."""
    return bool(old.date and new.date and _rank(new.precision) > _rank(old.precision) and new.date.startswith(old.date))


def _tolls_differ(old: _Draft, new: _Draft) -> bool:
    return any(a and b and max(f.n for f in a) != max(f.n for f in b)
               for a, b in ((old.killed, new.killed), (old.injured, new.injured)))


def extract_events(reports: Iterable[Report] | Report, *, geoparser: Geoparser | None = None) -> list[Event]:
    """Events of one report or many, in report order (not merged across reports)."""
    extractor = Extractor(geoparser)
    if isinstance(reports, Report):
        reports = [reports]
    return [e for r in reports for e in extractor.extract(r)]

