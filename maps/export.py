"""Map files: the rendered HTML page, written atomically and deterministically."""

from __future__ import annotations

from pathlib import Path

import folium

from geo.atomic import atomic_write

from .assets import inline_assets
from .build import stabilize_ids

__all__ = ["render_html", "save_html"]


def render_html(m: folium.Map, *, cdn: bool = False) -> str:
    """The whole page. Self-contained (scripts inlined from Python packages) unless ``cdn``."""
    figure = m.get_root()
    if not cdn:
        inline_assets(figure)
    stabilize_ids(m)
    return figure.render()


def save_html(m: folium.Map, path: Path | str, *, cdn: bool = False) -> Path:
    """Write the page to ``path`` atomically; an earlier file survives any failure."""
    return atomic_write(path, render_html(m, cdn=cdn))
