"""What a link looks like to people: its situation in words, and its checklist grouped by phase."""
from django.utils import translation

from firms import checklist
from firms.forms import CHILDREN_CHOICES, FAMILY_CHOICES, PERMIT_CHOICES, STATUS_CHOICES, STAY_CHOICES
from firms.models import PHASES


def situation_summary(link):
    """[(label, value)] in the active language, for the workspace and the print view."""
    from django.utils.translation import gettext as _

    situation = checklist.parse_stored(link.situation)
    rows = [
        (_("Citizenship"), dict(STATUS_CHOICES).get(situation.status, situation.status)),
        (_("Reason for moving"), dict(PERMIT_CHOICES).get(situation.permit, situation.permit)),
        (_("Who is moving"), dict(FAMILY_CHOICES).get(situation.family, situation.family)),
    ]
    if situation.children:
        labels = dict(CHILDREN_CHOICES)
        rows.append((_("Children's ages"), ", ".join(str(labels.get(c, c)) for c in situation.children)))
    if getattr(situation, "partner", None):
        rows.append((_("Partner's citizenship"), dict(STATUS_CHOICES).get(situation.partner, situation.partner)))
    rows.append((_("How long"), dict(STAY_CHOICES).get(situation.stay, situation.stay)))
    return rows


def checklist_context(link, request=None):
    """The link's checklist in the active language: the engine's items plus the firm's, by phase."""
    situation = checklist.parse_stored(link.situation)
    language = translation.get_language() or link.language
    items = checklist.items(situation, language, request=request)
    firm_tasks = list(link.tasks.all())
    phases = []
    for code, label in PHASES:
        phases.append(
            {
                "code": code,
                "label": label,
                "firm_tasks": [
                    {"title": t.title, "due": t.due(link.arrival), "days_from_arrival": t.days_from_arrival}
                    for t in firm_tasks
                    if t.phase == code
                ],
                "items": [item for item in items if checklist.item_phase(item) == code],
            }
        )
    return {"link": link, "firm": link.firm, "situation": situation, "phases": phases, "item_count": len(items)}
