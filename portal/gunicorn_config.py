"""gunicorn settings for the web container: an access log that holds no secrets (portal/accesslog.py)."""
logger_class = "portal.accesslog.RedactingLogger"
# The combined format; %(r)s and %(f)s pass through the redaction, query strings are dropped.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
