"""Questionnaire, result page, task page, calendar and JSON API: thin adapters around the engine.

The questionnaire asks one question at a time (GOV.UK's "one thing per page"): each page is a plain
GET form that carries the earlier answers as hidden fields, so it works without JavaScript, the
permit question can offer only the options that fit the citizenship given, and every step is a
link. The answers in the URL are the whole state; with all five required answers the same URL is
the result page, which the reader can share, print or bookmark.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from guides import presenter
from guides.changes import parse_since
from guides.checklist import catalogue, count_checklist, make_checklist
from guides.questionnaire import Questionnaire
from guides.situation import (
    FAMILIES_WITH_PARTNER,
    InvalidSituation,
    latest_arrival,
    missing_required,
    parse_situation,
    situation_from_answers,
    today,
)
from guides.vocabulary import FAMILIES_WITH_CHILDREN, FIELDS, TRACKS, label

log = logging.getLogger(__name__)
LANGUAGE_CODES = ("en", "sv", "ar", "so")
#: Changing an answer asks again the answers that depend on it.
#: (The stay question comes after the partner's, so a new family situation asks it again too.)
DEPENDENT = {"status": ("permit",), "family": ("children", "partner", "stay")}
#: The last page asks the stay and the two optional answers: the arrival date and, last, the place.
LAST_PAGE = ["stay", "arrival", "municipality"]


def _language() -> str:
    return translation.get_language() or "en"


def _flow(answers: dict) -> list[str]:
    """The questions this reader is asked, in order."""
    names = ["status", "permit", "family"]
    if answers.get("family") in FAMILIES_WITH_CHILDREN:
        names.append("children")
    if answers.get("family") in FAMILIES_WITH_PARTNER:
        names.append("partner")
    names.append("stay")
    return names


def _next_question(answers: dict) -> str | None:
    missing = missing_required(answers)
    if not missing:
        return None
    first = missing[0]
    if first == "stay" and answers.get("family") in FAMILIES_WITH_PARTNER and "partner" not in answers:
        return "partner"
    return first


def _hidden(answers: dict, shown: set[str]) -> list[tuple[str, str]]:
    out = []
    for name in FIELDS:
        if name in shown or name not in answers:
            continue
        value = answers[name]
        if name == "children":
            value = ",".join(value)
        elif name == "arrival":
            value = value.isoformat()
        out.append((name, value))
    return out


def _ask(request) -> tuple[Questionnaire, dict, dict[str, list[str]]]:
    """The questionnaire bound to the query: the form, the answers given so far and their errors."""
    form = Questionnaire(request.GET)
    form.is_valid()
    return form, form.cleaned_data, {name: list(messages) for name, messages in form.errors.items()}


def _question_page(request, form, errors, shown: list[str], status: int, change: str | None = None):
    answers = form.cleaned_data
    flow = _flow(answers)
    first = shown[0]
    step = flow.index(first) + 1 if first in flow else len(flow)
    back = None
    if first in flow and flow.index(first) > 0:
        previous = flow[flow.index(first) - 1]
        back = _change_url(answers, previous)
    error_summary = [(name, message) for name in shown for message in errors.get(name, [])]
    # Errors in answers not shown on this page (e.g. a hand-edited link) are listed too, never lost.
    error_summary += [(name, message) for name, messages in errors.items() if name not in shown for message in messages]
    return render(
        request,
        "guides/questionnaire.html",
        {
            "fields": form.asking(shown),
            "hidden": _hidden(answers, set(shown) | set(errors)),
            "step": step,
            # The total counts only the questions this reader will be asked: unknown until the family
            # answer decides whether the children's and the partner's questions come.
            "steps": len(flow) if answers.get("family") else None,
            "back_url": back,
            "error_summary": error_summary,
            "change": change,
            "shown": shown,
        },
        status=status,
    )


def _change_url(answers: dict, name: str) -> str:
    from urllib.parse import urlencode

    drop = set(DEPENDENT.get(name, ()))
    items = _hidden(answers, drop)
    items.append(("change", name))
    return "?" + urlencode(items, safe=",")


@require_safe
def checklist(request):
    """/<lang>/checklist/: the next question (200), the result (200), or the answers' errors (400)."""
    form, answers, errors = _ask(request)
    if errors:
        shown = [n for n in FIELDS if n in errors]
        return _question_page(request, form, errors, shown, status=400)
    change = request.GET.get("change", "")
    if change in _flow(answers):  # a question this reader is asked (no partner question without one)
        if change == "stay":
            return _question_page(request, form, {}, LAST_PAGE, status=200, change=change)
        return _question_page(request, form, {}, [change], status=200, change=change)
    if change == "municipality" and not missing_required(answers):
        return _question_page(request, form, {}, ["municipality"], status=200, change=change)
    following = _next_question(answers)
    if following is not None:
        shown = LAST_PAGE if following == "stay" else [following]
        return _question_page(request, form, {}, shown, status=200)
    since, since_errors = parse_since(request.GET)
    if since_errors:  # a hand-edited link: the answers stand, the message is in the summary
        return _question_page(request, form, since_errors, LAST_PAGE, status=400)
    return _result(request, situation_from_answers(answers), since=since)


