"""Template tags used by the site-wide layout."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from portal.fragments import FragmentNode
from portal.switcher import alternates_for

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in each site language (see portal.switcher)."""
    request = context.get("request")
    if request is None:
        return []
    page_urls = context.get("language_urls")  # a Wagtail page's own translations (content.navigation)
    cached = getattr(request, "_landa_alternates", None)  # the switcher and the hreflang links share them
    if cached is None or cached[0] is not page_urls:
        cached = (page_urls, alternates_for(request, page_urls))
        request._landa_alternates = cached
    return cached[1]


@register.simple_tag
def switch_language_url(alternate):
    """A link that remembers the choice in the language cookie, then goes to the translated page."""
    return reverse("switch-language", args=[alternate.code]) + "?" + urlencode({"next": alternate.url})


@register.filter
def page_type(page) -> str:
    """A Wagtail page's type as a CSS class part (``guidepage``), for styling and the site checks."""
    return type(page).__name__.lower()


@register.tag
def fragment(parser, token):
    """``{% fragment NAME [value …] %}…{% endfragment %}``: rendered once per reader's language, the
    values and page-cache generation (portal.fragments)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
