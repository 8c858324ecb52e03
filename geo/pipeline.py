"""From input files to events: reports and tables, mixed, geocoded and merged."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .extract import Extractor
from .geocoder import Geocoder, LocalGeocoder
from .geoparse import Geoparser
from .interop import detect_format
from .merge import merge_events, merge_into, shingles
from .tables import Events, Problem, read_events

__all__ = ["load_events", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = {".csv", ".tsv", ".geojson", ".json"}


def is_dataset(path: Path) -> bool:
    """A GDELT ``.txt``/``.zip`` (or another ACLED/UCDP/GDELT file) that is not named like a table."""
    return path.suffix.lower() in (".txt", ".zip") and detect_format(path) is not None


def load_events(inputs: Iterable[Path | str], *, geocoder: Geocoder | None = None,
                published: str | None = None, strict: bool = False) -> Events:
    """Events from event tables and news reports (files or folders), merged across reports.

    Table rows are kept as they are; events extracted from reports are merged when several
    reports tell the same event. Unreadable reports are listed in ``.problems`` (``strict``
    raises instead).
    """
    from .reports import read_reports

    geocoder = geocoder or LocalGeocoder()
    paths = [Path(p) for p in inputs]
    tables = [p for p in paths if p.is_file() and (p.suffix.lower() in TABLE_SUFFIXES or is_dataset(p))]
    reports = [p for p in paths if p not in tables]
    out = Events()
    if tables:
        table_events = read_events(tables, geocoder=geocoder, strict=strict)
        out.extend(table_events)
        out.problems.extend(table_events.problems)
    if reports:
        extractor = Extractor(Geoparser(geocoder) if isinstance(geocoder, LocalGeocoder) else None)
        errors: list[str] = []
        extracted = []
        texts = {}
        for report in read_reports(reports, published=published, errors=None if strict else errors):
            texts[(report.path, report.line, report.url)] = shingles(report.text)
            extracted += extractor.extract(report)
        merged = merge_events(extracted, texts=texts)
        table_part = list(out)
        out[:] = merge_into(table_part, merged)
        out.problems.extend(Problem(path=m.split(":", 1)[0], line=0, field="", message=m.split(": ", 1)[-1])
                            for m in errors)
    return out
