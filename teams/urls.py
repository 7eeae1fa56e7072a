from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("", views.team_list, name="list"),
    path("<slug:slug>/", views.team_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.team_bewerken, name="bewerken"),
    path("<slug:slug>/clusters/", views.cluster_list, name="clusters"),
    path("<slug:slug>/clusters/nieuw/", views.cluster_nieuw, name="cluster_nieuw"),
    path(
        "<slug:slug>/clusters/<int:pk>/bewerken/",
        views.cluster_bewerken,
        name="cluster_bewerken",
    ),
]
