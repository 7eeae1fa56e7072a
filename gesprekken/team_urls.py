"""A team's gesprekken and afspraken, under /teams/<slug>/."""

from django.urls import path

from . import views

app_name = "teamgesprekken"

urlpatterns = [
    path("gesprekken/", views.gesprek_list, name="list"),
    path("gesprekken/nieuw/", views.gesprek_nieuw, name="nieuw"),
    path("afspraken/", views.afspraak_list, name="afspraken"),
    path("afspraken.csv", views.afspraak_csv, name="afspraken_csv"),
]
