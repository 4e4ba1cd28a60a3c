"""StreamField blocks of the guidance CMS, one module per block family.

``GuideBodyBlock`` is what a guide's body may hold; ``SOURCE_BLOCKS`` its list of sources;
``STANDARD_BLOCKS`` the body of about/privacy/accessibility pages.
"""
from content.blocks.agency import AgencyContactBlock
from content.blocks.changes import ChangesComingBlock
from content.blocks.eservice import EServiceBlock
from content.blocks.guide import GuideBodyBlock
from content.blocks.media import DocumentsBlock, ImageBlock
from content.blocks.need import WhatYouNeedBlock
from content.blocks.prose import HeadingBlock, ParagraphBlock
from content.blocks.service import ServiceBlock
from content.blocks.sources import SourceLinkBlock
from content.blocks.step import StepBlock
from content.blocks.warning import WarningBlock

SOURCE_BLOCKS = [("source", SourceLinkBlock())]

STANDARD_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
]

__all__ = [
    "SOURCE_BLOCKS",
    "STANDARD_BLOCKS",
    "AgencyContactBlock",
    "ChangesComingBlock",
    "DocumentsBlock",
    "EServiceBlock",
    "GuideBodyBlock",
    "HeadingBlock",
    "ImageBlock",
    "ParagraphBlock",
    "ServiceBlock",
    "SourceLinkBlock",
    "StepBlock",
    "WarningBlock",
    "WhatYouNeedBlock",
]
