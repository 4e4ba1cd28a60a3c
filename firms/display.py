"""What a link looks like to people: its situation in words, and its checklist grouped by phase."""
from django.utils import translation

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


def checklist_context(link, request=None):
    """The link's checklist in the active language: the engine's items plus the firm's, by phase."""
    situation = checklist.parse_stored(link.situation)
    language = translation.get_language() or link.language
    items = _decorate(checklist.items(situation, language, request=request), situation)
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
    return {
        "link": link,
        "firm": link.firm,
        "situation": situation,
        "summary": situation_summary(link),
        "phases": phases,
        "item_count": len(items),
        "firm_task_count": len(firm_tasks),
    }
