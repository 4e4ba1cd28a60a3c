"""Images and documents (forms, PDFs) in a guide.

An image's alternative text is required and written in the page's language (it is translated with
the page); a decorative image does not belong in a guide. Documents are listed with their file type
so readers know what they download.
"""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"), max_length=250, required=True,
        help_text=_("What the image shows, for readers who cannot see it, in the page's language."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), max_length=200, required=False,
                             help_text=_("Leave empty to use the document's title."))


class DocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=160, required=False)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "components/streamfield/blocks/documents.html"
