"""Benchmark: toponym recognition and resolution on public gold sets (GeoWebNews, LGL).

Usage::

    python tests/benchmarks/bench_geoparse.py [--shared ../shared] [--sets gwn lgl]
        [--demonyms [all|gwn|none]] [--limit N] [--dump DIR]

Reads the gold sets from ``shared/benchmarks/geoparse`` (never copied into this project),
runs ``Geoparser.parse`` on every document's text, and scores the predictions with the
scorer that ships beside the data: recognition P/R/F1 (strict spans) and accuracy within
161 km over the matched toponyms, plus a lenient-span run. Also reports throughput.

Demonyms ("Russian", "Syrian") are not places for incidentmap (they only inform the country
context), but GeoWebNews annotates them as toponyms (types Demonym, Non_Literal_Modifier ...)
and LGL annotates many of them too ("Georgian", "Iraqi"), though not all ("American").
``--demonyms all`` (or bare ``--demonyms``) emits them for every set (the setting our figures
use: it scores higher on both), ``--demonyms gwn`` only for GeoWebNews; the default emits
none. Report which one a figure used. ``--limit N`` runs the first N documents of each set
and scores only those.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=here.parents[3] / "shared")
    ap.add_argument("--sets", nargs="+", default=["gwn", "lgl"])
    ap.add_argument("--dump", type=Path, help="write predictions here (JSONL)")
    ap.add_argument("--demonyms", nargs="?", const="all", default="none", choices=["all", "gwn", "none"],
                    help="also emit demonyms as toponyms: for every set, or only for GeoWebNews "
                         "(which annotates them; LGL does not)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each set")
    args = ap.parse_args()
    scorer = args.shared / "benchmarks" / "geoparse" / "score_geoparse.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}; pass --shared")

    from geo import LocalGeocoder
    from geo.geoparse import Geoparser

    geocoder = LocalGeocoder()
    # open (or build) the index and load the word lists before timing
    Geoparser(geocoder).parse("Police said on Monday that Reading officials met in Islamabad.")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            gold = Path(tmp) / f"{name}.gold.jsonl"
            subprocess.run([sys.executable, str(scorer), "export", name, str(gold)], check=True,
                           stdout=subprocess.DEVNULL)
            docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
            if args.limit:
                docs = docs[:args.limit]
            demonyms = args.demonyms == "all" or (args.demonyms == "gwn" and name == "gwn")
            parser = Geoparser(geocoder, include_demonyms=demonyms)
            pred = Path(tmp) / f"{name}.pred.jsonl"
            chars = 0
            start = time.perf_counter()
            with open(pred, "w", encoding="utf-8") as f:
                for doc in docs:
                    chars += len(doc["text"])
                    mentions = parser.parse(doc["text"])
                    tops = [{"start": m.start, "end": m.end,
                             "lat": m.place.lat if m.place else None,
                             "lon": m.place.lon if m.place else None} for m in mentions]
                    f.write(json.dumps({"id": doc["id"], "toponyms": tops}) + "\n")
            elapsed = time.perf_counter() - start
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / pred.name).write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
            print(f"== {name}: {len(docs)} documents, {chars / 1e6:.2f} M chars, demonyms {demonyms}, "
                  f"{elapsed:.1f} s ({len(docs) / elapsed:.0f} docs/s, {chars / elapsed / 1e3:.0f} kB/s)")
            for lenient in (False, True):
                print(f"-- {'--lenient' if lenient else 'strict'}")
                print(json.dumps(_score(scorer, name, docs, pred, lenient), indent=1))


def _score(scorer: Path, name: str, docs: list[dict], pred: Path, lenient: bool) -> dict:
    """The shipped scorer's figures, over the documents that were run (all, or --limit)."""
    spec = importlib.util.spec_from_file_location("score_geoparse", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ids = {str(d["id"]) for d in docs}
    full = module.load
    module.load = lambda n: [d for d in full(n) if str(d["id"]) in ids]
    return module.score(name, str(pred), lenient)


if __name__ == "__main__":
    main()
