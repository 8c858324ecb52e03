"""Events as a GeoDataFrame and as files (GeoJSON, GeoPackage, CSV, GeoParquet), written atomically.

One row (feature) per (event, place); an event whose place is unresolved is still one row,
with an empty geometry, so nothing is silently dropped. GeoJSON is written with sorted keys
and stable ordering so that the same events give the same bytes.

Writers stream: events are consumed once, a chunk at a time, so a million events need no
more memory than a few thousand. ``.parquet`` output is a folder of GeoParquet parts
(``part-00000.parquet`` …, as Dask and Spark write them), readable as one table with
``geopandas.read_parquet(folder)``.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from .atomic import atomic_path
from .errors import ExportError, InputError
from .records import Event

if TYPE_CHECKING:
    import geopandas

__all__ = ["to_geodataframe", "to_geojson", "write_events", "safe_cell", "FORMATS", "CHUNK"]

FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG", ".csv": "CSV", ".parquet": "Parquet"}
_LIST_COLUMNS = ("actors", "sources", "evidence_spans")
CHUNK = 20_000  # features per chunk (and per GeoParquet part)


def _features(events: Iterable[Event]) -> Iterator[dict]:
    return (f for e in events for f in e.features())


def _chunks(features: Iterator[dict], n: int | None = None) -> Iterator[list[dict]]:
    while chunk := list(itertools.islice(features, n or CHUNK)):
        yield chunk


def _geojson_parts(events: Iterable[Event]) -> Iterator[str]:
    # a FeatureCollection with one feature per line (keys sorted, compact): valid GeoJSON
    # that line tools (grep, diff, head) can read, written a feature at a time
    first = True
    for f in _features(events):
        text = orjson.dumps(f, option=orjson.OPT_SORT_KEYS).decode("utf-8")
        yield ('{"type": "FeatureCollection", "features": [\n' if first else ",\n") + text
        first = False
    yield '{"type": "FeatureCollection", "features": []}\n' if first else "\n]}\n"


def to_geojson(events: Iterable[Event]) -> str:
    """A GeoJSON FeatureCollection (text) of the events, deterministic."""
    return "".join(_geojson_parts(events))


def _frame(features: list[dict]) -> geopandas.GeoDataFrame:
    import geopandas
    from shapely.geometry import shape

    rows = [f["properties"] for f in features]
    geoms = [shape(f["geometry"]) if f["geometry"] else None for f in features]
    columns = list(rows[0]) if rows else ["event_id"]
    return geopandas.GeoDataFrame(rows, columns=columns, geometry=geoms, crs="EPSG:4326")


def to_geodataframe(events: Iterable[Event]) -> geopandas.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326), one row per (event, place)."""
    return _frame(list(_features(events)))


def _flat(gdf: geopandas.GeoDataFrame) -> geopandas.GeoDataFrame:
    """List columns as JSON text, for formats without list types."""
    for col in _LIST_COLUMNS:
        if col in gdf:
            gdf[col] = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in gdf[col]]
    return gdf


_INT_COLUMNS = ("killed", "injured", "source_count", "independent_sources")


def _typed(gdf: geopandas.GeoDataFrame) -> geopandas.GeoDataFrame:
    """Fixed column types, so every GeoParquet part has the same schema (a chunk where a
    column is all empty would otherwise get a null type)."""
    for col in gdf.columns:
        if col == gdf.geometry.name:
            continue
        gdf[col] = gdf[col].astype("Int64" if col in _INT_COLUMNS else "string")
    return gdf


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula (OWASP's advice: a
    leading apostrophe before ``=``, ``+``, ``-``, ``@``, tab or carriage return); plain
    numbers such as ``-33.5`` stay as they are.

    >>> print(safe_cell('=HYPERLINK("http://x.example")'), safe_cell("Quetta"), safe_cell("-33.5"))
    '=HYPERLINK("http://x.example") Quetta -33.5
    """
    if not text.startswith(_FORMULA_START):
        return text
    try:
        float(text)
        return text
    except ValueError:
        return "'" + text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return safe_cell(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


def write_events(events: Iterable[Event], path: Path | str) -> Path:
    """Write events to ``.geojson``, ``.gpkg``, ``.csv`` or ``.parquet`` (by suffix), atomically."""
    path = Path(path)
    driver = FORMATS.get(path.suffix.lower())
    if driver is None:
        raise InputError(f"{path}: unknown output format {path.suffix!r}; use one of "
                         f"{', '.join(FORMATS)}")
    if driver == "Parquet":
        return _write_parquet(events, path)
    with atomic_path(path) as tmp:
        if driver == "GeoJSON":
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                for part in _geojson_parts(events):
                    f.write(part)
                f.flush()
                os.fsync(f.fileno())
        elif driver == "CSV":
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                writer = None
                for feat in _features(events):
                    props = feat["properties"]
                    geom = feat["geometry"]
                    row = [_cell(v) for v in props.values()]
                    row += ["", ""] if geom is None else [repr(geom["coordinates"][1]), repr(geom["coordinates"][0])]
                    if writer is None:
                        writer = csv.writer(f, lineterminator="\n")
                        writer.writerow([*props, "lat", "lon"])
                    writer.writerow(row)
                if writer is None:
                    f.write("event_id,lat,lon\n")
                f.flush()
                os.fsync(f.fileno())
        else:  # GeoPackage (a format for analysts' desktops, not for millions of events: held in memory)
            events = list(events)
            with _gpkg_clock(events):
                wrote = False
                for chunk in _chunks(_features(events)):
                    _flat(_frame(chunk)).to_file(tmp, driver=driver, layer="events", engine="pyogrio",
                                                 mode="a" if wrote else "w")
                    wrote = True
                if not wrote:
                    _frame([]).to_file(tmp, driver=driver, layer="events", engine="pyogrio")
    return path


@contextlib.contextmanager
def _gpkg_clock(events: list[Event]) -> Iterator[None]:
    """Make GDAL stamp the GeoPackage's ``last_change`` with the latest event date, not the
    clock, so that the same events give the same bytes."""
    import pyogrio

    dates = [e.date for e in events if e.date]
    latest = max((d + {4: "-01-01", 7: "-01"}.get(len(d), "") for d in dates), default="1970-01-01")
    before = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": f"{latest}T00:00:00.000Z"})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": before})


def _write_parquet(events: Iterable[Event], path: Path) -> Path:
    """A folder of GeoParquet parts, swapped in whole: a failed run leaves the old folder."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder))
    except OSError as exc:
        raise ExportError(f"{path}: cannot write here: {exc.strerror or exc}") from exc
    try:
        n = 0
        for n, chunk in enumerate(_chunks(_features(events)), start=1):
            _typed(_flat(_frame(chunk))).to_parquet(tmp / f"part-{n - 1:05d}.parquet", index=False)
        if n == 0:
            _typed(_frame([])).to_parquet(tmp / "part-00000.parquet", index=False)
        os.chmod(tmp, 0o755)
        old = None
        if path.exists():
            if not path.is_dir():
                raise ExportError(f"{path}: exists and is not a folder of GeoParquet parts")
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=folder))
            old.rmdir()
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return path
