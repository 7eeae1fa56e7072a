app_name = "gesprekken"

urlpatterns: list = []
