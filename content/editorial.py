"""Editorial setup: the portal editors' and agencies' groups, their page permissions, and the
review workflow (agency review → portal editor). Called by the demo loader; kept apart from it so
the editorial rules live in one place whatever loads the content."""
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from content.models import PORTAL_EDITORS, translators_group_name
from content.reviews import AgencyReviewTask

WORKFLOW_NAME = "Agency review → portal editor"


def submit_translation_permission():
    """wagtail-localize's "Can submit translations", made by its data migration; made again here as that
    migration does, because a database flushed between tests keeps only the models' own permissions."""
    from django.contrib.contenttypes.models import ContentType

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"})
    return permission


def ensure_editorial_setup(homes):
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_perms = {codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                  for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")}
    submit_translation = submit_translation_permission()
    portal, _ = Group.objects.get_or_create(name=PORTAL_EDITORS)
    portal.permissions.add(access_admin, submit_translation, *Permission.objects.filter(
        content_type__app_label="content", codename__in=["add_agency", "change_agency", "view_agency"]))
    # The README says portal editors manage relocation firms: see, add, suspend them and invite their admins.
    portal.permissions.add(*Permission.objects.filter(
        content_type__app_label="firms", codename__in=["add_firm", "change_firm", "view_firm"]))
    agency_groups = list(Group.objects.filter(name__startswith="Agency: "))
    view_agency = Permission.objects.get(content_type__app_label="content", codename="view_agency")
    for group in agency_groups:
        group.permissions.add(access_admin, view_agency)  # to choose the owning agency in the editor
    for home in homes.values():
        for perm in page_perms.values():
            GroupPagePermission.objects.get_or_create(group=portal, page=home, permission=perm)
        for group in agency_groups:
            for codename in ("add_page", "change_page"):
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=page_perms[codename])

    ensure_translators(homes, access_admin, page_perms)
    ensure_media_permissions([portal, *agency_groups])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    agency_task = AgencyReviewTask.objects.filter(name="Agency review").first() or AgencyReviewTask.objects.create(
        name="Agency review")
    portal_task = GroupApprovalTask.objects.filter(name="Portal editor approval").first()
    if portal_task is None:
        portal_task = GroupApprovalTask.objects.create(name="Portal editor approval")
    portal_task.groups.set([portal])
    for order, task in enumerate([agency_task, portal_task]):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def ensure_translators(homes, access_admin, page_perms):
    """A translators' group per language: translate pages into it and submit them for review.

    They add and edit pages in their language's tree only (``AgencyPagePermissionTester`` lets them
    past agency ownership there) and cannot publish: a translation goes live through the workflow.
    """
    submit = submit_translation_permission()
    view_agency = Permission.objects.get(content_type__app_label="content", codename="view_agency")
    for code, home in homes.items():
        if code == settings.LANGUAGE_CODE:
            continue
        group, _ = Group.objects.get_or_create(name=translators_group_name(code))
        group.permissions.add(access_admin, submit, view_agency)
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=page_perms[codename])


def ensure_media_permissions(groups):
    """Editors add, change and choose images and documents (forms, PDFs) for their guides, in the root
    collection (Wagtail's collection permissions)."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    wanted = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__in=["add_image", "change_image", "choose_image", "add_document", "change_document",
                      "choose_document"],
    )
    for group in groups:
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
