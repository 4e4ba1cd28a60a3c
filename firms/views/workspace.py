"""The workspace at /<lang>/workspace/: a firm's links, API tokens, team and audit log.

Every query starts from ``request.firm``: a firm never reaches another firm's objects (a code or
id of another firm's object is a 404, exactly like one that does not exist).
"""
import functools
import io
from datetime import datetime, time

import segno
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from firms import checklist, invitations, limits, services
from firms.display import checklist_context, situation_summary
from firms.forms import (
    ExtendForm,
    FirmTaskFormSet,
    InvitationForm,
    LinkFilterForm,
    LinkForm,
    TokenForm,
    tasks_from,
)
from firms.models import ApiToken, AuditEvent, Invitation, Member, SharedChecklist, is_link_code
from firms.views.access import member_required

PAGE_SIZE = 50


def _link(request, code):
    if not is_link_code(code):
        raise Http404
    return get_object_or_404(SharedChecklist, firm=request.firm, code=code)


def short_url(request, link):
    return request.build_absolute_uri(link.get_short_path())


def _too_many(request):
    return render(request, "firms/rate_limited.html", status=429)


@member_required
def link_list(request):
    form = LinkFilterForm(request.GET or None)
    links = SharedChecklist.objects.filter(firm=request.firm).prefetch_related("tasks")
    if form.is_valid():
        links = links.with_status(form.cleaned_data["status"])
        if form.cleaned_data["language"]:
            links = links.filter(language=form.cleaned_data["language"])
        if form.cleaned_data["q"]:
            links = links.filter(reference__icontains=form.cleaned_data["q"])
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "firms/link_list.html",
        {"filter_form": form, "page_obj": page, "query": query.urlencode(), "section": "links"},
    )


def _link_form_page(request, link=None):
    if request.method == "POST":
        form = LinkForm(request.POST)
        formset = FirmTaskFormSet(request.POST, prefix="tasks")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            fields = {
                "situation": form.situation,
                "language": data["language"],
                "reference": data["reference"],
                "note": data["note"],
                "tasks": tasks_from(formset),
                "expires_at": form.expires_at,
                "actor": request.user,
            }
            if link is None:
                if limits.link_creation_limited(request, request.firm):
                    return _too_many(request)
                link = services.create_link(firm=request.firm, **fields)
                messages.success(request, _("The link is ready. Give it to your client."))
            else:
                fields["expires_at"] = fields["expires_at"] or link.expires_at
                services.update_link(link, **fields)
                messages.success(request, _("The link is updated."))
            return redirect("firms:link-detail", code=link.code)
        status = 400
    else:
        if link is None:
            form = LinkForm(initial={"language": translation.get_language()})
            formset = FirmTaskFormSet(prefix="tasks")
        else:
            form = LinkForm(initial=LinkForm.initial_for(link))
            formset = FirmTaskFormSet(
                prefix="tasks",
                initial=[
                    {"title": t.title, "phase": t.phase, "days_from_arrival": t.days_from_arrival}
                    for t in link.tasks.all()
                ],
            )
        status = 200
    return render(
        request,
        "firms/link_form.html",
        {"form": form, "formset": formset, "link": link, "section": "links"},
        status=status,
    )


@member_required
def link_create(request):
    return _link_form_page(request)


@member_required
def link_edit(request, code):
    link = _link(request, code)
    if link.revoked_at is not None:
        messages.error(request, _("A revoked link cannot be changed."))
        return redirect("firms:link-detail", code=link.code)
    return _link_form_page(request, link)


def _summary(link):
    try:
        return situation_summary(link)
    except checklist.SituationError:
        return [(_("Answers"), link.situation)]


@member_required
def link_detail(request, code):
    link = _link(request, code)
    services.record_read(link, actor=request.user)
    return render(
        request,
        "firms/link_detail.html",
        {
            "link": link,
            "short_url": short_url(request, link),
            "summary": _summary(link),
            "extend_form": ExtendForm(),
            "section": "links",
        },
    )


class Refused(Exception):
    """A link action that cannot be done; its message is shown on the link's page."""


def link_action(action):
    """A POST on one of the firm's links: ``action(request, link)`` does it and returns the message to
    show, or raises :class:`Refused`; either way the member goes back to the link's page."""

    @member_required
    @require_POST
    @functools.wraps(action)
    def view(request, code):
        link = _link(request, code)
        try:
            messages.success(request, action(request, link))
        except Refused as refused:
            messages.error(request, str(refused))
        return redirect("firms:link-detail", code=link.code)

    return view


@link_action
def link_extend(request, link):
    form = ExtendForm(request.POST)
    if link.revoked_at is not None or not form.is_valid():
        raise Refused(_("The link could not be extended."))
    services.extend_link(link, form.cleaned_data["days"], actor=request.user)
    return _("The link is extended.")


