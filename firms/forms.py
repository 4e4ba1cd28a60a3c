"""Workspace forms. The situation is checked by the checklist's own parser (firms.checklist.parse)."""
from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from firms import checklist, services
from firms.models import PHASES, ApiToken, Member, SharedChecklist
from guides import questions, vocabulary
from guides.place import grouped_municipalities
from portal.languages import LANGUAGES

# The questionnaire's own questions and answers (guides.questions, guides.vocabulary), so staff see
# what clients see.
STATUS_CHOICES = vocabulary.choices("status")
PERMIT_CHOICES = vocabulary.choices("permit")
FAMILY_CHOICES = vocabulary.choices("family")
CHILDREN_CHOICES = vocabulary.choices("children")
STAY_CHOICES = vocabulary.choices("stay")
PARTNER_CHOICES = [("", _("The same as the mover's"))] + vocabulary.choices("partner")
BLANK = [("", "—")]


def _end_of_day(day):
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


class WorkspaceLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The e-mail address or password is not right. Both are case-sensitive."),
        "inactive": _("This account is not active."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "type": "email"})
        self.fields["password"].label = _("Password")

    def clean_username(self):
        return (self.cleaned_data.get("username") or "").strip().lower()


class LinkForm(forms.Form):
    status = forms.ChoiceField(label=questions.STATUS.legend, choices=BLANK + STATUS_CHOICES, required=False)
    permit = forms.ChoiceField(
        label=_("Which permit, or why is the client moving?"), choices=BLANK + PERMIT_CHOICES, required=False
    )
    family = forms.ChoiceField(label=questions.FAMILY.legend, choices=BLANK + FAMILY_CHOICES, required=False)
    children = forms.MultipleChoiceField(
        label=questions.CHILDREN.legend, choices=CHILDREN_CHOICES, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=questions.CHILDREN.hint,
    )
    partner = forms.ChoiceField(label=questions.PARTNER.legend, choices=PARTNER_CHOICES, required=False)
    stay = forms.ChoiceField(label=questions.STAY.legend, choices=BLANK + STAY_CHOICES, required=False)
    arrival = forms.DateField(
        label=_("Arrival date"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. With it, the checklist shows dates."),
    )
    municipality = forms.ChoiceField(
        label=_("Where will the client live?"), required=False,
        choices=lambda: [("", _("Not decided yet")), *((name, list(ms)) for name, ms in grouped_municipalities())],
        help_text=_("The checklist then shows the municipality's and region's local guides."),
        widget=forms.Select(attrs={"class": "js-place"}),
    )
    language = forms.ChoiceField(label=_("Client's language"), choices=LANGUAGES)
    reference = forms.CharField(
        label=_("Your reference"), max_length=80, required=False,
        help_text=_(
            "For your own records, e.g. a case number. Do not enter the client's name: the client never sees it."
        ),
    )
    note = forms.CharField(
        label=_("Note to the client"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown at the top of the client's checklist."),
    )
    expires_on = forms.DateField(
        label=_("Link expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for the default."), validators=[services.validate_link_expiry],
    )

    situation_fields = vocabulary.FIELDS

    required_answers = vocabulary.REQUIRED

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.situation = None
        # Checked by the checklist parser (one message per field, as everywhere), so not required=True
        # for Django, but never "(optional)" to the reader.
        for name in self.required_answers:
            self.fields[name].answer_required = True
            self.fields[name].widget.attrs["aria-required"] = "true"

    def clean(self):
        data = super().clean()
        self._refuse_repeated_answers()
        if any(field in self.errors for field in self.situation_fields):
            return data
        values = {field: data.get(field) for field in self.situation_fields}
        try:
            self.situation = checklist.parse(values)
        except checklist.SituationError as exc:
            for field, messages in exc.errors.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, message)
        return data

    def _refuse_repeated_answers(self):
        """A one-answer field sent twice with different values is an error, as in the checklist's parser
        (Django would silently keep the last one)."""
        if not hasattr(self.data, "getlist"):
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField) or name in self.errors:
                continue
            if len({value for value in self.data.getlist(self.add_prefix(name)) if value}) > 1:
                self.add_error(name, _("Give only one answer to this question."))

    @property
    def expires_at(self):
        day = self.cleaned_data.get("expires_on")
        return _end_of_day(day) if day else None

    @classmethod
    def initial_for(cls, link):
        """The form as the link was saved (read from its canonical query, so even answers today's
        parser would refuse can be seen and corrected)."""
        from django.http import QueryDict

        query = QueryDict(link.situation)
        initial = {field: query.get(field, "") for field in cls.situation_fields}
        initial["children"] = [c for value in query.getlist("children") for c in value.split(",") if c]
        initial.update(
            language=link.language,
            reference=link.reference,
            note=link.note,
            expires_on=timezone.localdate(link.expires_at),
        )
        return initial


class FirmTaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200, required=False)
    phase = forms.ChoiceField(label=_("Phase"), choices=PHASES, required=False)
    days_from_arrival = forms.IntegerField(
        label=_("Due, days from arrival"), required=False, min_value=-365, max_value=730,
        help_text=_("Negative: before arrival. Optional."),
    )

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("phase"):
            self.add_error("phase", _("Choose a phase."))
        return data


FirmTaskFormSet = forms.formset_factory(FirmTaskForm, extra=3, max_num=20, absolute_max=20, validate_max=True)


def tasks_from(formset):
    return [
        {"title": f.cleaned_data["title"], "phase": f.cleaned_data["phase"],
         "days_from_arrival": f.cleaned_data.get("days_from_arrival")}
        for f in formset.forms
        if f.cleaned_data.get("title")
    ]


class LinkFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("All")), (SharedChecklist.ACTIVE, _("Active")), (SharedChecklist.EXPIRED, _("Expired")),
                 (SharedChecklist.REVOKED, _("Revoked"))],
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All"))] + list(LANGUAGES))
    q = forms.CharField(label=_("Reference contains"), required=False, max_length=80)


class ExtendForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Extend by"), coerce=int,
        choices=[(30, _("30 days")), (90, _("90 days")), (180, _("180 days"))],
    )


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("Which system uses it, e.g. 'CRM'."))
    scope = forms.ChoiceField(label=_("Access"), choices=ApiToken.SCOPES, initial=ApiToken.READ)
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At the latest one year from today; empty means that latest date."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day is not None and day <= timezone.localdate():
            raise forms.ValidationError(_("The date must be in the future."))
        latest = timezone.localdate() + timedelta(days=settings.FIRM_API_TOKEN_MAX_DAYS)
        if day is not None and day > latest:
            raise forms.ValidationError(_("A token can live at most until %(day)s.") % {"day": latest.isoformat()})
        return day


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Member.ROLES, initial=Member.STAFF)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this e-mail address already has an account."))
        return email


class AcceptInvitationForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("The password again")
