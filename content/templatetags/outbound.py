"""``{% outbound_url url agency=… %}``: the click-through address of an outbound link (content/outbound.py)."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from content.outbound import link_id as signed_id

register = template.Library()


@register.simple_tag(takes_context=True)
def outbound_url(context, url, agency=None):
    """``/out/<id>/?p=<page>&a=<agency slug>``; the address itself when it cannot be counted."""
    link_id = signed_id(url)
    if link_id is None:
        return url
    params = {}
    page = context.get("page")
    if getattr(page, "pk", None):
        params["p"] = page.pk
    agency = agency or context.get("content_agency") or context.get("agency")
    # An agency of the register, or a checklist item's agency (a dict with the register's slug as "key").
    slug = agency.get("key", "") if isinstance(agency, dict) else getattr(agency, "slug", "")
    if slug:
        params["a"] = slug
    address = reverse("outbound", args=[link_id])
    return f"{address}?{urlencode(params)}" if params else address
