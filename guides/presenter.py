"""How a checklist item reads to a person: one presenter for the result page and a firm's /c/ page.

The engine and ``make_checklist`` give the data (the JSON API's shape); this adds what a page shows
beside it, in the active language: who does it, what it needs first, when (a date or days from
arrival), whether that date is a limit set by law or a date to aim for, and whether it has passed.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from guides.engine import PHASES

PERSON_LABELS = {
    "mover": lambda: _("You"),
    "partner": lambda: _("Your partner"),
    "children": lambda: _("Your children"),
    "household": lambda: _("The whole family"),
}


def due_label(kind: str | None) -> str:
    """The words before a date: a limit set by law reads differently from a planning aid."""
    return _("Deadline set by law") if kind == "law" else _("Aim to do this by")


def passed_label() -> str:
    return _("This date has passed — do it now.")


def decorate(items: list[dict], situation, on: dt.date) -> list[dict]:
    """Add the page's reading to each item (in place, and returned). ``on`` is today's date.

    Typical durations come from the guides in bulk (guides.durations), in the active language."""
    from django.utils import translation

    from guides.checklist import catalogue
    from guides.durations import guide_times

    times = guide_times(catalogue(), translation.get_language() or "en")
    people = {key: str(label()) for key, label in PERSON_LABELS.items()}
    if situation.family == "alone":
        people["household"] = people["mover"]
    titles = {item["key"]: item["title"] for item in items}
    for item in items:
        item["who"] = list(dict.fromkeys(people[p] for p in item["for"]))
        item["needs"] = [(key, titles[key]) for key in item["depends_on"] if key in titles]
        due = item.get("due")
        if isinstance(due, str):
            due = dt.date.fromisoformat(due)
        item["due_date"] = due
        # A date already behind the reader is flagged, never shown as if it were still ahead.
        item["past"] = due is not None and due < on
        rule = item.get("due_rule")
        days = rule["days_from_arrival"] if rule else None
        item["days_before"] = -days if days is not None and days < 0 else None
        item["days_after"] = days if days is not None and days > 0 else None
        item["duration"] = times.get(item["key"])
        item["is_law"] = bool(rule) and rule.get("kind") == "law"
        item["due_label"] = due_label(rule.get("kind")) if rule else None
    return items


def changes_context(changes: dict | None, titles: dict[str, str]) -> dict | None:
    """The "What changed since this link was made" box: task titles in the reader's language."""
    if not changes or not (changes["added"] or changes["removed"] or changes["changed"]):
        return None
    return {
        "made": dt.date.fromisoformat(changes["made"]),
        "lists": [
            (label, [titles.get(key, key) for key in changes[name]])
            for name, label in (
                ("added", _("New on your list")),
                ("removed", _("No longer on your list")),
                ("changed", _("Changed (who, when or what comes first)")),
            )
            if changes[name]
        ],
    }


def task_titles(language: str) -> dict[str, str]:
    """Every task's title in ``language`` (a removed task is named too, while it exists)."""
    from guides.checklist import catalogue

    return {key: texts[language]["title"] for key, texts in catalogue().texts.items()}


def track_items(items: list[dict], track: str) -> list[dict]:
    """One person's items (theirs and the household's), their own first where the order allows."""
    if track == "all":
        return items
    mine = [i for i in items if track in i["for"] or "household" in i["for"]]
    keys = {i["key"] for i in mine}
    position = {i["key"]: n for n, i in enumerate(mine)}
    waiting = {i["key"]: {d for d in i["depends_on"] if d in keys} for i in mine}
    by_key = {i["key"]: i for i in mine}
    ordered, done = [], set()
    while len(ordered) < len(mine):
        free = [k for k in waiting if k not in done and waiting[k] <= done]
        best = min(free, key=lambda k: (PHASES.index(by_key[k]["phase"]), track not in by_key[k]["for"], position[k]))
        ordered.append(by_key[best])
        done.add(best)
    return ordered


def qr_svg(url: str) -> str:
    """The link as an inline SVG QR code (segno) for the printed checklist: scan it to open the list."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, svgclass="qr-code", lineclass=None, xmldecl=False
    )
    return buffer.getvalue().decode()
