app_name = "voorbeelden"

urlpatterns: list = []
