app_name = "teamgesprekken"

urlpatterns: list = []
