"""Steps held plain text; now they hold rich text (links in steps). Wrap each existing step's text
into <p>…</p> paragraphs (blank lines separate paragraphs), in pages and in their revisions, so
drafts and the history read the same. Text that is already HTML is left as it is."""
import json

from django.db import migrations
from django.utils.html import escape


def looks_like_html(text):
    return text.lstrip().startswith("<")


def text_to_html(text):  # a frozen copy of content.blocks.step.text_to_html
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join("<p>" + escape(part).replace("\n", "<br>") + "</p>" for part in paragraphs)


def convert_body(body):
    changed = False
    for block in body or []:
        if block.get("type") == "step" and isinstance(block.get("value"), dict):
            text = block["value"].get("text")
            if isinstance(text, str) and text and not looks_like_html(text):
                block["value"]["text"] = text_to_html(text)
                changed = True
    return changed


def forwards(apps, schema_editor):
    GuidePage = apps.get_model("content", "GuidePage")
    for page in GuidePage.objects.all().only("pk", "body"):
        raw = list(page.body.raw_data)
        if convert_body(raw):
            GuidePage.objects.filter(pk=page.pk).update(body=raw)
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    guide_type = ContentType.objects.filter(app_label="content", model="guidepage").first()
    if guide_type is None:
        return
    for revision in Revision.objects.filter(content_type=guide_type).only("pk", "content"):
        content = revision.content or {}
        body = content.get("body")
        if isinstance(body, str):
            body = json.loads(body)
            if convert_body(body):
                content["body"] = json.dumps(body)
                Revision.objects.filter(pk=revision.pk).update(content=content)
        elif isinstance(body, list) and convert_body(body):
            content["body"] = body
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_rich_text_steps_images_documents"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
