"""Where the household will live (DESIGN.md, "Place"): the municipality question's choices, and the
place and local links a checklist shows for it.

The answer changes no rule: the engine never sees it. The local guides come from the CMS through
``content.local.local_layer`` (a municipality's guides for a task, else its region's, else none);
this module only shapes them as the checklist contract says.
"""

from __future__ import annotations

import functools
import unicodedata

from content import places

#: Swedish alphabetical order: å, ä, ö after z; é is an e and ü a y (as in Swedish dictionaries).
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def swedish_key(name: str) -> tuple[str, str]:
    """Sorts names as a Swedish reader expects: Åre, Ängelholm and Örebro after Z, and Säter after Sunne."""
    lower = name.casefold().translate(_SWEDISH)
    plain = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
    return plain, name


@functools.cache
def grouped_municipalities() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """((region's name, ((code, municipality's name), …)), …): regions and municipalities in Swedish order."""
    groups: dict[str, list[places.Municipality]] = {}
    for place in places.municipalities().values():
        groups.setdefault(place.region.code, []).append(place)
    regions = sorted(places.regions().values(), key=lambda r: swedish_key(r.name))
    return tuple(
        (
            region.name,
            tuple((m.code, m.name) for m in sorted(groups.get(region.code, []), key=lambda m: swedish_key(m.name))),
        )
        for region in regions
    )


def layer(situation, language: str):
    """The local layer of the situation's municipality in ``language`` (content.local), or None."""
    if not situation.municipality:
        return None
    from content.local import local_layer

    return local_layer(situation.municipality, language)


def place_data(situation, found, absolute) -> dict | None:
    """The contract's ``place``: the municipality and its region, each {"code", "name", "url"|null}.

    ``found`` is the local layer (None when the CMS has nothing for the place: the names then come
    from content.places); ``absolute`` makes a site-relative URL absolute."""
    if not situation.municipality:
        return None
    if found is None:
        municipality = places.municipality(situation.municipality)
        return {
            "municipality": {"code": municipality.code, "name": municipality.name, "url": None},
            "region": {"code": municipality.region.code, "name": municipality.region.name, "url": None},
        }
    return {
        name: {"code": ref.code, "name": ref.name, "url": absolute(ref.url) if ref.url else None}
        for name, ref in (("municipality", found.municipality), ("region", found.region))
    }


def local_links(found, key: str, absolute) -> list[dict]:
    """The contract's ``local`` of one item: [{"title", "url", "owner"}], absolute URLs."""
    if found is None:
        return []
    return [{"title": link.title, "url": absolute(link.url), "owner": link.owner} for link in found.for_task(key)]

