"""How a checklist reads to a person: the one presenter of the result page /<lang>/checklist/ and of a
firm's client page /<lang>/c/<code> (and its print and calendar file).

The engine and ``make_checklist`` give the data (the JSON API's shape); this adds what a page shows
beside it, in the active language: the answers in words, the person tracks, the items by phase (with a
firm's own tasks), and for each item who does it, what it needs first, when (a date or days from
arrival), whether that date is a limit set by law or a date to aim for, and whether it has passed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from guides import questions
from guides.vocabulary import FIELDS, PERSON_LABELS, PHASES, TRACKS, label


def answer_summary(situation, change_url: Callable[[str], str] | None = None) -> list[tuple[str, str, str | None]]:
    """[(question, answer, link to change it or None)] in the active language, worded and ordered as
    the questionnaire asks (the arrival date and the place have their own rows on the page)."""
    answers = {"status": situation.status}
    rows = []
    for name in FIELDS:
        value = getattr(situation, name)
        if name in ("arrival", "municipality") or not value:
            continue
        if name == "children":
            answer = pgettext("list separator", ", ").join(label("children", group) for group in value)
        else:
            answer = label(name, value)
        rows.append((str(questions.question(name, answers).legend), answer, change_url(name) if change_url else None))
    return rows


def tracks_of(situation) -> list[str]:
    """The lists this household can choose: everyone's, the mover's, and the partner's and children's
    when they come."""
    present = {"all", "mover"}
    if situation.has_partner:
        present.add("partner")
    if situation.has_children:
        present.add("children")
    return [track for track in TRACKS if track in present]


def checklist_page(
    situation,
    data: dict,
    *,
    track: str,
    on: dt.date,
    keep: list[tuple[str, str]] = (),
    since: str | None = None,
    calendar: str | None = None,
    firm_tasks: list[dict] = (),
    change_place: str | None = None,
) -> dict:
    """The context of the checklist page (``templates/guides/result.html``) for ``data``.

    ``keep`` are the query parameters every link of the page carries (the answers, on the public page;
    nothing on a firm's link, whose code holds them); ``calendar`` is the calendar file's path;
    ``firm_tasks`` are a firm's own tasks ({"title", "phase", "due"}), shown on every person's list;
    ``change_place`` is the link that asks the municipality again (none on a firm's link)."""
    tracks = tracks_of(situation)
    track = track if track in tracks else "all"
    items = track_items(decorate(data["items"], situation, on, language=data["language"]), track)
    mine = [] if track == "all" else [("track", track)]
    again = [("since", since)] if since else []

    def url(*params):
        return "?" + urlencode([*keep, *params], safe=",")

    for task in firm_tasks:
        task["past"] = task["due"] is not None and task["due"] < on
    return {
        "situation": situation,
        "track": track,
        "track_links": [
            {
                "track": t,
                "label": label("track", t),
                "url": url(*([] if t == "all" else [("track", t)]), *again),
                "current": t == track,
            }
            for t in tracks
        ],
        "groups": [
            {
                "phase": phase,
                "label": label("phase", phase),
                "firm_tasks": [task for task in firm_tasks if task["phase"] == phase],
                "items": [item for item in items if item["phase"] == phase],
            }
            for phase in PHASES
        ],
        "total": len(items) + len(firm_tasks),
        "calendar_url": calendar + ("?" + urlencode([*keep, *mine], safe=",")).rstrip("?")
        if calendar and situation.arrival
        else None,
        "print_url": url(("view", "print"), *mine),
        "changes": changes_context(data.get("changes"), task_titles(data["language"])),
        "place": place_context(data.get("place"), data["language"]),
        "change_place_url": change_place,
    }


def place_context(place: dict | None, language: str) -> dict | None:
    """The contract's ``place`` for the page: each name marked Swedish when it is the Swedish name (no
    page of the place in the reader's language gave it another), so it is read out as Swedish."""
    if place is None:
        return None
    from content.places import municipality, regions

    swedish = {
        "municipality": municipality(place["municipality"]["code"]).name,
        "region": regions()[place["region"]["code"]].name,
    }
    return {
        name: {**ref, "lang": "sv" if language != "sv" and ref["name"] == swedish[name] else None}
        for name, ref in place.items()
    }


def due_label(kind: str | None) -> str:
    """The words before a date: a limit set by law reads differently from a planning aid."""
    return _("Deadline set by law") if kind == "law" else _("Aim to do this by")


def passed_label() -> str:
    return _("This date has passed — do it now.")


def decorate(items: list[dict], situation, on: dt.date, language: str | None = None) -> list[dict]:
    """Add the page's reading to each item (in place, and returned). ``on`` is today's date.

    Typical durations come from the guides in bulk (guides.durations), in the active language; local
    links gain the language their title is in (from the same cached local layer as the data)."""
    from django.utils import translation

    from guides import place
    from guides.checklist import catalogue
    from guides.durations import guide_times

    language = language or translation.get_language() or "en"
    times = guide_times(catalogue(), language)
    found = place.layer(situation, language) if any(item.get("local") for item in items) else None
    people = {key: label("person", key) for key in PERSON_LABELS}
    if situation.family == "alone":
        people["household"] = people["mover"]
    titles = {item["key"]: item["title"] for item in items}
    separator = pgettext("list separator", ", ")  # the Arabic comma in Arabic
    for item in items:
        item["who"] = list(dict.fromkeys(people[p] for p in item["for"]))
        item["who_text"] = separator.join(item["who"])
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
        languages = [link.language for link in found.for_task(item["key"])] if found and item.get("local") else []
        item["local_links"] = [
            {**link, "lang": lang} for link, lang in zip(item.get("local", []), languages, strict=False)
        ]
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


def calendar_file(
    items: list[dict], *, language: str, uid: str, on: dt.date, firm_tasks: list[dict] = (), firm: str = ""
) -> bytes:
    """The dated items (and a firm's dated tasks) as an iCalendar file (RFC 5545, icalendar): one
    all-day event each, saying which kind of date it is and whether it has passed.

    ``uid`` keeps each event's UID stable for the same list, so a calendar re-imports without copies."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Landa//checklist//" + language.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Moving to Sweden: my checklist"))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    key = hashlib.sha256(uid.encode()).hexdigest()[:16]

    def add(event_uid: str, due: dt.date, title: str, kind: str, body: str, url: str | None) -> None:
        event = Event()
        event.add("uid", f"{event_uid}-{key}@landa")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        passed = due < on
        # A date already behind the reader is flagged in the title too, never shown as still ahead.
        event.add("summary", f"{'⚠ ' if passed else ''}{title} – {kind}")
        event.add("categories", [kind])
        warning = f"{passed_label()}\n\n" if passed else ""
        event.add("description", f"{warning}{body}")
        if url:
            event.add("url", url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)

    for item in items:
        if not item["due"]:
            continue
        due = item["due"] if isinstance(item["due"], dt.date) else dt.date.fromisoformat(item["due"])
        # The event's title says which kind of date it is: a legal limit reads apart from a target.
        kind = _("Deadline set by law") if item["due_kind"] == "law" else _("Suggested date")
        body = f"{due_label(item['due_kind'])}: {due.isoformat()}\n\n{item['summary']}\n\n{item['why']}"
        if item.get("local"):  # the municipality's (or region's) own guides for the task
            lines = "\n".join(f"{link['title']} ({link['owner']}): {link['url']}" for link in item["local"])
            body += f"\n\n{_('Where you live')}:\n{lines}"
        add(item["key"], due, item["title"], kind, f"{body}\n\n{item['guide_url']}", item["guide_url"])
    for n, task in enumerate(firm_tasks, start=1):
        if task["due"] is None:
            continue
        source = _("From %(firm)s") % {"firm": firm}
        add(f"firm-{n}", task["due"], task["title"], source, f"{due_label(None)}: {task['due'].isoformat()}", None)
    return cal.to_ical()
