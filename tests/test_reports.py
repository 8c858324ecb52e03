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


# how pages copied from news sites date a story: a line of its own near the top, with a weekday,
# time, zone or byline beside the date, or "Published" after a byline on the same line
@pytest.mark.parametrize("top, expected", [
    ("Talks end in agreement\nThu 7 Nov 2024 09.15 GMT", "2024-11-07"),
    ("Talks end in agreement\n\nBy Sana Mir\nNovember 7, 2024", "2024-11-07"),
    ("Talks end in agreement\nBy Sana Mir\nNovember 7, 20249:15 AM GMT+5Updated 3 hours ago", "2024-11-07"),
    ("Sana Mir Published November 7, 2024 Updated about an hour ago", "2024-11-07"),
    ("Published On 7 Nov 20247 Nov 2024\nShare", "2024-11-07"),
    ("Editor: desk\n2024-11-07 09:15:02", "2024-11-07"),
    ("Talks end in agreement\nNovember 07, 2024 | 09:15 PM", "2024-11-07"),
    ("Talks end in agreement\nThursday, November 7, 2024", "2024-11-07"),
    ("Talks end in agreement\n7th November, 2024", "2024-11-07"),
    ("Talks end in agreement\nNov 7, 2024, 9:15 a.m. ET", "2024-11-07"),
    ("Updated: 2024-11-07T09:15:00+05:00", "2024-11-07"),
    # prose that holds a date is not a date line, nor is a numeric date whose order is unknown
    ("Talks end in agreement\nOn November 7, 2024, the two sides met in Kabul.", None),
    ("Talks end in agreement\nThe study, Published on March 3, 2023 by the ministry, said so.", None),
    ("Talks end in agreement\n07/11/2024\nKABUL: The two sides met.", None),
    ("KABUL: The two sides, who last met in June 2023, talked again.", None),
])
def test_published_from_a_copied_page(top, expected):
    assert find_published(top + "\n\nKABUL: The two sides met on Wednesday.") == expected
    assert parse_report_text(top + "\n\nKABUL: The two sides met.").published == expected


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


def test_web_page_furniture_is_blanked_in_place():
    from geo.reports import blank_furniture

    text = ("Guards wounded at Kabul gate\n\nKABUL: Two guards were wounded on Monday.\n\nREAD MORE: Three "
            "killed in Herat market blast\n\nPhoto: Guards stand at the gate. — AFP\nShare\nTweet\n\nRead "
            "together, the two statements differ.\nThe photo: it shows the gate.\nSource: Example Wire")
    blank = blank_furniture(text)
    assert len(blank) == len(text) and blank.count("\n") == text.count("\n")  # offsets stay true
    assert "Herat" not in blank and "Photo" not in blank and "Share" not in blank and "Example" not in blank
    assert "Read together, the two statements differ." in blank  # a sentence, not a link
    assert "The photo: it shows the gate." in blank
    assert blank.index("Two guards") == text.index("Two guards")
    assert parse_report_text(text).text == text  # the report keeps its words; extraction blanks them


def test_furniture_lines_make_no_events(tmp_path, world):
    from geo.extract import Extractor
    from geo.geoparse import Geoparser

    text = ("Published March 4, 2024\n\nKABUL: Two guards were wounded in a blast at the gate on Monday.\n\n"
            "ALSO READ: Gunmen kill three at a checkpoint in Khost\n\nRelated: Talks held in Islamabad\n")
    events = Extractor(Geoparser(world)).extract(parse_report_text(text))
    assert [(e.event_type, e.date) for e in events] == [("attack", "2024-03-04")]


@pytest.mark.parametrize("text, title", [
    ("Guards wounded at Kabul gate\n\nKABUL: Two guards were wounded.", "Guards wounded at Kabul gate"),
    ("Guards wounded at Kabul gate\nBy Sana Mir\nMarch 4, 2024\n\nKABUL: Text.", "Guards wounded at Kabul gate"),
    ("KABUL: Two guards were wounded.\n\nMore.", None),
    ("KABUL, March 4 (Reuters) - Two guards were wounded\n\nMore", None),
    ("By Sana Mir\n\nKABUL: Text.", None),
    ("March 4, 2024\n\nKABUL: Text.", None),
    ("One line only", None),
])
def test_headline_of_a_report_without_header(text, title):
    assert parse_report_text(text).title == title
    assert parse_report_text("title: Given\n\n" + text).title == "Given"
