"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

Usage (needs the ``fuzz`` extra: ``pip install -e .[fuzz]``)::

    python tests/fuzz/fuzz_readers.py TARGET [CORPUS_DIR ...] [-max_total_time=SECONDS] [libFuzzer options]

TARGET is one of

- ``report``: bytes as a report file (plain text, Markdown, HTML or JSON Lines, by the
  first byte) through :func:`geo.reports.read_report`;
- ``table``: bytes as an event table (CSV or GeoJSON, by the first byte) through
  :func:`geo.tables.read_events`, without geocoding;
- ``date``: text through :func:`geo.dates.parse_date` and, with a publication date, through
  :func:`geo.dates.find_dates`.

A finding is any exception other than the reader's documented one (``InputError`` for the
file readers, ``ValueError`` for ``parse_date``), or an input that runs longer than
libFuzzer's ``-timeout`` (a hang). The run starts from the project's example reports and
tables (the first corpus folder given, if any, keeps what it finds). The README's Robustness section gives the runs made
and their figures. This file is not a test module: pytest does not collect it, and it
imports atheris only when run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT_SUFFIXES = (".txt", ".md", ".html", ".jsonl")
TABLE_SUFFIXES = (".csv", ".geojson")


def _scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="incidentmap-fuzz-"))
    return folder


def fuzz_report(data: bytes, folder: Path) -> None:
    from geo.errors import InputError
    from geo.reports import find_published, read_report

    if not data:
        return
    path = folder / f"report{REPORT_SUFFIXES[data[0] % len(REPORT_SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        reports = read_report(path)
    except InputError:
        return
    for r in reports:
        assert isinstance(r.text, str)
        assert r.url is None or r.url.lower().startswith(("http://", "https://"))
        find_published(r.text)


def fuzz_table(data: bytes, folder: Path) -> None:
    from geo.errors import InputError
    from geo.tables import read_events

    if not data:
        return
    path = folder / f"table{TABLE_SUFFIXES[data[0] % len(TABLE_SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        events = read_events(path, geocode=False)
    except InputError:
        return
    for p in events.problems:
        assert str(p).startswith(str(path)), p
    for e in events:
        e.features()


def fuzz_date(data: bytes, folder: Path) -> None:
    import atheris

    from geo.dates import find_dates, parse_date

    fdp = atheris.FuzzedDataProvider(data)
    published = ["2024-03-27", "2000-01-01", "2100-12-31", None][fdp.ConsumeIntInRange(0, 3)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    try:
        iso, precision = parse_date(text)
        assert precision in ("day", "month", "year", "unknown")
    except ValueError:
        pass
    for d in find_dates(text, published, future=bool(len(text) % 2)):
        assert text[d.start:d.end] == d.text


TARGETS = {"report": fuzz_report, "table": fuzz_table, "date": fuzz_date}


def _seed_corpus(target: str) -> Path:
    """A fresh corpus folder holding the project's example files for ``target``."""
    corpus = Path(tempfile.mkdtemp(prefix=f"incidentmap-corpus-{target}-"))
    if target == "report":
        files = [*sorted((ROOT / "geo" / "examples" / "reports").glob("*.txt")),
                 *sorted((ROOT / "tests" / "data" / "reports").glob("*.txt"))]
        prefix = b"\x00"  # the first byte chooses the suffix: .txt
    elif target == "table":
        files = [ROOT / "geo" / "examples" / "events.csv", ROOT / "tests" / "data" / "events_mixed.csv"]
        prefix = b"\x00"  # .csv
    else:
        files = []
        for i, text in enumerate(["2024-03-26", "March 2024", "on Tuesday, 26 March 2024, and last week"]):
            (corpus / f"seed{i}").write_bytes(b"\x00" + text.encode())
    for f in files:
        (corpus / f.name).write_bytes(prefix + f.read_bytes())
    return corpus


def main(argv: list[str]) -> None:
    import atheris  # only here: pytest imports this file for doctests, and atheris is optional

    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [CORPUS_DIR ...] [libFuzzer options]")
    target = argv[1]
    with atheris.instrument_imports(include=["geo", "gazetteer"]):
        import geo.dates  # noqa: F401
        import geo.reports  # noqa: F401
        import geo.tables  # noqa: F401
    folder = _scratch()
    func = TARGETS[target]
    args = [argv[0], *argv[2:], str(_seed_corpus(target))]  # the first folder given keeps the corpus
    atheris.Setup(args, lambda data: func(data, folder))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
