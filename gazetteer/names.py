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

__all__ = ["normalize", "GENERIC_SUFFIXES", "split_generic", "spelling_variants"]

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
    "governorate": "region",
    "oblast": "region",
    "respublika": "region",
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


_DOUBLED_VOWEL = re.compile(r"([aeiou])\1")
# "Salah ad Din", "Nur al-Din": Arabic names ending in "of the faith", which English news
# often writes as one word ("Salahuddin", "Salaheddin")
_AD_DIN = re.compile(r"(.*[a-z]) (?:ad|ud|ed|al|el|ul|ad) din")


_FINAL_AH = re.compile(r"(?<=[a-z]{3})ah$")
_AW = re.compile(r"aw(?=[^aeiouy ]|$)")


def spelling_variants(name: str, *, arabic: bool = False) -> list[str]:
    """Keys of the spellings that English news gives an area's name besides its own.

    Somali, Finnish or Dutch doubled vowels are written single ("Shabeellaha", "Lower
    Shabeelle": "Lower Shabelle").
    Names in an Arabic-speaking country also drop a final "h" ("Shabwah": "Shabwa"), write
    "aw" before a consonant as "ou" or "au" ("Hadramawt": "Hadramout", "Hadramaut"), and join
    an "ad Din" to the word before it ("Salah ad Din": "Salahuddin").

    >>> spelling_variants("Lower Shabeelle")
    ['lower shabelle']
    >>> spelling_variants("Şalāḩ ad Dīn", arabic=True)
    ['salah al din', 'salaheddin', 'salahuddin']
    >>> spelling_variants("Punjab")
    []
    >>> spelling_variants("Ḩaḑramawt", arabic=True)
    ['hadramaut', 'hadramout']
    """
    key = normalize(name)
    if not key or not key.isascii():
        return []
    forms = {key, _DOUBLED_VOWEL.sub(r"\1", key)}
    plain = set(forms)
    if arabic:
        forms |= {_FINAL_AH.sub("a", f) for f in forms}
        forms |= {_AW.sub(v, f) for f in forms for v in ("ou", "au")}
    out = {f for f in forms if len(f) >= 4}
    if arabic:
        for form in plain:
            m = _AD_DIN.fullmatch(form)
            if m:
                out.update({f"{m[1]}uddin", f"{m[1]}eddin", f"{m[1]} al din", f"{m[1]} ad din"})
    out.discard(key)
    return sorted(out)
