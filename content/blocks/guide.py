"""A guide's body: the blocks a guide is made of, in the order its editor arranges them."""
from wagtail import blocks

from content.blocks.agency import AgencyContactBlock
from content.blocks.changes import ChangesComingBlock
from content.blocks.eservice import EServiceBlock
from content.blocks.media import DocumentsBlock, ImageBlock
from content.blocks.need import WhatYouNeedBlock
from content.blocks.step import StepBlock
from content.blocks.warning import WarningBlock


class GuideBodyBlock(blocks.StreamBlock):
    """Steps, what you need, warnings, the agency's contact, e-services, changes coming, images and forms.

    The names are the keys stored in each guide's JSON: renaming one orphans that block in every guide.
    """

    step = StepBlock()
    what_you_need = WhatYouNeedBlock()
    warning = WarningBlock()
    agency_contact = AgencyContactBlock()
    eservice = EServiceBlock()
    changes_coming = ChangesComingBlock()
    image = ImageBlock()
    documents = DocumentsBlock()
