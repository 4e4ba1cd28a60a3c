"""Portal editors invite a firm's first administrator from the Wagtail admin (no command line).

The firm is chosen or created by name; the invitation is the same as a firm admin's own (signed,
expiring link, e-mailed in the chosen language, recorded in the firm's audit log).
"""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from firms import invitations
from firms.forms import InvitationForm
from firms.models import Firm, Member


def may_invite(user) -> bool:
    return user.has_perm("firms.add_firm") or user.has_perm("firms.change_firm")


class FirmAdminInvitationForm(InvitationForm):
    firm_name = forms.CharField(
        label=_("Firm"), max_length=200,
        help_text=_("The firm's name as it should appear to its clients. A new name creates the firm."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES, initial="en")

    field_order = ["firm_name", "email", "role", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = Member.ADMIN

    def clean_firm_name(self):
        name = self.cleaned_data["firm_name"].strip()
        firm = Firm.objects.filter(name__iexact=name).first()
        if firm is not None and firm.suspended:
            raise forms.ValidationError(_("This firm is suspended: lift the suspension first."))
        return name


class InviteFirmAdminView(WagtailAdminTemplateMixin, FormView):
    template_name = "firms/admin/invite.html"
    form_class = FirmAdminInvitationForm
    page_title = _("Invite a firm's administrator")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_invite(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        firm = Firm.objects.filter(pk=self.request.GET.get("firm") or 0).first()
        return {"firm_name": firm.name} if firm else {}

    def form_valid(self, form):
        name = form.cleaned_data["firm_name"]
        firm = Firm.objects.filter(name__iexact=name).first() or Firm.objects.create(name=name)
        invitations.invite(firm, form.cleaned_data["email"], form.cleaned_data["role"],
                           inviter=self.request.user, language=form.cleaned_data["language"])
        messages.success(self.request, _("The invitation to %(firm)s is sent to %(email)s.") % {
            "firm": firm.name, "email": form.cleaned_data["email"]})
        return redirect("wagtailsnippets_firms_firm:list")
