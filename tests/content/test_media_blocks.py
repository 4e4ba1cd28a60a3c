"""Images with required alt text, documents, and rich text with links in a step's text."""
import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission

from content.blocks import ImageBlock, StepBlock
from content.blocks.step import plain_text, text_to_html
from content.models import GuidePage


def test_an_image_needs_its_alternative_text(db):
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean({"image": None, "alt": "", "caption": ""})
    assert block.child_blocks["alt"].required


def test_a_step_holds_links_and_reads_old_plain_text_as_paragraphs():
    block = StepBlock()
    text = '<p>Book at <a href="https://www.skatteverket.se">the agency</a>.</p>'
    value = block.to_python({"heading": "Book", "text": text})
    html = block.render(value)
    assert '<a href="https://www.skatteverket.se">the agency</a>' in html
    old = block.to_python({"heading": "Go", "text": "First line.\n\nSecond <paragraph> & more."})
    html = block.render(old)
    assert "<p>First line.</p><p>Second &lt;paragraph&gt; &amp; more.</p>" in html
    assert plain_text(old["text"]) == "First line. Second <paragraph> & more."
    assert text_to_html("a\nb") == "<p>a<br>b</p>"


def test_the_data_migration_wraps_existing_step_text(demo):
    migration = importlib.import_module("content.migrations.0006_step_text_to_paragraphs")
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    raw = list(page.body.raw_data)
    step = next(block for block in raw if block["type"] == "step")
    step["value"]["text"] = "Plain & simple."
    GuidePage.objects.filter(pk=page.pk).update(body=StreamValue(page.body.stream_block, raw, is_lazy=True))
    migration.forwards(django_apps, None)
    page = GuidePage.objects.get(pk=page.pk)
    step = next(block for block in page.body.raw_data if block["type"] == "step")
    assert step["value"]["text"] == "<p>Plain &amp; simple.</p>"


def test_a_guide_renders_an_image_and_documents(client, demo):
    image = django_apps.get_model("wagtailimages", "Image").objects.create(
        title="Queue ticket", file=get_test_image_file())
    document = Document.objects.create(title="Form SKV 7665", file=ContentFile(b"%PDF-1.4", name="skv7665.pdf"))
    page = GuidePage.objects.get(slug="register-population", locale__language_code="en")
    page.body.append(("image", {"image": image, "alt": "A queue ticket from the service office", "caption": ""}))
    page.body.append(("documents", {"heading": "Forms", "documents": [{"document": document, "title": ""}]}))
    page.save_revision().publish()
    html = client.get("/en/arriving/register-population/").content.decode()
    assert 'alt="A queue ticket from the service office"' in html
    assert "Form SKV 7665" in html and "(PDF)" in html


def test_agency_editors_may_use_images_and_documents(demo):
    group = Group.objects.get(name="Agency: Skatteverket")
    root = Collection.get_first_root_node()
    codenames = set(GroupCollectionPermission.objects.filter(group=group, collection=root)
                    .values_list("permission__codename", flat=True))
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= codenames
