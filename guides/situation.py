"""The reader's situation: the one parser every entry point (HTML, JSON API, calendar, shared links) uses.

DESIGN.md, "The checklist contract" → "Parsing" is the specification. Messages are in the active
language (gettext), so each view activates the reader's language before parsing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from content.places import municipality
from guides.answers import Situation, every_situation  # noqa: F401 - re-exported for the parser's users
from guides.vocabulary import (
    CHILDREN,
    CITIZENSHIPS,
    FAMILIES,
    FAMILIES_WITH_CHILDREN,
    FAMILIES_WITH_PARTNER,
    FIELDS,
    FREE_MOVEMENT,
    PERMITS,
    PERMITS_WITHOUT_PERMIT,
    REQUIRED,
    STATUSES,
    STAYS,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Statistics Sweden's municipality code (content.places has the 290 that exist).
MUNICIPALITY_CODE = re.compile(r"[0-9]{4}")
EARLIEST_ARRIVAL = dt.date(2000, 1, 1)
#: Longer than any valid value; anything longer is refused before it is looked at.
MAX_VALUE_LENGTH = 64
#: Repeated parameters beyond this are hostile, not a form.
MAX_VALUES = 12


class InvalidSituation(ValueError):
    """Bad answers. ``errors`` is ``{field: [message in the active language]}``."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def today() -> dt.date:
    return dt.datetime.now(STOCKHOLM).date()


def latest_arrival(on: dt.date | None = None) -> dt.date:
    on = on or today()
    try:
        return on.replace(year=on.year + 5)
    except ValueError:  # 29 February
        return on.replace(year=on.year + 5, day=28)


def _values(params, name: str) -> list[str]:
    """All non-empty values of a parameter from a QueryDict, a dict of lists or a dict of strings."""
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    elif isinstance(params, Mapping):
        raw = params.get(name, [])
        if isinstance(raw, str | bytes) or raw is None:
            raw = [raw] if raw is not None else []
    else:
        raw = []
    out = []
    for value in raw:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str):
            value = str(value)
        if value != "":
            out.append(value)
    return out


def _single(params, name: str, allowed: tuple[str, ...], errors: dict) -> str | None:
    values = _values(params, name)
    if not values:
        return None
    if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
        errors.setdefault(name, []).append(_("This answer is too long."))
        return None
    if len(set(values)) > 1:
        errors.setdefault(name, []).append(_("Give only one answer to this question."))
        return None
    value = values[0]
    if value not in allowed:
        errors.setdefault(name, []).append(_("Choose one of the answers offered."))
        return None
    return value


def _children(params, errors: dict) -> tuple[str, ...] | None:
    values = _values(params, "children")
    if not values:
        return None
    if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
        errors.setdefault("children", []).append(_("This answer is too long."))
        return None
    groups = set()
    for value in values:
        for part in value.split(","):
            if part == "":
                continue
            if part not in CHILDREN:
                errors.setdefault("children", []).append(_("Choose one of the answers offered."))
                return None
            groups.add(part)
    if not groups:
        return None
    return tuple(group for group in CHILDREN if group in groups)


def _arrival(params, errors: dict) -> dt.date | None:
    values = _values(params, "arrival")
    if not values:
        return None
    if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
        errors.setdefault("arrival", []).append(_("This answer is too long."))
        return None
    if len(set(values)) > 1:
        errors.setdefault("arrival", []).append(_("Give only one answer to this question."))
        return None
    text = values[0]
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        date = dt.date.fromisoformat(text)
    except ValueError:
        errors.setdefault("arrival", []).append(_("Give the date as year-month-day, for example 2027-03-01."))
        return None
    if not EARLIEST_ARRIVAL <= date <= latest_arrival():
        errors.setdefault("arrival", []).append(
            _("Give a date from 1 January 2000 to %(latest)s.") % {"latest": latest_arrival().isoformat()}
        )
        return None
    return date


def _municipality(params, errors: dict) -> str | None:
    """A municipality's four-digit Statistics Sweden code (content.places); its region follows from it."""
    values = _values(params, "municipality")
    if not values:
        return None
    if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
        errors.setdefault("municipality", []).append(_("This answer is too long."))
        return None
    if len(set(values)) > 1:
        errors.setdefault("municipality", []).append(_("Give only one answer to this question."))
        return None
    code = values[0]
    if not MUNICIPALITY_CODE.fullmatch(code):
        errors.setdefault("municipality", []).append(
            _("Give the municipality's four-digit code, for example 1480 for Göteborg.")
        )
        return None
    if municipality(code) is None:
        errors.setdefault("municipality", []).append(
            _("There is no municipality with this code. Choose one from the list.")
        )
        return None
    return code


def parse_partial(params) -> tuple[dict, dict[str, list[str]]]:
    """The answers given so far and the errors among them; missing answers are not errors here.

    The questionnaire uses this to ask the next question; ``parse_situation`` adds the
    "missing" errors on top.
    """
    errors: dict[str, list[str]] = {}
    answers: dict = {}
    answers["status"] = _single(params, "status", STATUSES, errors)
    answers["permit"] = _single(params, "permit", PERMITS, errors)
    answers["family"] = _single(params, "family", FAMILIES, errors)
    answers["children"] = _children(params, errors)
    answers["partner"] = _single(params, "partner", CITIZENSHIPS, errors)
    answers["stay"] = _single(params, "stay", STAYS, errors)
    answers["arrival"] = _arrival(params, errors)
    answers["municipality"] = _municipality(params, errors)

    if answers["status"] in FREE_MOVEMENT and answers["permit"] not in (None, *PERMITS_WITHOUT_PERMIT):
        errors.setdefault("permit", []).append(
            _("Citizens of the EU/EEA and the Nordic countries need no permit. Choose your reason for moving.")
        )
        answers["permit"] = None
    family = answers["family"]
    if family is not None:
        if answers["children"] is not None and family not in FAMILIES_WITH_CHILDREN:
            errors.setdefault("children", []).append(
                _("You said no children are moving with you, so leave out their ages.")
            )
            answers["children"] = None
        if answers["partner"] is not None and family not in FAMILIES_WITH_PARTNER:
            errors.setdefault("partner", []).append(
                _("You said no partner is moving with you, so leave out the partner's citizenship.")
            )
            answers["partner"] = None
    return {k: v for k, v in answers.items() if v is not None}, errors


def missing_required(answers: dict) -> list[str]:
    """Required answers not yet given, in the order the questionnaire asks them."""
    needed = {*REQUIRED, "children"} if answers.get("family") in FAMILIES_WITH_CHILDREN else set(REQUIRED)
    return [name for name in FIELDS if name in needed and name not in answers]


def parse_situation(params) -> Situation:
    """Validate all answers (a QueryDict or a dict of lists) or raise InvalidSituation."""
    answers, errors = parse_partial(params)
    for name in missing_required(answers):
        if name not in errors:
            message = (
                _("Choose at least one age group for the children.")
                if name == "children"
                else _("Answer this question.")
            )
            errors.setdefault(name, []).append(message)
    if errors:
        raise InvalidSituation(errors)
    return situation_from_answers(answers)


def situation_from_answers(answers: dict) -> Situation:
    family = answers["family"]
    partner = None
    if family in FAMILIES_WITH_PARTNER:
        partner = answers.get("partner") or answers["status"]
    return Situation(
        status=answers["status"],
        permit=answers["permit"],
        family=family,
        children=tuple(answers.get("children") or ()) if family in FAMILIES_WITH_CHILDREN else (),
        stay=answers["stay"],
        partner=partner,
        arrival=answers.get("arrival"),
        municipality=answers.get("municipality"),
    )
