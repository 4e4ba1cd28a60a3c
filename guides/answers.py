"""The ``Situation`` a reader's answers make: plain Python, no Django.

The engine reads only these, so it runs without Django; the parser (``guides.situation``), which
translates its messages, builds a ``Situation`` from a query string. The values are in ``guides.vocabulary``
(DESIGN.md, "The checklist contract").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from itertools import combinations
from urllib.parse import urlencode

from guides.vocabulary import (
    CHILDREN,
    CITIZENSHIPS,
    FAMILIES,
    FAMILIES_WITH_CHILDREN,
    FAMILIES_WITH_PARTNER,
    PERMITS,
    PERMITS_WITHOUT_PERMIT,
    STATUSES,
    STAYS,
)


@dataclass(frozen=True)
class Situation:
    status: str
    permit: str
    family: str
    children: tuple[str, ...]
    stay: str
    #: The partner's citizenship when there is a partner (defaults to ``status``), else None.
    partner: str | None
    arrival: dt.date | None = None
    #: Where the household will live: a municipality's Statistics Sweden code. No rule reads it; it
    #: adds the place's local guides (DESIGN.md, "Place").
    municipality: str | None = None

    @property
    def has_partner(self) -> bool:
        return self.family in FAMILIES_WITH_PARTNER

    @property
    def has_children(self) -> bool:
        return self.family in FAMILIES_WITH_CHILDREN

    @property
    def region(self) -> str | None:
        """The region's code: the municipality code's first two digits."""
        return self.municipality[:2] if self.municipality else None

    def query_items(self, arrival: bool = True, place: bool = True) -> list[tuple[str, str]]:
        """The canonical parameters: fixed order, children as one comma list, the partner's citizenship
        whenever there is a partner (the default made explicit), the place last."""
        items = [("status", self.status), ("permit", self.permit), ("family", self.family)]
        if self.children:
            items.append(("children", ",".join(self.children)))
        if self.partner is not None:  # always spelled out, so a shared link holds every answer
            items.append(("partner", self.partner))
        items.append(("stay", self.stay))
        if arrival and self.arrival is not None:
            items.append(("arrival", self.arrival.isoformat()))
        if place and self.municipality is not None:
            items.append(("municipality", self.municipality))
        return items

    def as_query(self, arrival: bool = True, place: bool = True) -> str:
        return urlencode(self.query_items(arrival=arrival, place=place), safe=",")

    @property
    def key(self) -> str:
        """Stable and readable key of the answers without the date or the place: counters (which never
        hold a municipality), localStorage (ticks survive a change of place)."""
        return self.as_query(arrival=False, place=False)

    def without_arrival(self) -> Situation:
        return replace(self, arrival=None)


def every_situation():
    """Every combination of answers without a date (1,152): the scenario suite and the benchmark."""
    groups = [c for n in range(1, len(CHILDREN) + 1) for c in combinations(CHILDREN, n)]
    for status in STATUSES:
        permits = PERMITS if status == "third-country" else PERMITS_WITHOUT_PERMIT
        for permit in permits:
            for family in FAMILIES:
                for children in groups if family in FAMILIES_WITH_CHILDREN else [()]:
                    for partner in CITIZENSHIPS if family in FAMILIES_WITH_PARTNER else [None]:
                        for stay in STAYS:
                            yield Situation(status, permit, family, tuple(children), stay, partner)
