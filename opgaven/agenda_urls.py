from django.urls import path

from . import views

app_name = "agenda"

# /teams/<slug>/agenda/…: the page, and one small view per form on it.
urlpatterns = [
    path("", views.teamagenda, name="bewerken"),
    path("toevoegen/", views.agenda_toevoegen, name="toevoegen"),
    path("<int:pk>/wijzigen/", views.agenda_wijzigen, name="wijzigen"),
    path("<int:pk>/verwijderen/", views.agenda_verwijderen, name="verwijderen"),
]
