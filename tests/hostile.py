"""Hostile strings for every text field: each must show as text and run nothing."""

PAYLOADS = [
    "<img src=x onerror=\"window.__pwned=1\">",
    "</script><script>window.__pwned=2</script>",
    "\"'><svg onload=window.__pwned=3>",
    "`${window.__pwned=4}`",
    "${window.__pwned=5}",
    "back\\slash \\u0022 \\n",
    "line\u2028separator\u2029para",
    "<!-- </style><b>bold</b>",
    "&lt;already escaped&gt; &amp;",
    "{{ 7*7 }} {% raw %}",
]
HOSTILE_URLS = ["javascript:window.__pwned=6", "data:text/html,<script>window.__pwned=7</script>",
                " javascript:alert(1)"]


def hostile_table(path):
    """Write a CSV whose every text field carries a payload."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["date", "type", "place", "country", "lat", "lon", "killed", "injured",
                    "actors", "summary", "source_url", "source_title"])
        for i, p in enumerate(PAYLOADS):
            url = HOSTILE_URLS[i % len(HOSTILE_URLS)] if i % 2 else "https://example.org/?q=<x>&y=\"1\""
            w.writerow([f"2024-01-{i + 1:02d}", ["attack", "agreement", "meeting", "visit", "other"][i % 5],
                        p, "PK", 30 + i * 0.3, 70 + i * 0.3, i, "", f"{p}; actor {i}", p, url, p])
    return path
