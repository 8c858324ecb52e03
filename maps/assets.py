"""Self-contained pages: folium's CDN links swapped for copies from Python packages.

folium lists each element's scripts and stylesheets as ``default_js``/``default_css``
class attributes of ``(name, url)`` pairs. Before rendering, :func:`inline_assets` takes
those lists off every element of the map and puts the file contents in the page header
instead: Leaflet from ``xstatic-leaflet`` (the 1.9.3 that folium links), jQuery from
``xstatic-jquery``. Bootstrap, Font Awesome and awesome-markers serve only
``folium.Icon``; a map without icons needs none of them, so they are dropped. Anything
else that has no offline copy keeps its CDN link, with a warning.
"""

from __future__ import annotations

import base64
import re
import warnings
from functools import cache
from importlib import resources
from pathlib import Path

from branca.element import Element, Figure

__all__ = ["RawHTML", "inline_assets", "own_assets", "asset_text", "script_tag", "style_tag"]


class RawHTML(Element):
    """Text put into the page as it is.

    branca's ``Element(text)`` compiles ``text`` as a Jinja template, so data holding
    ``{{ }}`` or ``{% %}`` would be executed at build time; this element never does that.
    """

    def __init__(self, html: str):
        super().__init__()
        self.html = html

    def render(self, **kwargs) -> str:
        return self.html

# folium asset name -> (python package, file inside it)
_OFFLINE = {
    "leaflet": ("xstatic.pkg.leaflet", "data/leaflet.js"),
    "leaflet_css": ("xstatic.pkg.leaflet", "data/leaflet.css"),
    "jquery": ("xstatic.pkg.jquery", "data/jquery.min.js"),
    # folium's MarkerCluster and FastMarkerCluster (users may add them to our maps)
    "markerclusterjs": ("xstatic.pkg.leaflet_markercluster", "data/leaflet.markercluster.js"),
    "markerclustercss": ("xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.css"),
    "markerclusterdefaultcss": ("xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.Default.css"),
}
# needed only by folium.Icon (and plugins built on it)
_ICON_ONLY = {"bootstrap", "bootstrap_css", "glyphicons_css", "awesome_markers",
              "awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css"}


@cache
def asset_text(package: str, name: str) -> str:
    """The text of a file shipped inside a Python package."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@cache
def _leaflet_css() -> str:
    """leaflet.css with its images as data URIs (relative paths break once inlined)."""
    images = Path(str(resources.files("xstatic.pkg.leaflet").joinpath("data", "images")))
    css = asset_text("xstatic.pkg.leaflet", "data/leaflet.css")
    return re.sub(r"url\(images/([\w.-]+\.png)\)",
                  lambda m: f"url({_data_uri(images / m.group(1))})", css)


@cache
def _default_icon_script() -> str:
    images = Path(str(resources.files("xstatic.pkg.leaflet").joinpath("data", "images")))
    return (
        "L.Icon.Default.imagePath = '';\n"
        "L.Icon.Default.mergeOptions({"
        f"iconUrl: '{_data_uri(images / 'marker-icon.png')}', "
        f"iconRetinaUrl: '{_data_uri(images / 'marker-icon-2x.png')}', "
        f"shadowUrl: '{_data_uri(images / 'marker-shadow.png')}'}});"
    )


def script_tag(text: str) -> str:
    return "<script>\n" + text.replace("</script", "<\\/script") + "\n</script>"


def style_tag(text: str) -> str:
    return "<style>\n" + text.replace("</style", "<\\/style") + "\n</style>"


def own_assets() -> tuple[str, str]:
    """incidentmap's own script and stylesheet."""
    return asset_text("maps", "static/incidentmap.js"), asset_text("maps", "static/incidentmap.css")


def _walk(element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def inline_assets(figure: Figure) -> list[str]:
    """Move every element's CDN assets into the figure header; return names left as links."""
    import folium

    elements = list(_walk(figure))
    uses_icons = any(isinstance(e, folium.Icon) for e in elements)
    wanted: dict[str, str] = {}
    for e in elements:
        for attr in ("default_js", "default_css"):
            pairs = getattr(e, attr, None)
            if pairs is None:
                continue
            for name, url in pairs:
                wanted.setdefault(name, url)
            setattr(e, attr, [])
    kept: list[str] = []
    for name, url in wanted.items():
        if name in _OFFLINE:
            package, path = _OFFLINE[name]
            text = _leaflet_css() if name == "leaflet_css" else asset_text(package, path)
            html = style_tag(text) if name.endswith("css") else script_tag(text)
        elif name in _ICON_ONLY and not uses_icons:
            continue
        else:
            kept.append(name)
            tag = (f'<link rel="stylesheet" href="{url}"/>' if name.endswith("css")
                   else f'<script src="{url}"></script>')
            html = tag
        figure.header.add_child(RawHTML(html), name=f"inline_{name}")
        if name == "leaflet":
            figure.header.add_child(RawHTML(script_tag(_default_icon_script())), name="inline_leaflet_icons")
    if kept:
        warnings.warn(f"no offline copy of {', '.join(kept)}: the page links them from a CDN",
                      stacklevel=2)
    return kept
