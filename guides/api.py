"""GET /api/v1/checklist: the checklist as JSON (DESIGN.md, "The checklist contract"), on Django REST
framework so that drf-spectacular describes it beside the firms' links API.

The answers go through the one situation parser every entry point uses; the serializers below only
describe the response for the OpenAPI schema (the dict comes from ``guides.checklist.make_checklist``).
Invalid answers are 400 ``{"errors": {field: [message]}}`` in the requested language. Anything else
that goes wrong is a bug: it propagates to Django's 500 handler and the error log, not a made-up 503.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from guides import situation as answers
from guides.changes import parse_since
from guides.checklist import count_checklist, make_checklist
from guides.engine import PERSONS, PHASES
from guides.situation import InvalidSituation, parse_situation
from portal.languages import LANGUAGE_CODES


class JsonOnly(BaseContentNegotiation):
    """JSON whatever the ``Accept`` header says: the contract has one format, and no ``Vary: Accept``."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def errors_handler(exc, context):
    """DRF's own refusals (a method other than GET or HEAD) in the contract's error shape."""
    response = exception_handler(exc, context)
    if response is not None:
        response.data = {"errors": {"request": [str(exc.detail)]}}
    return response


def _language(request) -> tuple[str, dict[str, list[str]]]:
    """The requested language (missing or empty: English) and the ``lang`` error, in English."""
    values = [value for value in request.query_params.getlist("lang") if value != ""]
    if not values:
        return "en", {}
    if len(set(values)) == 1 and values[0] in LANGUAGE_CODES:
        return values[0], {}
    with translation.override("en"):
        return "en", {"lang": [_("Choose one of the languages en, sv, ar or so.")]}


# --- the response, described for the OpenAPI schema ------------------------------------------------

DUE_KINDS = ("law", "advice")

ERRORS = inline_serializer(
    "ChecklistErrors",
    {
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="Messages keyed by the parameter at fault, in the requested language.",
        )
    },
)

Profile = inline_serializer(
    "ChecklistProfile",
    {
        "status": serializers.ChoiceField(answers.STATUSES),
        "permit": serializers.ChoiceField(answers.PERMITS),
        "family": serializers.ChoiceField(answers.FAMILIES),
        "children": serializers.ListField(child=serializers.ChoiceField(answers.CHILDREN)),
        "stay": serializers.ChoiceField(answers.STAYS),
        "partner": serializers.ChoiceField(answers.CITIZENSHIPS, allow_null=True),
        "arrival": serializers.DateField(allow_null=True),
    },
)

Items = inline_serializer(
    "ChecklistItem",
    {
        "key": serializers.SlugField(),
        "title": serializers.CharField(),
        "summary": serializers.CharField(),
        "why": serializers.CharField(help_text="Which answers put the item on the list, in one sentence."),
        "phase": serializers.ChoiceField(PHASES),
        "for": serializers.ListField(child=serializers.ChoiceField(PERSONS)),
        "agency": inline_serializer(
            "ChecklistAgency",
            {"key": serializers.SlugField(), "name": serializers.CharField(), "url": serializers.URLField()},
            allow_null=True,
        ),
        "depends_on": serializers.ListField(child=serializers.SlugField()),
        "due": serializers.DateField(allow_null=True),
        "due_kind": serializers.ChoiceField(DUE_KINDS, allow_null=True),
        "due_rule": inline_serializer(
            "ChecklistDueRule",
            {"days_from_arrival": serializers.IntegerField(), "kind": serializers.ChoiceField(DUE_KINDS)},
            allow_null=True,
        ),
        "guide_url": serializers.URLField(),
        "note": serializers.CharField(
            required=False, allow_null=True, help_text="Only on the partner's items: what the partner should know."
        ),
        "local": inline_serializer(
            "ChecklistLocalLink",
            {
                "title": serializers.CharField(),
                "url": serializers.URLField(),
                "owner": serializers.CharField(help_text="The municipality or region that publishes it."),
            },
            many=True,
            required=False,
            help_text=(
                "Only with a municipality, when there is something: its local guides for this task, "
                "else its region's."
            ),
        ),
    },
    many=True,
)


