from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

MELDING = "SECRET_KEY is required when DEBUG is off"


def _ontbreekt() -> bool:
    try:
        return not settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return True


def vereis_secret_key() -> None:
    """The app servers refuse to start without a key: fail loudly, before any request."""
    if _ontbreekt():
        raise ImproperlyConfigured(MELDING)


@register(Tags.security, deploy=True)
def secret_key_gezet(app_configs, **kwargs) -> list[Error]:
    return [Error(MELDING, id="podium.E001")] if _ontbreekt() else []
