"""The Redis cache client for tests run in parallel (pytest -n): ``clear()`` empties only this worker's keys.

django-redis clears a cache with FLUSHDB, which under pytest-xdist would empty the other worker's cache in
the middle of its test. Each worker has its own KEY_PREFIX (portal/settings/test.py), so deleting the keys
under that prefix is the whole of its cache.
"""
from django_redis.client import DefaultClient


class WorkerClient(DefaultClient):
    def clear(self, client=None):
        client = client or self.get_client(write=True)
        keys = []
        for key in client.scan_iter(match=f"{self._backend.key_prefix}:*", count=1000):
            keys.append(key)
            if len(keys) >= 500:
                client.delete(*keys)
                keys = []
        if keys:
            client.delete(*keys)