def _place_ref(name):
    return inline_serializer(
        name,
        {
            "code": serializers.CharField(),
            "name": serializers.CharField(),
            "url": serializers.URLField(allow_null=True, help_text="Its page on this site, if it has one."),
        },
    )


Place = inline_serializer(
    "ChecklistPlace",
    {"municipality": _place_ref("ChecklistMunicipality"), "region": _place_ref("ChecklistRegion")},
    allow_null=True,
    help_text="The municipality given (Statistics Sweden's code) and its region; null without one.",
)

Changes = inline_serializer(
    "ChecklistChanges",
    {
        "since": serializers.CharField(),
        "made": serializers.DateField(),
        "added": serializers.ListField(child=serializers.SlugField()),
        "removed": serializers.ListField(child=serializers.SlugField()),
        "changed": serializers.ListField(child=serializers.SlugField()),
    },
    allow_null=True,
    required=False,
    help_text="Only with ?since=: what changed for this situation since that rules version (null: unknown).",
)

Checklist = inline_serializer(
    "Checklist",
    {
        "profile": Profile,
        "language": serializers.ChoiceField(LANGUAGE_CODES),
        "rules_version": serializers.RegexField(r"^[0-9a-f]{12}$"),
        "share_url": serializers.URLField(help_text="The HTML result page with every answer."),
        "place": Place,
        "items": Items,
        "changes": Changes,
    },
)


def _answer(name, values, description, required=True, many=False):
    return OpenApiParameter(name, str, enum=values, description=description, required=required, many=many)


class ChecklistView(APIView):
    """The checklist for the answers in the query string; public, anonymous and cacheable."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnly
    http_method_names = ["get", "head"]

    def get_exception_handler(self):
        return errors_handler

    @extend_schema(
        operation_id="checklist",
        summary="A personal checklist for a situation",
        description=(
            "The same answers as the questionnaire at /<lang>/checklist/; the result is a pure function of "
            "them. Items come in a topological order of depends_on."
        ),
        parameters=[
            _answer("status", answers.STATUSES, "Citizenship of the one who moves."),
            _answer("permit", answers.PERMITS, "Reason for moving; eu and nordic take no permit of their own."),
            _answer("family", answers.FAMILIES, "Who comes along."),
            _answer("children", answers.CHILDREN, "Children's age groups; required with children.", False, many=True),
            _answer("stay", answers.STAYS, "One year or more, or less."),
            _answer("partner", answers.CITIZENSHIPS, "The partner's citizenship; default: the same as status.", False),
            OpenApiParameter(
                "arrival", str, description="Arrival date, YYYY-MM-DD, from 2000-01-01 to five years ahead."
            ),
            OpenApiParameter(
                "municipality",
                str,
                pattern="^[0-9]{4}$",
                description=(
                    "Optional: where the household will live, a municipality's four-digit code from Statistics "
                    "Sweden (1480 Göteborg). Changes no item; adds place and local links."
                ),
            ),
            OpenApiParameter("lang", str, enum=LANGUAGE_CODES, description="Language of the texts (default en)."),
            OpenApiParameter("since", str, pattern="^[0-9a-f]{12}$", description="A rules_version to compare with."),
        ],
        responses={200: Checklist, 400: OpenApiResponse(ERRORS, description="Missing or invalid answers")},
    )
    def get(self, request):
        language, errors = _language(request)
        with translation.override(language):
            since, since_errors = parse_since(request.query_params)
            errors.update(since_errors)
            try:
                situation = parse_situation(request.query_params)
            except InvalidSituation as invalid:
                errors = {**invalid.errors, **errors}
            if errors:
                return Response({"errors": errors}, status=400)
            data = make_checklist(situation, language, request, since=since)
        response = Response(data, headers={"Content-Language": language})
        count_checklist(response, situation, language)  # counted by content.counters on a GET, never a HEAD
        return response
