"""The questionnaire's questions and answers, with a plain-words explanation of each option."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from guides import vocabulary


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    name: str
    legend: str
    hint: str
    options: tuple[Option, ...]
    multiple: bool = False


def _options(name: str, values: tuple[str, ...], hints: dict[str, str]) -> tuple[Option, ...]:
    """The answers of ``name`` as the vocabulary calls them, each with its explanation."""
    return tuple(Option(value, label, hints.get(value, "")) for value, label in vocabulary.choices(name, values))


#: The mover's and the partner's citizenship are the same answers, explained the same way.
CITIZENSHIP_HINTS = {
    "nordic": _("Denmark, Finland, Iceland or Norway."),
    "eu": _("The 27 countries of the European Union, Iceland, Liechtenstein, Norway (the EEA) and Switzerland."),
    "third-country": _("Any country outside the EU/EEA and Switzerland."),
}

STATUS = Question(
    "status",
    _("Which citizenship do you have?"),
    _("If you have more than one, choose the one that gives you the most rights in Sweden."),
    _options("status", vocabulary.STATUSES, CITIZENSHIP_HINTS),
)

PERMIT_HINTS = {
    "work": _("You have a job offer from an employer in Sweden."),
    "eu-blue-card": _(
        "A permit for highly qualified work with a higher salary; you have a university degree or long experience."
    ),
    "ict": _("Your employer outside the EU sends you to work at its company in Sweden for a while."),
    "research": _("You have an agreement with a research organisation."),
    "self-employed": _("You are self-employed or start a company."),
    "job-seeking": _("You come to find a job or start a business."),
    "study": _("You have a place at a university or college."),
    "family": _("You move to a partner or parent who lives in Sweden."),
}


def permit_question(status: str | None) -> Question:
    """EU/EEA and Nordic citizens need no permit, so they are asked their reason for moving."""
    if status in vocabulary.FREE_MOVEMENT:
        values = vocabulary.PERMITS_WITHOUT_PERMIT
        legend = _("Why are you moving to Sweden?")
        hint = _("You need no permit. Your reason for moving decides some of the steps.")
    else:
        values = vocabulary.PERMITS
        legend = _("Which permit are you applying for?")
        hint = _("Choose the reason you move. If you are not sure, choose “To work for an employer”.")
    return Question("permit", legend, hint, _options("permit", values, PERMIT_HINTS))


FAMILY = Question(
    "family",
    _("Who is moving with you?"),
    _("A partner is a husband, wife, registered partner or someone you live with (sambo)."),
    _options("family", vocabulary.FAMILIES, {}),
)

CHILDREN = Question(
    "children",
    _("How old are the children?"),
    _("Choose every group that fits one of your children."),
    _options(
        "children",
        vocabulary.CHILDREN,
        {
            "preschool": _("Preschool age (förskola)."),
            "school": _("Compulsory school age (grundskola)."),
            "upper-secondary": _("Upper secondary school age (gymnasium)."),
        },
    ),
    multiple=True,
)

PARTNER = Question(
    "partner",
    _("Which citizenship does your partner have?"),
    _("Some steps depend on it, for example whether your partner needs a residence card."),
    _options("partner", vocabulary.CITIZENSHIPS, CITIZENSHIP_HINTS),
)

STAY = Question(
    "stay",
    _("How long do you plan to stay?"),
    _("Your plan today is enough; you can change the answer later."),
    _options(
        "stay",
        vocabulary.STAYS,
        {
            "long": _("You will be registered as living in Sweden and get a personal identity number."),
            "short": _("You get a coordination number instead of a personal identity number."),
        },
    ),
)


def question(name: str, answers: dict) -> Question:
    """The question ``name`` as this reader is asked it (the permit question depends on the citizenship)."""
    if name == "permit":
        return permit_question(answers.get("status"))
    return {"status": STATUS, "family": FAMILY, "children": CHILDREN, "partner": PARTNER, "stay": STAY}[name]
