"""Where the gazetteer index lives, and opening it safely.

The world index (GeoNames + curated layer) is built once into the user's cache directory
(``platformdirs``; ``INCIDENTMAP_CACHE_DIR`` overrides it) under a name that carries the
fingerprint of its sources, so a change of sources or of the build code means a new build.
User CSVs are compiled into small indexes of their own next to it. A half-written or
corrupt index file is detected on opening and rebuilt, never used.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from gazetteer.build import SCHEMA_VERSION, build_index, sources_fingerprint

from .atomic import remove_stale_temps
from .errors import GazetteerError, InputError

__all__ = ["cache_dir", "world_index", "user_index", "open_db", "index_info"]


def cache_dir() -> Path:
    """The folder holding built indexes."""
    env = os.environ.get("INCIDENTMAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("incidentmap", appauthor=False))


def _valid(path: Path, fingerprint: str) -> bool:
    """Cheap check that ``path`` is a complete index for ``fingerprint``."""
    if not path.is_file():
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT k, v FROM meta"))
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            size = db.execute("PRAGMA page_size").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False
    return (meta.get("schema") == str(SCHEMA_VERSION) and meta.get("fingerprint") == fingerprint
            and pages * size == path.stat().st_size)


def _progress_bar(total: int, desc: str) -> Callable[[str], None]:
    """A tqdm bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return lambda step: None
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, unit="step", file=sys.stderr, leave=False)

    def step(name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(1)
        if bar.n >= total:
            bar.close()

    return step


def world_index(*, rebuild: bool = False, progress: Callable[[str], None] | None = None) -> Path:
    """Path of a valid world index, building it first when needed (about 25 s)."""
    fingerprint = sources_fingerprint()
    folder = cache_dir()
    path = folder / f"world-{fingerprint}.sqlite"
    if rebuild or not _valid(path, fingerprint):
        if not rebuild and path.exists():
            print(f"incidentmap: gazetteer index {path} is incomplete or corrupt; rebuilding",
                  file=sys.stderr)
        print("incidentmap: building the gazetteer index (once, about 30 s)...", file=sys.stderr)
        remove_stale_temps(path)  # what a killed build left behind
        try:
            build_index(path, fingerprint=fingerprint,
                        progress=progress or _progress_bar(8, "gazetteer"))
        except ValueError as exc:
            raise GazetteerError(str(exc)) from None
        except OSError as exc:
            raise GazetteerError(f"cannot write the gazetteer index in {folder}: {exc}") from exc
        for old in folder.glob("world-*.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


def user_index(csv_paths: Iterable[Path | str]) -> Path | None:
    """Path of an index compiled from user gazetteer CSVs, or None when there are none."""
    paths = [Path(p) for p in csv_paths]
    if not paths:
        return None
    for p in paths:
        if not p.is_file():
            raise InputError(f"{p}: gazetteer CSV not found")
    fingerprint = sources_fingerprint(paths)
    path = cache_dir() / f"user-{fingerprint}.sqlite"
    if not _valid(path, fingerprint):
        remove_stale_temps(path)
        try:
            build_index(path, world=False, layer="user", csv_paths=paths, fingerprint=fingerprint)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    return path


def open_db(path: Path) -> sqlite3.Connection:
    """Open an index read-only."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.execute("SELECT 1 FROM meta LIMIT 1")
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"cannot open gazetteer index {path}: {exc}") from exc
    return db


def index_info(path: Path) -> dict[str, str]:
    """The index's metadata: sources, versions and counts."""
    db = open_db(path)
    try:
        info = dict(db.execute("SELECT k, v FROM meta"))
        info["places"] = str(db.execute("SELECT count(*) FROM places").fetchone()[0])
        info["names"] = str(db.execute("SELECT count(*) FROM names").fetchone()[0])
    finally:
        db.close()
    info["path"] = str(path)
    info["size_mb"] = f"{path.stat().st_size / 1e6:.1f}"
    return info
