"""The engine is plain Python: it imports, builds a checklist and validates rule data where Django
cannot be imported (DESIGN.md's layering; issue 17, "A pure engine")."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import datetime as dt
    import sys

    sys.modules["django"] = None  # any "import django…" now raises ImportError

    from guides.answers import Situation
    from guides.engine import RuleBook, build, validate

    book = RuleBook.from_data([
        {"key": "bank", "phase": "arrival", "order": 1, "days_from_arrival": 30,
         "depends_on": ["register", "permit"], "rules": [{"for": ["household"]}]},
        {"key": "register", "phase": "arrival", "order": 2, "days_from_arrival": 7, "due_kind": "law",
         "rules": [{"for": ["household"], "stay": ["long"]}]},
        {"key": "permit", "phase": "before", "order": 9, "days_from_arrival": -90,
         "rules": [{"for": ["mover"], "status": ["third-country"]}]},
        {"key": "housing", "phase": "before", "order": 1,
         "rules": [{"for": ["household"]}]},
        {"key": "insurance", "phase": "before", "order": 5, "days_from_arrival": -14,
         "rules": [{"for": ["household"], "status": ["eu", "nordic"]}]},
    ])
    situation = Situation("eu", "work", "alone", (), "long", None, dt.date(2027, 3, 1))
    items = build(book, situation)
    print([i.key for i in items])
    bank = items[-1]
    register = items[2]
    print(bank.depends_on, bank.persons, bank.due.isoformat(), bank.reasons, register.reasons)
    print(register.due_kind, bank.due_kind, items[1].due_kind)
    problems = validate(RuleBook.from_data([
        {"key": "a", "phase": "before", "depends_on": ["b"], "rules": [{"for": ["mover"]}]},
        {"key": "b", "phase": "settling", "depends_on": ["a"], "rules": [{"for": ["mover"]}]},
    ]).tasks)
    print(sorted((p.kind, p.task, p.dependency, p.cycle) for p in problems))
    print(len(book.version), sorted(m for m in sys.modules if m.split(".")[0] == "django" and sys.modules[m]))
    """
)


def test_the_engine_imports_and_builds_a_checklist_without_django():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    order, details, kinds, problems, modules = done.stdout.splitlines()
    # No permit for an EU citizen; the earlier phase first, a due rule before none, a dependency first.
    assert order == "['insurance', 'housing', 'register', 'bank']"
    assert details == "('register',) ('mover',) 2027-03-31 () (('stay', 'long'),)"
    assert kinds == "law advice None"
    assert problems == ("[('cycle', 'a', None, ('a', 'b', 'a')), ('later-phase', 'a', 'b', ())]")
    assert modules == "12 []"


def test_without_django_importing_django_really_fails():
    """The check above can fail: the same trick stops a module that does import Django."""
    script = 'import sys; sys.modules["django"] = None; import guides.situation'
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    last_line = done.stderr.strip().splitlines()[-1]
    assert done.returncode != 0 and last_line.startswith("ModuleNotFoundError") and "django" in last_line
