from django.urls import path

from . import views

app_name = "opgaven"

urlpatterns = [
    path("", views.opgave_list, name="list"),
    path("<slug:slug>/", views.opgave_detail, name="detail"),
]

# The team agenda, under /teams/<slug>/agenda/ (namespace "agenda"): the page, and one small
# view per form on it.
agenda = (
    [
        path("", views.teamagenda, name="bewerken"),
        path("toevoegen/", views.agenda_toevoegen, name="toevoegen"),
        path("<int:pk>/wijzigen/", views.agenda_wijzigen, name="wijzigen"),
        path("<int:pk>/verwijderen/", views.agenda_verwijderen, name="verwijderen"),
    ],
    "agenda",
)
