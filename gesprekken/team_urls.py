"""A team's gesprekken and afspraken, under /teams/<slug>/."""

from django.urls import path

from .views import team

app_name = "teamgesprekken"

urlpatterns = [
    path("gesprekken/", team.gesprek_list, name="list"),
    path("gesprekken/nieuw/", team.gesprek_nieuw, name="nieuw"),
    path("afspraken/", team.afspraak_list, name="afspraken"),
    path("afspraken.csv", team.afspraak_export, {"formaat": "csv"}, name="afspraken_csv"),
    path("afspraken.xlsx", team.afspraak_export, {"formaat": "xlsx"}, name="afspraken_xlsx"),
]
