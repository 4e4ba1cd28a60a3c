"""Site-wide background work: the daily retention job (portal/retention.py), and the one retry
policy every idempotent beat task of the apps shares."""

import logging

from celery import shared_task

from portal import retention

logger = logging.getLogger(__name__)


def idempotent_task(name, max_retries=5):
    """A beat task that is safe to run again: any error retries it with exponential backoff."""
    return shared_task(
        name=name,
        autoretry_for=(Exception,),
        retry_backoff=True,
        retry_kwargs={"max_retries": max_retries},
    )


@idempotent_task("portal.tasks.apply_retention")
def apply_retention():
    deleted = retention.apply_retention()
    logger.info("Retention: deleted %s", deleted)
    return deleted
