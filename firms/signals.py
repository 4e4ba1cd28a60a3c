"""Audit and token hygiene that no entry point may forget: sign-ins, and members who leave.

A member can leave through the workspace (services.remove_member), the Wagtail or Django admin, or
by their user being deleted; each way revokes the API tokens they created (pre_delete: the tokens
still name their creator then).
"""
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from firms.models import AuditEvent, Member


@receiver(pre_delete, sender=Member, dispatch_uid="firms.member-leaves")
def member_leaves(sender, instance, **kwargs):
    from firms.services import revoke_tokens_of

    revoke_tokens_of(instance.user, instance.firm)


@receiver(user_logged_in, dispatch_uid="firms.signed-in")
def signed_in(sender, request, user, **kwargs):
    member = Member.objects.filter(user=user).select_related("firm").first()
    if member is not None:
        AuditEvent.record(member.firm, AuditEvent.SIGNED_IN, user.get_username(), actor=user)
