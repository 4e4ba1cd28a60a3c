"""The questionnaire as one Django form: its fields present the questions, the contract's parser checks them.

The fields (their labels, hints, choices and widgets) come from ``guides.questions`` and
``guides.vocabulary``; the page renders each with Django's form rendering through the field and widget
templates in ``templates/guides/questionnaire/``. Validation is not the fields' job: ``clean()`` hands
the whole query to ``guides.situation.parse_partial``, the one parser every entry point uses
(DESIGN.md, "The checklist contract" → "Parsing": empty is absent, repeated different values are an
error, errors are keyed by field, the cross-field rules), so the questionnaire cannot drift from the
API, the calendar and a firm's links.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from guides import questions
from guides.situation import ISO_DATE, MAX_VALUE_LENGTH, latest_arrival, parse_partial

TEMPLATES = "guides/questionnaire/"


class Answer(BoundField):
    """A question on the page: it shows the parsed answer (an answer in error is shown unchosen, a date in
    error as typed) and describes its input by the question's hint and error message."""

    def value(self):
        answers = getattr(self.form, "cleaned_data", {})
        if self.name in answers:
            return self.field.prepare_value(answers[self.name])
        if self.name == "arrival" and self.errors:
            return self._date_as_typed()
        return self.initial

    def _date_as_typed(self) -> str | None:
        """A refused date is shown again when it is a real date (out of range); anything else is not a
        valid value of a date input (the HTML checker refuses it; a browser would drop it)."""
        typed = (self.data or "")[:MAX_VALUE_LENGTH]
        try:
            dt.date.fromisoformat(typed)
        except ValueError:
            return None
        return typed if ISO_DATE.fullmatch(typed) else None

    def build_widget_attrs(self, attrs, widget=None):
        attrs = dict(attrs)
        if (widget or self.field.widget).use_fieldset:  # the fieldset is described, each option by its hint
            return attrs
        attrs["aria-describedby"] = f"{self.name}-hint" + (f" {self.name}-error" if self.errors else "")
        if self.errors:
            attrs["aria-invalid"] = "true"
        return attrs


class Choices(forms.RadioSelect):
    """Radio buttons, each option with its plain-words explanation (``hints``) tied to it."""

    template_name = TEMPLATES + "choices.html"
    option_template_name = TEMPLATES + "choice.html"

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"] = {"id": f"id_{name}_{value}", "checked": selected}
        option["hint"] = self.hints.get(value, "")
        return option


class Checkboxes(Choices, forms.CheckboxSelectMultiple):
    """Checkboxes; a shared link lists the children's age groups as one comma list."""

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name) or []
        return [part for value in values for part in value.split(",") if part]


class Question:
    """A choice field that presents its question; the contract's parser (the form's ``clean()``) checks it."""

    def __init__(self, question: questions.Question, **kwargs):
        super().__init__(
            label=question.legend,
            help_text=question.hint,
            choices=[(option.value, option.label) for option in question.options],
            widget=(Checkboxes if question.multiple else Choices)(
                hints={option.value: option.hint for option in question.options}
            ),
            required=False,
            template_name=TEMPLATES + "question.html",
            **kwargs,
        )

    def clean(self, value):
        return value


class SingleQuestion(Question, forms.ChoiceField):
    pass


class MultipleQuestion(Question, forms.MultipleChoiceField):
    pass


class DateInput(forms.DateInput):
    """The browser's date picker; without it the reader types year-month-day, as the hint says."""

    input_type = "date"
    template_name = TEMPLATES + "date_input.html"


class ArrivalQuestion(forms.DateField):
    def clean(self, value):
        return value


class PlaceSelect(forms.Select):
    """One select grouped by region (works without JavaScript); static/js/place.js adds a filter box."""

    template_name = TEMPLATES + "place_select.html"
    option_template_name = TEMPLATES + "place_option.html"


def place_choices():
    """"Not decided yet", then each region's municipalities (Swedish names, Swedish order)."""
    from guides.place import grouped_municipalities

    return [("", _("Not decided yet")), *((region, list(group)) for region, group in grouped_municipalities())]


class PlaceQuestion(forms.ChoiceField):
    def clean(self, value):
        return value


class Questionnaire(forms.Form):
    """Every answer of the checklist contract; a page shows one question (or the stay and the arrival)."""

    default_renderer = TemplatesSetting
    bound_field_class = Answer

    status = SingleQuestion(questions.STATUS)
    permit = SingleQuestion(questions.permit_question(None))
    family = SingleQuestion(questions.FAMILY)
    children = MultipleQuestion(questions.CHILDREN)
    partner = SingleQuestion(questions.PARTNER)
    stay = SingleQuestion(questions.STAY)
    arrival = ArrivalQuestion(
        label=_("When do you arrive in Sweden? (optional)"),
        help_text=_("Give a date to get due dates. Format: year-month-day, for example 2027-03-01."),
        required=False,
        template_name=TEMPLATES + "date.html",
        widget=DateInput(format="%Y-%m-%d", attrs={"min": "2000-01-01"}),
    )
    municipality = PlaceQuestion(
        label=_("Where will you live? (optional)"),
        help_text=_(
            "Choose your municipality to see its local guides beside the steps, or leave it as “Not decided yet”. "
            "It changes none of the steps."
        ),
        choices=place_choices,
        required=False,
        template_name=TEMPLATES + "place.html",
        widget=PlaceSelect(attrs={"class": "js-place"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["arrival"].widget.attrs["max"] = latest_arrival().isoformat()
        self.heading = None

    def clean(self):
        """The answers and their errors as ``guides.situation.parse_partial`` reads them."""
        answers, errors = parse_partial(self.data)
        self.cleaned_data = answers
        for name, messages in errors.items():
            self.add_error(name, messages)
        # The permit question offers only what fits the citizenship; the partner's defaults to the mover's.
        status = answers.get("status")
        permit = questions.permit_question(status)
        field = self.fields["permit"]
        field.label, field.help_text = permit.legend, permit.hint
        field.choices = [(option.value, option.label) for option in permit.options]
        field.widget.hints = {option.value: option.hint for option in permit.options}
        self["permit"].label, self["permit"].help_text = field.label, field.help_text  # bound before clean()
        self.fields["partner"].initial = status
        return self.cleaned_data

    def asking(self, names: list[str]) -> list[BoundField]:
        """The questions shown on one page; the first one's legend is the page's heading."""
        self.heading = names[0]
        return [self[name] for name in names]
