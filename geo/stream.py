"""Reports in, merged events out: streamed, in parallel if asked, memory flat.

Reports are read one at a time (a JSON Lines file a line at a time), extracted in this
process or in ``jobs`` worker processes (each opens the gazetteer index once), and merged
in input order into a :class:`~geo.merge.MergeStore`. Workers return results in input
order and merging is sequential, so the output does not depend on ``jobs``.

>>> from geo.reports import Report
>>> run = ExtractRun()
>>> run.add_reports([Report(text="Talks were held in Islamabad on 26 March 2024.", path="a.txt")])
>>> [e.event_type for e in run.events()]
['meeting']
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .merge import Fingerprint, Prepared
from .records import Event
from .reports import Report, report_files

__all__ = ["ExtractRun", "extract_reports"]


@dataclass(frozen=True)
class GeocoderSpec:
    """How a worker process builds its geocoder: the same layers as the parent's."""

    gazetteer: tuple[str, ...] = ()
    index: str | None = None


_WORKER: dict = {}
# Extraction makes many small objects that die young and hold no cycles, so with Python's
# default threshold (a collection every 700 net allocations) the cyclic collector takes about
# 6% of a long run's CPU, mostly walking objects that live all run (the gazetteer's caches).
_BATCH_GC_THRESHOLD = (50_000, 20, 10)


def tune_gc() -> None:
    """Garbage collection for a process that extracts for the rest of its life (a worker):
    what is loaded by now is moved out of the collector's sight, and young objects are
    collected less often."""
    gc.freeze()
    gc.set_threshold(*_BATCH_GC_THRESHOLD)


@contextmanager
def batch_gc():
    """:func:`tune_gc` for the duration of a run in this process, then the settings as they were."""
    before = gc.get_threshold()
    tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _init_worker(spec: GeocoderSpec) -> None:
    from .extract import Extractor
    from .geocoder import LocalGeocoder
    from .geoparse import Geoparser

    _WORKER["extractor"] = Extractor(Geoparser(LocalGeocoder(gazetteer=spec.gazetteer, index=spec.index)))
    tune_gc()


def _extract_one(report: Report, extractor=None) -> tuple[list[Prepared], Fingerprint]:
    """A report's events, prepared for the merge store, and its fingerprint: all the merging
    process needs, computed where the extraction runs."""
    from .merge import fingerprint, prepare

    extractor = extractor or _WORKER["extractor"]
    return [prepare(e) for e in extractor.extract(report)], fingerprint(report.text)


def geocoder_spec(geocoder, *, flag: str = "--jobs") -> GeocoderSpec:
    """What another process needs to build ``geocoder`` again (its layers and index)."""
    if getattr(geocoder, "_online", None) is not None:
        raise InputError(f"--online cannot be combined with {flag}: an online geocoder's rate limit "
                         "holds for one process; run with --jobs 1")
    index = getattr(geocoder, "_index_path", None)
    return GeocoderSpec(gazetteer=tuple(str(p) for p in getattr(geocoder, "_gazetteer", ())),
                        index=str(index) if index else None)


def extract_reports(reports: Iterable[Report], *, geocoder=None, jobs: int = 1,
                    chunksize: int = 8) -> Iterator[tuple[Report, list[Prepared], Fingerprint]]:
    """``(report, events, fingerprint)`` for each report, in input order: the events
    :func:`~geo.merge.prepare`-d and the fingerprint, what merging needs, computed where the
    extraction runs.

    With ``jobs`` > 1 the extraction runs in that many worker processes (spawned, so no
    state is shared by accident); the results still come in input order.
    """
    from .extract import Extractor
    from .geocoder import LocalGeocoder
    from .geoparse import Geoparser

    geocoder = geocoder or LocalGeocoder()
    if jobs <= 1:
        extractor = Extractor(Geoparser(geocoder) if isinstance(geocoder, LocalGeocoder) else None)
        for r in reports:
            yield r, *_extract_one(r, extractor)
        return
    spec = geocoder_spec(geocoder)
    if isinstance(geocoder, LocalGeocoder):
        # open the indexes (building them if needed) here, before the workers race to build them
        geocoder.dbs  # noqa: B018
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        batch: list[Report] = []
        pending = []

        def drain(limit: int):
            while len(pending) > limit:
                rs, res = pending.pop(0)
                for r, result in zip(rs, res.get(), strict=True):
                    yield r, *result

        # keep a bounded number of batches in flight, so memory stays flat
        for r in reports:
            batch.append(r)
            if len(batch) >= chunksize:
                pending.append((batch, pool.map_async(_extract_one, batch, chunksize=len(batch))))
                batch = []
                yield from drain(4 * jobs)
        if batch:
            pending.append((batch, pool.map_async(_extract_one, batch, chunksize=len(batch))))
        yield from drain(0)


@dataclass
class ExtractRun:
    """Extraction and merging of many reports into one store.

    ``store`` is ``"memory"`` for small runs, or a folder for a SQLite file that keeps memory
    flat however many reports go in (removed by :meth:`close`).
    """

    geocoder: object = None
    jobs: int = 1
    store: str | Path = "memory"
    progress: bool | None = None  # None: a bar when stderr is a terminal
    reports_read: int = 0
    _store: object = field(default=None, repr=False)
    _tmp: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        from .merge import MergeStore

        if self.store == "memory":
            self._store = MergeStore()
        else:
            self._tmp = tempfile.TemporaryDirectory(prefix=".incidentmap-merge-", dir=self.store)
            self._store = MergeStore(Path(self._tmp.name) / "merge.sqlite")

    def add_reports(self, reports: Iterable[Report], total: int | None = None) -> None:
        bar = None
        if self.progress or (self.progress is None and sys.stderr.isatty()):
            from tqdm import tqdm

            bar = tqdm(total=total, unit="report", file=sys.stderr, desc="extracting", smoothing=0.05,
                       mininterval=0.5)
        try:
            with batch_gc():
                for report, events, sh in extract_reports(reports, geocoder=self.geocoder, jobs=self.jobs):
                    self.add_extracted(events, sh, report.published)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(events=len(self._store), refresh=False)
        finally:
            if bar is not None:
                bar.close()

    def add_extracted(self, events: list[Event | Prepared], sh: Fingerprint | frozenset[int],
                      published: str | None = None) -> None:
        """Merge one report's events, as extracted or :func:`~geo.merge.prepare`-d (and
        register its shingles and date, for near-copies)."""
        self.reports_read += 1
        rid = self._store.add_report(sh, published)
        for e in events:
            self._store.add(e, rid)

    def count_reports(self, inputs: Iterable[Path | str]) -> int | None:
        """How many reports the inputs hold (a JSON Lines file counts its lines), when a
        progress bar will show it; counting reads at disk speed, a small cost beside extraction."""
        if not (self.progress or (self.progress is None and sys.stderr.isatty())):
            return None
        n = 0
        for f in report_files(inputs):
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with open(f, "rb") as fh:
                        n += sum(block.count(b"\n") for block in iter(lambda fh=fh: fh.read(1 << 20), b""))
                except OSError:
                    n += 1
            else:
                n += 1
        return n

    def events(self) -> Iterator[Event]:
        """The merged events in first-seen order."""
        return iter(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        self._store.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> ExtractRun:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
