"""One public page of each type in the demo content, by kind: the table the site-wide tests visit."""

PAGE_TYPES = {
    "home": "/{lang}/",
    "phase": "/{lang}/arriving/",
    "guide": "/{lang}/arriving/register-population/",
    "life event index": "/{lang}/life-events/",
    "life event": "/{lang}/life-events/parent/",
    "standard": "/{lang}/accessibility/",
    "agency": "/{lang}/agencies/skatteverket/",
    "agency index": "/{lang}/agencies/",
    "search": "/{lang}/search/?q=personnummer",
    "place index": "/{lang}/where-you-live/",
    "region": "/{lang}/where-you-live/vastra-gotaland/",
    "municipality": "/{lang}/where-you-live/vastra-gotaland/goteborg/",
    "local guide": "/{lang}/where-you-live/vastra-gotaland/goteborg/preschool/",
}