def _answers(situation) -> dict:
    return {name: getattr(situation, name) for name in FIELDS if getattr(situation, name)}


def _result(request, situation, since=None):
    language = _language()
    data = make_checklist(situation, language, request, since=since)
    answers = _answers(situation)
    context = presenter.checklist_page(
        situation,
        data,
        track=request.GET.get("track", "all"),
        on=today(),
        keep=situation.query_items(),
        since=since,
        calendar="calendar.ics",
        change_place=_change_url(answers, "municipality"),
    )
    share_url = data["share_url"]
    context.update(
        checklist=data,
        rules_version=data["rules_version"],
        summary=presenter.answer_summary(situation, lambda name: _change_url(answers, name)),
        share_url=share_url,
        partner_url=share_url + "&track=partner" if situation.has_partner else None,
        print_view=request.GET.get("view") == "print",
        qr=presenter.qr_svg(share_url),
        storage_key="landa:checklist:" + situation.key,
        offline=True,
        arrival_hidden=_hidden(answers, {"arrival"}),
        arrival_max=latest_arrival().isoformat(),
    )
    response = render(request, "guides/result.html", context)
    count_checklist(response, situation, language)
    return response


@require_safe
def task_page(request, key):
    """A task on its own, in the reader's language: the guide link of last resort (and useful alone)."""
    cat = catalogue()
    if key not in cat.texts:
        raise Http404
    language = _language()
    task = next(t for t in cat.book.tasks if t.key == key)
    agency = cat.agencies.get(key)
    duration = cat.durations.get(key)
    return render(
        request,
        "guides/task.html",
        {
            "key": key,
            "title": cat.texts[key][language]["title"],
            "summary": cat.texts[key][language]["summary"],
            "phase_label": label("phase", task.phase),
            "agency": {"key": agency["key"], "name": agency["name"][language], "url": agency["url"]}
            if agency
            else None,
            "duration": duration,
            "days": task.days_from_arrival,
            "needs": [(d, cat.texts[d][language]["title"]) for d in task.depends_on if d in cat.texts],
        },
    )


def _errors_page(request, errors):
    """The whole situation's errors (the missing answers too) on the questions they belong to."""
    form, _answers, found = _ask(request)
    for name, messages in errors.items():
        if name not in found:
            form.add_error(name, messages)
    shown = [n for n in FIELDS if n in errors]
    return _question_page(request, form, errors, shown, status=400)


@require_safe
def calendar(request):
    """/<lang>/checklist/calendar.ics: one all-day event per dated item (RFC 5545, icalendar)."""
    try:
        situation = parse_situation(request.GET)
    except InvalidSituation as invalid:
        return _errors_page(request, invalid.errors)
    language = _language()
    data = make_checklist(situation, language, request)
    # The person chosen on the page: their own dated items (theirs and the household's) only.
    track = request.GET.get("track", "all")
    items = presenter.track_items(data["items"], track if track in TRACKS else "all")
    ics = presenter.calendar_file(items, language=language, uid=situation.as_query(), on=today())
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="landa-checklist.ics"'
    return response


__all__ = ["checklist", "task_page", "calendar", "today"]
