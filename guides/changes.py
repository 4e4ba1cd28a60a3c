"""What changed since a link was made: today's checklist against the one an older rules version gave.

The ``RulesSnapshot`` rows are the history (one per rules_version ever served); the comparison is
the pure engine run twice, so nothing about a situation is stored. DESIGN.md, ``since``.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import DatabaseError
from django.utils.translation import gettext as _

from guides import engine
from guides.situation import MAX_VALUE_LENGTH, STOCKHOLM, today

VERSION = re.compile(r"[0-9a-f]{12}")


def parse_since(params) -> tuple[str | None, dict[str, list[str]]]:
    """The ``since`` parameter: (version or None, errors keyed ``since``). Empty counts as absent."""
    values = [v for v in params.getlist("since") if v != ""] if hasattr(params, "getlist") else []
    if not values:
        return None, {}
    if len(set(values)) > 1 or len(values[0]) > MAX_VALUE_LENGTH or not VERSION.fullmatch(values[0]):
        return None, {"since": [_("A rules version is 12 lowercase hexadecimal digits, as a shared link gives it.")]}
    return values[0], {}


#: version → (rules, day first recorded): snapshots never change, so a found one is kept (bounded).
_found: dict[str, tuple[engine.RuleBook, dt.date]] = {}


def _book(version: str) -> tuple[engine.RuleBook, dt.date] | None:
    """An old version's rules and the day it was first recorded; None while it is unknown."""
    from guides.models import RulesSnapshot

    if version in _found:
        return _found[version]
    snapshot = RulesSnapshot.objects.filter(version=version).first()
    if snapshot is None:
        return None
    if len(_found) >= 64:
        _found.clear()
    _found[version] = (engine.RuleBook.from_data(snapshot.data), snapshot.created_at.astimezone(STOCKHOLM).date())
    return _found[version]


def _made(version: str) -> dt.date:
    try:
        found = _book(version)
    except DatabaseError:
        found = None
    return found[1] if found else today()


def _shape(item: engine.Item) -> tuple:
    """What makes an item "changed": its persons, dependencies, phase and due rule."""
    return (set(item.persons), set(item.depends_on), item.phase, item.days_from_arrival, item.rule_kind)


def compare(old: list[engine.Item], new: list[engine.Item]) -> dict[str, list[str]]:
    """added / removed / changed keys, each in the order of the list it comes from."""
    before = {item.key: item for item in old}
    after = {item.key: item for item in new}
    return {
        "added": [item.key for item in new if item.key not in before],
        "removed": [item.key for item in old if item.key not in after],
        "changed": [item.key for item in new if item.key in before and _shape(before[item.key]) != _shape(item)],
    }


def changes_since(book: engine.RuleBook, situation, since: str, current: list[engine.Item]) -> dict | None:
    """The ``changes`` object for ``situation``; None for a well-formed version never recorded."""
    if since == book.version:
        return {"since": since, "made": _made(since).isoformat(), "added": [], "removed": [], "changed": []}
    try:
        found = _book(since)
    except DatabaseError:
        return None
    if found is None:
        return None
    old_book, made = found
    return {"since": since, "made": made.isoformat(), **compare(engine.build(old_book, situation), current)}
