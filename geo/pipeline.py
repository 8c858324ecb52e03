"""From input files to events: reports and tables, mixed, geocoded and merged."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .extract import Extractor
from .geocoder import Geocoder, LocalGeocoder
from .geoparse import Geoparser
from .merge import merge_events, merge_into, shingles
from .tables import Events, Problem, read_events

__all__ = ["load_events", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = {".csv", ".tsv", ".geojson", ".json"}


def load_events(inputs: Iterable[Path | str], *, geocoder: Geocoder | None = None,
                published: str | None = None, strict: bool = False) -> Events:
    """Events from event tables and news reports (files or folders), merged across reports.

    Table rows are kept as they are; events extracted from reports are merged when several
    reports tell the same event. Unreadable reports are listed in ``.problems`` and the
    others processed; ``strict`` raises :class:`~geo.errors.InputError` listing every bad
    row or report instead, before any extraction.
    """
    from .reports import read_report, report_files

    geocoder = geocoder or LocalGeocoder()
    paths = [Path(p) for p in inputs]
    tables = [p for p in paths if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES]
    reports = [p for p in paths if p not in tables]
    out = Events()
    if tables:
        table_events = read_events(tables, geocoder=geocoder, strict=strict)
        out.extend(table_events)
        out.problems.extend(table_events.problems)
    if reports:
        read, bad = [], []
        for f in report_files(reports):
            try:
                read += read_report(f, published=published)
            except InputError as exc:
                bad.append(_file_problem(f, exc))
        if strict and bad:
            raise InputError(f"{len(bad)} unreadable report(s):\n" + "\n".join(f"  {p}" for p in bad))
        extractor = Extractor(Geoparser(geocoder) if isinstance(geocoder, LocalGeocoder) else None)
        extracted = []
        texts = {}
        for report in read:
            texts[(report.path, report.line, report.url)] = shingles(report.text)
            extracted += extractor.extract(report)
        merged = merge_events(extracted, texts=texts)
        table_part = list(out)
        out[:] = merge_into(table_part, merged)
        out.problems.extend(bad)
    return out


def _file_problem(path: Path, exc: InputError) -> Problem:
    """A reader's message ("FILE: why" or "FILE:LINE: why") as a :class:`Problem` of that file."""
    text, line = str(exc), 0
    if text.startswith(f"{path}:"):
        text = text[len(str(path)) + 1:]
        head, sep, rest = text.partition(": ")
        if sep and head.isdigit():
            line, text = int(head), rest
    return Problem(path=str(path), line=line, field="", message=text.strip())
