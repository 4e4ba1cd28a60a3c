"""Parts of a page rendered once and kept until the next publish: ``{% fragment %}`` (portal.templatetags.landa).

A guide's text, the navigation and the footer are the same for every reader of a page in a language
until something is published, yet were rendered on every request whose query string missed the page
cache. A fragment is kept per name, reader's language and the values the template names (the page and
its published revision, the navigation's current item), with the page cache's generation
(``portal.caching.derived``): every publish, unpublish, move, agency or task change starts a new one,
so the next request renders it again, in every language.

Rendered afresh, never read or stored: in a preview (Wagtail's ``request.is_preview``, as its own
``{% wagtailcache %}``), for a reader with a session (an editor; the same rule as the page cache), and
when a value it varies on is None (an unsaved page). On an Arabic page the fragment is kept with its
Latin runs already isolated (``portal.bidi.isolate_fragment``), so the response's pass copies it
instead of walking it again.
"""
from django.core.cache.utils import make_template_fragment_key
from django.template import Node
from django.utils.translation import get_language

from portal.bidi import ISOLATED_LANGUAGE, isolate_fragment
from portal.caching import anonymous_request, derived


def fragment_key(name: str, language: str, *vary_on) -> str:
    return make_template_fragment_key(f"landa:{name}", [language, *vary_on])


class FragmentNode(Node):
    def __init__(self, nodelist, name: str, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        vary_on = [value.resolve(context) for value in self.vary_on]
        if (
            request is None
            or getattr(request, "is_preview", False)
            or not anonymous_request(request)
            or any(value is None for value in vary_on)
        ):
            return self.nodelist.render(context)
        language = get_language()
        key = fragment_key(self.name, language, *vary_on)

        def build():
            raw = self.nodelist.render(context)
            return raw, isolate_fragment(raw) if language == ISOLATED_LANGUAGE else None

        raw, isolated = derived(request, key, build)
        if isolated is not None:
            if not hasattr(request, "_landa_isolated_fragments"):
                request._landa_isolated_fragments = []
            request._landa_isolated_fragments.append((raw, isolated))
        return raw
