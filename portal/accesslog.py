"""gunicorn's access log without secrets: no query strings, link codes and invitation tokens redacted.

``/c/<code>`` is a bearer secret (it shows the client's answers and the firm's note), so is an
invitation token, and a checklist's query string is a person's situation. The log keeps the method,
the shape of the path, the status and the timing — enough to operate the site. Used through
``portal/gunicorn_config.py`` (``gunicorn -c python:portal.gunicorn_config``).
"""
import re
from urllib.parse import urlsplit

from gunicorn.glogging import Logger

REDACTED = "…"
# A link's code after /c/ (the client's page) or /links/ (workspace, API); an invitation's token.
_SECRET_SEGMENT = re.compile(r"(/(?:c|links|invitation)/)(?!new/)[^/?#]+")
_URL_ATOMS = ("r", "U", "f", "{referer}i", "{referer}e", "{http_referer}e", "{raw_uri}e", "{path_info}e")


def redact_path(path: str) -> str:
    """The path alone (query and fragment dropped), secret segments replaced."""
    if not path or path == "-":
        return path
    parts = urlsplit(path)
    base = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return base + _SECRET_SEGMENT.sub(rf"\g<1>{REDACTED}", parts.path)


def redact_request_line(line: str) -> str:
    method, _, rest = line.partition(" ")
    target, _, protocol = rest.rpartition(" ") if rest.count(" ") else (rest, "", "")
    return " ".join(part for part in (method, redact_path(target), protocol) if part)


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        clean = dict(environ)
        clean["QUERY_STRING"] = ""
        clean["RAW_URI"] = redact_path(environ.get("RAW_URI", ""))
        clean["PATH_INFO"] = redact_path(environ.get("PATH_INFO", ""))
        if "HTTP_REFERER" in environ:
            clean["HTTP_REFERER"] = redact_path(environ["HTTP_REFERER"])
        atoms = super().atoms(resp, req, clean, request_time)
        atoms["q"] = ""
        atoms["r"] = redact_request_line(atoms["r"])
        for key in _URL_ATOMS[1:]:
            if isinstance(atoms.get(key), str):
                atoms[key] = redact_path(atoms[key])
        for key in ("{cookie}i", "{authorization}i", "{http_cookie}e", "{http_authorization}e"):
            if key in atoms:
                atoms[key] = REDACTED
        return atoms
