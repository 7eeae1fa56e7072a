from django.urls import path

from . import views

app_name = "gesprekken"

urlpatterns = [
    path("<int:pk>/", views.gesprek_detail, name="detail"),
    path("<int:pk>/bewerken/", views.gesprek_bewerken, name="bewerken"),
    path("<int:pk>/verslag/", views.verslag, name="verslag"),
    path("<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag_pdf"),
    path("<int:pk>/gesprek.csv", views.gesprek_csv, name="csv"),
    path("afspraken/<int:pk>/", views.afspraak_detail, name="afspraak"),
]
