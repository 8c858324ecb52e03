"""Outputs are written atomically: an interruption leaves the previous file as it was."""

import os

import pytest

from geo.atomic import atomic_write
from geo.errors import ExportError
from maps.cli import main


def test_interrupted_write_keeps_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("previous")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new content " * 10_000)
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_disk_full_is_an_export_error_and_keeps_previous(tmp_path, monkeypatch):
    target = tmp_path / "events.geojson"
    target.write_text("previous")
    real_open = open

    class Full:
        def __init__(self, *a, **k):
            self.f = real_open(*a, **k)

        def write(self, data):
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    monkeypatch.setattr("builtins.open", Full)
    with pytest.raises(ExportError, match="No space left"):
        atomic_write(target, "x")
    monkeypatch.undo()
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]


def test_ctrl_c_exits_130_and_keeps_outputs(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("previous")
    import maps.build

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(maps.build, "build_map", interrupted)
    assert main(["demo", "-o", str(out)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert (out / "map.html").read_text() == "previous"
