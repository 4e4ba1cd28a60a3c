"""Background work of the content app (beat): link checks, review reminders, translation alerts, counters."""

import logging

from portal.tasks import idempotent_task

logger = logging.getLogger(__name__)


@idempotent_task("content.tasks.check_links", max_retries=3)
def check_links(force=False, hosts=None):
    """Check every outbound link. Idempotent: addresses checked in the last hours are skipped."""
    from content import linkcheck

    summary = linkcheck.run(force=force, hosts=hosts)
    logger.info("Link check: %s", " ".join(summary.lines()))
    return {"found": summary.found, "checked": summary.checked, "outcomes": dict(summary.outcomes)}


@idempotent_task("content.tasks.send_review_reminders")
def send_review_reminders():
    """E-mail each agency's editors their guides due for review, once per ISO week (idempotent)."""
    from content import review

    sent = review.send_review_reminders()
    if sent:
        logger.info("Review reminders sent: %s", sent)
    return sent


@idempotent_task("content.tasks.fold_counters")
def fold_counters():
    """Fold the anonymous counts waiting in Redis into the daily rows (idempotent: content/counters.py)."""
    from content import counters

    added = counters.fold()
    if added:
        logger.info("Counters folded: %d counts", added)
    return added


@idempotent_task("content.tasks.alert_translators")
def alert_translators(page_id):
    """Tell each language's translators that a source page they translate changed (once per revision)."""
    from content import translation_alerts

    sent = translation_alerts.alert_translators(page_id)
    if sent:
        logger.info("Translation alerts for page %s: %s", page_id, sent)
    return sent
