from django.apps import AppConfig


class PodiumConfig(AppConfig):
    name = "podium"
    verbose_name = "Podium"
