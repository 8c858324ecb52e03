"""The word-start scanner finds exactly what ``re`` finds, only faster."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geo import dates, extract
from geo.scan import MultiScanner, prefixes

PATTERNS = [extract._TRIGGER_ALL, extract._NOT_EVENTS, *extract._CASUALTY_PATTERNS, *dates.PROSE_PATTERNS]
WORDS = ["killed", "at least 12", "bombing", "on Saturday", "in March", "2021", "three", "talks", "signed",
         "visit", "heart attack", "visitors", "the day before", "last night", "July 2021", "١٢", "Ⅻ",
         "ß", "İstanbul", "ﬁred on", "K", "\u00a0", "\u2009", "\n\n", ", ", ". ", "wounded", "injuring 4",
         "suicide\u00a0bomber", "two dozen", "13th", "gunmen", "ſigned", "MoU"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40))
def test_multiscanner_equals_finditer(parts):
    text = " ".join(parts)
    got = MultiScanner(PATTERNS).scan(text)
    for pattern, matches in zip(PATTERNS, got, strict=True):
        assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(text)], pattern.pattern[:40]


def test_prefixes_read_off_a_pattern():
    assert prefixes(re.compile(r"\b(?:bomb(?:ing)?|blasts?)\b", re.I)) == {"bomb", "blas"}
    # digits and spaces are looked up as "0" and " "; a repeat ends what can be read
    assert prefixes(re.compile(r"\b(?:in\s\d{4}|on\s+)", re.I)) == {"in 0", "on "}


def test_patterns_that_can_start_anywhere_fall_back_to_re():
    assert prefixes(re.compile(r"\w+ed\b")) is None
    assert prefixes(re.compile(r"(?:bomb|blast)")) is None  # not anchored at a word start
    s = MultiScanner([re.compile(r"\w+ed\b")])
    assert [m.group() for m in s.scan("they signed and agreed")[0]] == ["signed", "agreed"]
