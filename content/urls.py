"""URLs under a language prefix (/<lang>/...)."""
urlpatterns: list = []
