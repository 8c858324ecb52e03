"""Reading news reports: plain text and Markdown (optional header block), HTML, JSON Lines.

A report file may open with a header block of ``key: value`` lines (``url``, ``title``,
``publisher``, ``published``) ended by a blank line. Without one, the publication date is
read from a "Published September 21, 2024" / "date 2024-09-21" line or a dated dateline
near the top; ``published=`` overrides everything. Character offsets of mentions and
evidence refer to :attr:`Report.text`, the body without the header block.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dates import MONTHS, parse_date
from .errors import InputError

__all__ = ["Report", "read_reports", "read_report", "iter_report", "iter_jsonl_piece", "jsonl_pieces",
           "parse_report_text", "blank_furniture", "REPORT_SUFFIXES",
           "find_published", "report_files"]

REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".jsonl", ".ndjson"}
HEADER_KEYS = {"url": "url", "link": "url", "source_url": "url", "title": "title",
               "headline": "title", "publisher": "publisher", "source": "publisher",
               "outlet": "publisher", "published": "published", "date": "published",
               "pubdate": "published", "published_at": "published", "author": None, "byline": None,
               "tags": None, "section": None, "language": None}
_HEADER_LINE = re.compile(r"^([A-Za-z_][A-Za-z_ ]{0,30}):\s*(.*)$")
MAX_REPORT_BYTES = 20_000_000


@dataclass(frozen=True)
class Report:
    """One news report: its body text and what is known of its source."""

    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (day precision) or None
    line: int | None = None  # for JSON Lines: the line the report came from


def parse_report_text(raw: str, *, path: str | None = None,
                      published: str | None = None) -> Report:
    """Split a header block off ``raw`` and find the publication date.

    A header ``published`` (or ``date``) that is not a date raises :class:`InputError`
    naming the file, line and field, unless ``published=`` overrides it.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta: dict[str, str] = {}
    lines = raw.split("\n")
    body = raw
    date_line = 0
    if lines and _HEADER_LINE.match(lines[0]) and lines[0].split(":")[0].strip().lower() in HEADER_KEYS:
        header: dict[str, str] = {}
        header_date_line = 0
        for i, line in enumerate(lines):
            if not line.strip():
                body = "\n".join(lines[i + 1:])
                meta, date_line = header, header_date_line
                break
            m = _HEADER_LINE.match(line)
            if not m:
                break  # not a header block after all: keep the whole text as the body
            key = HEADER_KEYS.get(m.group(1).strip().lower())
            if key:
                header[key] = m.group(2).strip()
                if key == "published":
                    header_date_line = i + 1
    date = published
    if not date and meta.get("published"):
        try:
            date = _iso_day(meta["published"])
        except ValueError as exc:
            raise InputError(f"{path or 'report'}:{date_line}: published: {exc}") from None
    date = date or find_published(body)
    url = _http(meta.get("url"))
    title = meta.get("title") or find_headline(body)
    return Report(text=body, path=path, url=url, title=title or None,
                  publisher=meta.get("publisher") or None, published=date)


