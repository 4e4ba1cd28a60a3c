"""Site-wide background work: the daily retention job (portal/retention.py)."""
import logging

from celery import shared_task

from portal import retention

logger = logging.getLogger(__name__)


@shared_task(
    name="portal.tasks.apply_retention",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def apply_retention():
    deleted = retention.apply_retention()
    logger.info("Retention: deleted %s", deleted)
    return deleted
