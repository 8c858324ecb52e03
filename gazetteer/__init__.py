"""incidentmap's own place data (``curated/*.csv``) and the build of the look-up index.

The index is built by :func:`gazetteer.build.build_index`; look-ups live in :mod:`geo`.
"""

from .build import (
           CSV_COLUMNS,
           KINDS,
           build_index,
           curated_files,
           read_place_csv,
           sources_fingerprint,
)
from .names import normalize

__all__ = ["CSV_COLUMNS", "KINDS", "build_index", "curated_files", "normalize", "read_place_csv",
           "sources_fingerprint"]
