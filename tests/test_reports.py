"""Reading reports: header blocks, datelines, HTML, JSON Lines, bad files."""

import json

import pytest

from geo import InputError
from geo.reports import find_published, parse_report_text, read_report, read_reports


def test_header_block_split_off():
    r = parse_report_text("title: Talks held\nurl: https://example.com/a\npublished: 2024-03-27\n"
                          "publisher: Example Wire\n\nISLAMABAD - Officials met.\n")
    assert r.title == "Talks held" and r.url == "https://example.com/a"
    assert r.published == "2024-03-27" and r.publisher == "Example Wire"
    assert r.text == "ISLAMABAD - Officials met.\n"


def test_no_header_keeps_whole_text():
    text = "Security: a word that looks like a key\nbut this is prose.\n\nMore."
    r = parse_report_text(text)
    assert r.text == text and r.title is None


@pytest.mark.parametrize("body, expected", [
    ("Published September 21, 2024\n\nKARACHI: Police said...", "2024-09-21"),
    ("date 2024-09-21\nText", "2024-09-21"),
    ("KARACHI, March 27, 2024 (AP) — A blast...", "2024-03-27"),
    ("Updated: 5 Oct 2023 10:14 PKT\nText", "2023-10-05"),
    ("ISLAMABAD, March 27 (Reuters) - No year here.", None),
    ("Nothing at all here.", None),
    ("Storm closes the harbour\n\n3 February 2025\n\nLISBON (AP) - Ships stayed in port.", "2025-02-03"),
    ("Storm closes the harbour\nWed, Feb. 5, 2025 at 4:10 p.m. EST\n\nText", "2025-02-05"),
    ("Storm closes the harbour\nThe storm of February 3, 2025 was the worst.\n\nText", None),
])
def test_published_from_body(body, expected):
    assert find_published(body) == expected


def test_published_override_and_bad_header_date():
    r = parse_report_text("published: someday\n\nBody", published="2020-01-02")
    assert r.published == "2020-01-02"
    with pytest.raises(InputError, match=r"^r.txt:2: published: 'someday' is not a date"):
        parse_report_text("title: T\npublished: someday\n\nBody", path="r.txt")


def test_jsonl_and_html(tmp_path):
    jl = tmp_path / "r.jsonl"
    jl.write_text(json.dumps({"text": "A", "title": "T", "published": "2024-01-02"}) + "\n\n"
                  + json.dumps({"text": "B"}) + "\n", encoding="utf-8")
    reports = read_report(jl)
    assert [(r.text, r.line, r.published) for r in reports] == [("A", 1, "2024-01-02"), ("B", 3, None)]
    html = tmp_path / "p.html"
    html.write_text("<html><head><title>Blast in Quetta</title></head><body><nav>Home | News</nav>"
                    "<article><h1>Blast in Quetta</h1><p>" + "A bomb exploded near a market in "
                    "Quetta on Monday, officials said. " * 8 + "</p></article>"
                    "<footer>Copyright</footer></body></html>", encoding="utf-8")
    (r,) = read_report(html)
    assert "Quetta" in r.text and "Copyright" not in r.text


def test_bad_files_are_named(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.jsonl").write_text("{not json}\n")
    (tmp_path / "good.txt").write_text("Fine report about Karachi.")
    cases = (("empty.txt", "empty file"), ("bin.txt", "binary"), ("bad.jsonl", ":1: not valid JSON"))
    for name, message in cases:
        with pytest.raises(InputError, match=message):
            read_report(tmp_path / name)
    errors: list[str] = []
    got = list(read_reports([tmp_path], errors=errors))
    assert [r.text for r in got] == ["Fine report about Karachi."]
    assert len(errors) == 3 and all(str(tmp_path) in e for e in errors)


def test_windows_1252_is_decoded(tmp_path):
    p = tmp_path / "cp.txt"
    p.write_bytes("Officials in Peshawar said \u2013 \u201cnothing\u201d.".encode("cp1252"))
    (r,) = read_report(p)
    assert "Peshawar" in r.text and "\u201cnothing\u201d" in r.text


def test_only_http_links_are_kept():
    assert parse_report_text("url: javascript:alert(1)\n\nBody").url is None
    assert parse_report_text("url: data:text/html,x\n\nBody").url is None
    assert parse_report_text("url: https://example.com/a\n\nBody").url == "https://example.com/a"
