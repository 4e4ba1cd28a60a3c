"""The scenario snapshot: every combination of answers and its checklist's task keys, in order.

Regenerate after a reviewed rule change (the diff shows the change's whole effect):

    .venv/bin/python -m tests.scenarios.snapshot
"""

import os
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "snapshot.txt"


def label(s) -> str:
    return " ".join([s.status, s.permit, s.family, ",".join(s.children) or "-", s.partner or "-", s.stay])


def entry(item) -> str:
    """A key, with its due rule's kind when it has one: ``register-population(law)``."""
    return f"{item.key}({item.rule_kind})" if item.rule_kind else item.key


def render() -> str:
    from guides.engine import build
    from guides.situation import every_situation
    from guides.taskdata import book_from_file

    book = book_from_file()
    lines = [
        "# status permit family children partner stay: task keys in checklist order; a dated task's key is followed by"
        " its due rule's kind, (law) or (advice)",
        "# regenerate: .venv/bin/python -m tests.scenarios.snapshot",
    ]
    for situation in every_situation():
        lines.append(f"{label(situation)}: {' '.join(entry(item) for item in build(book, situation))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
