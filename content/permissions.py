"""When an editor may not change a page, say whose page it is and who can change it.

Wagtail's own answer is "Sorry, you do not have permission to access this area." and a trip to the
dashboard. For a page that belongs to another agency (or to the portal) this middleware answers
first, before Wagtail's view: the owner, the groups that can change it, and where the editor's own
pages are.
"""
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from content.models import PORTAL_EDITORS, Agency
from content.ownership import AgencyPagePermissionTester, own_agency_keys

# Wagtail admin page views that change a page, and the tester method that allows each.
GUARDED = {
    "edit": "can_edit",
    "delete": "can_delete",
    "unpublish": "can_unpublish",
    "move": "can_move",
    "copy": "can_copy",
    "lock": "can_lock",
    "set_privacy": "can_set_view_restrictions",
}


def ownership_explanation(page, user) -> str:
    specific = page.specific_deferred
    agency = getattr(specific, "agency", None)
    own = ", ".join(str(a) for a in Agency.objects.filter(
        translation_key__in=own_agency_keys(user), locale_id=page.locale_id)) or _("no agency")
    if agency is None:
        return _(
            "“%(title)s” belongs to the portal, not to an agency: only the portal editors (group “%(portal)s”) "
            "can change it. Write to them to suggest a change. You edit for: %(own)s."
        ) % {"title": page.title, "portal": PORTAL_EDITORS, "own": own}
    group = agency.group or next((other.group for other in Agency.objects.filter(
        translation_key=agency.translation_key, group__isnull=False).select_related("group")), None)
    group_name = group.name if group is not None else _("no group yet")
    return _(
        "“%(title)s” belongs to %(agency)s. Only %(agency)s's editors (group “%(group)s”) and the portal editors "
        "can change it. Write to them to suggest a change. You edit for: %(own)s."
    ) % {"title": page.title, "agency": agency, "group": group_name, "own": own}


class OwnershipMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtailadmin_pages" or match.url_name not in GUARDED:
            return None
        user = getattr(request, "user", None)
        page_id = view_kwargs.get("page_id") or view_kwargs.get("page_to_move_id")
        if user is None or not user.is_authenticated or page_id is None:
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return None
        tester = page.specific_deferred.permissions_for_user(user)
        if not isinstance(tester, AgencyPagePermissionTester) or tester.agency_allowed:
            return None
        if getattr(tester, GUARDED[match.url_name])():
            return None
        messages.error(request, ownership_explanation(page, user))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
