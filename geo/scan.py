"""Fast scanning of prose with big word-anchored regexes.

Python's ``re`` tries every alternative of a pattern at every position of the text. The
extraction patterns (event triggers, date expressions, casualty phrases) are long
alternations that all start at a word boundary, so most of that work is wasted: a match
can only begin at the start of a word whose first letters begin one of the alternatives.
:class:`MultiScanner` reads those prefixes (up to four characters) off each compiled
pattern once, and in one pass over the word starts of a text tries each pattern only where
it can begin. Its matches are exactly those of ``pattern.finditer`` (a test checks it on
random text).

>>> s = MultiScanner([re.compile(r"\\b(?:bomb(?:ing)?s?|blasts?)\\b", re.I), re.compile(r"\\bno\\b")])
>>> [[m.group() for m in ms] for ms in s.scan("A bombing, two blasts and no bombs.")]
[['bombing', 'blasts', 'bombs'], ['no']]
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["MultiScanner", "key_text", "prefixes"]

_K = 4  # longest prefix looked up at each word start
# Prefixes are read on a key text: the text case-folded, every decimal digit made "0" and
# every space character " " (what ``\d`` and ``\s`` match in ``str`` patterns).
_SPACES = "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace())
_KEY = str.maketrans({**{c: "0" for c in map(chr, range(0x20000)) if c.isdecimal()},
                      **{c: " " for c in _SPACES}})


def key_text(text: str) -> str:
    """The text prefixes are looked up in: case-folded, digits "0", spaces " "."""
    return text.casefold().translate(_KEY)


def _key_char(c: str) -> str:
    return c.casefold().translate(_KEY)


class _Unknown(Exception):
    """The pattern can start in a way the prefix analysis does not follow."""


def prefixes(pattern: re.Pattern, k: int = _K) -> frozenset[str] | None:
    """Lowercase strings of length 1..k, one of which begins every match of ``pattern``.

    ``None`` when that cannot be read off the pattern (e.g. it may start with any letter,
    or may match at a position that is not a word start).
    """
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        if not _anchored(list(tree)):
            return None
        opened, closed = _walk(list(tree), {""}, k)
    except (_Unknown, RecursionError):
        return None
    out = opened | closed
    if "" in out or not all(p[0].isalnum() or p[0] == "_" for p in out):
        return None
    return frozenset(out)


def _anchored(items: list) -> bool:
    """Every match starts with ``\\b`` followed by a word character."""
    for op, av in items:
        if op is _c.AT:
            return av is _c.AT_BOUNDARY
        if op is _c.SUBPATTERN:
            return _anchored(list(av[3]))
        if op is _c.BRANCH:
            return all(_anchored(list(b)) for b in av[1])
        return False
    return False


def _chars(op, av) -> str:
    if op is _c.LITERAL:
        return _key_char(chr(av))
    if op is _c.IN:
        out = ""
        for sop, sav in av:
            if sop is _c.LITERAL:
                out += _key_char(chr(sav))
            elif sop is _c.RANGE and sav[1] - sav[0] < 40:
                out += "".join(_key_char(chr(c)) for c in range(sav[0], sav[1] + 1))
            elif sop is _c.CATEGORY and sav is _c.CATEGORY_DIGIT:
                out += "0"
            elif sop is _c.CATEGORY and sav is _c.CATEGORY_SPACE:
                out += " "
            else:
                raise _Unknown
        return "".join(sorted(set(out)))
    raise _Unknown


def _walk(items: list, opened: set[str], k: int) -> tuple[set[str], set[str]]:
    """Apply a sequence of pattern items to the open prefixes; return (open, closed)."""
    closed: set[str] = set()
    for op, av in items:
        if not opened:
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: reading on gives a superset, which is safe
        if op in (_c.LITERAL, _c.IN):
            try:
                chars = _chars(op, av)
            except _Unknown:
                closed |= opened
                opened = set()
                break
            opened = {p + c for p in opened for c in chars}
        elif op is _c.SUBPATTERN:
            opened, more = _walk(list(av[3]), opened, k)
            closed |= more
        elif op is _c.BRANCH:
            new: set[str] = set()
            for branch in av[1]:
                o, c = _walk(list(branch), set(opened), k)
                new |= o
                closed |= c
            opened = new
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            once, c = _walk(list(body), set(opened), k)
            closed |= c
            if hi != 1:  # more repetitions: stop reading (a shorter prefix is a superset)
                closed |= once
                once = set()
            opened = (opened | once) if lo == 0 else once
        else:
            closed |= opened
            opened = set()
            break
        done = {p for p in opened if len(p) >= k}
        closed |= {p[:k] for p in done}
        opened -= done
    return opened, closed


def _trie_regex(words) -> str:
    """A regex that matches where a text begins with one of ``words`` (literal strings): a
    trie of alternatives, so the engine reads each character once instead of trying every
    word in turn. It matches the shortest such word (all a look-ahead needs)."""
    trie: dict = {}
    for w in sorted(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        if "" in node:
            return ""  # a word ends here: what follows does not matter
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


class MultiScanner:
    """The matches of several word-anchored patterns, from one pass over the word starts.

    ``scan(text)`` returns one list per pattern, each equal to ``list(pattern.finditer(text))``.
    """

    def __init__(self, patterns: list[re.Pattern]):
        self.patterns = list(patterns)
        by_prefix: dict[str, list[int]] = {}
        self._plain: list[int] = []
        for i, p in enumerate(self.patterns):
            pre = prefixes(p)
            if pre is None:
                self._plain.append(i)
                continue
            for q in pre:
                by_prefix.setdefault(q, []).append(i)
        self._by_prefix = {q: tuple(v) for q, v in by_prefix.items()}
        # the prefix lengths worth trying, by a word's first two characters (longest first), and the
        # one-character prefixes: most words start no prefix, and are passed over with one look-up
        by_two: dict[str, set[int]] = {}
        for q in by_prefix:
            if len(q) >= 2:
                by_two.setdefault(q[:2], set()).add(len(q))
        self._by_two = {t: tuple(sorted(ns, reverse=True)) for t, ns in by_two.items()}
        self._ones = {q: v for q, v in self._by_prefix.items() if len(q) == 1}
        # the word starts where some prefix begins, found by the regex engine in one pass (most
        # word starts begin none, and a loop over every word in Python costs more than the tries)
        self._gate = re.compile(r"\b(?=" + _trie_regex(by_prefix) + ")") if by_prefix else None

    def scan(self, text: str, key: str | None = None) -> list[list[re.Match]]:
        """``key`` may pass :func:`key_text` of ``text`` when the caller has it."""
        out: list[list[re.Match]] = [[] for _ in self.patterns]
        if key is None or len(key) != len(text):
            key = key_text(text)
        if len(key) != len(text):  # a few characters change length when case-folded
            return [list(p.finditer(text)) for p in self.patterns]
        for i in self._plain:
            out[i] = list(self.patterns[i].finditer(text))
        get, by_two, ones, patterns = self._by_prefix.get, self._by_two.get, self._ones.get, self.patterns
        ends = [0] * len(patterns)
        for w in (self._gate.finditer(key) if self._gate is not None else ()):
            s = w.start()
            lengths = by_two(key[s:s + 2], ())
            one = ones(key[s])
            if not lengths and one is None:
                continue
            hits = [get(key[s:s + n]) for n in lengths]
            hits.append(one)
            for hit in hits:
                if hit is None:
                    continue
                for i in hit:
                    if s < ends[i]:
                        continue
                    m = patterns[i].match(text, s)
                    if m is not None:
                        ends[i] = m.end() if m.end() > s else s + 1
                        out[i].append(m)
        return out

