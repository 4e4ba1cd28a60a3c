"""A service a place offers newcomers: a welcome service, an International House, a kommunlots, the
nearest Statens servicecenter — what it does and where to find it."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ServiceBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("name of the service"), max_length=160)
    text = blocks.TextBlock(label=_("what it does for newcomers"))
    url = blocks.URLBlock(label=_("address"), required=False)

    class Meta:
        icon = "home"
        label = _("Service")
        template = "components/streamfield/blocks/service.html"
