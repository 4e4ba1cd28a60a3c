"""The portal's starting content as data: reads content/data (see SCHEMA.md beside the code's brief).

Only files are read here, no page is written: ``content.demo`` turns what this returns into pages.
The fingerprint covers every file the loader reads, so editing one file makes ``load_demo`` run again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "sv", "ar", "so")
STANDARD_PAGES = ("about", "accessibility", "privacy")
#: Bump when the loader's interpretation of unchanged files changes (forces one reload).
LOADER_VERSION = 6


class ContentDataError(ValueError):
    """A data file does not follow the schema; the message names the file and the problem."""


@dataclass(frozen=True)
class ContentData:
    agencies: list[dict]
    home: dict
    phases: list[dict]
    life_event_index: dict
    life_events: list[dict]
    standard_pages: list[dict]
    guides: list[dict]
    place_index: dict
    places: list[dict]  # regions first, then municipalities, each with its file's ``slug``
    local_guides: list[dict]
    fingerprint: str


def _read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}
    except yaml.YAMLError as error:
        raise ContentDataError(f"{path}: not valid YAML ({error})") from error


def data_files(root: Path | None = None) -> list[Path]:
    """The files the loader reads (the glossary is for tests and translators, not for pages)."""
    root = root or DATA_DIR
    pages = [root / "pages" / f"{name}.yaml" for name in ("home", "phases", "life_events", *STANDARD_PAGES)]
    if (root / "pages" / "places.yaml").exists():
        pages.append(root / "pages" / "places.yaml")
    return [
        root / "agencies.yaml", *pages, root / "guide_order.yaml", *sorted((root / "guides").glob("*.yaml")),
        *sorted((root / "places").glob("*.yaml")), *sorted((root / "local").glob("*.yaml")),
    ]


def fingerprint(root: Path | None = None) -> str:
    root = root or DATA_DIR
    digest = hashlib.sha256(f"loader {LOADER_VERSION}".encode())
    for path in data_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _check_guide(guide: dict, path: Path, agency_keys: set[str]) -> None:
    problems = []
    if guide.get("key") != path.stem:
        problems.append(f"key {guide.get('key')!r} differs from the file name")
    if guide.get("phase") not in {"before", "arrival", "settling"}:
        problems.append(f"unknown phase {guide.get('phase')!r}")
    if guide.get("owner") is not None and guide["owner"] not in agency_keys:
        problems.append(f"owner {guide['owner']!r} is not in agencies.yaml")
    if "en" not in guide:
        problems.append("no English text")
    for code in LANGUAGES:
        text = guide.get(code)
        if text is not None and not (text.get("title") and text.get("summary")):
            problems.append(f"{code}: title and summary are required")
    if problems:
        raise ContentDataError(f"{path}: " + "; ".join(problems))


def _check_places(places: list[dict], local_guides: list[dict], agencies: list[dict]) -> None:
    """Each place file names a known place and its own owner; a municipality's region has a file too;
    a local guide stands under a place that has a file, in no language its place page lacks."""
    from content.places import municipalities, regions

    owners = {agency["key"]: agency for agency in agencies}
    by_code = {}
    for place in places:
        code, path, problems = str(place.get("place", "")), place["path"], []
        known = regions() if len(code) == 2 else municipalities()
        if code not in known:
            problems.append(f"unknown place code {code!r}")
        owner = owners.get(place.get("owner"))
        if owner is None or str(owner.get("place", "")) != code:
            problems.append(f"owner {place.get('owner')!r} is not the agencies.yaml entry with place {code!r}")
        if "en" not in place or not place["en"].get("title"):
            problems.append("no English title")
        if code in by_code:
            problems.append(f"a second file for {code!r}")
        if problems:
            raise ContentDataError(f"{path}: " + "; ".join(problems))
        by_code[code] = place
    for place in places:
        code = str(place["place"])
        if len(code) == 4 and code[:2] not in by_code:
            raise ContentDataError(f"{place['path']}: its region {code[:2]!r} has no file in places/")
        parent = by_code.get(code[:2]) if len(code) == 4 else None
        missing = [lang for lang in LANGUAGES if parent and lang in place and lang not in parent]
        if missing:
            raise ContentDataError(f"{place['path']}: the region's page has no {missing} text")
    for guide in local_guides:
        path, code, problems = guide["path"], str(guide.get("place", "")), []
        if guide.get("key") != path.stem:
            problems.append(f"key {guide.get('key')!r} differs from the file name")
        place = by_code.get(code)
        if place is None:
            problems.append(f"place {code!r} has no file in places/")
        elif guide.get("owner") != place.get("owner"):
            problems.append(f"owner {guide.get('owner')!r} is not its place's owner {place.get('owner')!r}")
        else:
            missing = [lang for lang in LANGUAGES if lang in guide and lang not in place]
            if missing:
                problems.append(f"its place's page has no {missing} text")
        if not guide.get("tasks"):
            problems.append("no checklist tasks")
        for code_ in LANGUAGES:
            text = guide.get(code_)
            if text is not None and not (text.get("title") and text.get("summary")):
                problems.append(f"{code_}: title and summary are required")
        if "en" not in guide:
            problems.append("no English text")
        if problems:
            raise ContentDataError(f"{path}: " + "; ".join(problems))


def _read_all(directory: Path) -> list[dict]:
    items = []
    for path in sorted(directory.glob("*.yaml")):
        item = _read(path)
        item["path"], item["slug"] = path, path.stem
        items.append(item)
    return items


def read(root: Path | None = None) -> ContentData:
    """Every data file, checked enough that a broken file fails here with its name, not mid-load."""
    root = root or DATA_DIR
    agencies = _read(root / "agencies.yaml")["agencies"]
    agency_keys = {agency["key"] for agency in agencies}
    life_events = _read(root / "pages" / "life_events.yaml")
    guides = []
    for path in sorted((root / "guides").glob("*.yaml")):
        guide = _read(path)
        _check_guide(guide, path, agency_keys)
        guides.append(guide)
    keys = {guide["key"] for guide in guides}
    event_slugs = {event["slug"] for event in life_events["life_events"]}
    for guide in guides:
        unknown = [key for key in guide.get("next_steps") or [] if key not in keys]
        unknown += [slug for slug in guide.get("life_events") or [] if slug not in event_slugs]
        if unknown:
            path = root / "guides" / f"{guide['key']}.yaml"
            raise ContentDataError(f"{path}: unknown next steps or life events: {unknown}")
    guides = _in_reading_order(guides, _read(root / "guide_order.yaml"), root / "guide_order.yaml")
    places = sorted(_read_all(root / "places"), key=lambda place: (len(str(place.get("place", ""))), place["slug"]))
    local_guides = _read_all(root / "local")
    _check_places(places, local_guides, agencies)
    index_file = root / "pages" / "places.yaml"
    return ContentData(
        agencies=agencies,
        home=_read(root / "pages" / "home.yaml")["home"],
        phases=_read(root / "pages" / "phases.yaml")["phases"],
        life_event_index=life_events["index"],
        life_events=life_events["life_events"],
        standard_pages=[_read(root / "pages" / f"{name}.yaml") for name in STANDARD_PAGES],
        guides=guides,
        place_index=_read(index_file)["index"] if index_file.exists() else {},
        places=places,
        local_guides=local_guides,
        fingerprint=fingerprint(root),
    )


def _in_reading_order(guides: list[dict], order: dict, path: Path) -> list[dict]:
    """Guides by phase, then as guide_order.yaml lists them, then (not listed) by key."""
    phases = ["before", "arrival", "settling"]
    by_key = {guide["key"]: guide for guide in guides}
    position = {}
    for phase in phases:
        for index, key in enumerate(order.get(phase) or []):
            if key not in by_key or by_key[key]["phase"] != phase:
                raise ContentDataError(f"{path}: {key!r} is not a guide of the phase {phase!r}")
            position[key] = index
    return sorted(guides, key=lambda g: (phases.index(g["phase"]), position.get(g["key"], len(position)), g["key"]))


def reviewed(text: dict, code: str) -> bool:
    """Whether a fluent reader has reviewed this language's text (the file says; English is the source)."""
    return bool(text.get("reviewed", code == "en"))


def changes_list(text: dict) -> list[dict]:
    """A language's "changes coming" blocks: the schema allows one dict or a list of them."""
    changes = text.get("changes")
    if not changes:
        return []
    return [changes] if isinstance(changes, dict) else list(changes)


def title_in(titles: dict, code: str) -> tuple[str, str]:
    """A source's title in ``code`` and the language it is in (the English title, marked "en", if none)."""
    if titles.get(code):
        return titles[code], code
    return titles["en"], "en"
