"""Background work of the content app (beat): link checks, review reminders, translation alerts, counters."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(
    name="content.tasks.check_links",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 3},
)
def check_links(force=False, hosts=None):
    """Check every outbound link. Idempotent: addresses checked in the last hours are skipped."""
    from content import linkcheck

    summary = linkcheck.run(force=force, hosts=hosts)
    logger.info("Link check: %s", " ".join(summary.lines()))
    return {"found": summary.found, "checked": summary.checked, "outcomes": dict(summary.outcomes)}


@shared_task(
    name="content.tasks.send_review_reminders",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def send_review_reminders():
    """E-mail each agency's editors their guides due for review, once per ISO week (idempotent)."""
    from content import review

    sent = review.send_review_reminders()
    if sent:
        logger.info("Review reminders sent: %s", sent)
    return sent


@shared_task(
    name="content.tasks.fold_counters",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def fold_counters():
    """Fold the anonymous counts waiting in Redis into the daily rows (idempotent: content/counters.py)."""
    from content import counters

    added = counters.fold()
    if added:
        logger.info("Counters folded: %d counts", added)
    return added


@shared_task(
    name="content.tasks.alert_translators",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def alert_translators(page_id):
    """Tell each language's translators that a source page they translate changed (once per revision)."""
    from content import translation_alerts

    sent = translation_alerts.alert_translators(page_id)
    if sent:
        logger.info("Translation alerts for page %s: %s", page_id, sent)
    return sent
