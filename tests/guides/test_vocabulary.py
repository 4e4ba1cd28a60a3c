"""The checklist's words live in one place (guides.vocabulary) and one presenter shows a checklist."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("content", "firms", "portal", "scripts", "bench")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_outside_guides_imports_the_guides_views():
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "guides.views" in imported_modules(path)
    ]
    assert offenders == []
    # The check itself sees such an import.
    assert "guides.views" in imported_modules(ROOT / "guides" / "urls.py")


def test_the_vocabulary_imports_without_django():
    code = "import sys; sys.modules['django'] = None; import guides.vocabulary as v; print(v.PHASES)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "before" in result.stdout


def test_one_label_per_phase_everywhere():
    from django.utils import translation

    from firms.models import FirmTask
    from guides import vocabulary
    from guides.models import Task

    task = [(v, str(label)) for v, label in Task._meta.get_field("phase").choices]
    firm = [(v, str(label)) for v, label in FirmTask._meta.get_field("phase").choices]
    assert task == firm == [(p, vocabulary.PHASE_LABELS[p]) for p in vocabulary.PHASES]
    assert dict(task)["arrival"] == "When you arrive"
    with translation.override("sv"):
        assert vocabulary.label("phase", "arrival") != "When you arrive"


def test_the_citizenship_answers_are_written_once():
    from guides import questions

    assert questions.STATUS.options == questions.PARTNER.options


def test_the_firms_link_form_offers_the_questionnaires_answers():
    from firms.forms import LinkForm
    from guides import vocabulary

    form = LinkForm()
    for name in ("status", "permit", "family", "stay"):
        assert [v for v, _label in form.fields[name].choices if v] == list(vocabulary.VALUES[name])
    assert [v for v, _label in form.fields["children"].choices] == list(vocabulary.CHILDREN)
    assert LinkForm.situation_fields == vocabulary.FIELDS
