"""Map files: the rendered HTML page, written atomically and deterministically."""

from __future__ import annotations

import re
from pathlib import Path

import folium

from geo.atomic import atomic_write

from .assets import inline_assets
from .build import stabilize_ids

__all__ = ["render_html", "save_html", "save_png", "find_chromium", "render_fragment", "save_fragment"]


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


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str:
    """Path of a Chromium to render with: ``INCIDENTMAP_CHROMIUM``, else one on the PATH."""
    import os
    import shutil

    from geo.errors import BrowserNotFound

    env = os.environ.get("INCIDENTMAP_CHROMIUM")
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env
        raise BrowserNotFound(f"INCIDENTMAP_CHROMIUM={env} is not an executable file")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound("no Chromium found to render the PNG: install one (Debian: apt-get install "
                          "chromium) or set INCIDENTMAP_CHROMIUM to its path")


def save_png(html_path: Path | str, png_path: Path | str, *, size: tuple[int, int] = (1600, 1000),
             scale: int = 2, wait_ms: int = 4000) -> Path:
    """Render a saved map page to PNG in headless Chromium, at ``scale``× pixel density.

    The image is ``size`` CSS pixels (``size × scale`` device pixels), with the page's legend and
    title. Background tiles appear only when the network is reachable. Written atomically.
    """
    import subprocess
    import tempfile

    from geo.atomic import atomic_path
    from geo.errors import ExportError

    exe = find_chromium()
    html_path = Path(html_path).resolve()
    width, height = size
    with tempfile.TemporaryDirectory(prefix="incidentmap-chromium-") as profile, atomic_path(png_path) as tmp:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-quic", f"--user-data-dir={profile}", f"--window-size={width},{height}",
               f"--force-device-scale-factor={scale}", f"--virtual-time-budget={wait_ms}",
               f"--screenshot={tmp}", html_path.as_uri() + "#static"]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportError(f"{png_path}: Chromium failed: {exc}") from exc
        if result.returncode != 0 or not tmp.exists():
            raise ExportError(f"{png_path}: Chromium could not render {html_path}: "
                              f"{(result.stderr or '').strip()[-300:]}")
    return Path(png_path)


_PAGE_STYLE = re.compile(r"<style>\s*html,\s*body\s*\{[^}]*\}\s*</style>")
_GUARDS = {"inline_leaflet": "typeof window.L === 'undefined'", "inline_jquery": "typeof window.jQuery === 'undefined'"}


def render_fragment(m: folium.Map, *, height: str = "600px", cdn: bool = False) -> str:
    """An HTML snippet (one ``<div>`` and its scripts) to paste into a report or web page.

    Libraries load once however many fragments a page holds; the page's own styles are left
    alone (no ``html, body`` rules). Two different maps on one page get different ids.
    """
    import html as html_lib

    from .assets import RawHTML

    figure = m.get_root()
    if not cdn:
        inline_assets(figure)
    stabilize_ids(m)
    figure.render()  # fills the header with every element's parts
    parts: list[str] = []
    for name, child in figure.header._children.items():
        if name in ("meta_http", "css_style"):
            continue
        text = _PAGE_STYLE.sub("", child.render())  # a fragment leaves the host page's styles alone
        guard = _GUARDS.get(name)
        if guard and isinstance(child, RawHTML) and text.startswith("<script>"):
            text = f"<script>\nif ({guard}) {{\n{text[len('<script>'):-len('</script>')]}\n}}\n</script>"
        parts.append(text)
    body = figure.html.render()
    script = figure.script.render()
    return (f'<div class="incidentmap-fragment" style="position:relative;width:100%;'
            f'height:{html_lib.escape(height, quote=True)}">\n' + "\n".join(parts) + "\n" + body
            + "\n<script>\n" + script + "\n</script>\n</div>\n")


def save_fragment(m: folium.Map, path: Path | str, **kwargs) -> Path:
    """Write :func:`render_fragment` to ``path`` atomically."""
    return atomic_write(path, render_fragment(m, **kwargs))
