from django.urls import path

from . import views

urlpatterns = [
    path("", views.landelijk_beeld, name="landelijk_beeld"),
    path(
        "<slug:tabel>.csv",
        views.landelijk_beeld_export,
        {"formaat": "csv"},
        name="landelijk_beeld_csv",
    ),
    path(
        "<slug:tabel>.xlsx",
        views.landelijk_beeld_export,
        {"formaat": "xlsx"},
        name="landelijk_beeld_xlsx",
    ),
]
