"""incidentmap's maps: Folium layers of events, and the files they are exported to.

folium loads on first use, so ``incidentmap geocode`` starts fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["EVENT_STYLES", "build_map", "render_html", "save_html"]

_LAZY = {"EVENT_STYLES": "build", "build_map": "build", "render_html": "export",
         "save_html": "export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
