"""StreamField blocks of the guidance CMS, one module per block family.

``GUIDE_BLOCKS`` is what a guide's body may hold; ``SOURCE_BLOCKS`` its list of sources;
``STANDARD_BLOCKS`` the body of about/privacy/accessibility pages.
"""
from content.blocks.agency import AgencyContactBlock
from content.blocks.changes import ChangesComingBlock
from content.blocks.eservice import EServiceBlock
from content.blocks.media import DocumentsBlock, ImageBlock
from content.blocks.need import WhatYouNeedBlock
from content.blocks.prose import HeadingBlock, ParagraphBlock
from content.blocks.sources import SourceLinkBlock
from content.blocks.step import StepBlock
from content.blocks.warning import WarningBlock

GUIDE_BLOCKS = [
    ("step", StepBlock()),
    ("what_you_need", WhatYouNeedBlock()),
    ("warning", WarningBlock()),
    ("agency_contact", AgencyContactBlock()),
    ("eservice", EServiceBlock()),
    ("changes_coming", ChangesComingBlock()),
    ("image", ImageBlock()),
    ("documents", DocumentsBlock()),
]

SOURCE_BLOCKS = [("source", SourceLinkBlock())]

STANDARD_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
]

__all__ = [
    "GUIDE_BLOCKS",
    "SOURCE_BLOCKS",
    "STANDARD_BLOCKS",
    "AgencyContactBlock",
    "ChangesComingBlock",
    "DocumentsBlock",
    "EServiceBlock",
    "HeadingBlock",
    "ImageBlock",
    "ParagraphBlock",
    "SourceLinkBlock",
    "StepBlock",
    "WarningBlock",
    "WhatYouNeedBlock",
]
