"""The links API for firms' own systems: POST/GET /api/v1/links, GET/DELETE /api/v1/links/<code>.

Authenticated by a per-firm bearer token (``Authorization: Bearer landa_…``) that staff create in
the workspace; the database holds only its SHA-256. Errors have the checklist API's shape,
``{"errors": {field: [messages]}}``, in the language of ``?lang=`` or ``Accept-Language``; every
failure is a 4xx.
"""
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from firms import checklist, limits, services
from firms.models import PHASE_CODES, ApiToken, SharedChecklist, is_link_code
from guides.vocabulary import FIELDS
from portal.languages import LANGUAGE_CODES


class FirmTokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer <token>``: a firm's token, looked up by its SHA-256."""

    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        # The token is looked up first: a valid token works whatever others behind the same
        # address did; only failed look-ups count towards (and are stopped by) the address's limit.
        secret = ""
        if len(parts) == 2 and len(parts[1]) <= 200:
            try:
                secret = parts[1].decode("ascii")
            except UnicodeDecodeError:
                secret = ""
        token = ApiToken.objects.select_related("firm").filter(digest=ApiToken.hash(secret)).first() if secret else None
        if token is None or not token.is_usable:
            if limits.bad_token_blocked(request):
                raise exceptions.Throttled(detail=_("Too many attempts with an invalid token. Try again later."))
            limits.record_bad_token(request)
            raise exceptions.AuthenticationFailed(_("The token is not valid, has expired or was revoked."))
        if limits.token_use_limited(request, token):
            raise exceptions.Throttled(detail=_("Too many requests with this token. Try again later."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return AnonymousUser(), token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class FirmTokenScheme(OpenApiAuthenticationExtension):
    target_class = "firms.api.FirmTokenAuthentication"
    name = "firmToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A firm's API token, created by staff in the workspace (shown once).",
        }


class HasFirmToken(BasePermission):
    """A firm's token; creating and revoking links also need the read-write scope."""

    message = _("This token may only read links; creating and revoking need a read-write token.")

    def has_permission(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return False
        return request.method in ("GET", "HEAD", "OPTIONS") or request.auth.can_write


ERROR_KEYS = {
    exceptions.NotAuthenticated: "token",
    exceptions.AuthenticationFailed: "token",
    exceptions.PermissionDenied: "token",
    exceptions.Throttled: "rate",
    exceptions.NotFound: "code",
    exceptions.MethodNotAllowed: "method",
    exceptions.ParseError: "body",
    exceptions.UnsupportedMediaType: "body",
    exceptions.NotAcceptable: "format",
}


def _encodable(text) -> str:
    """``text`` with any lone surrogate as "?": a JSON body may carry one (``"\\ud800"``), and a message
    that echoes it (an unknown field's name, a choice that is not offered) could not be encoded as
    UTF-8 — the renderer raised, a 500."""
    return str(text).encode("utf-8", "replace").decode("utf-8")


def _messages(detail):
    if isinstance(detail, list):
        return [_encodable(item) for item in detail]
    if isinstance(detail, dict):
        return [f"{_encodable(key)}: {'; '.join(_messages(value))}" for key, value in detail.items()]
    return [_encodable(detail)]


def errors_handler(exc, context):
    """Every error as ``{"errors": {field: [messages]}}`` (the checklist API's shape)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("No link with this code."))
    if not isinstance(exc, exceptions.APIException):
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        errors = {}
        for field, detail in exc.detail.items():
            key = "body" if field in ("non_field_errors", "__all__") else _encodable(field)
            if isinstance(detail, list) and detail and isinstance(detail[0], dict):
                # tasks: [{field: [...]}, ...] → "tasks": ["1. title: ..."]
                messages = [
                    f"{index}. {m}" for index, item in enumerate(detail, 1) if item for m in _messages(item)
                ]
            else:
                messages = _messages(detail)
            errors.setdefault(key, []).extend(messages)
    else:
        key = next((k for cls, k in ERROR_KEYS.items() if isinstance(exc, cls)), "request")
        errors = {key: _messages(exc.detail)}
    response = Response({"errors": errors}, status=exc.status_code)
    if getattr(exc, "auth_header", None):
        response["WWW-Authenticate"] = exc.auth_header
    if isinstance(exc, exceptions.Throttled):
        response["Retry-After"] = "60"
    return response


@extend_schema_field(
    {
        "oneOf": [
            {"type": "array", "items": {"type": "string", "enum": ["preschool", "school", "upper-secondary"]}},
            {"type": "string", "example": "preschool,school"},
        ]
    }
)
class ChildrenField(serializers.Field):
    """``["preschool", "school"]`` or ``"preschool,school"``; the parser checks the values."""

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [part for part in data.split(",") if part]
        if not isinstance(data, list) or not all(isinstance(item, str) and len(item) <= 40 for item in data):
            raise serializers.ValidationError(_("A list of age groups, e.g. [\"preschool\", \"school\"]."))
        return data[:10]

    def to_representation(self, value):
        return list(value)


def choices_message(codes):
    """DRF's "not a valid choice", naming the allowed values (translated at validation time)."""
    from django.utils.functional import lazy

    allowed = ", ".join(codes)
    return lazy(lambda: _('"{input}" is not one of the allowed values: %(allowed)s.') % {"allowed": allowed},
                str)()


def with_allowed_values(errors, values):
    """The checklist parser says "Choose one of the answers offered" (right for a form); an API client
    needs the values: name them when the value sent is not one of them."""
    from guides.vocabulary import VALUES as allowed

    offered = _("Choose one of the answers offered.")
    result = {}
    for field, messages in errors.items():
        if field in allowed:
            messages = [
                (_('"{input}" is not one of the allowed values: %(allowed)s.') % {"allowed": ", ".join(
                    allowed[field])}).replace("{input}", str(values.get(field)))
                if message == offered else message
                for message in messages
            ]
        result[field] = messages
    return result


class FirmTaskSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    phase = serializers.ChoiceField(
        choices=PHASE_CODES, error_messages={"invalid_choice": choices_message(PHASE_CODES)}
    )
    days_from_arrival = serializers.IntegerField(required=False, allow_null=True, min_value=-365, max_value=730)


def _slug(help_text):
    return serializers.CharField(required=False, allow_blank=True, max_length=40, help_text=help_text)


class LinkCreateSerializer(serializers.Serializer):
    """The situation has the checklist's parameters (see GET /api/v1/checklist), checked by its parser."""

    status = _slug("nordic | eu | third-country")
    permit = _slug("work | eu-blue-card | ict | research | self-employed | job-seeking | study | family")
    family = _slug("alone | partner | children | partner-children")
    children = ChildrenField(required=False, help_text="preschool | school | upper-secondary, one or more")
    stay = _slug("long | short")
    partner = _slug("optional, with a partner: nordic | eu | third-country")
    arrival = serializers.CharField(required=False, allow_blank=True, max_length=20, help_text="YYYY-MM-DD, optional")
    municipality = serializers.CharField(
        required=False, allow_blank=True, max_length=20,
        help_text="Optional: where the client will live, a municipality's four-digit code from Statistics Sweden "
        "(e.g. 1480 Göteborg). The client's checklist then shows its local guides.",
    )
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, help_text="Required: the client's language (en, sv, ar, so)",
        error_messages={"invalid_choice": choices_message(LANGUAGE_CODES)},
    )
    reference = serializers.CharField(
        required=False, allow_blank=True, max_length=80,
        help_text="Your internal reference (e.g. a case number). Never the client's name.",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, help_text="Shown to the client")
    tasks = FirmTaskSerializer(many=True, required=False, max_length=20)
    expires_on = serializers.DateField(
        required=False, allow_null=True, validators=[services.validate_link_expiry],
        help_text="Default: the firm default",
    )

    def validate(self, data):
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: [_("Unknown field.")] for name in unknown[:10]})
        values = {field: data.get(field) for field in FIELDS}
        try:
            data["situation"] = checklist.parse(values)
        except checklist.SituationError as exc:
            raise serializers.ValidationError(with_allowed_values(exc.errors, values)) from exc
        return data


