"""What a link looks like to people: its situation in words, and its checklist grouped by phase."""
from django.utils import translation
from django.utils.translation import gettext as _

from firms import checklist
from firms.models import PHASES
from guides import questions


def situation_summary(link):
    """[(question, answer)] in the active language, worded as in the questionnaire."""
    situation = checklist.parse_stored(link.situation)
    answers = {"status": situation.status}
    rows = [
        (questions.STATUS.legend, questions.label("status", situation.status)),
        (questions.question("permit", answers).legend, questions.label("permit", situation.permit)),
        (questions.FAMILY.legend, questions.label("family", situation.family)),
    ]
    if situation.children:
        rows.append(
            (questions.CHILDREN.legend, ", ".join(str(questions.label("children", c)) for c in situation.children))
        )
    if situation.partner:
        rows.append((questions.PARTNER.legend, questions.label("partner", situation.partner)))
    rows.append((questions.STAY.legend, questions.label("stay", situation.stay)))
    return rows


def _decorate(items, situation):
    """The result page's reading of each item (guides' one presenter)."""
    from guides.presenter import decorate
    from guides.situation import today

    return decorate(items, situation, today())


def track_query_of(track: str) -> str:
    return "" if track == "all" else f"track={track}"


TRACK_LABELS = {
    "all": lambda: _("Everyone"),
    "mover": lambda: _("You"),
    "partner": lambda: _("Your partner"),
    "children": lambda: _("Your children"),
}


def checklist_context(link, request=None, track="all"):
    """The link's checklist in the active language: the engine's items plus the firm's, by phase, and
    what changed since the link was made (under the rules version it stored)."""
    from guides.presenter import changes_context, task_titles, track_items

    situation = checklist.parse_stored(link.situation)
    language = translation.get_language() or link.language
    data = checklist.checklist(situation, language, request=request, since=link.rules_version)
    items = _decorate(data["items"], situation)
    tracks = ["all", "mover"] + (["partner"] if situation.has_partner else [])
    tracks += ["children"] if situation.has_children else []
    track = track if track in tracks else "all"
    items = track_items(items, track)
    firm_tasks = list(link.tasks.all())
    phases = []
    for code, label in PHASES:
        phases.append(
            {
                "code": code,
                "label": label,
                "firm_tasks": [
                    {"title": t.title, "due": t.due(situation.arrival), "days_from_arrival": t.days_from_arrival}
                    for t in firm_tasks
                    if t.phase == code
                ],
                "items": [item for item in items if item["phase"] == code],
            }
        )
    track_query = "" if track == "all" else f"&track={track}"
    return {
        "track": track,
        "track_links": [
            {"track": t, "label": TRACK_LABELS[t](), "url": "?" + track_query_of(t), "current": t == track}
            for t in tracks
        ],
        # The public calendar file of the same answers (the firm's own tasks are on the page and its print).
        "calendar_url": f"/{language}/checklist/calendar.ics?{situation.as_query()}{track_query}"
        if situation.arrival
        else None,
        "print_url": "?view=print" + track_query,
        "storage_key": f"landa:link:{link.code}",
        "link": link,
        "firm": link.firm,
        "situation": situation,
        "summary": situation_summary(link),
        "phases": phases,
        "changes": changes_context(data.get("changes"), task_titles(language)),
        "item_count": len(items),
        "firm_task_count": len(firm_tasks),
    }
