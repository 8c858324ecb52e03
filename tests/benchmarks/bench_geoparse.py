"""Benchmark: toponym recognition and resolution on public gold sets (GeoWebNews, LGL).

Usage::

    python tests/benchmarks/bench_geoparse.py [--shared ../shared] [--sets gwn lgl] [--demonyms]

Reads the gold sets from ``shared/benchmarks/geoparse`` (never copied into this project),
runs ``Geoparser.parse`` on every document's text, and scores the predictions with the
scorer that ships beside the data: recognition P/R/F1 (strict spans) and accuracy within
161 km over the matched toponyms, plus a lenient-span run. Also reports throughput.
"""

from __future__ import annotations

import argparse
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
    ap.add_argument("--demonyms", action="store_true",
                    help="also emit demonyms as toponyms, as GeoWebNews counts them")
    args = ap.parse_args()
    scorer = args.shared / "benchmarks" / "geoparse" / "score_geoparse.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}; pass --shared")

    from geo import LocalGeocoder
    from geo.geoparse import Geoparser

    parser = Geoparser(LocalGeocoder(), include_demonyms=args.demonyms)
    parser.parse("warm up in Islamabad")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            gold = Path(tmp) / f"{name}.gold.jsonl"
            subprocess.run([sys.executable, str(scorer), "export", name, str(gold)], check=True,
                           stdout=subprocess.DEVNULL)
            docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
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
            print(f"== {name}: {len(docs)} documents, {chars / 1e6:.2f} M chars, "
                  f"{elapsed:.1f} s ({len(docs) / elapsed:.0f} docs/s, {chars / elapsed / 1e3:.0f} kB/s)")
            for extra in ([], ["--lenient"]):
                out = subprocess.run([sys.executable, str(scorer), "score", name, str(pred), *extra],
                                     capture_output=True, text=True, check=False)
                print(f"-- {' '.join(extra) or 'strict'}\n{out.stdout.strip()}{out.stderr.strip()}")


if __name__ == "__main__":
    main()
