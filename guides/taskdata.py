"""tasks.yaml ⇄ database: the loader behind ``load_tasks`` and the writer behind ``export_tasks``."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from guides.engine import RuleBook, validate

TASKS_FILE = Path(__file__).resolve().parent / "data" / "tasks.yaml"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def read_file(path: Path = TASKS_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def book_from_file(path: Path = TASKS_FILE) -> RuleBook:
    return RuleBook.from_data(read_file(path)["tasks"])


class UnknownAgency(ValueError):
    """A task names an agency the register does not hold."""


class UnknownGuide(ValueError):
    """A task names a guide (by its source-language slug) that the site does not hold."""


def source_guides(tasks: list[dict]) -> dict:
    """The source-language GuidePage of every guide slug the tasks name (``guide``), by slug."""
    from content.models import GuidePage

    wanted = {t["guide"] for t in tasks if t.get("guide")}
    found = {}
    for page in GuidePage.objects.filter(slug__in=wanted, locale__language_code=settings.LANGUAGE_CODE).order_by("pk"):
        found.setdefault(page.slug, page)
    unknown = sorted(wanted - set(found))
    if unknown:
        raise UnknownGuide(
            "Unknown guide(s) in tasks.yaml: "
            + ", ".join(repr(slug) for slug in unknown)
            + ". Guides come from content/data/guides/: run `manage.py load_demo` first, and use their slugs."
        )
    return found


def register_agencies(tasks: list[dict]) -> dict:
    """The register's source-language row for every agency key the tasks name."""
    from content.models import Agency

    wanted = {t["agency"] for t in tasks if t.get("agency")}
    found = {a.slug: a for a in Agency.objects.filter(slug__in=wanted, locale__language_code=settings.LANGUAGE_CODE)}
    unknown = sorted(wanted - set(found))
    if unknown:
        tasks_of = {key: sorted(t["key"] for t in tasks if t.get("agency") == key) for key in unknown}
        raise UnknownAgency(
            "Unknown agency key(s) in tasks.yaml: "
            + "; ".join(f"{key!r} (tasks {', '.join(keys)})" for key, keys in tasks_of.items())
            + ". Agencies come from the register, content/data/agencies.yaml: run `manage.py load_demo` first,"
            " and use its keys."
        )
    return found


@transaction.atomic
def load(data: dict) -> tuple[int, str]:
    """Create or update every task of ``data``; idempotent. Returns (tasks, rules_version).

    Agencies are not created here: a task names a key of the register (content/data/agencies.yaml,
    loaded by ``load_demo``), and an unknown key stops the load.
    """
    from guides.models import Rule, RulesSnapshot, Task

    book = RuleBook.from_data(data["tasks"])
    problems = validate(book.tasks)
    if problems:
        from guides.forms import problem_message

        raise ValueError("; ".join(problem_message(problem) for problem in problems))

    agencies = register_agencies(data["tasks"])
    guides = source_guides(data["tasks"])

    tasks = {}
    for t in data["tasks"]:
        duration = t.get("duration") or {}
        fields = {
            "phase": t["phase"],
            "order": t.get("order") or 0,
            "agency": agencies[t["agency"]] if t.get("agency") else None,
            "guide": guides[t["guide"]] if t.get("guide") else None,
            "days_from_arrival": t.get("days_from_arrival"),
            "due_kind": t.get("due_kind") or "advice",
            "duration_days": duration.get("days"),
            "duration_source": duration.get("source") or "",
            "title": t["title"]["en"],
            "summary": t["summary"]["en"],
        }
        note = t.get("note") or {}
        fields["note"] = note.get("en", "")
        for code in LANGUAGE_CODES:
            fields[f"title_{code}"] = t["title"][code]
            fields[f"summary_{code}"] = t["summary"][code]
            fields[f"note_{code}"] = note.get(code, "")
        task, _created = Task.objects.update_or_create(key=t["key"], defaults=fields)
        tasks[t["key"]] = task
        wanted = [_rule_fields(r) for r in t["rules"]]
        existing = [_rule_fields(r.as_data()) for r in task.rules.all()]
        if wanted != existing:
            task.rules.all().delete()
            for index, rule in enumerate(wanted):
                Rule.objects.create(task=task, sort_order=index, **rule)
    for t in data["tasks"]:
        task = tasks[t["key"]]
        wanted_deps = sorted(t.get("depends_on") or [])
        if sorted(d.key for d in task.depends_on.all()) != wanted_deps:
            # A ParentalManyToManyField is written by save(), not by set().
            task.depends_on.set([tasks[d] for d in wanted_deps])
            task.save()
    Task.objects.exclude(key__in=tasks).delete()
    RulesSnapshot.objects.get_or_create(version=book.version, defaults={"data": book.as_data()})
    from guides.checklist import forget_catalogue

    transaction.on_commit(forget_catalogue)
    return len(tasks), book.version


def _rule_fields(rule: dict) -> dict:
    from guides.models import Rule

    fields = {"persons": list(rule["for"])}
    for field, name in Rule.CONDITION_FIELDS.items():
        fields[field] = list(rule.get(name) or [])
    return fields


def dump() -> dict:
    """The database as tasks.yaml data (same shape as the committed file)."""
    from guides.models import Task

    tasks = []
    phase_rank = {"before": 0, "arrival": 1, "settling": 2}
    for task in sorted(
        Task.objects.select_related("agency", "guide").prefetch_related("rules", "depends_on"),
        key=lambda t: (phase_rank.get(t.phase, 9), t.order, t.key),
    ):
        duration = None
        if task.duration_days is not None or task.duration_source:
            duration = {"days": task.duration_days, "source": task.duration_source}
        entry = {
            "key": task.key,
            "phase": task.phase,
            "order": task.order,
            "agency": task.agency.slug if task.agency else None,
            "guide": task.guide.slug if task.guide_id else None,
            "days_from_arrival": task.days_from_arrival,
        }
        if task.days_from_arrival is not None:  # a kind only where there is a date to be of that kind
            entry["due_kind"] = task.due_kind
        tasks.append(
            {
                **entry,
                "depends_on": sorted(d.key for d in task.depends_on.all()),
                "duration": duration,
                "rules": [r.as_data() for r in task.rules.all()],
                "title": {code: getattr(task, f"title_{code}") or "" for code in LANGUAGE_CODES},
                "summary": {code: getattr(task, f"summary_{code}") or "" for code in LANGUAGE_CODES},
            }
        )
        if any(getattr(task, f"note_{code}") for code in LANGUAGE_CODES):  # for the partner; most have none
            tasks[-1]["note"] = {code: getattr(task, f"note_{code}") or "" for code in LANGUAGE_CODES}
    return {"tasks": tasks}


HEADER = """# Landa checklist tasks: the rules of moving to Sweden, as data (written by `manage.py export_tasks`).
# A task goes on a list when ANY of its rules matches; a rule is an AND of conditions, each a list of
# allowed values (missing = any): status, permit, family, children (groups; one in common matches),
# stay, partner (the partner's citizenship; only with a partner). `for`: who does it.
# `agency`: a key of content/data/agencies.yaml; `guide`: the slug of the task's guide (content/data/guides/).
# Rules: DESIGN.md, "The rules, exactly". Facts: CONTENT.md.
"""


class _Dumper(yaml.SafeDumper):
    """Block style for mappings (one text per line, readable diffs), flow style for short value lists."""


def _list(dumper, data):
    flow = all(isinstance(item, str | int) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _list)


def write(path: Path) -> None:
    text = yaml.dump(dump(), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
    path.write_text(HEADER + "\n" + text, encoding="utf-8")
