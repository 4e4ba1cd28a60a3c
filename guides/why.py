"""``why``: the sentence naming the answers that put an item on the list, in the reader's language.

The engine gives the reasons as data (``Item.reasons``: the matched rules' non-empty conditions as
(field, value) pairs); this composes them from translated fragments, never a sentence per task
(DESIGN.md, "The checklist contract" → ``why``). An item with no reasons is everyone's.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _fragment(field_name: str, value: str) -> str:
    """One answer as a clause in the active language."""
    fragments = {
        ("status", "third-country"): lambda: _("you are a citizen of a country outside the EU/EEA"),
        ("status", "eu"): lambda: _("you are a citizen of an EU/EEA country or Switzerland"),
        ("status", "nordic"): lambda: _("you are a citizen of a Nordic country"),
        ("permit", "work"): lambda: _("you move to work"),
        ("permit", "eu-blue-card"): lambda: _("you move with an EU Blue Card"),
        ("permit", "ict"): lambda: _("you move on an intra-company transfer (ICT)"),
        ("permit", "research"): lambda: _("you move to do research"),
        ("permit", "self-employed"): lambda: _("you move to run your own business"),
        ("permit", "job-seeking"): lambda: _("you move to look for work"),
        ("permit", "study"): lambda: _("you move to study"),
        ("permit", "family"): lambda: _("you move to join family"),
        ("family", "with-partner"): lambda: _("your partner comes with you"),
        ("family", "with-children"): lambda: _("your children come with you"),
        ("family", "with-family"): lambda: _("your family comes with you"),
        ("children", "preschool"): lambda: _("a child of preschool age comes with you"),
        ("children", "school"): lambda: _("a child of school age comes with you"),
        ("children", "upper-secondary"): lambda: _("a child of upper-secondary school age comes with you"),
        ("stay", "long"): lambda: _("you plan to stay a year or more"),
        ("stay", "short"): lambda: _("you plan to stay less than a year"),
        ("partner", "third-country"): lambda: _("your partner is a citizen of a country outside the EU/EEA"),
        ("partner", "eu"): lambda: _("your partner is a citizen of an EU/EEA country or Switzerland"),
        ("partner", "nordic"): lambda: _("your partner is a citizen of a Nordic country"),
    }
    return fragments[(field_name, value)]()


def explain(reasons: Iterable[tuple[str, str]], language: str) -> str:
    """``why`` in ``language``: "Because A, B and C." or, for a rule with no conditions, "Everyone …"."""
    return _explain(tuple(reasons), language)


@functools.lru_cache(maxsize=4096)
def _explain(reasons: tuple[tuple[str, str], ...], language: str) -> str:
    """Memoised: the same answers always read the same way (the catalogues do not change at run time)."""
    with translation.override(language):
        if not reasons:
            return _("Everyone who moves to Sweden does this.")
        clauses = [_fragment(f, v) for f, v in reasons]
        if len(clauses) == 1:
            joined = clauses[0]
        else:
            joined = pgettext("list", "%(items)s and %(last)s") % {
                "items": pgettext("list separator", ", ").join(clauses[:-1]),
                "last": clauses[-1],
            }
        return _("Because %(reasons)s.") % {"reasons": joined}
