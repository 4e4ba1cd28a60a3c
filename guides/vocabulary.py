"""The checklist's words, in one place: the answers (fields and their values), the phases, the persons,
and what each is called on a page.

Everything that lists answers, phases or persons (the parser, the engine, the questionnaire, the result
page, a firm's link form and its client page, the task models) reads it from here, so the lists cannot
drift apart. Importing this module needs no Django (the engine is a pure function): the labels are
English message ids, marked for ``makemessages`` and translated when they are shown (:func:`label`,
:func:`choices`).
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Marks a message for translation (``makemessages`` knows the name) without translating it yet."""
    return message


#: The answers in the order the questionnaire asks them and the canonical query string lists them.
FIELDS = ("status", "permit", "family", "children", "partner", "stay", "arrival", "municipality")
#: The answers every checklist needs (the children's ages too, when children come).
REQUIRED = ("status", "permit", "family", "stay")
#: The answers a rule can have a condition on.
CONDITIONS = ("status", "permit", "family", "children", "stay", "partner")

STATUSES = ("nordic", "eu", "third-country")
CITIZENSHIPS = STATUSES  # the partner's citizenship: the same answers as the mover's
PERMITS = ("work", "eu-blue-card", "ict", "research", "self-employed", "job-seeking", "study", "family")
#: Reasons for moving open to EU/EEA and Nordic citizens (they need no permit, so no permit-only kinds).
PERMITS_WITHOUT_PERMIT = ("work", "self-employed", "job-seeking", "study", "family")
#: Citizens who need no permit.
FREE_MOVEMENT = ("nordic", "eu")
FAMILIES = ("alone", "partner", "children", "partner-children")
FAMILIES_WITH_PARTNER = ("partner", "partner-children")
FAMILIES_WITH_CHILDREN = ("children", "partner-children")
CHILDREN = ("preschool", "school", "upper-secondary")
STAYS = ("long", "short")

#: The values each single or multiple choice answer can take (the date has none).
VALUES = {
    "status": STATUSES,
    "permit": PERMITS,
    "family": FAMILIES,
    "children": CHILDREN,
    "partner": CITIZENSHIPS,
    "stay": STAYS,
}

PHASES = ("before", "arrival", "settling")
#: Whom an item is for; "household" is everyone moving.
PERSONS = ("mover", "partner", "children", "household")
#: The lists a reader can choose to see: everyone's, or one person's (theirs and the household's).
TRACKS = ("all", "mover", "partner", "children")
#: A due rule is a limit set by law (or by the authority), or a planning aid.
DUE_KINDS = ("law", "advice")

_CITIZENSHIP_LABELS = {
    "nordic": gettext_noop("A Nordic country"),
    "eu": gettext_noop("An EU/EEA country or Switzerland"),
    "third-country": gettext_noop("A country outside the EU/EEA"),
}

#: What each answer is called, as the reader chose it (the questionnaire's options, the summary).
ANSWER_LABELS = {
    "status": _CITIZENSHIP_LABELS,
    "partner": _CITIZENSHIP_LABELS,
    "permit": {
        "work": gettext_noop("To work for an employer"),
        "eu-blue-card": gettext_noop("EU Blue Card"),
        "ict": gettext_noop("Intra-company transfer (ICT)"),
        "research": gettext_noop("To do research"),
        "self-employed": gettext_noop("To run your own business"),
        "job-seeking": gettext_noop("To look for work"),
        "study": gettext_noop("To study"),
        "family": gettext_noop("To live with family"),
    },
    "family": {
        "alone": gettext_noop("Nobody, I move alone"),
        "partner": gettext_noop("My partner"),
        "children": gettext_noop("My children"),
        "partner-children": gettext_noop("My partner and my children"),
    },
    "children": {
        "preschool": gettext_noop("1 to 5 years"),
        "school": gettext_noop("6 to 15 years"),
        "upper-secondary": gettext_noop("16 to 19 years"),
    },
    "stay": {
        "long": gettext_noop("One year or more"),
        "short": gettext_noop("Less than a year"),
    },
}

PHASE_LABELS = {
    "before": gettext_noop("Before you move"),
    "arrival": gettext_noop("When you arrive"),
    "settling": gettext_noop("Settling in"),
}

PERSON_LABELS = {
    "mover": gettext_noop("You"),
    "partner": gettext_noop("Your partner"),
    "children": gettext_noop("Your children"),
    "household": gettext_noop("The whole family"),
}

TRACK_LABELS = {
    "all": gettext_noop("Everyone"),
    "mover": PERSON_LABELS["mover"],
    "partner": PERSON_LABELS["partner"],
    "children": PERSON_LABELS["children"],
}

_TABLES = {"phase": PHASE_LABELS, "person": PERSON_LABELS, "track": TRACK_LABELS, **ANSWER_LABELS}


def label(name: str, value: str) -> str:
    """What ``value`` of ``name`` (an answer's field, or "phase", "person", "track") is called, in the
    active language; an unknown value is shown as it is."""
    from django.utils.translation import gettext

    message = _TABLES[name].get(value)
    return gettext(message) if message else value


def choices(name: str, values: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """``[(value, label)]`` for a form field or a model's ``choices``, translated when shown."""
    from django.utils.translation import gettext_lazy

    table = _TABLES[name]
    return [(value, gettext_lazy(table[value])) for value in (values or tuple(table))]
