"""Shared fixtures: a tiny gazetteer index, the world index, no network, Chromium."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a network connection from the test process fails the test."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        raise AssertionError(f"test tried to reach the network: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("network")))


@pytest.fixture(scope="session")
def tiny_index(tmp_path_factory) -> Path:
    from gazetteer.build import build_index

    path = tmp_path_factory.mktemp("tiny") / "tiny.sqlite"
    build_index(path, world=False, csv_paths=[DATA / "tiny_gazetteer.csv"])
    return path


@pytest.fixture()
def tiny(tiny_index):
    from geo import LocalGeocoder

    return LocalGeocoder(index=tiny_index)


@pytest.fixture(scope="session")
def world_index() -> Path:
    """The real world + curated index, built once (about 25 s) in the user's cache dir."""
    from geo.index import world_index as build

    return build()


@pytest.fixture(scope="session")
def world(world_index):
    from geo import LocalGeocoder

    return LocalGeocoder(index=world_index)


@pytest.fixture()
def cache_env(tmp_path, monkeypatch, world_index):
    """A private cache dir that already holds the world index (copied by hard link)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    try:
        os.link(world_index, cache / world_index.name)
    except OSError:
        shutil.copy(world_index, cache / world_index.name)
    monkeypatch.setenv("INCIDENTMAP_CACHE_DIR", str(cache))
    return cache


def chromium_or_skip() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium not installed")
    return CHROMIUM
