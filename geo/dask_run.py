"""Extraction on a Dask distributed cluster (``incidentmap extract --dask ADDRESS|local``).

The report files go into a ``dask.bag``, one partition per group of files (a big JSON
Lines file is cut at line ends into pieces of about the same size); each worker
extracts its partitions with one :class:`~geo.extract.Extractor`, built once per worker by
a worker plugin that also carries the gazetteer index: shipped to each worker once when the
cluster is remote, opened in place when it runs on this machine. The client takes the
partitions back in order, a bounded window at a time, and merges them into one
:class:`~geo.merge.MergeStore` exactly as a single process would, so the same event told in
two partitions is still one event and the output equals ``--jobs 1``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

try:
    from distributed import WorkerPlugin
except ImportError as exc:  # pragma: no cover - the dask extra is not installed
    raise ImportError("--dask needs Dask: pip install 'incidentmap[dask]'") from exc

from .errors import InputError
from .records import Event
from .reports import iter_jsonl_piece, iter_report, jsonl_pieces, report_files

__all__ = ["dask_client", "extract_with_dask"]

_PLUGIN_NAME = "incidentmap-extractor"


class ExtractorPlugin(WorkerPlugin):
    """A Dask worker plugin: puts the gazetteer index on the worker and builds its extractor."""

    name = _PLUGIN_NAME
    idempotent = True

    def __init__(self, gazetteer: tuple[str, ...], index_path: str, index_bytes: bytes | None = None,
                 own_workers: bool = False):
        self.gazetteer = gazetteer
        self.index_path = index_path
        self.index_bytes = index_bytes  # only for remote workers
        self.own_workers = own_workers  # a cluster made for this run: its workers' GC may be tuned

    def setup(self, worker) -> None:
        from .extract import Extractor
        from .geocoder import LocalGeocoder
        from .geoparse import Geoparser

        index = self.index_path
        if self.index_bytes is not None:
            local = Path(worker.local_directory) / "incidentmap-index.sqlite"
            if not local.exists():
                tmp = local.with_suffix(".tmp")
                tmp.write_bytes(self.index_bytes)
                os.replace(tmp, local)
            index = str(local)
        worker.incidentmap_extractor = Extractor(Geoparser(LocalGeocoder(gazetteer=self.gazetteer, index=index)))
        if self.own_workers:
            from .stream import tune_gc

            tune_gc()

    def teardown(self, worker) -> None:
        worker.__dict__.pop("incidentmap_extractor", None)


def _extract_files(items: list, published: str | None) -> list[tuple]:
    """Worker side, per report of the files (or pieces of JSON Lines files) in order:
    ``(prepared events, fingerprint, published, None)``, or ``(None, None, None, (file,
    message))`` for a file or line that cannot be read."""
    from distributed import get_worker

    from .stream import _extract_one

    extractor = get_worker().incidentmap_extractor
    out = []
    for item in items:
        f = item if isinstance(item, str) else item[0]

        def bad(exc: InputError, f: str = f) -> None:
            out.append((None, None, None, (f, str(exc))))

        try:
            reports = iter_report(f, published=published, on_error=bad) if isinstance(item, str) else \
                iter_jsonl_piece(f, item[1], item[2], item[3], published=published, on_error=bad)
            for r in reports:
                out.append((*_extract_one(r, extractor), r.published, None))
        except InputError as exc:
            bad(exc)
    return out


def _items(files: list[str], target: int) -> list:
    """The files, with each JSON Lines file bigger than ``target`` bytes cut into pieces of
    about that size (a shard of 10,000 reports would otherwise be one task: one busy worker,
    and all its results held at once)."""
    out: list = []
    for f in files:
        try:
            big = f.lower().endswith((".jsonl", ".ndjson")) and os.path.getsize(f) > target
        except OSError:
            big = False
        if big:
            out += [(f, a, b, line) for a, b, line in jsonl_pieces(f, target)]
        else:
            out.append(f)
    return out


def _groups(items: list, target: int) -> list[list]:
    """Consecutive files (and pieces) in groups of about ``target`` bytes: a folder of small
    reports is grouped by the thousand."""
    groups: list[list] = [[]]
    size = 0
    for item in items:
        if isinstance(item, str):
            try:
                n = os.path.getsize(item)
            except OSError:
                n = 0
        else:
            n = item[2] - item[1]
        if groups[-1] and size + n > target:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += n
    return groups


@contextlib.contextmanager
def dask_client(address: str, *, workers: int | None = None) -> Iterator:
    """A client for ``address``, or for a new LocalCluster of worker processes with ``local``;
    a cluster made here is shut down on leaving."""
    from distributed import Client, LocalCluster

    if address != "local":
        with Client(address) as client:
            yield client
        return
    n = workers or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    # bound to the loopback interface: nothing is exposed to the network
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1", local_directory=tempfile.gettempdir()) as cluster, \
            Client(cluster) as client:
        yield client


def extract_with_dask(inputs: Iterable[Path | str], client, *, geocoder=None, published: str | None = None,
                      problems: list | None = None, store: str | Path | None = None,
                      partition_bytes: int = 4_000_000, window: int | None = None) -> Iterator[Event]:
    """Extract the reports on the cluster behind ``client``; yield the merged events.

    Unreadable files and lines go to ``problems`` (or raise :class:`InputError` when it is None).
    """
    import dask.bag as db

    from .geocoder import LocalGeocoder
    from .index import world_index
    from .pipeline import _file_problem
    from .stream import ExtractRun, batch_gc, geocoder_spec

    geocoder = geocoder or LocalGeocoder()
    spec = geocoder_spec(geocoder, flag="--dask")
    index = spec.index or str(world_index())
    local = all(addr.startswith(("tcp://127.", "tcp://localhost", "inproc://", "ipc://"))
                for addr in client.scheduler_info()["workers"])
    from distributed import LocalCluster

    own = isinstance(getattr(client, "cluster", None), LocalCluster)
    plugin = ExtractorPlugin(spec.gazetteer, index, None if local else Path(index).read_bytes(), own)
    client.register_plugin(plugin, name=_PLUGIN_NAME)

    files = [str(f) for f in report_files(inputs)]
    if not files:
        return
    groups = _groups(_items(files, partition_bytes), partition_bytes)
    bag = db.from_sequence(groups, npartitions=len(groups))
    parts = bag.map(_extract_files, published).to_delayed()
    window = window or 2 * max(1, len(client.scheduler_info()["workers"]))
    with ExtractRun(geocoder=geocoder, store=store or tempfile.gettempdir(), progress=False) as run, batch_gc():
        futures = [client.compute(p) for p in parts[:window]]
        nxt = window
        while futures:
            result = futures.pop(0).result()
            if nxt < len(parts):
                futures.append(client.compute(parts[nxt]))
                nxt += 1
            for group in result:
                for events, fp, day, error in group:
                    if error is not None:
                        f, message = error
                        if problems is None:
                            raise InputError(message)
                        problems.append(_file_problem(Path(f), InputError(message)))
                        continue
                    run.add_extracted(events, fp, day)
        yield from run.events()
