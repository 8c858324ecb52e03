import sqlite3

import pytest

from gazetteer.build import CSV_COLUMNS, build_index, curated_files, read_place_csv
from tests.conftest import DATA


def test_tiny_index_has_every_row(tiny_index):
    db = sqlite3.connect(tiny_index)
    n = db.execute("SELECT count(*) FROM places").fetchone()[0]
    rows = (DATA / "tiny_gazetteer.csv").read_text().strip().splitlines()
    assert n == len(rows) - 1
    # every alias is a name of its place
    assert db.execute("SELECT count(*) FROM names n JOIN places p ON p.id = n.place"
                      " WHERE n.key = 'bisham' AND p.country = 'PK'").fetchone()[0] == 1


def test_csv_problems_name_file_line_and_field():
    rows, problems = read_place_csv(DATA / "bad_gazetteer.csv", layer="user")
    assert [r.name for r in rows] == ["Good Place"]
    text = [str(p) for p in problems]
    assert any(":3: kind: 'hamlet' is not one of" in t for t in text)
    assert any(":4: lat: 95.5 is outside -90..90" in t for t in text)
    assert any(":5: id: 'ok-1' already used on line 2" in t for t in text)
    assert any(":6: country:" in t for t in text)
    assert all(t.startswith(str(DATA / "bad_gazetteer.csv")) for t in text)


def test_missing_columns_reported(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("name,lat\nA,1\n")
    rows, problems = read_place_csv(path, layer="user")
    assert rows == [] and "missing required column" in str(problems[0])


def test_curated_csvs_are_valid():
    files = curated_files()
    assert files, "the curated layer ships at least one CSV"
    for path in files:
        rows, problems = read_place_csv(path, layer="curated")
        assert problems == [], "\n".join(map(str, problems))
        assert len(rows) >= 1
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert tuple(header) == CSV_COLUMNS


def test_failed_build_leaves_previous_index(tmp_path):
    target = tmp_path / "idx.sqlite"
    build_index(target, world=False, csv_paths=[DATA / "tiny_gazetteer.csv"])
    before = target.read_bytes()
    with pytest.raises(ValueError, match="bad_gazetteer.csv:3"):
        build_index(target, world=False, csv_paths=[DATA / "bad_gazetteer.csv"])
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["idx.sqlite"]


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for t in (a, b):
        build_index(t, world=False, csv_paths=[DATA / "tiny_gazetteer.csv"])
    dump = [list(sqlite3.connect(t).iterdump()) for t in (a, b)]
    assert [x for x in dump[0] if "meta" not in x] == [x for x in dump[1] if "meta" not in x]
