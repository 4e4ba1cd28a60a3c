"""URLs without a language prefix (machines: API, feeds, short links)."""
urlpatterns: list = []
