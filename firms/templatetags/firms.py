"""Template helpers for the firms' pages."""
from django import forms, template

register = template.Library()


@register.filter
def is_multiple(bound_field) -> bool:
    """Checkboxes and radio buttons are grouped in a fieldset with a legend."""
    return isinstance(bound_field.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect)


@register.simple_tag
def described_widget(bound_field):
    """The widget, tied to its hint and error message for screen readers."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)
