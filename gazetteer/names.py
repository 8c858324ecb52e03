"""Name normalisation shared by the index build and every look-up.

A place name and a query meet only through :func:`normalize`, so the build and the
geocoder must use this one function.

>>> normalize("  Gilgit-Baltistan ")
'gilgit baltistan'
>>> normalize("Islāmābād") == normalize("ISLAMABAD")
True
>>> normalize("D.I. Khan")
'd i khan'
>>> normalize("Xi'an")
'xian'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "GENERIC_SUFFIXES", "split_generic"]

# Letters that NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
        "þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h",
        # apostrophes and okinas vanish: "Xi'an" == "Xian"
        "'": "", "’": "", "‘": "", "ʼ": "", "ʻ": "", "`": "", "´": "", "ʿ": "", "ʾ": "",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,;:()\[\]\"“”]+")


def normalize(name: str) -> str:
    """Return the look-up key of a place name: case, accents and punctuation folded."""
    text = name.translate(_FOLD).casefold()
    for _ in range(2):  # casefold and NFKD can each produce what the other folds
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _SEPARATORS.sub(" ", text.translate(_FOLD)).strip()


# A trailing generic word that news adds to a name, and the kind of place it implies.
GENERIC_SUFFIXES: dict[str, str] = {
    "district": "district",
    "agency": "district",
    "tehsil": "district",
    "prefecture": "district",
    "county": "district",
    "division": "region",
    "province": "region",
    "region": "region",
    "state": "region",
    "city": "city",
    "town": "city",
    "village": "city",
    "area": "",
}


def split_generic(key: str) -> tuple[str, str | None]:
    """Split a normalised key into its head and the kind a trailing generic word implies.

    >>> split_generic("shangla district")
    ('shangla', 'district')
    >>> split_generic("gwadar")
    ('gwadar', None)
    """
    head, _, last = key.rpartition(" ")
    if head and last in GENERIC_SUFFIXES:
        return head, GENERIC_SUFFIXES[last] or None
    return key, None
