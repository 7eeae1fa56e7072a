from django.apps import AppConfig


class PodiumConfig(AppConfig):
    name = "podium"
    verbose_name = "Podium"

    def ready(self) -> None:
        from . import checks  # noqa: F401 (registers the deploy check)
        from .landelijk import signalen

        signalen.verbind()