def _iso_day(text: str | None) -> str | None:
    """The ISO day of a stated publication date; None when it is empty or coarser than a day.

    Raises ``ValueError`` saying why when the text is not a date at all. Besides the table
    formats (:func:`~geo.dates.parse_date`) it reads ISO timestamps and e-mail/RSS dates
    ("Tue, 26 Mar 2024 08:00:00 GMT").
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        iso, precision = parse_date(text[:10] if re.match(r"\d{4}-\d\d-\d\dT", text) else text)
    except ValueError:
        try:
            stamp = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            stamp = None
        if stamp is None or not 1800 <= stamp.year <= 2100:
            raise ValueError(f"{text[:80]!r} is not a date; write YYYY-MM-DD") from None
        return stamp.date().isoformat()
    return iso if precision == "day" else None


_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?")
# a stated publication date: a line that starts with the word, or the capitalised word after a
# byline on the same line ("Baqir Sajjad Syed Published June 5, 2024 Updated 4 hours ago")
_PUBLISHED_LINE = re.compile(
    r"(?im)^\W*(?:published|posted|updated|last updated|date|dated)\s*(?:on|:)?\s*[:\-]?\s*(.+?)\s*$")
_PUBLISHED_WORD = re.compile(
    r"(?m)(?<=\s)(?:Published|PUBLISHED|Posted|POSTED|Updated|UPDATED)\b(?:\s+(?:on|On|ON))?\s*:?\s*(.+?)\s*$")
_DAY_TEXT = re.compile(
    rf"(?i)\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})"
    rf"|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{4}})-(\d\d)-(\d\d))(?!\d)")
# what may stand beside a date on a line that only dates the report: weekdays, times, time zones,
# "|", "at", a byline's capitalised name ("By Asif Shahzad"), "Updated 2 hours ago"
_TIME = re.compile(r"(?i)\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
                   r"|\b(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d\d)?|[+-]\d\d:?\d\d\b|\bT\d")
_DATE_LINE_WORDS = frozenset(("at", "on", "by", "and", "updated", "published", "posted", "last",
                              "about", "ago", "hour", "hours", "minute", "minutes", "day", "days",
                              "am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "of"))
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_YEAR_GLUED = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}[:.]\d\d|\d{1,2}\s)")  # "June 5, 20245:12 AM"
_TOP_LINES = 15
_YEAR = re.compile(r"(?:19|20)\d\d")


def _first_day(text: str) -> str | None:
    for m in _DAY_TEXT.finditer(text):
        g = m.groups()
        try:
            if g[0]:
                d = dt.date(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
            elif g[3]:
                d = dt.date(int(g[5]), MONTHS[g[3].lower()], int(g[4]))
            else:
                d = dt.date(int(g[6]), int(g[7]), int(g[8]))
        except (ValueError, KeyError):
            continue
        return d.isoformat()
    return None


def _date_only_line(line: str) -> str | None:
    """The day of a line that does nothing but date the report ("Wed 5 Jun 2024 12.31 BST",
    "June 05, 2024 | 10:12 PM", "By Asif Shahzad June 5, 2024"); None for a sentence that
    happens to hold a date ("On March 26, 2024, militants attacked ...")."""
    if len(line) > 120 or _YEAR.search(line) is None:
        return None  # (the year check is cheap; most lines of a body have none)
    m = _DAY_TEXT.search(line)
    if not m:
        return None
    rest = _TIME.sub(" ", line[:m.start()] + " " + line[m.end():])
    rest = re.sub(rf"(?i)\b{_WEEKDAY_RE}\b", " ", rest)
    if any(w not in _DATE_LINE_WORDS for w in _LOWER_WORD.findall(rest)):
        return None  # a lower-case word: prose, not a date line
    return _first_day(line)


# lines of a copied web page that are not the story: links to other stories, share buttons,
# photo credits and captions, adverts. The extractor blanks them (the same number of spaces, so
# offsets into the text stay true), or "READ MORE: Five killed in Karachi blast" would be read
# as an event of the report.
_FURNITURE_BODY = (
    r"[ \t>*#_•·-]*(?i:"
    r"(?:read more|also read|read also)\b\s*[:|—–-]?[^\n]*|read\s*[:|—–]\s*[^\n]*"
    r"|(?:related(?: (?:news|stories|story|articles?|coverage|content|reading))?|recommended(?: stories)?"
    r"|see also|more on this(?: story)?|watch|listen|photos?|pictures?|image(?: caption| source)?"
    r"|caption|file photo|video|advertisement|sponsored|editor['’]?s note|source|follow us(?: on)?"
    r"|click here|copyright)\b\s*[:|—–]\s*[^\n]*"
    r"|(?:share(?: this(?: article| story)?)?|tweet|e-?mail|print|advertisement|comments?|copy link|save"
    r"|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|subscribe|sign up|skip to (?:main )?content"
    r"|listen to this article|watch live|trending|most read|topics?|©[^\n]*|all rights reserved\.?)[ \t]*(?=\n|$))")
# a furniture line, looked for after a line end: a literal the regex engine finds quickly
_FURNITURE = re.compile(r"\n" + _FURNITURE_BODY)
_FURNITURE_LINE = re.compile(_FURNITURE_BODY + r"$")


def blank_furniture(text: str) -> str:
    """``text`` with the lines of web-page furniture replaced by as many spaces."""
    framed = "\n" + text
    if not _FURNITURE.search(framed):
        return text
    return _FURNITURE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), framed)[1:]


def find_headline(body: str) -> str | None:
    """The headline a report without a header opens with: a first line of its own (not
    wrapped prose going on in lower case), not a sentence (no closing full stop), a dateline,
    a byline or a date."""
    first, sep, rest = body.lstrip().partition("\n")
    first, after = first.strip(), rest.lstrip(" \t")[:1]
    if not sep or not first or len(first) > 200 or first.endswith((".", ":", ";", ",")) or after.islower() \
            or first.lower().startswith("by ") or _DAY_TEXT.search(first) \
            or re.match(r"^[A-Z][A-Z .'-]+(?:,|:|\s[-—–(])", first) or _FURNITURE_LINE.match(first) \
            or not any(ch.isalpha() for ch in first):
        return None
    return first


def find_published(body: str) -> str | None:
    """The publication date stated near the top of a report body, if any.

    Looked for, in order: a line starting "Published" / "Updated" / "Date" (or those words,
    capitalised, after a byline on the line); a dateline with a full date ("KARACHI, March
    27, 2024 (AP) -"); a line among the first that holds nothing but a date, with perhaps a
    weekday, a time and zone, or a byline (how pages copied from news sites date a story).
    Dates without a year, and numeric ones such as 06/05/2024, are ambiguous and not read.
    """
    top = body[:1200]
    if _YEAR.search(top) is None:
        return None  # every date read here states its year
    lines = _YEAR_GLUED.sub(r"\1 ", top).split("\n")[:_TOP_LINES]
    head = "\n".join(lines)
    lower = head.lower()
    stated = any(w in lower for w in ("publish", "posted", "updated", "date"))
    for pattern in (_PUBLISHED_LINE, _PUBLISHED_WORD) if stated else ():
        for m in pattern.finditer(head):
            before = head[head.rfind("\n", 0, m.start()) + 1:m.start()]
            if any(w != "by" for w in _LOWER_WORD.findall(before)):
                continue  # "The report, Published on ...": prose, not a byline
            day = _first_day(m.group(1))
            if day:
                return day
    # a dateline with a full date: "KARACHI, March 27, 2024 (AP) -" or "26 March 2024 —"
    first = head.lstrip().split("\n\n")[0][:200]
    m = re.match(r"^[^\n]{0,80}?(?:[-—–]{1,2}|\(\w[\w ]*\))", first)
    if m:
        day = _first_day(m.group(0))
        if day:
            return day
    for line in lines:
        day = _date_only_line(line)  # surrounding spaces change no word of it
        if day:
            return day
    return None


# --------------------------------------------------------------------------- files


def read_report(path: Path | str, *, published: str | None = None) -> list[Report]:
    """Reports in one file (a JSON Lines file holds many). Raises InputError naming the file
    (and the line, for JSON Lines)."""
    return list(iter_report(path, published=published))


def iter_report(path: Path | str, *, published: str | None = None,
                on_error: Callable[[InputError], None] | None = None) -> Iterator[Report]:
    """Reports in one file, one at a time: a JSON Lines file is read a line at a time, so its
    size does not matter (each line is one report, at most ``MAX_REPORT_BYTES``).

    A file that cannot be read raises :class:`InputError`. A bad line of a JSON Lines file is
    passed to ``on_error`` and reading goes on with the next line; without ``on_error`` it
    raises.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _jsonl_file(path, published, on_error)
        return
    if size > MAX_REPORT_BYTES:
        raise InputError(f"{path}: {size / 1e6:.0f} MB is larger than a report can be "
                         f"({MAX_REPORT_BYTES / 1e6:.0f} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    text = _decode(data, path)
    if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")) or path.suffix.lower() in (".html", ".htm"):
        yield _html_report(text, path, published)
        return
    yield parse_report_text(text, path=str(path), published=published)


_SCAN_CHUNK = 1 << 24


def jsonl_pieces(path: Path | str, piece_bytes: int) -> list[tuple[int, int, int]]:
    """A JSON Lines file cut, at line ends, into pieces of about ``piece_bytes``: a list of
    ``(start byte, end byte, number of its first line)``, for :func:`iter_jsonl_piece`.

    Reads the file once, counting line ends; its lines are not parsed."""
    path = Path(path)
    pieces: list[tuple[int, int, int]] = []
    start, line, pos = 0, 1, 0
    lines_before = 0  # line ends between start and pos
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_SCAN_CHUNK)
            if not chunk:
                break
            at = 0
            while True:
                cut = start + piece_bytes - pos  # where the piece would end, in this chunk
                if cut >= len(chunk):
                    lines_before += chunk.count(b"\n", at)
                    break
                nl = chunk.find(b"\n", max(cut, at))
                if nl < 0:
                    lines_before += chunk.count(b"\n", at)
                    break
                lines_before += chunk.count(b"\n", at, nl + 1)
                end = pos + nl + 1
                pieces.append((start, end, line))
                start, line, lines_before = end, line + lines_before, 0
                at = nl + 1
            pos += len(chunk)
    if pos > start or not pieces:
        pieces.append((start, pos, line))
    return pieces


def iter_jsonl_piece(path: Path | str, start: int, end: int, first_line: int, *, published: str | None = None,
                     on_error: Callable[[InputError], None] | None = None) -> Iterator[Report]:
    """The reports of one piece of a JSON Lines file (see :func:`jsonl_pieces`), read as
    :func:`iter_report` reads the whole file, bad lines named by their line in the file."""
    yield from _jsonl_file(Path(path), published, on_error, start=start, end=end, first_line=first_line)


def _jsonl_file(path: Path, published: str | None, on_error: Callable[[InputError], None] | None,
                *, start: int = 0, end: int | None = None, first_line: int = 1) -> Iterator[Report]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with f:
        if start == 0:
            head = f.read(4096)
            if not head.strip():
                raise InputError(f"{path}: empty file")
            if b"\x00" in head:
                raise InputError(f"{path}: binary file, not JSON Lines (JSON Lines is UTF-8 text)")
        f.seek(start)
        pos = start
        # lines end at \n only: U+2028, U+0085 and the like may stand unescaped inside JSON strings
        for n, raw in enumerate(f, start=first_line):
            if end is not None:
                if pos >= end:
                    break
                pos += len(raw)
            try:
                if len(raw) > MAX_REPORT_BYTES:
                    raise InputError(f"{path}:{n}: {len(raw) / 1e6:.0f} MB is larger than a report can be "
                                     f"({MAX_REPORT_BYTES / 1e6:.0f} MB)")
                try:
                    line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(f"{path}:{n}: not UTF-8 (byte {exc.start}); JSON Lines must be UTF-8") from None
                report = _jsonl_report(line, path, n, published)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(exc)
                continue
            if report is not None:
                yield report


def _decode(data: bytes, path: Path) -> str:
    """Text of a report file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file, not a report")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    text = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            error = exc
    if text is None:
        raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1252 text (byte {error.start}); "
                         "convert it to UTF-8") from None
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f" or ch == "\x7f")
    if "\x00" in text or controls > len(sample) // 20:
        raise InputError(f"{path}: binary file, not a report ({controls} control characters "
                         f"in the first {len(sample)})")
    return text


def _jsonl_report(line: str, path: Path, n: int, published: str | None) -> Report | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{n}: not valid JSON: {exc.msg}") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f"{path}:{n}: each line must be an object with a 'text' string")
    body = obj["text"]
    date = published
    if not date:
        try:
            date = _iso_day(str(obj.get("published") or ""))
        except ValueError as exc:
            raise InputError(f"{path}:{n}: published: {exc}") from None
    date = date or find_published(body)
    return Report(text=body, path=str(path), line=n,
                  url=_http(obj.get("url")), title=_str(obj.get("title")),
                  publisher=_str(obj.get("publisher")), published=date)


def _http(value) -> str | None:
    """A link only if it is http(s); anything else (javascript:, data:) is dropped."""
    text = (str(value).strip() if value is not None else "")
    return text if text.lower().startswith(("http://", "https://")) else None


def _str(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def _html_report(html: str, path: Path, published: str | None) -> Report:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True) or ""
    meta = trafilatura.extract_metadata(html)
    if not body.strip():
        raise InputError(f"{path}: no article text found in this HTML page")
    try:
        stated = _iso_day(getattr(meta, "date", None))
    except ValueError:
        stated = None  # the page's own metadata, not something the user wrote: look in the text
    date = published or stated or find_published(body)
    return Report(text=body, path=str(path), url=_http(getattr(meta, "url", None)),
                  title=getattr(meta, "title", None) or None,
                  publisher=getattr(meta, "sitename", None) or None, published=date)


def report_files(inputs: Iterable[Path | str]) -> Iterator[Path]:
    """The report files named by ``inputs``: files as given, folders searched recursively.

    In folders only report suffixes (:data:`REPORT_SUFFIXES`) count, in sorted order, and
    hidden files and folders (a leading dot: editor backups, our own temporary files) are
    skipped.
    """
    for item in inputs:
        item = Path(item)
        if not item.is_dir():
            yield item
            continue
        for p in sorted(item.rglob("*")):
            hidden = any(part.startswith(".") for part in p.relative_to(item).parts)
            if not hidden and p.suffix.lower() in REPORT_SUFFIXES and p.is_file():
                yield p


def read_reports(inputs: Iterable[Path | str], *, published: str | None = None,
                 errors: list[str] | None = None) -> Iterator[Report]:
    """Stream reports from files and folders (see :func:`report_files`).

    A file that cannot be read raises :class:`InputError`, unless ``errors`` is given:
    then its message is appended there and reading goes on.
    """
    for f in report_files(inputs):
        try:
            yield from iter_report(f, published=published,
                                   on_error=None if errors is None else (lambda exc: errors.append(str(exc))))
        except InputError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