@link_action
def link_expire(request, link):
    services.expire_link(link, actor=request.user)
    return _("The link has expired. You can extend it again.")


@link_action
def link_revoke(request, link):
    if request.POST.get("confirm") != "yes":
        raise Refused(_("To revoke the link, tick the box that confirms it cannot be undone."))
    services.revoke_link(link, actor=request.user)
    return _("The link is revoked. It no longer opens.")


def qr_svg(url: str, inline: bool = False) -> bytes:
    """The link as a QR code in SVG (segno): a file of its own, or (``inline``) for embedding in a page."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=6, border=2, title=url, svgclass="qr-code", lineclass=None, xmldecl=not inline
    )
    return buffer.getvalue()


@member_required
def link_qr(request, code):
    link = _link(request, code)
    response = HttpResponse(qr_svg(short_url(request, link)), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="landa-{link.code[:8]}.svg"'
    return response


@member_required
def link_print(request, code):
    """A hand-out for the client, in the client's language: the note, the link, its QR code, the list."""
    link = _link(request, code)
    with translation.override(link.language):
        try:
            context = checklist_context(link, request)
        except checklist.SituationError:
            context = None  # answers stored under older rules that today's parser refuses
        if context is not None:
            opens = link.status == link.ACTIVE
            context.update(
                short_url=short_url(request, link),
                qr=qr_svg(short_url(request, link), inline=True).decode() if opens else "",
                link_opens=opens,
                print_view=True,
            )
            return render(request, "firms/print.html", context)
    messages.error(request, _("Today's checklist no longer accepts this link's answers. Edit the link first."))
    return redirect("firms:link-detail", code=link.code)


@member_required(admin=True)
def tokens(request):
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            day = form.cleaned_data["expires_on"]
            expires_at = timezone.make_aware(datetime.combine(day, time(23, 59))) if day else None
            token, secret = ApiToken.issue(
                request.firm, form.cleaned_data["name"], created_by=request.user, expires_at=expires_at,
                scope=form.cleaned_data["scope"],
            )
            AuditEvent.record(
                request.firm, AuditEvent.TOKEN_CREATED, token.name, actor=request.user, token=token, detail=token.scope
            )
            form = TokenForm()
        else:
            status = 400
    return render(
        request,
        "firms/tokens.html",
        {"form": form, "secret": secret, "tokens": request.firm.tokens.all(), "section": "tokens"},
        status=status,
    )


@member_required(admin=True)
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, firm=request.firm, pk=pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        AuditEvent.record(request.firm, AuditEvent.TOKEN_REVOKED, token.name, actor=request.user, token=token)
    messages.success(request, _("The token is revoked."))
    return redirect("firms:tokens")


@member_required(admin=True)
def team(request):
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            invitations.invite(
                request.firm,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                inviter=request.user,
            )
            messages.success(request, _("The invitation is sent."))
            return redirect("firms:team")
        status = 400
    return render(
        request,
        "firms/team.html",
        {
            "form": form,
            "members": request.firm.members.select_related("user").order_by("user__username"),
            "invitations": request.firm.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True),
            "roles": Member.ROLES,
            "section": "team",
        },
        status=status,
    )


@member_required(admin=True)
@require_POST
def member_remove(request, pk):
    member = get_object_or_404(Member, firm=request.firm, pk=pk)
    if member.pk == request.member.pk:
        messages.error(request, _("You cannot remove yourself."))
    else:
        services.remove_member(member, actor=request.user)
        messages.success(request, _("The member is removed and their API tokens are revoked."))
    return redirect("firms:team")


@member_required(admin=True)
@require_POST
def member_role(request, pk):
    member = get_object_or_404(Member, firm=request.firm, pk=pk)
    role = request.POST.get("role", "")
    if role not in dict(Member.ROLES):
        messages.error(request, _("Choose a role."))
    elif member.pk == request.member.pk and role != Member.ADMIN:
        messages.error(request, _("You cannot take away your own administrator role."))
    else:
        services.change_role(member, role, actor=request.user)
        messages.success(request, _("The role is changed."))
    return redirect("firms:team")


@member_required(admin=True)
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(
        Invitation, firm=request.firm, pk=pk, accepted_at__isnull=True, revoked_at__isnull=True
    )
    invitations.revoke(invitation, actor=request.user)
    messages.success(request, _("The invitation is revoked."))
    return redirect("firms:team")


@member_required(admin=True)
def audit(request):
    events = AuditEvent.objects.filter(firm=request.firm).select_related("actor", "token")
    action = request.GET.get("action", "")
    if action in dict(AuditEvent.ACTIONS):
        events = events.filter(action=action)
    if request.GET.get("q"):
        events = events.filter(Q(target__icontains=request.GET["q"][:80]))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "firms/audit.html",
        {"page_obj": page, "actions": AuditEvent.ACTIONS, "action": action, "section": "audit"},
    )
