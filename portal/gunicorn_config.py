"""gunicorn settings for the web container and bench/site.py: threads with keep-alive, and an access log
that holds no secrets (portal/accesslog.py).

``gthread`` workers keep connections open (Varnish's pooled backend connections, a load generator's) and
answer from a few threads each; the sync worker closed every connection after one answer, which cost
more than serving a page from the origin cache. The worker count stays about one per core
(``--workers``); ``GUNICORN_THREADS`` threads each (4) share the worker's CPU while one waits on
PostgreSQL or Redis. Measured in bench/README.md.
"""
import os

logger_class = "portal.accesslog.RedactingLogger"
# The combined format; %(r)s and %(f)s pass through the redaction, query strings are dropped.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Longer than Varnish's backend_idle_timeout (60 s), so Varnish, not gunicorn, closes idle connections
# (no request sent on a connection gunicorn is closing).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "65"))
