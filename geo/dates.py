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
from dataclasses import dataclass

from .scan import MultiScanner

__all__ = ["parse_date", "find_dates", "date_expressions", "resolve_dates", "DateMention", "MONTHS"]

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


# --------------------------------------------------------------------------- dates in prose

UPCOMING_DAYS = 60  # a day and month without a year, this far after publication, is still to come
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUM_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a leading "on" ("on Saturday", "on 5 March") is left out of the patterns: it adds nothing, and every
# "on" in a text would be a place to try them; after "in", "of", "by" one space is read, so that the
# scanner tries a pattern only at "in M...", "of 2...", not at every "in" and "of"
_PROSE = [
    # "from 4 to 7 December 2026", "4-7 December": the first day (before the forms that would read the last)
    ("full_dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                            + _NUM_MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                             + _NUM_MONTH + r"(?![\d,]*\s*(?:19|20)\d\d)\b", re.I)),
    ("full_dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _NUM_MONTH
                            + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("full_mdy", re.compile(r"\b" + _NUM_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
                            r"(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")),
    ("month_year", re.compile(r"\b" + _NUM_MONTH + r",?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("month_this_year", re.compile(r"\b(?:in|since|during|last|this|early|late|mid-?)\s" + _NUM_MONTH
                                   + r"\s+(?:this|last|next)\s+year\b|\bthis\s+" + _NUM_MONTH.replace("mon", "mon2")
                                   + r"\b|\blast\s+" + _NUM_MONTH.replace("mon", "mon3") + r"(?!\s+\d)\b", re.I)),
    ("day_month", re.compile(r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _NUM_MONTH
                             + r"|" + _NUM_MONTH.replace("mon", "mon2") + r"\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)"
                             r"(?![\d,]*\s*(?:19|20)\d\d)\b(?P<which>\s+(?:last|this)\s+year\b)?", re.I)),
    # ("by the end of February", "the beginning of March": "of" + the month)
    ("in_month", re.compile(r"\b(?:(?:in|since|during|early|late|mid-?|by|of)\s|mid-)" + _NUM_MONTH + r"\b(?!\s+\d)",
                            re.I)),
    ("year", re.compile(r"\b(?:in|since|during|of|by)\s(?:(?:early|late|mid-?)\s?)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    # "two days ago", "a week ago", "three years ago": found at "ago" (a rare word start, where the
    # scanner stops seldom); the unit and the number are read before it
    ("ago", re.compile(r"\b(?:(?<=\bday )|(?<=\bdays )|(?<=\bweek )|(?<=\bweeks )|(?<=\bmonth )|(?<=\bmonths )|"
                       r"(?<=\byear )|(?<=\byears ))ago\b", re.I)),
    # ("Palm Sunday", "Good Friday": feasts, not the last such weekday)
    ("weekday", re.compile(r"\b(?:last\s+|this\s+|next\s+)?(?<!palm )(?<!easter )(?<!good )(?<!black )(?<!holy )"
                           r"(?<!ash )(?P<wd>monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday)(?!\s+(?:prayers?|sermons?|Mass)\b)"  # "during Friday prayers": no day
                           r"(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this morning|this evening|"
                            r"(?:this|last|next) weekend|(?<=over the )weekend|(?<=at the )weekend|"
                            r"this afternoon|earlier today|earlier this (?:week|month|year)|last (?:week|month|"
                            r"year)|next (?:week|month|year)|this (?:week|month|year)|(?<=the )day before)\b", re.I)),
]


_AGO_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_MAYBE_DATE = re.compile(r"\d|days?\b|night|morning|evening|afternoon|week|month|year|tonight|"
                         + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)), re.I)
PROSE_PATTERNS = [p for _, p in _PROSE]
_PROSE_SCANNER = MultiScanner(PROSE_PATTERNS)


@dataclass(frozen=True)
class DateMention:
    """A date expression in prose, resolved at its precision (or not resolvable)."""

    start: int
    end: int
    text: str
    date: str | None
    precision: str


def find_dates(text: str, published: str | None, *, future: bool = False) -> list[DateMention]:
    """Date expressions in ``text`` resolved against the publication date.

    Relative expressions ("on Saturday", "last night", "in March this year") need
    ``published``; without it they are returned unresolved (``date`` None). ``future``
    turns weekdays and "next ..." towards dates after publication.
    """
    return resolve_dates(date_expressions(text), published, future=future)


def date_expressions(text: str, *,
                     scanned: list[list[re.Match]] | None = None) -> list[tuple[str, re.Match]]:
    """Date expressions in ``text``, unresolved, as ``(kind, match)`` in text order.

    Earlier patterns in ``PROSE_PATTERNS`` (the more complete forms) win over later ones
    that overlap them. ``scanned`` may pass the matches of each of ``PROSE_PATTERNS`` when the
    caller has scanned for them along with its own patterns.
    """
    if scanned is None:
        if not _MAYBE_DATE.search(text):
            return []
        scanned = _PROSE_SCANNER.scan(text)
    taken = bytearray(len(text) + 1)
    found: list[tuple[str, re.Match]] = []
    for (kind, _), matches in zip(_PROSE, scanned, strict=True):
        for m in matches:
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            found.append((kind, m))
    return sorted(found, key=lambda km: km[1].start())


def resolve_dates(expressions: list[tuple[str, re.Match]], published: str | None, *,
                  future: bool = False) -> list[DateMention]:
    """Resolve :func:`date_expressions` against the publication date."""
    pub = dt.date.fromisoformat(published) if published else None
    out: list[DateMention] = []
    for kind, m in expressions:
        date, precision = _resolve(kind, m, pub, future)
        out.append(DateMention(m.start(), m.end(), m.group(0), date, precision))
    return out


def _month_of(g: dict) -> int:
    return MONTHS[(g.get("mon") or g.get("mon2") or g.get("mon3") or "").lower().rstrip(".")]


def _resolve(kind: str, m: re.Match, pub: dt.date | None, future: bool) -> tuple[str | None, str]:
    g = m.groupdict()
    try:
        if kind in ("full_dmy", "full_mdy"):
            return dt.date(int(g["year"]), _month_of(g), int(g["day"])).isoformat(), "day"
        if kind == "iso":
            return dt.date(int(g["year"]), int(g["m"]), int(g["day"])).isoformat(), "day"
        if kind == "month_year":
            return f"{int(g['year']):04d}-{_month_of(g):02d}", "month"
        if kind == "year":
            return f"{int(g['year']):04d}", "year"
        if pub is None:
            return None, "unknown"
        if kind == "month_this_year":
            if g.get("mon3"):  # "last June": the latest June before this month
                month = _month_of(g)
                return f"{pub.year - (month >= pub.month):04d}-{month:02d}", "month"
            last = "last year" in m.group(0).lower()
            last -= "next year" in m.group(0).lower()  # "in January next year"
            return f"{pub.year - last:04d}-{_month_of(g):02d}", "month"
        if kind == "in_month":
            month = _month_of(g)
            year = pub.year + (1 if future and month < pub.month else 0) - (
                1 if not future and month > pub.month else 0)
            return f"{year:04d}-{month:02d}", "month"
        if kind == "day_month":
            month, day = _month_of(g), int(g.get("day") or g.get("day2"))
            which = (g.get("which") or "").lower()
            if which:  # "on October 20 last year"
                return dt.date(pub.year - ("last" in which), month, day).isoformat(), "day"
            year = pub.year
            # a day to come stays this year when it is near ("hosts the meeting on October 15"):
            # past events that far back are written with their year
            ahead = (dt.date(year, month, day) - pub).days if (month, day) > (pub.month, pub.day) else 0
            if not future and ahead > UPCOMING_DAYS:
                year -= 1
            if future and (month, day) < (pub.month, pub.day):
                year += 1
            return dt.date(year, month, day).isoformat(), "day"
        if kind == "weekday":
            target = _WEEKDAYS[g["wd"].lower()]
            text = m.group(0).lower()
            if text.startswith("next"):
                delta = (target - pub.weekday()) % 7 or 7
                return (pub + dt.timedelta(days=delta)).isoformat(), "day"
            if future:  # "will open on Tuesday" in Tuesday's paper: today
                delta = (target - pub.weekday()) % 7
                return (pub + dt.timedelta(days=delta)).isoformat(), "day"
            delta = (pub.weekday() - target) % 7
            if text.startswith("last") and delta == 0:
                delta = 7
            return (pub - dt.timedelta(days=delta)).isoformat(), "day"
        if kind == "ago":
            before = m.string[max(0, m.start() - 20):m.start()].split()
            if len(before) < 2:
                return None, "unknown"
            word, unit = before[-2].lower(), before[-1].lower().rstrip("s")
            n = int(word) if word.isdecimal() else _AGO_NUMBERS.get(word)
            if n is None or n > 100:
                return None, "unknown"
            if unit == "day":
                return (pub - dt.timedelta(days=n)).isoformat(), "day"
            if unit == "week":  # like "last week": the month it falls in
                d = pub - dt.timedelta(days=7 * n)
                return f"{d.year:04d}-{d.month:02d}", "month"
            if unit == "month":
                y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
                return f"{y:04d}-{mo + 1:02d}", "month"
            return f"{pub.year - n:04d}", "year"
        rel = g["rel"].lower()
        if rel.endswith("weekend"):
            # the month of the weekend meant: "over the weekend", "last weekend" the one just past; "this
            # weekend" and "next weekend" the one to come
            if rel in ("weekend", "last weekend"):
                d = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 + (7 if rel == "last weekend" and pub.weekday() >= 5 else 0))
            else:
                d = pub + dt.timedelta(days=(5 - pub.weekday()) % 7 + (7 if rel == "next weekend" else 0))
            return f"{d.year:04d}-{d.month:02d}", "month"
        if rel in ("yesterday", "last night", "day before"):
            return (pub - dt.timedelta(days=1)).isoformat(), "day"
        if rel in ("today", "tonight", "this morning", "this evening", "this afternoon", "earlier today"):
            return pub.isoformat(), "day"
        if rel in ("earlier this month", "this month", "earlier this week", "this week"):
            return f"{pub.year:04d}-{pub.month:02d}", "month"
        if rel == "last week":
            d = pub - dt.timedelta(days=7)
            return f"{d.year:04d}-{d.month:02d}", "month"
        if rel == "last month":
            d = pub.replace(day=1) - dt.timedelta(days=1)
            return f"{d.year:04d}-{d.month:02d}", "month"
        if rel in ("next week", "next month"):
            d = pub + dt.timedelta(days=7) if rel == "next week" else (pub.replace(day=28) + dt.timedelta(days=4))
            return f"{d.year:04d}-{d.month:02d}", "month"
        if rel in ("last year",):
            return f"{pub.year - 1:04d}", "year"
        if rel in ("earlier this year", "this year"):
            return f"{pub.year:04d}", "year"
        if rel == "next year":
            return f"{pub.year + 1:04d}", "year"
    except (ValueError, KeyError, TypeError):
        return None, "unknown"
    return None, "unknown"
