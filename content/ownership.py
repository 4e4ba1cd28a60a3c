"""Who may change a page: Wagtail's tree permissions, narrowed to the agency that owns the page.

Portal editors act everywhere, translators in their own language's tree, an agency's editors on
their agency's pages. Every page type hands out ``AgencyPagePermissionTester``
(``LandaPageMixin.permissions_for_user``); the guide editor, the dashboard and the review step ask
the helpers below.
"""
from django.conf import settings
from wagtail.models import Locale, Page, PagePermissionTester

from content.models import PORTAL_EDITORS, Agency, translators_group_name


class AgencyPagePermissionTester(PagePermissionTester):
    """Wagtail's tree permissions, narrowed to the page's agency.

    Agency groups get page permissions on the language trees; this tester then lets a member edit,
    publish, delete, move or lock only the pages of their own agency. Portal editors and superusers
    are not narrowed. Pages without an agency (home, phases, life events, about) belong to the portal.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.agency_allowed = user_may_act_for(user, page)

    def can_edit(self):
        return self.agency_allowed and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.agency_allowed and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self.agency_allowed and super().can_publish()

    def can_unpublish(self):
        return self.agency_allowed and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self.agency_allowed and super().can_submit_for_moderation()

    def can_lock(self):
        return self.agency_allowed and super().can_lock()

    def can_move(self):
        return self.agency_allowed and super().can_move()

    def can_copy(self):
        return self.agency_allowed and super().can_copy()

    def can_set_view_restrictions(self):
        return self.agency_allowed and super().can_set_view_restrictions()

    def can_add_subpage(self):
        # An agency editor adds guides under a phase page (which itself belongs to the portal).
        if not self.agency_allowed and not getattr(self.page.specific_class, "agency_editors_add_here", False):
            return False
        return super().can_add_subpage()


def user_is_portal_editor(user) -> bool:
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = "_landa_portal_editor"
    if not hasattr(user, cache):
        setattr(user, cache, user.groups.filter(name=PORTAL_EDITORS).exists())
    return getattr(user, cache)


def agency_group_id(page):
    specific = page.specific_deferred if isinstance(page, Page) else page
    agency_id = getattr(specific, "agency_id", None)
    if agency_id is None:
        return None
    return Agency.objects.filter(pk=agency_id).values_list("group_id", flat=True).first()


def own_agency_keys(user):
    """The translation keys of the agencies whose editors' group ``user`` is in (any language's row)."""
    return Agency.objects.filter(group__in=user.groups.all()).values("translation_key")


def user_translates(user, locale_id) -> bool:
    """Whether ``user`` is in the translators' group of the locale (never the source language)."""
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    if code is None or code == settings.LANGUAGE_CODE:
        return False
    return user.groups.filter(name=translators_group_name(code)).exists()


def user_may_act_for(user, page) -> bool:
    """Portal editors everywhere; agency editors on their agency's pages; translators in their language.

    What they may do there is still Wagtail's tree permissions: translators and agency editors add
    and edit, and publish only through the workflow.
    """
    if user_is_portal_editor(user):
        return True
    if user_translates(user, page.locale_id):
        return True
    group_id = agency_group_id(page)
    return group_id is not None and user.groups.filter(pk=group_id).exists()
