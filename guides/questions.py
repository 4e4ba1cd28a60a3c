"""The questionnaire's questions and answers, with a plain-words explanation of each option."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from guides.situation import PERMITS, PERMITS_WITHOUT_PERMIT


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


STATUS = Question(
    "status",
    _("Which citizenship do you have?"),
    _("If you have more than one, choose the one that gives you the most rights in Sweden."),
    (
        Option("nordic", _("A Nordic country"), _("Denmark, Finland, Iceland or Norway.")),
        Option(
            "eu",
            _("An EU/EEA country or Switzerland"),
            _("The 27 countries of the European Union, Iceland, Liechtenstein, Norway (the EEA) and Switzerland."),
        ),
        Option(
            "third-country", _("A country outside the EU/EEA"), _("Any country outside the EU/EEA and Switzerland.")
        ),
    ),
)

PERMIT_OPTIONS = {
    "work": Option("work", _("To work for an employer"), _("You have a job offer from an employer in Sweden.")),
    "eu-blue-card": Option(
        "eu-blue-card",
        _("EU Blue Card"),
        _("A permit for highly qualified work with a higher salary; you have a university degree or long experience."),
    ),
    "ict": Option(
        "ict",
        _("Intra-company transfer (ICT)"),
        _("Your employer outside the EU sends you to work at its company in Sweden for a while."),
    ),
    "research": Option("research", _("To do research"), _("You have an agreement with a research organisation.")),
    "self-employed": Option(
        "self-employed", _("To run your own business"), _("You are self-employed or start a company.")
    ),
    "job-seeking": Option("job-seeking", _("To look for work"), _("You come to find a job or start a business.")),
    "study": Option("study", _("To study"), _("You have a place at a university or college.")),
    "family": Option("family", _("To live with family"), _("You move to a partner or parent who lives in Sweden.")),
}


def permit_question(status: str | None) -> Question:
    """EU/EEA and Nordic citizens need no permit, so they are asked their reason for moving."""
    if status in ("eu", "nordic"):
        values = PERMITS_WITHOUT_PERMIT
        legend = _("Why are you moving to Sweden?")
        hint = _("You need no permit. Your reason for moving decides some of the steps.")
    else:
        values = PERMITS
        legend = _("Which permit are you applying for?")
        hint = _("Choose the reason you move. If you are not sure, choose “To work for an employer”.")
    return Question("permit", legend, hint, tuple(PERMIT_OPTIONS[v] for v in values))


FAMILY = Question(
    "family",
    _("Who is moving with you?"),
    _("A partner is a husband, wife, registered partner or someone you live with (sambo)."),
    (
        Option("alone", _("Nobody, I move alone")),
        Option("partner", _("My partner")),
        Option("children", _("My children")),
        Option("partner-children", _("My partner and my children")),
    ),
)

CHILDREN = Question(
    "children",
    _("How old are the children?"),
    _("Choose every group that fits one of your children."),
    (
        Option("preschool", _("1 to 5 years"), _("Preschool age (förskola).")),
        Option("school", _("6 to 15 years"), _("Compulsory school age (grundskola).")),
        Option("upper-secondary", _("16 to 19 years"), _("Upper secondary school age (gymnasium).")),
    ),
    multiple=True,
)

PARTNER = Question(
    "partner",
    _("Which citizenship does your partner have?"),
    _("Some steps depend on it, for example whether your partner needs a residence card."),
    (
        Option("nordic", _("A Nordic country"), _("Denmark, Finland, Iceland or Norway.")),
        Option(
            "eu",
            _("An EU/EEA country or Switzerland"),
            _("The European Union, Iceland, Liechtenstein, Norway and Switzerland."),
        ),
        Option(
            "third-country", _("A country outside the EU/EEA"), _("Any country outside the EU/EEA and Switzerland.")
        ),
    ),
)

STAY = Question(
    "stay",
    _("How long do you plan to stay?"),
    _("Your plan today is enough; you can change the answer later."),
    (
        Option(
            "long",
            _("One year or more"),
            _("You will be registered as living in Sweden and get a personal identity number."),
        ),
        Option(
            "short", _("Less than a year"), _("You get a coordination number instead of a personal identity number.")
        ),
    ),
)


def question(name: str, answers: dict) -> Question:
    if name == "permit":
        return permit_question(answers.get("status"))
    return {"status": STATUS, "family": FAMILY, "children": CHILDREN, "partner": PARTNER, "stay": STAY}[name]


def label(name: str, value: str) -> str:
    """The answer as the reader chose it, for the summary of their situation."""
    if name == "permit":
        return PERMIT_OPTIONS[value].label
    for option in question(name, {}).options:
        if option.value == value:
            return option.label
    return value
