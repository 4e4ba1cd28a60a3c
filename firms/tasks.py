"""Background work of the firms app."""
import logging

from celery import shared_task

from firms import services

logger = logging.getLogger(__name__)


@shared_task(
    name="firms.tasks.purge_expired_links",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def purge_expired_links():
    """Delete links FIRM_LINK_RETENTION_DAYS after they expired or were revoked (beat schedule).

    Idempotent: a second run finds nothing more to delete.
    """
    deleted = services.purge_expired_links()
    if deleted:
        logger.info("Deleted %s shared checklist link(s) past retention", deleted)
    return deleted
