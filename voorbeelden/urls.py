from django.urls import path

from . import views, vragen

app_name = "voorbeelden"

urlpatterns = [
    path("", views.voorbeeld_list, name="list"),
    path("nieuw/", views.voorbeeld_nieuw, name="nieuw"),
    path("feed/", views.VoorbeeldenFeed(), name="feed"),
    path("<slug:slug>/", views.voorbeeld_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.voorbeeld_bewerken, name="bewerken"),
    path("<slug:slug>/toepassen/", views.voorbeeld_toepassen, name="toepassen"),
    path(
        "<slug:slug>/niet-meer-toepassen/",
        views.voorbeeld_toepassen,
        {"toepassen": False},
        name="niet_meer_toepassen",
    ),
    path("<slug:slug>/vraag/", vragen.voorbeeld_vraag, name="vraag"),
    path("<slug:slug>/vragen/<int:pk>/reageren/", vragen.vraag_reageren, name="reageren"),
    path("<slug:slug>/berichten/<int:pk>/verbergen/", vragen.bericht_verbergen, name="verbergen"),
]