class LinkSerializer(serializers.Serializer):
    code = serializers.CharField()
    url = serializers.URLField(help_text="Give this to the client: /c/<code>")
    language = serializers.CharField()
    profile = serializers.DictField(help_text="The situation, as in the checklist API's profile")
    municipality = serializers.CharField(
        allow_null=True, help_text="The municipality's code (Statistics Sweden), or null when not given"
    )
    profile_errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        allow_null=True,
        help_text="null, or why today's rules refuse the stored answers (edit or revoke the link)",
    )
    rules_version = serializers.CharField()
    reference = serializers.CharField()
    note = serializers.CharField()
    tasks = FirmTaskSerializer(many=True)
    status = serializers.ChoiceField(choices=["active", "expired", "revoked"])
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    open_count = serializers.IntegerField()
    last_opened_at = serializers.DateTimeField(allow_null=True)


def utc(moment):
    """Every timestamp of the API: UTC, ISO 8601 to the second, with ``Z`` (docs/firms-api.md)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _profile(link):
    """The link's situation as a profile, and the parser's objections when today's rules refuse it.

    A link made under older rules may hold answers the parser now refuses; the firm must still be
    able to list, see and revoke it, so the stored answers are shown as they are, never a 500.
    """
    try:
        situation = checklist.parse_stored(link.situation)
    except checklist.SituationError as exc:
        stored = QueryDict(link.situation)
        children = [part for value in stored.getlist("children") for part in value.split(",") if part]
        profile = {field: stored.get(field) or None for field in ("status", "permit", "family", "stay", "partner")}
        return {**profile, "children": children, "arrival": stored.get("arrival") or None}, exc.errors
    return {
        "status": situation.status,
        "permit": situation.permit,
        "family": situation.family,
        "children": list(situation.children or []),
        "stay": situation.stay,
        "partner": situation.partner or None,
        "arrival": situation.arrival.isoformat() if situation.arrival else None,
    }, None


def link_data(request, link):
    profile, problems = _profile(link)
    return {
        "code": link.code,
        "url": request.build_absolute_uri(link.get_short_path()),
        "language": link.language,
        "profile": profile,
        "profile_errors": problems,
        "municipality": link.municipality or None,
        "rules_version": link.rules_version,
        "reference": link.reference,
        "note": link.note,
        "tasks": [
            {"title": t.title, "phase": t.phase, "days_from_arrival": t.days_from_arrival} for t in link.tasks.all()
        ],
        "status": link.status,
        "created_at": utc(link.created_at),
        "expires_at": utc(link.expires_at),
        "revoked_at": utc(link.revoked_at),
        "open_count": link.open_count,
        "last_opened_at": utc(link.last_opened_at),
    }


ERRORS = inline_serializer(
    "Errors",
    {"errors": serializers.DictField(child=serializers.ListField(child=serializers.CharField()))},
)
ERROR_RESPONSES = {
    401: OpenApiResponse(ERRORS, description="No token, or an invalid, expired or revoked one"),
    429: OpenApiResponse(ERRORS, description="Rate limit reached; see Retry-After"),
}
# portal/hostile.py answers this before the view when the address holds a control character.
BAD_ADDRESS = OpenApiResponse(ERRORS, description="A control character in the address or query string")
LANG_PARAM = OpenApiParameter("lang", str, enum=LANGUAGE_CODES, description="Language of error messages")


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser, with a body nested deeper than Python's decoder goes (``[[[[…``) a 400: the
    decoder's RecursionError is not the ValueError DRF turns into a ParseError, so it was a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError() from error


class FirmApiView(APIView):
    authentication_classes = [FirmTokenAuthentication]
    permission_classes = [HasFirmToken]
    parser_classes = [BoundedJSONParser]
    renderer_classes = [JSONRenderer]
    throttle_classes: list = []

    def get_exception_handler(self):
        return errors_handler

    def initial(self, request, *args, **kwargs):
        lang = request.query_params.get("lang")
        if lang in LANGUAGE_CODES:
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
        elif lang:
            raise exceptions.ValidationError({"lang": [_("Unknown language.")]})
        super().initial(request, *args, **kwargs)

    @property
    def firm(self):
        return self.request.auth.firm


class LinkPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 200


class LinkListCreate(FirmApiView):
    @extend_schema(
        operation_id="links_list",
        summary="List your firm's links",
        parameters=[
            OpenApiParameter("status", str, enum=["active", "expired", "revoked"]),
            OpenApiParameter("limit", int),
            OpenApiParameter("offset", int),
            LANG_PARAM,
        ],
        responses={
            200: inline_serializer(
                "LinkPage",
                {
                    "count": serializers.IntegerField(),
                    "next": serializers.URLField(allow_null=True),
                    "previous": serializers.URLField(allow_null=True),
                    "results": LinkSerializer(many=True),
                },
            ),
            400: OpenApiResponse(ERRORS),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request):
        status_filter = request.query_params.get("status", "")
        if status_filter not in ("", "active", "expired", "revoked"):
            raise exceptions.ValidationError({"status": [_("Use active, expired or revoked.")]})
        links = SharedChecklist.objects.filter(firm=self.firm).with_status(status_filter).prefetch_related("tasks")
        paginator = LinkPagination()
        page = paginator.paginate_queryset(links, request, view=self)
        return paginator.get_paginated_response([link_data(request, link) for link in page])

    @extend_schema(
        operation_id="links_create",
        summary="Create a link for a client",
        parameters=[LANG_PARAM],
        request=LinkCreateSerializer,
        responses={201: LinkSerializer, 400: OpenApiResponse(ERRORS), **ERROR_RESPONSES},
    )
    def post(self, request):
        serializer = LinkCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if limits.link_creation_limited(request, self.firm):
            raise exceptions.Throttled(detail=_("Too many links created. Try again later."))
        data = serializer.validated_data
        day = data.get("expires_on")
        link = services.create_link(
            firm=self.firm,
            situation=data["situation"],
            language=data["language"],
            reference=data.get("reference", ""),
            note=data.get("note", ""),
            tasks=data.get("tasks", []),
            expires_at=timezone.make_aware(datetime.combine(day, time(23, 59))) if day else None,
            token=request.auth,
        )
        return Response(link_data(request, link), status=status.HTTP_201_CREATED)


class LinkDetail(FirmApiView):
    def get_link(self, code):
        link = SharedChecklist.objects.filter(firm=self.firm, code=code).first() if is_link_code(code) else None
        if link is None:
            raise exceptions.NotFound(_("No link with this code."))
        return link

    @extend_schema(
        operation_id="links_retrieve",
        summary="One of your firm's links",
        parameters=[LANG_PARAM],
        responses={200: LinkSerializer, 400: BAD_ADDRESS, 404: OpenApiResponse(ERRORS), **ERROR_RESPONSES},
    )
    def get(self, request, code):
        link = self.get_link(code)
        services.record_read(link, token=request.auth)
        return Response(link_data(request, link))

    @extend_schema(
        operation_id="links_revoke",
        summary="Revoke a link (it then answers 410 to the client)",
        parameters=[LANG_PARAM],
        responses={204: None, 400: BAD_ADDRESS, 404: OpenApiResponse(ERRORS), **ERROR_RESPONSES},
    )
    def delete(self, request, code):
        services.revoke_link(self.get_link(code), token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)
