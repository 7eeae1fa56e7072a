from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("", views.team_list, name="list"),
    path("<slug:slug>/", views.team_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.team_bewerken, name="bewerken"),
]
