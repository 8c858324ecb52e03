"""Dates at their stated precision.

>>> parse_date("2024-03-26")
('2024-03-26', 'day')
>>> parse_date("March 2024")
('2024-03', 'month')
>>> parse_date("14 July 2021")
('2021-07-14', 'day')
>>> parse_date("")
(None, 'unknown')
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["parse_date", "MONTHS"]

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], start=1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    (re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?"), "day"),
    (re.compile(r"(?P<year>\d{4})/(?P<m>\d{1,2})/(?P<day>\d{1,2})"), "day"),
    (re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})"), "month"),
    (re.compile(r"(?P<year>\d{4})"), "year"),
    (re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I), "day"),
    (re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I), "day"),
    (re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.I), "month"),
]


def parse_date(text: str) -> tuple[str | None, str]:
    """Parse a table date into ``(iso, precision)``; raise ``ValueError`` saying why not.

    Accepted: ``2024-03-26``, ``2024/03/26``, ``2024-03``, ``2024``, ``26 March 2024``,
    ``March 26, 2024``, ``March 2024`` (and ISO timestamps, read as their day). Slashed
    day/month orders such as ``03/04/2024`` are refused as ambiguous.
    """
    text = (text or "").strip()
    if not text:
        return None, "unknown"
    for pattern, precision in _PATTERNS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month = int(parts["m"]) if parts.get("m") else MONTHS.get((parts.get("month") or "").lower(), 1)
        day = int(parts["day"]) if parts.get("day") else 1
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
        if not 1800 <= year <= 2100:
            raise ValueError(f"{text!r}: year {year} is out of range 1800..2100")
        iso = {"day": f"{year:04d}-{month:02d}-{day:02d}", "month": f"{year:04d}-{month:02d}",
               "year": f"{year:04d}"}[precision]
        return iso, precision
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
        raise ValueError(f"{text!r} is ambiguous or not a date; write it as YYYY-MM-DD")
    raise ValueError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
