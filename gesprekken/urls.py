from django.urls import path

from .views import afspraken, gesprek, vastleggen, verslag

app_name = "gesprekken"

urlpatterns = [
    path("<int:pk>/", gesprek.gesprek_detail, name="detail"),
    path("<int:pk>/bewerken/", gesprek.gesprek_bewerken, name="bewerken"),
    path("<int:pk>/status/", gesprek.gesprek_status, name="status"),
    # The forms of the gesprek page, each to its own view.
    path("<int:pk>/antwoorden/<int:antwoord_pk>/", vastleggen.antwoord, name="antwoord"),
    path("<int:pk>/top3/<int:antwoord_pk>/", vastleggen.top3, name="top3"),
    path("<int:pk>/samenvatting/", vastleggen.samenvatting, name="samenvatting"),
    path("<int:pk>/afspraken/nieuw/", vastleggen.afspraak_nieuw, name="afspraak_nieuw"),
    path(
        "<int:pk>/afspraken/<int:afspraak_pk>/status/",
        vastleggen.afspraak_status,
        name="afspraak_status",
    ),
    path("<int:pk>/verslag/", verslag.verslag, name="verslag"),
    path("<int:pk>/verslag.pdf", verslag.verslag_pdf, name="verslag_pdf"),
    path("<int:pk>/gesprek.csv", verslag.gesprek_export, {"formaat": "csv"}, name="csv"),
    path("<int:pk>/gesprek.xlsx", verslag.gesprek_export, {"formaat": "xlsx"}, name="xlsx"),
    path("afspraken/<int:pk>/", afspraken.afspraak_detail, name="afspraak"),
]
