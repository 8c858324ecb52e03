"""Benchmark: ``incidentmap extract`` over a big generated corpus, one process, two, and Dask.

Usage::

    python tests/benchmarks/gen_corpus.py /tmp/corpus --reports 1000000
    python tests/benchmarks/bench_scale.py /tmp/corpus [--modes jobs1,jobs2,dask] [--out /tmp/bench-out]

For each mode it runs the real command (``python -m maps.cli extract CORPUS -o OUT.geojson``)
and records wall time, reports per second and the peak memory of the whole process tree
(the command and its workers, sampled every half second), then checks that every mode
wrote the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

import psutil

MODES = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--dask", "local", "--jobs", "2"]}


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(corpus: Path, out: Path, mode: str, fmt: str) -> dict:
    target = out / f"{mode}.{fmt}"
    cmd = [sys.executable, "-m", "maps.cli", "extract", str(corpus), "-o", str(target), *MODES[mode]]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.5)
    wall = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{mode} failed ({proc.returncode}):\n{stderr[-2000:]}")
    return {"mode": mode, "wall": wall, "peak_mb": peak / 2**20, "stdout": stdout.strip(), "target": target}


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    for f in files:
        if f.is_file():
            with open(f, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--modes", default="jobs1,jobs2,dask")
    ap.add_argument("--out", type=Path, default=Path("/tmp/incidentmap-bench-out"))
    ap.add_argument("--format", default="geojson", choices=["geojson", "parquet", "csv"])
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    n = sum(1 for f in args.corpus.glob("*.jsonl") for _ in open(f, encoding="utf-8"))
    print(f"{n} reports in {args.corpus}")
    digests = {}
    for mode in args.modes.split(","):
        r = run(args.corpus, args.out, mode, args.format)
        digests[mode] = _digest(r["target"])
        print(f"{mode:6s} {r['wall']:8.1f} s  {n / r['wall']:7.0f} reports/s  peak {r['peak_mb']:6.0f} MB  "
              f"{r['stdout']}  sha256 {digests[mode]}", flush=True)
    if len(set(digests.values())) > 1:
        raise SystemExit(f"outputs differ between modes: {digests}")
    print("all modes wrote identical output")


if __name__ == "__main__":
    main()
