"""An independent reading of DESIGN.md, "The rules, exactly", written from the table and not from
guides/data/tasks.yaml: each task is a function of the answers returning who does it (empty = not on
the list). The scenario suite compares the engine with this oracle for every combination.
"""

THIRD = "third-country"
WORK = {"work", "eu-blue-card", "ict", "research", "self-employed"}


def _p(s):  # +P
    return s["family"] in ("partner", "partner-children")


def _c(s):  # +C
    return s["family"] in ("children", "partner-children")


def _q(s, value):  # the partner's citizenship (only with a partner)
    return _p(s) and s["partner"] == value


def _eun(s):
    return s["status"] in ("eu", "nordic")


def _has(s, *groups):
    return _c(s) and any(g in s["children"] for g in groups)


def _who(*pairs):
    return {person for condition, person in pairs if condition}


# key: (phase, depends on, days from arrival, editorial order, who(s))
TABLE = {
    "apply-permit": ("before", [], -90, 10, lambda s: _who((s["status"] == THIRD, "mover"))),
    "apply-family-permits": (
        "before",
        [],
        -90,
        20,
        lambda s: _who(
            (s["status"] == THIRD and _q(s, THIRD), "partner"), (s["status"] == THIRD and _c(s), "children")
        ),
    ),
    "residence-permit-card": (
        "before",
        ["apply-permit", "apply-family-permits"],
        None,
        30,
        lambda s: _who(
            (s["status"] == THIRD, "mover"),
            (s["status"] == THIRD and _q(s, THIRD), "partner"),
            (s["status"] == THIRD and _c(s), "children"),
        ),
    ),
    "health-insurance": ("before", [], -14, 40, lambda s: _who((s["stay"] == "short", "household"))),
    "gather-documents": ("before", [], -30, 50, lambda s: {"household"}),
    "find-housing": ("before", [], -30, 60, lambda s: {"household"}),
    "preschool-place": ("before", [], -120, 70, lambda s: _who((_has(s, "preschool"), "children"))),
    "school-place": ("before", [], -60, 80, lambda s: _who((_has(s, "school", "upper-secondary"), "children"))),
    "end-home-insurance": (
        "before",
        [],
        -14,
        90,
        lambda s: _who((_eun(s) and s["stay"] == "long" and (_p(s) or _c(s)), "household")),
    ),
    "register-population": (
        "arrival",
        ["apply-permit", "apply-family-permits"],
        7,
        10,
        lambda s: _who((s["stay"] == "long", "household")),
    ),
    "coordination-number": ("arrival", ["apply-permit"], 14, 20, lambda s: _who((s["stay"] == "short", "household"))),
    "id-card": ("arrival", ["register-population"], 30, 30, lambda s: _who((s["stay"] == "long", "household"))),
    "bank-account": ("arrival", ["id-card", "coordination-number"], 30, 40, lambda s: {"household"}),
    "bankid": ("arrival", ["bank-account"], 45, 50, lambda s: _who((s["stay"] == "long", "household"))),
    "social-insurance": (
        "arrival",
        ["register-population"],
        30,
        60,
        lambda s: _who((s["stay"] == "long", "household")),
    ),
    "healthcare": ("arrival", [], None, 70, lambda s: {"household"}),
    "income-tax": ("arrival", [], 14, 80, lambda s: _who((s["permit"] in WORK, "mover"))),
    "school-registration": (
        "arrival",
        ["school-place"],
        14,
        90,
        lambda s: _who((_has(s, "school", "upper-secondary"), "children")),
    ),
    "child-allowance": (
        "arrival",
        ["social-insurance"],
        None,
        100,
        lambda s: _who((s["stay"] == "long" and _has(s, "preschool", "school"), "household")),
    ),
    "expert-tax-relief": (
        "arrival",
        [],
        90,
        110,
        lambda s: _who((s["stay"] == "long" and s["permit"] in WORK - {"self-employed"}, "mover")),
    ),
    "eu-family-residence-card": (
        "arrival",
        ["register-population"],
        90,
        120,
        lambda s: _who((_eun(s) and _q(s, THIRD), "partner")),
    ),
    "sfi": (
        "settling",
        ["register-population"],
        None,
        10,
        lambda s: _who((s["stay"] == "long", "mover"), (s["stay"] == "long" and _p(s), "partner")),
    ),
    "register-job-seeker": (
        "settling",
        ["register-population", "coordination-number"],
        30,
        20,
        lambda s: _who((s["permit"] == "job-seeking", "mover"), (_p(s), "partner")),
    ),
    "validate-education": (
        "settling",
        [],
        None,
        30,
        lambda s: _who((s["permit"] == "job-seeking", "mover"), (_p(s), "partner")),
    ),
    "partner-programme": ("settling", [], 30, 40, lambda s: _who((_p(s), "partner"))),
    "driving-licence": (
        "settling",
        ["register-population"],
        365,
        50,
        lambda s: _who(
            (s["status"] == THIRD and s["stay"] == "long", "mover"), (s["stay"] == "long" and _q(s, THIRD), "partner")
        ),
    ),
    "permit-extension": (
        "settling",
        ["residence-permit-card"],
        None,
        60,
        lambda s: _who(
            (s["status"] == THIRD, "mover"),
            (s["status"] == THIRD and _q(s, THIRD), "partner"),
            (s["status"] == THIRD and _c(s), "children"),
        ),
    ),
    "permanent-residence": (
        "settling",
        ["permit-extension"],
        None,
        70,
        lambda s: _who(
            (
                s["status"] == THIRD
                and s["stay"] == "long"
                and s["permit"] in {"work", "eu-blue-card", "research", "self-employed", "family"},
                "mover",
            ),
            (s["status"] == THIRD and s["stay"] == "long" and _q(s, THIRD), "partner"),
        ),
    ),
    "mother-tongue-tuition": (
        "settling",
        ["school-registration"],
        None,
        80,
        lambda s: _who((_has(s, "school"), "children")),
    ),
    "unemployment-insurance": (
        "settling",
        [],
        None,
        90,
        lambda s: _who((s["stay"] == "long" and s["permit"] in WORK, "mover")),
    ),
    "parental-benefit": (
        "settling",
        ["social-insurance", "end-home-insurance"],
        None,
        100,
        lambda s: _who((s["stay"] == "long" and _has(s, "preschool", "school"), "household")),
    ),
    "children-turning-18": (
        "settling",
        ["permit-extension"],
        None,
        110,
        lambda s: _who((s["status"] == THIRD and _has(s, "upper-secondary"), "children")),
    ),
}
PHASES = ["before", "arrival", "settling"]
#: DESIGN.md, "due_kind": the dated tasks whose date is a limit set by law or by the authority.
LAW = {"register-population", "eu-family-residence-card", "expert-tax-relief", "driving-licence"}


def due_kind(key: str) -> str | None:
    """The kind of a task's due rule: law for the four above, advice for every other dated task."""
    days = TABLE[key][2]
    if days is None:
        return None
    return "law" if key in LAW else "advice"


def checklist(s: dict) -> list[tuple[str, set[str]]]:
    """(key, persons) in order, by a plain selection sort over "free to go next" (no heap, no engine)."""
    applying = {}
    for key, (_phase, _deps, _days, _order, who) in TABLE.items():
        persons = who(s)
        if persons:
            if s["family"] == "alone" and "household" in persons:
                persons = (persons - {"household"}) | {"mover"}
            applying[key] = persons
    placed = []
    while len(placed) < len(applying):
        free = [k for k in applying if k not in placed and all(d in placed or d not in applying for d in TABLE[k][1])]

        def rank(k):
            phase, _deps, days, order, _who = TABLE[k]
            return (PHASES.index(phase), days is None, days or 0, order, k)

        placed.append(min(free, key=rank))
    return [(k, applying[k]) for k in placed]
