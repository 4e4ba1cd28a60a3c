from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FirmsConfig(AppConfig):
    """Firm accounts, shared checklist links (/c/<code>), their workspace and API."""

    name = "firms"
    verbose_name = _("Relocation firms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from firms import signals  # noqa: F401 - connects the receivers
