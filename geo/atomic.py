"""Atomic output: write beside the target, then rename over it.

A crash, Ctrl-C or full disk mid-write leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import ExportError

__all__ = ["atomic_path", "atomic_write", "remove_stale_temps"]


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def remove_stale_temps(target: Path | str) -> list[Path]:
    """Remove temporary files left beside ``target`` by writers that were killed.

    A temporary file is named ``.NAME.PID.RANDOM.tmpSUFFIX``; one whose process no longer
    runs can only be the remains of a crash (SIGKILL, power loss) and is removed. Returns
    what was removed.
    """
    target = Path(target)
    removed = []
    prefix = _temp_prefix(target)
    try:
        siblings = list(target.parent.glob(f"{glob.escape(prefix)}*.tmp{glob.escape(target.suffix)}"))
    except OSError:
        return removed
    for path in siblings:
        pid = path.name[len(prefix):].split(".", 1)[0]
        if pid.isdecimal() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (same suffix); rename it over ``target`` on success.

    The temporary file is hidden (``.NAME.PID.RANDOM.tmpSUFFIX``); if the process is killed
    before the rename, the next write to ``target`` removes it.
    """
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target)
        fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(target)}{os.getpid()}.",
                                   suffix=f".tmp{target.suffix}", dir=folder)
        os.close(fd)
        os.unlink(tmp)  # writers such as GDAL want to create the file themselves
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here: {exc.strerror or exc}") from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if not tmp_path.exists():
            raise ExportError(f"{target}: nothing was written")
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    finally:
        tmp_path.unlink(missing_ok=True)


def atomic_write(target: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text is UTF-8) to ``target`` atomically and return the path."""
    target = Path(target)
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
    return target
