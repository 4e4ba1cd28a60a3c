"""Questionnaire, result page, task page, calendar and JSON API: thin adapters around the engine.

The questionnaire asks one question at a time (GOV.UK's "one thing per page"): each page is a plain
GET form that carries the earlier answers as hidden fields, so it works without JavaScript, the
permit question can offer only the options that fit the citizenship given, and every step is a
link. The answers in the URL are the whole state; with all five required answers the same URL is
the result page, which the reader can share, print or bookmark.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from guides import questions
from guides.changes import parse_since
from guides.checklist import catalogue, count_checklist, make_checklist, result_url
from guides.engine import PHASES
from guides.presenter import changes_context, decorate, due_label, passed_label, qr_svg, task_titles
from guides.presenter import track_items as _track_items
from guides.situation import (
    FAMILIES_WITH_PARTNER,
    InvalidSituation,
    latest_arrival,
    missing_required,
    parse_partial,
    parse_situation,
    situation_from_answers,
    today,
)

log = logging.getLogger(__name__)
LANGUAGE_CODES = ("en", "sv", "ar", "so")
TRACKS = ("all", "mover", "partner", "children")
#: Changing an answer asks again the answers that depend on it.
#: (The stay question comes after the partner's, so a new family situation asks it again too.)
DEPENDENT = {"status": ("permit",), "family": ("children", "partner", "stay")}


def _language() -> str:
    return translation.get_language() or "en"


def _flow(answers: dict) -> list[str]:
    """The questions this reader is asked, in order."""
    names = ["status", "permit", "family"]
    if answers.get("family") in ("children", "partner-children"):
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
    for name in ("status", "permit", "family", "children", "partner", "stay", "arrival"):
        if name in shown or name not in answers:
            continue
        value = answers[name]
        if name == "children":
            value = ",".join(value)
        elif name == "arrival":
            value = value.isoformat()
        out.append((name, value))
    return out


def _field(name: str, answers: dict, errors: dict, raw) -> dict:
    if name == "arrival":
        value = answers["arrival"].isoformat() if "arrival" in answers else (raw.get("arrival", "")[:64])
        return {
            "name": "arrival",
            "is_date": True,
            "value": value,
            "errors": errors.get("arrival", []),
            "min": "2000-01-01",
            "max": latest_arrival().isoformat(),
        }
    q = questions.question(name, answers)
    current = answers.get(name)
    selected = set(current) if name == "children" and current else ({current} if current else set())
    if name == "partner" and not current and answers.get("status"):
        selected = {answers["status"]}
    return {"name": name, "question": q, "selected": selected, "errors": errors.get(name, [])}


def _question_page(request, answers, errors, shown: list[str], status: int, change: str | None = None):
    flow = _flow(answers)
    first = shown[0]
    step = flow.index(first) + 1 if first in flow else len(flow)
    back = None
    if first in flow and flow.index(first) > 0:
        previous = flow[flow.index(first) - 1]
        back = _change_url(answers, previous)
    fields = [_field(name, answers, errors, request.GET) for name in shown]
    error_summary = [(name, message) for name in shown for message in errors.get(name, [])]
    # Errors in answers not shown on this page (e.g. a hand-edited link) are listed too, never lost.
    error_summary += [(name, message) for name, messages in errors.items() if name not in shown for message in messages]
    return render(
        request,
        "guides/questionnaire.html",
        {
            "fields": fields,
            "hidden": _hidden(answers, set(shown) | set(errors)),
            "step": step,
            # The total counts only the questions this reader will be asked: unknown until the family
            # answer decides whether the children's and the partner's questions come.
            "steps": len(flow) if answers.get("family") else None,
            "back_url": back,
            "error_summary": error_summary,
            "change": change,
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
    answers, errors = parse_partial(request.GET)
    if errors:
        shown = [n for n in ("status", "permit", "family", "children", "partner", "stay", "arrival") if n in errors]
        return _question_page(request, answers, errors, shown, status=400)
    change = request.GET.get("change", "")
    if change in _flow(answers):  # a question this reader is asked (no partner question without one)
        if change == "stay":
            return _question_page(request, answers, {}, ["stay", "arrival"], status=200, change=change)
        return _question_page(request, answers, {}, [change], status=200, change=change)
    following = _next_question(answers)
    if following is not None:
        shown = [following, "arrival"] if following == "stay" else [following]
        return _question_page(request, answers, {}, shown, status=200)
    since, since_errors = parse_since(request.GET)
    if since_errors:  # a hand-edited link: the answers stand, the message is in the summary
        return _question_page(request, answers, since_errors, ["stay", "arrival"], status=400)
    return _result(request, situation_from_answers(answers), since=since)


PHASE_LABELS = {
    "before": lambda: _("Before you move"),
    "arrival": lambda: _("When you arrive"),
    "settling": lambda: _("Settling in"),
}


def _result(request, situation, since=None):
    language = _language()
    data = make_checklist(situation, language, request, since=since)
    track = request.GET.get("track", "all")
    tracks = ["all", "mover"]
    if situation.has_partner:
        tracks.append("partner")
    if situation.has_children:
        tracks.append("children")
    if track not in tracks:
        track = "all"
    decorate(data["items"], situation, today())
    items = _track_items(data["items"], track)
    groups = [
        {"phase": phase, "label": PHASE_LABELS[phase](), "items": [i for i in items if i["phase"] == phase]}
        for phase in PHASES
    ]
    answers = {
        "status": situation.status,
        "permit": situation.permit,
        "family": situation.family,
        "children": situation.children,
        "partner": situation.partner,
        "stay": situation.stay,
        "arrival": situation.arrival,
    }
    answers = {k: v for k, v in answers.items() if v}
    summary = [
        (
            questions.question("status", answers).legend,
            questions.label("status", situation.status),
            _change_url(answers, "status"),
        ),
        (
            questions.question("permit", answers).legend,
            questions.label("permit", situation.permit),
            _change_url(answers, "permit"),
        ),
        (
            questions.question("family", answers).legend,
            questions.label("family", situation.family),
            _change_url(answers, "family"),
        ),
    ]
    if situation.children:
        summary.append(
            (
                questions.CHILDREN.legend,
                pgettext("list separator", ", ").join(str(questions.label("children", c)) for c in situation.children),
                _change_url(answers, "children"),
            )
        )
    if situation.partner:
        summary.append(
            (questions.PARTNER.legend, questions.label("partner", situation.partner), _change_url(answers, "partner"))
        )
    summary.append((questions.STAY.legend, questions.label("stay", situation.stay), _change_url(answers, "stay")))
    base_query = situation.as_query()
    track_query = "" if track == "all" else f"&track={track}"
    track_links = [
        {
            "track": t,
            "label": {
                "all": _("Everyone"),
                "mover": _("You"),
                "partner": _("Your partner"),
                "children": _("Your children"),
            }[t],
            "url": "?" + base_query + ("" if t == "all" else f"&track={t}") + (f"&since={since}" if since else ""),
            "current": t == track,
        }
        for t in tracks
    ]
    response = render(
        request,
        "guides/result.html",
        {
            "checklist": data,
            "changes": changes_context(data.get("changes"), task_titles(language)),
            "situation": situation,
            "groups": groups,
            "summary": summary,
            "share_url": data["share_url"],
            "calendar_url": "calendar.ics?" + base_query + track_query if situation.arrival else None,
            "partner_url": data["share_url"] + "&track=partner" if situation.has_partner else None,
            "print_url": "?" + base_query + "&view=print" + track_query,
            "print_view": request.GET.get("view") == "print",
            "qr": qr_svg(data["share_url"]),
            "track_links": track_links,
            "track": track,
            "storage_key": "landa:checklist:" + situation.key,
            "arrival_hidden": _hidden(answers, {"arrival"}),
            "arrival_max": latest_arrival().isoformat(),
            "hidden_without_track": situation.query_items(),
            "total": len(items),
        },
    )
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
            "phase_label": PHASE_LABELS[task.phase](),
            "agency": {"name": agency["name"][language], "url": agency["url"]} if agency else None,
            "duration": duration,
            "days": task.days_from_arrival,
            "needs": [(d, cat.texts[d][language]["title"]) for d in task.depends_on if d in cat.texts],
        },
    )


def _errors_page(request, errors):
    answers, _errs = parse_partial(request.GET)
    shown = [n for n in ("status", "permit", "family", "children", "partner", "stay", "arrival") if n in errors]
    return _question_page(request, answers, errors, shown, status=400)


@require_safe
def calendar(request):
    """/<lang>/checklist/calendar.ics: one all-day event per dated item (RFC 5545, icalendar)."""
    from icalendar import Calendar, Event

    try:
        situation = parse_situation(request.GET)
    except InvalidSituation as invalid:
        return _errors_page(request, invalid.errors)
    language = _language()
    data = make_checklist(situation, language, request)
    # The person chosen on the page: their own dated items (theirs and the household's) only.
    track = request.GET.get("track", "all")
    if track in TRACKS:
        data["items"] = _track_items(data["items"], track)
    cal = Calendar()
    cal.add("prodid", "-//Landa//checklist//" + language.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Moving to Sweden: my checklist"))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    key = hashlib.sha256(situation.as_query().encode()).hexdigest()[:16]
    for item in data["items"]:
        if not item["due"]:
            continue
        due = dt.date.fromisoformat(item["due"])
        event = Event()
        event.add("uid", f"{item['key']}-{key}@landa")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        label = due_label(item["due_kind"])
        # The event's title says which kind of date it is: a legal limit reads apart from a target.
        kind = _("Deadline set by law") if item["due_kind"] == "law" else _("Suggested date")
        passed = due < today()
        # A date already behind the reader is flagged in the title too, never shown as still ahead.
        event.add("summary", f"{'⚠ ' if passed else ''}{item['title']} – {kind}")
        event.add("categories", [kind])
        warning = f"{passed_label()}\n\n" if passed else ""
        body = f"{item['summary']}\n\n{item['why']}\n\n{item['guide_url']}"
        event.add("description", f"{warning}{label}: {item['due']}\n\n{body}")
        event.add("url", item["guide_url"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="landa-checklist.ics"'
    return response


@require_safe
def api_checklist(request):
    """GET /api/v1/checklist: the checklist as JSON (DESIGN.md), errors as {"errors": {...}} with 400."""
    try:
        langs = [v for v in request.GET.getlist("lang") if v != ""]
        lang_errors = {}
        language = "en"
        if langs:
            if len(set(langs)) == 1 and langs[0] in LANGUAGE_CODES:
                language = langs[0]
            else:
                with translation.override("en"):
                    lang_errors["lang"] = [_("Choose one of the languages en, sv, ar or so.")]
        with translation.override(language):
            since, since_errors = parse_since(request.GET)
            try:
                situation = parse_situation(request.GET)
            except InvalidSituation as invalid:
                return JsonResponse({"errors": {**invalid.errors, **lang_errors, **since_errors}}, status=400)
            if lang_errors or since_errors:
                return JsonResponse({"errors": {**lang_errors, **since_errors}}, status=400)
            data = make_checklist(situation, language, request, since=since)
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
        count_checklist(response, situation, language)
        response["Content-Language"] = language
        return response
    except Exception:  # noqa: BLE001 - the API answers in JSON whatever happens
        log.exception("checklist API failed")
        return JsonResponse(
            {"errors": {"server": ["The checklist is not available right now. Try again soon."]}}, status=503
        )


def redirect_to_result(situation, language):
    return result_url(situation, language)


__all__ = ["checklist", "task_page", "calendar", "api_checklist", "today"]
