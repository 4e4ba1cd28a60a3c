"""The one place where firms meet the checklist (``guides``): parse a situation, build its items.

Links are validated by the same parser as the public checklist (``guides.situation``) and show
the same items from the same engine; this module only translates between a link's stored fields
and that code. Nothing here re-implements a rule.
"""
from django.http import QueryDict

from guides.vocabulary import FIELDS


class SituationError(ValueError):
    """The situation is not valid: ``errors`` is {field: [messages in the active language]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def to_querydict(values) -> QueryDict:
    """A QueryDict as a browser would send it, from a mapping of field → value or list of values."""
    query = QueryDict(mutable=True)
    for field in FIELDS:
        value = values.get(field)
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list | tuple):
            query.setlist(field, [str(v) for v in value])
        else:
            query[field] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return query


def parse(values):
    """The checklist's own parser over ``values``; raises SituationError with its messages."""
    from guides.situation import InvalidSituation, parse_situation

    params = values if isinstance(values, QueryDict) else to_querydict(values)
    try:
        return parse_situation(params)
    except InvalidSituation as exc:
        raise SituationError({field: [str(m) for m in messages] for field, messages in exc.errors.items()}) from exc


def parse_stored(query: str):
    """The situation of a stored link (its canonical query string)."""
    return parse(QueryDict(query))


def rules_version() -> str:
    """The checklist's current rules version, stored with each link."""
    from guides.checklist import catalogue

    return catalogue().version


def items(situation, language, request=None):
    """The checklist's ordered items for ``situation`` in ``language``, as the checklist API gives them,
    with ``due`` as a date."""
    return checklist(situation, language, request=request)["items"]


def checklist(situation, language, request=None, since=None):
    """The checklist API's dict (items with ``due`` as a date); with ``since`` (the rules_version a
    link stored) it has ``changes``: what changed since the link was made."""
    import datetime as dt

    from guides.changes import VERSION
    from guides.checklist import make_checklist

    since = since if since and VERSION.fullmatch(since) else None
    data = make_checklist(situation, language, request=request, since=since)
    result = []
    for item in data["items"]:
        item = dict(item)
        item["due"] = dt.date.fromisoformat(item["due"]) if item.get("due") else None
        result.append(item)
    return {**data, "items": result}
