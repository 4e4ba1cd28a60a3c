"""URLs under a language prefix (/<lang>/...)."""
from django.urls import path

from content import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("agencies/", views.agency_index, name="agency-index"),
    path("agencies/<slug:slug>/", views.agency_detail, name="agency-detail"),
]
