"""From input files to events: reports and tables, mixed, geocoded and merged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .geocoder import Geocoder, LocalGeocoder
from .interop import detect_format
from .merge import merge_into
from .records import Event
from .reports import Report, iter_report, report_files
from .stream import ExtractRun
from .tables import Events, Problem, read_events

__all__ = ["load_events", "stream_events", "is_dataset", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = {".csv", ".tsv", ".geojson", ".json"}


def is_dataset(path: Path) -> bool:
    """A GDELT ``.txt``/``.zip`` (or another ACLED/UCDP/GDELT file) that is not named like a table."""
    return path.suffix.lower() in (".txt", ".zip") and detect_format(path) is not None


def _split(inputs: Iterable[Path | str]) -> tuple[list[Path], list[Path]]:
    """(tables, reports): event tables and dataset exports, and report files or folders."""
    paths = [Path(p) for p in inputs]
    tables = [p for p in paths if p.is_file() and (p.suffix.lower() in TABLE_SUFFIXES or is_dataset(p))]
    return tables, [p for p in paths if p not in tables]


def _file_problem(path: Path, exc: InputError) -> Problem:
    """A reader's message ("FILE: why" or "FILE:LINE: why") as a :class:`Problem` of that file."""
    text, line = str(exc), 0
    if text.startswith(f"{path}:"):
        text = text[len(str(path)) + 1:]
        head, sep, rest = text.partition(": ")
        if sep and head.isdecimal():
            line, text = int(head), rest
    return Problem(path=str(path), line=line, field="", message=text.strip())


def _check_readable(reports: list[Path], published: str | None) -> None:
    """``--strict``: read every report once, and fail listing all the bad ones (files, and
    lines of JSON Lines files), before any extraction or output; reports are read again, one
    at a time, to extract them."""
    bad: list[Problem] = []
    for _ in _reports(reports, published, bad):
        pass
    if bad:
        raise InputError(f"{len(bad)} unreadable report(s):\n" + "\n".join(f"  {p}" for p in bad))


def _reports(reports: list[Path], published: str | None, problems: list[Problem]) -> Iterator[Report]:
    """The reports of the files, one at a time; unreadable files and lines go to ``problems``."""
    for f in report_files(reports):
        def bad_line(exc: InputError, f: Path = f) -> None:
            problems.append(_file_problem(f, exc))

        try:
            yield from iter_report(f, published=published, on_error=bad_line)
        except InputError as exc:
            problems.append(_file_problem(f, exc))


def load_events(inputs: Iterable[Path | str], *, geocoder: Geocoder | None = None,
                published: str | None = None, strict: bool = False, jobs: int = 1) -> Events:
    """Events from event tables and news reports (files or folders), merged across reports.

    Table rows are kept as they are; events extracted from reports are merged when several
    reports tell the same event. Unreadable reports are listed in ``.problems`` and the
    others processed; ``strict`` raises :class:`~geo.errors.InputError` listing every bad
    row or report instead, before any extraction.
    """
    problems: list[Problem] = []
    out = Events(stream_events(inputs, geocoder=geocoder, published=published, strict=strict, jobs=jobs,
                               problems=problems, store="memory"))
    out.problems.extend(problems)
    return out


def stream_events(inputs: Iterable[Path | str], *, geocoder: Geocoder | None = None,
                  published: str | None = None, strict: bool = False, jobs: int = 1,
                  problems: list[Problem] | None = None, store: str | Path | None = None,
                  dask=None) -> Iterator[Event]:
    """Like :func:`load_events`, but yields the events as it goes, keeping memory flat.

    Reports are extracted in ``jobs`` processes, or on the Dask cluster of the client
    ``dask`` (:mod:`geo.dask_run`). The merge state lives in a SQLite file under ``store``
    (default: the system's temporary folder; ``"memory"`` keeps it in memory, for small runs).
    Problems are appended to ``problems`` as they
    are found. Table rows (usually few) are held in memory so that reports can add their
    sources to them.
    """
    import tempfile

    geocoder = geocoder or LocalGeocoder()
    tables, reports = _split(inputs)
    problems = problems if problems is not None else []
    rows: list[Event] = []
    if tables:
        table_events = read_events(tables, geocoder=geocoder, strict=strict)
        rows = list(table_events)
        problems.extend(table_events.problems)
    if not reports:
        yield from merge_into(rows, [])
        return
    if strict:
        _check_readable(reports, published)
    store = store or tempfile.gettempdir()
    if dask is not None:
        from .dask_run import extract_with_dask

        merged = extract_with_dask(reports, dask, geocoder=geocoder, published=published,
                                   problems=None if strict else problems, store=store)
        yield from merge_into(rows, merged) if rows else merged
        return
    with ExtractRun(geocoder=geocoder, jobs=jobs, store=store) as run:
        run.add_reports(_reports(reports, published, problems), total=run.count_reports(reports))
        yield from merge_into(rows, run.events()) if rows else run.events()
