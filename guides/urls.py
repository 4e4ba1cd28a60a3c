"""URLs under a language prefix (/<lang>/...)."""

from django.urls import path

from guides import views

app_name = "guides"
urlpatterns = [
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/calendar.ics", views.calendar, name="calendar"),
    path("checklist/tasks/<slug:key>/", views.task_page, name="task"),
]
