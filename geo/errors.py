"""One error root for incidentmap; each error also inherits the matching builtin.

Catch :class:`IncidentmapError` to handle anything incidentmap raises on purpose, or the
builtin (``ValueError``, ``OSError``, ``LookupError``) in code that does not know us.
The CLI turns each class into its documented exit code (:data:`EXIT_CODES`).
"""

from __future__ import annotations

__all__ = [
    "IncidentmapError",
    "InputError",
    "GazetteerError",
    "PlaceNotFound",
    "ExportError",
    "BrowserNotFound",
    "EXIT_CODES",
]


class IncidentmapError(Exception):
    """Base class of every error incidentmap raises on purpose."""

    exit_code = 1


class InputError(IncidentmapError, ValueError):
    """A report, table or argument is malformed; the message names the file, line and field."""

    exit_code = 3


class GazetteerError(IncidentmapError, OSError):
    """The gazetteer index or one of its source CSVs cannot be built or read."""

    exit_code = 4


class PlaceNotFound(IncidentmapError, LookupError):
    """A place name resolves to nothing; ``suggestions`` holds near spellings."""

    exit_code = 5

    def __init__(self, query: str, suggestions: list[str] | tuple[str, ...] = ()):
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no place found for {query!r}{hint}")


class ExportError(IncidentmapError, OSError):
    """An output file cannot be written; earlier outputs are left as they were."""

    exit_code = 6


class BrowserNotFound(IncidentmapError, FileNotFoundError):
    """No Chromium to render a PNG with."""

    exit_code = 7


#: Exit codes of the ``incidentmap`` command, documented in the README.
EXIT_CODES = {
    "ok": 0,
    "partial": 1,  # output written, but some rows or names failed (listed on stderr)
    "usage": 2,
    **{cls.__name__: cls.exit_code for cls in (InputError, GazetteerError, PlaceNotFound,
                                               ExportError, BrowserNotFound)},
    "interrupted": 130,
}
