"""Is the shared cache (Redis) reachable right now? Asked only after a miss, answered for a moment.

django-redis with ``IGNORE_EXCEPTIONS`` turns a dead Redis into misses, so a miss alone cannot tell
"nothing cached" from "cache unreachable". A process that holds a copy of something (the checklist's
task catalogue) asks here before rebuilding it; the answer is remembered for ``REMEMBER_SECONDS`` so
a dead Redis costs at most one ping per process in that time.
"""
import time

REMEMBER_SECONDS = 2.0
_answers: dict[int, tuple[float, bool]] = {}


def cache_reachable(cache) -> bool:
    """False only when a Redis-backed cache does not answer a ping; other backends are in-process."""
    client = getattr(getattr(cache, "client", None), "get_client", None)
    if client is None:
        return True
    now = time.monotonic()
    remembered = _answers.get(id(cache))
    if remembered is not None and now - remembered[0] < REMEMBER_SECONDS:
        return remembered[1]
    try:
        reachable = bool(client(write=False).ping())
    except Exception:  # noqa: BLE001 - any failure (refused, timeout, auth) means unreachable
        reachable = False
    _answers[id(cache)] = (now, reachable)
    return reachable
