"""Benchmark: ``extract`` throughput on a generated corpus of news-like reports.

Usage::

    python tests/benchmarks/bench_extract.py [--reports 2000] [--size 4000] [--style dense|news]

The generator writes reports of about ``--size`` characters from templates of our own
(attacks, talks, visits, agreements with datelines, recalled events and quotes) over a
fixed list of places, with a fixed seed. It measures reports/s for ``Extractor.extract``
on one core (after a warm-up, as a long run sees it, and with the garbage collector set as
``incidentmap extract`` sets it for a run, :func:`geo.stream.batch_gc`) and the peak memory
of the process.
``--style dense`` (the default) is that event in nearly every sentence; ``--style news``
takes the reports of ``gen_corpus.py`` (a lead event, body, quotes, recalled events and
background paragraphs, as news reads), the corpus of the scale benchmark.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

PLACES = ["Besham", "Dasu", "Karachi", "Gwadar", "Quetta", "Peshawar", "Islamabad", "Lahore",
          "Bannu", "Turbat", "Chilas", "Kashgar", "Urumqi", "Kabul", "Jalalabad", "Khost",
          "Mogadishu", "Maiduguri", "Bamako", "Baghdad", "Aleppo", "Sanaa", "Tripoli", "Kandahar"]
AREAS = ["Khyber Pakhtunkhwa", "Balochistan", "Gilgit-Baltistan", "Xinjiang", "Sindh", "Punjab",
         "Borno", "Nangarhar"]
GROUPS = ["Balochistan Liberation Army", "Tehreek-e-Taliban Pakistan", "Islamic State",
          "al-Shabaab", "an unnamed group"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{P1}, {month} {d} (Example Wire) - A suicide bomber struck a convoy near {P2} on {day}, "
    "killing at least {k} people, including {k2} foreign engineers, and wounding {w} others, police said.",
    "The attack in {P2}, in {A}, was claimed by the {G}, a spokesman for the provincial government said.",
    "Officials from both countries held talks in {P1} on {day} and agreed to strengthen security "
    "cooperation in {A}.",
    "In {month} {y}, {k} people were killed when gunmen opened fire on a bus near {P3}.",
    "A delegation will visit {P3} next month to review the projects, the foreign ministry said.",
    "The two sides signed a memorandum of understanding on trade in {P1} on {day}.",
    "\"We condemn this cowardly act,\" said Interior Minister Ali Khan, adding that those responsible "
    "would be brought to justice.",
    "Security was tightened across {A} after the blast, and schools in {P2} were closed.",
    "Residents of {P3} said they heard gunfire late on {day} night.",
    "The minister travelled from {P1} to {P3} for the meeting with local elders.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def generate(n: int, size: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            t = rng.choice(TEMPLATES)
            parts.append(t.format(P1=rng.choice(PLACES), P2=rng.choice(PLACES), P3=rng.choice(PLACES),
                                  A=rng.choice(AREAS), G=rng.choice(GROUPS), day=rng.choice(DAYS),
                                  month=rng.choice(MONTHS), d=rng.randint(1, 28), y=rng.randint(2010, 2023),
                                  k=rng.randint(2, 40), k2=rng.randint(1, 2), w=rng.randint(3, 60)))
        out.append(" ".join(parts))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--size", type=int, default=4000)
    ap.add_argument("--style", choices=["dense", "news"], default="dense")
    args = ap.parse_args()

    from geo.extract import Extractor
    from geo.reports import Report
    from geo.stream import batch_gc

    if args.style == "news":
        from gen_corpus import generate as news

        texts = [r["text"] for r in news(args.reports + 50)]
        warm, texts = texts[:50], texts[50:]
    else:
        texts = generate(args.reports, args.size)
        warm = generate(50, args.size, seed=1)
    extractor = Extractor()
    for t in warm:  # warm-up: index pages and caches, as in a long run
        extractor.extract(Report(text=t, published="2024-03-27"))
    with batch_gc():
        start = time.perf_counter()
        cpu = time.process_time()
        events = 0
        for t in texts:
            events += len(extractor.extract(Report(text=t, published="2024-03-27")))
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(map(len, texts)) // max(1, len(texts))
    print(f"{args.style}: {args.reports} reports of ~{size} chars: {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"{args.reports / wall:.0f} reports/s, {events} events, peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
